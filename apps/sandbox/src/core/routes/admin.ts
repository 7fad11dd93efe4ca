import { HttpError, toFastApiDetail } from "@mca/pipeline";
import { validateAgainstSchema } from "@mca/spec/core";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import {
  createOrganization,
  EMAIL_INDEX,
  emailInUse,
  type OrganizationCredentials,
} from "../store/organizations.js";

/** Sandbox-only, outside the API's paths: creates an organization with an API client, for tests. */
export const ADMIN_ORGANIZATIONS_PATH = "/_sandbox/organizations";

/**
 * The body, checked with the same validator and formats as the spec (the emails it stores come back in the
 * API's answers, which must then meet `format: email`); every field optional, a made-up value in its place.
 */
const BODY_SCHEMA = {
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, maxLength: 300, pattern: "^[^\\u0000]*$" },
    email: { type: "string", format: "email", maxLength: 100 },
    owner_email: { type: "string", format: "email", maxLength: 100 },
  },
};

const EMAIL_TAKEN = () =>
  new HttpError(409, [
    { loc: ["body", "email"], msg: "An organization already uses this email", type: "request" },
  ]);

export async function createOrganizationRoute(
  db: Database,
  bodyText: string,
): Promise<OrganizationCredentials> {
  let body: unknown;
  try {
    body = bodyText.trim() ? JSON.parse(bodyText) : {};
  } catch {
    throw new HttpError(422, [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }]);
  }
  const issues = validateAgainstSchema(BODY_SCHEMA, body);
  if (issues.length > 0) throw new HttpError(422, toFastApiDetail(["body"], issues));
  const fields = body as { name?: string; email?: string; owner_email?: string };
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = fields.email ?? `contact-${suffix}@org.example`;
  // an email names one organization: another one taking it would take the invitations sent to it
  if (await emailInUse(db, email)) throw EMAIL_TAKEN();
  try {
    return await db.transaction((tx) =>
      createOrganization(tx, {
        name: fields.name ?? `Organization ${suffix}`,
        email,
        ownerEmail: fields.owner_email ?? `owner-${suffix}@org.example`,
      }),
    );
  } catch (error) {
    // the check above and the insert are two statements: a creation that took the email in between loses here
    if (isUniqueViolation(error, EMAIL_INDEX)) throw EMAIL_TAKEN();
    throw error;
  }
}
