import type { Database, Queryable } from "../db/database.js";
import { cryptoRandom, type RandomSource, tokenFrom, uuidFrom } from "../seeded-random.js";

export interface Organization {
  id: string;
  name: string;
  email: string;
  owner_email: string;
}

export interface OrganizationCredentials {
  organizationId: string;
  name: string;
  clientId: string;
  clientSecret: string;
}

export async function findOrganization(db: Database, id: string): Promise<Organization | undefined> {
  const [row] = await db.read<Organization & Record<string, unknown>>(
    "find-organization",
    "SELECT id, name, email, owner_email FROM organizations WHERE id = $1",
    [id],
  );
  return row;
}

/** The unique index on `lower(email)` (migration 003): the database's word on the rule below. */
export const EMAIL_INDEX = "organizations_email_lower";

/** Whether an organization already has this email (compared case-insensitively, as emails are). */
export async function emailInUse(db: Queryable, email: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM organizations WHERE lower(email) = lower($1)", [email])).length > 0;
}

/** Creates an organization with one API client; returns its credentials. */
export async function createOrganization(
  db: Queryable,
  fields: { name: string; email: string; ownerEmail: string; seededRole?: string },
  random: RandomSource = cryptoRandom,
): Promise<OrganizationCredentials> {
  const organizationId = uuidFrom(random);
  const clientId = `sandbox-${tokenFrom(random, 9)}`;
  const clientSecret = tokenFrom(random, 24);
  await db.query(
    "INSERT INTO organizations (id, name, email, owner_email, seeded_role) VALUES ($1, $2, $3, $4, $5)",
    [organizationId, fields.name, fields.email, fields.ownerEmail, fields.seededRole ?? null],
  );
  await db.query("INSERT INTO api_clients (client_id, client_secret, organization_id) VALUES ($1, $2, $3)", [
    clientId,
    clientSecret,
    organizationId,
  ]);
  return { organizationId, name: fields.name, clientId, clientSecret };
}

export async function findApiClient(
  db: Database,
  clientId: string,
): Promise<{ client_secret: string; organization_id: string } | undefined> {
  const [row] = await db.read<{ client_secret: string; organization_id: string }>(
    "find-api-client",
    "SELECT client_secret, organization_id FROM api_clients WHERE client_id = $1",
    [clientId],
  );
  return row;
}

/**
 * The organizations seeded at start: four hosts and two guests, enough for the contract suite to judge every
 * rule (names, emails and owners differ, and the name order is not the creation order). Created on the first
 * start, found again on a restart with the same data. The first of each keeps the role names earlier versions used.
 */
const SEEDS = [
  { role: "host", name: "Sandbox Host Ltd", email: "contact@host.example", ownerEmail: "owner@host.example" },
  {
    role: "host-2",
    name: "acme Lending",
    email: "hello@acme-lending.example",
    ownerEmail: "cfo@acme.example",
  },
  {
    role: "host-3",
    name: "Zeta Capital",
    email: "desk@zeta-capital.example",
    ownerEmail: "ops@zeta.example",
  },
  { role: "host-4", name: "Beacon Bank", email: "team@beacon.example", ownerEmail: "founder@beacon.example" },
  {
    role: "guest",
    name: "Sandbox Guest Corp",
    email: "contact@guest.example",
    ownerEmail: "owner@guest.example",
  },
  {
    role: "guest-2",
    name: "Second Guest GmbH",
    email: "info@second-guest.example",
    ownerEmail: "ceo@second.example",
  },
] as const;

export interface SeededOrganizations {
  hosts: OrganizationCredentials[];
  guests: OrganizationCredentials[];
}

/** The seeded organizations: found again in a database that has them, else created from `random`. */
export async function seedOrganizations(
  db: Queryable,
  random: RandomSource = cryptoRandom,
): Promise<SeededOrganizations> {
  const seeded: SeededOrganizations = { hosts: [], guests: [] };
  for (const seed of SEEDS) {
    const [row] = await db.query<{ id: string; name: string; client_id: string; client_secret: string }>(
      `SELECT o.id, o.name, c.client_id, c.client_secret FROM organizations o JOIN api_clients c ON c.organization_id = o.id
       WHERE o.seeded_role = $1 ORDER BY c.client_id LIMIT 1`,
      [seed.role],
    );
    const organization = row
      ? { organizationId: row.id, name: row.name, clientId: row.client_id, clientSecret: row.client_secret }
      : await createOrganization(db, { ...seed, seededRole: seed.role }, random);
    (seed.role.startsWith("host") ? seeded.hosts : seeded.guests).push(organization);
  }
  return seeded;
}
