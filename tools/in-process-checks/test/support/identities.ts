import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrganizationCredentials } from "@mca/sandbox-msw";

/** An `mca-contract --identities` file of the seeded organizations. */
export function identitiesFile(organizations: {
  hosts: readonly OrganizationCredentials[];
  guests: readonly OrganizationCredentials[];
}): string {
  const entry = ({ organizationId, clientId, clientSecret }: OrganizationCredentials) => ({
    organizationId,
    clientId,
    clientSecret,
  });
  const file = join(mkdtempSync(join(tmpdir(), "mca-in-process-ids-")), "ids.json");
  writeFileSync(
    file,
    JSON.stringify({ hosts: organizations.hosts.map(entry), guests: organizations.guests.map(entry) }),
  );
  return file;
}
