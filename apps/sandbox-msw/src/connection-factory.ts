import type { ConnectionRow, OrganizationCredentials } from "@mca/sandbox/core";
import type { JsonObject, SpecValidator } from "@mca/spec/core";
import type { GuestConnection } from "@mca/types";
import { assertMatchesSpec, schemaPointer } from "./schema-check.js";

type Organization = string | Pick<OrganizationCredentials, "organizationId">;

/** The fields of a connection the factory sets: the API's names and types (GuestConnection), all optional. */
export type ConnectionFields = Partial<
  Pick<
    GuestConnection,
    | "status"
    | "archived"
    | "archived_at"
    | "total_score"
    | "score_updated_at"
    | "active_action_type"
    | "active_action_updated_at"
    | "parent_organization_id"
    | "created_at"
    | "updated_at"
  >
>;

export interface ConnectionSeed extends ConnectionFields {
  host: Organization;
  guest: Organization;
}

const idOf = (organization: Organization) =>
  typeof organization === "string" ? organization : organization.organizationId;
const timeOf = (value: string | null | undefined, fallback: Date | null) =>
  value === undefined ? fallback : value === null ? null : new Date(value);

const GUEST_CONNECTION = "#/components/schemas/GuestConnection";

/**
 * The row a seed makes, after each given field is checked against GuestConnection's schema for it (a wrong value
 * fails with the schema path): a `disconnected` connection or an `active_action_type` no operation can create.
 */
export function connectionRow(
  seed: ConnectionSeed,
  spec: { document: JsonObject; validator: SpecValidator },
  now: Date,
): ConnectionRow {
  const { validator } = spec;
  const { host, guest, ...fields } = seed;
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const pointer = `${GUEST_CONNECTION}/properties/${name}`;
    let issues: ReturnType<SpecValidator["validate"]>;
    try {
      issues = validator.validate(pointer, value);
    } catch {
      throw new TypeError(`sandbox.seed.connection: ${name} is no field of GuestConnection`);
    }
    assertMatchesSpec(`sandbox.seed.connection: ${name}`, issues, schemaPointer(spec.document, pointer));
  }
  const archived = fields.archived ?? false;
  return {
    hostId: idOf(host).toLowerCase(),
    guestId: idOf(guest).toLowerCase(),
    status: fields.status ?? "connected",
    archived,
    archivedAt: timeOf(fields.archived_at, archived ? now : null),
    totalScore: fields.total_score ?? null,
    scoreUpdatedAt: timeOf(fields.score_updated_at, null),
    activeActionType: fields.active_action_type ?? null,
    activeActionUpdatedAt: timeOf(fields.active_action_updated_at, fields.active_action_type ? now : null),
    parentOrganizationId: fields.parent_organization_id ?? null,
    createdAt: timeOf(fields.created_at, now) as Date,
    updatedAt: timeOf(fields.updated_at, now) as Date,
  };
}
