import type { RawJson } from "@mca/pipeline";
import type { OperationId, PathParams, QueryParams, RequestBody, SuccessBody } from "@mca/types";
import type { TokenIssuer } from "../auth/tokens.js";
import type { Database } from "../db/database.js";

/** A request that passed validation against the operation's schemas, typed from the same spec. */
export interface ValidRequest<Id extends OperationId> {
  path: PathParams<Id>;
  query: QueryParams<Id>;
  body: RequestBody<Id>;
}

export interface HandlerContext<Id extends OperationId> {
  db: Database;
  request: ValidRequest<Id>;
  /** The calling organization: the token's, checked equal to Requester-Organization-ID. Empty for the token route. */
  organizationId: string;
  now: Date;
  /** Signs a token for an API client's organization (the token route). */
  issueToken: TokenIssuer["issue"];
}

/** Answers 200 with the operation's success body (or that body as JSON text), or throws an HttpError. */
export type Handler<Id extends OperationId> = (
  context: HandlerContext<Id>,
) => Promise<SuccessBody<Id> | RawJson<SuccessBody<Id>>>;

/** One handler per operation of the spec: a missing entry is a compile error. */
export type HandlerRegistry = { readonly [Id in OperationId]: Handler<Id> };
