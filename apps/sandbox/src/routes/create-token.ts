import { timingSafeEqual } from "node:crypto";
import { HttpError } from "@mca/spec";
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

function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const createToken: Handler<"createToken"> = async ({ db, request, issueToken }) => {
  const { client_id: clientId, client_secret: clientSecret } = request.body;
  const client = await findApiClient(db, clientId);
  if (!client || !sameSecret(clientSecret, client.client_secret)) throw FAILED;
  return issueToken(clientId, client.organization_id);
};
