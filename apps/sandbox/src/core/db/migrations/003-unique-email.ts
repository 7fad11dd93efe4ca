import type { Migration } from "./migration.js";

/**
 * One organization per email, compared case-insensitively, enforced by the database: the admin route's check
 * and its insert are two statements, and two creations racing between them would otherwise both get in.
 */
export const migration003UniqueEmail: Migration = {
  name: "003_unique_email.sql",
  sql: `
CREATE UNIQUE INDEX IF NOT EXISTS organizations_email_lower ON organizations (lower(email));
`,
};
