import { HttpError } from "@mca/pipeline";
import { findApiClient } from "../store/organizations.js";
import type { Handler } from "./handler.js";

// the errors guide's own example body for failed client authentication
const FAILED = new HttpError(401, [
  {
    loc: [],
    msg: "The client authentication failed!",
    type: "oauth",
    code: "oauth_invalid_client_credentials",
  },
]);

const encoder = new TextEncoder();

/** Compares in time that depends on the length only, not on where the first difference is. */
function sameSecret(given: string, stored: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(stored);
  let difference = a.length ^ b.length;
  for (let index = 0; index < a.length; index += 1)
    difference |= (a[index] as number) ^ (b[index % b.length] ?? 0);
  return difference === 0;
}

export const createToken: Handler<"createToken"> = async ({ db, request, issueToken }) => {
  const { client_id: clientId, client_secret: clientSecret } = request.body;
  const client = await findApiClient(db, clientId);
  if (!client || !sameSecret(clientSecret, client.client_secret)) throw FAILED;
  return await issueToken(clientId, client.organization_id);
};
