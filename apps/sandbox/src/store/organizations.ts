import { randomBytes, randomUUID } from "node:crypto";
import type { Database, Queryable } from "../db/database.js";

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

/** Creates an organization with one API client; returns its credentials. */
export async function createOrganization(
  db: Queryable,
  fields: { name: string; email: string; ownerEmail: string; seededRole?: "host" | "guest" },
): Promise<OrganizationCredentials> {
  const organizationId = randomUUID();
  const clientId = `sandbox-${randomBytes(9).toString("base64url")}`;
  const clientSecret = randomBytes(24).toString("base64url");
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

/** The seeded host and guest (created on first start, found again on a restart with the same data). */
export async function seedOrganizations(
  db: Queryable,
): Promise<{ host: OrganizationCredentials; guest: OrganizationCredentials }> {
  const read = async (role: "host" | "guest") => {
    const [row] = await db.query<{ id: string; name: string; client_id: string; client_secret: string }>(
      `SELECT o.id, o.name, c.client_id, c.client_secret FROM organizations o JOIN api_clients c ON c.organization_id = o.id
       WHERE o.seeded_role = $1 ORDER BY c.client_id LIMIT 1`,
      [role],
    );
    return row
      ? { organizationId: row.id, name: row.name, clientId: row.client_id, clientSecret: row.client_secret }
      : undefined;
  };
  const host =
    (await read("host")) ??
    (await createOrganization(db, {
      name: "Sandbox Host Ltd",
      email: "contact@host.example",
      ownerEmail: "owner@host.example",
      seededRole: "host",
    }));
  const guest =
    (await read("guest")) ??
    (await createOrganization(db, {
      name: "Sandbox Guest Corp",
      email: "contact@guest.example",
      ownerEmail: "owner@guest.example",
      seededRole: "guest",
    }));
  return { host, guest };
}
