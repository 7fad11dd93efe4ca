import { type ErrorDetail, HttpError } from "@mca/spec";
import type { Database } from "../db/database.js";
import { createOrganization, type OrganizationCredentials } from "../store/organizations.js";

/** Sandbox-only, outside the API's paths: creates an organization with an API client, for tests. */
export const ADMIN_ORGANIZATIONS_PATH = "/_sandbox/organizations";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function createOrganizationRoute(
  db: Database,
  bodyText: string,
): Promise<OrganizationCredentials> {
  let body: Record<string, unknown>;
  try {
    body = (bodyText.trim() ? JSON.parse(bodyText) : {}) as Record<string, unknown>;
  } catch {
    throw new HttpError(422, [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }]);
  }
  const problems: ErrorDetail[] = [];
  const text = (name: string, fallback: string, pattern?: RegExp, max = 300) => {
    const value = body[name] ?? fallback;
    if (
      typeof value !== "string" ||
      value.length < 1 ||
      value.length > max ||
      (pattern && !pattern.test(value))
    ) {
      problems.push({
        loc: ["body", name],
        msg: `${name} must be a string of 1 to ${max} characters${pattern ? " in email form" : ""}`,
        type: "value_error",
      });
    }
    return String(value);
  };
  const suffix = Math.random().toString(36).slice(2, 8);
  const name = text("name", `Organization ${suffix}`);
  const email = text("email", `contact-${suffix}@org.example`, EMAIL, 100);
  const ownerEmail = text("owner_email", `owner-${suffix}@org.example`, EMAIL, 100);
  if (problems.length > 0) throw new HttpError(422, problems);
  return createOrganization(db, { name, email, ownerEmail });
}
