import type { Database } from "../db/database.js";
import type { ValidatedRequest } from "../http/request-validator.js";

export interface HandlerContext {
  db: Database;
  request: ValidatedRequest;
  /** The calling organization: the token's, checked equal to Requester-Organization-ID. Empty for the token route. */
  organizationId: string;
  now: Date;
  /** Signs a token for an API client's organization (the token route). */
  issueToken(clientId: string, organizationId: string): { access_token: string; expires_in: number };
}

/** Answers 200 with the returned body, or throws an HttpError. */
export type Handler = (context: HandlerContext) => Promise<unknown>;
