import type { Json } from "@mca/spec";
import type { OperationId, PathParams, QueryParams, RequestBody } from "@mca/types";
import { identityHeaders } from "../../generators/valid-request.js";
import type { RequestSpec } from "../../http/request.js";
import type { Caller, CheckContext, Exchange } from "../check.js";

/** `{ key?: never }` when the operation has no such part, `{ key?: T }` when every field of it is optional. */
type Part<Key extends string, T> = [T] extends [never]
  ? { [K in Key]?: never }
  : object extends T
    ? { [K in Key]?: T }
    : { [K in Key]: T };

/**
 * What a flow may put in a request to `Id`, typed from `@mca/types` as the client's calls are: the path
 * parameters, query and body the spec gives the operation (required where the spec requires them), and the
 * organization the call targets (Self when left out).
 */
export type FlowParts<Id extends OperationId> = Part<"pathParams", PathParams<Id>> &
  Part<"query", QueryParams<Id>> &
  Part<"body", RequestBody<Id>> & { target?: string };

/** A request built for one operation: the engine and the write model know what it is by its operationId. */
export type FlowRequest<Id extends OperationId = OperationId> = RequestSpec & { readonly operationId: Id };

/** Sends a flow's request, judges the answer with the response checks, and returns the exchange. */
export type Call = <Id extends OperationId>(request: FlowRequest<Id>) => Promise<Exchange>;

/** A request to `operationId` as `identity` would send it (Self scenario unless `target` says otherwise). */
export function requestAs<Id extends OperationId>(
  context: CheckContext,
  identity: Caller,
  operationId: Id,
  ...[parts]: object extends FlowParts<Id> ? [parts?: FlowParts<Id>] : [parts: FlowParts<Id>]
): FlowRequest<Id> {
  const operation = context.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  const given = (parts ?? {}) as {
    pathParams?: Record<string, string>;
    query?: RequestSpec["query"];
    body?: Json;
    target?: string;
  };
  return {
    operationId,
    method: operation.method,
    path: operation.path,
    pathParams: { ...given.pathParams },
    query: { ...given.query },
    headers: identityHeaders(operation, identity, given.target),
    ...(given.body === undefined ? {} : { body: given.body }),
  };
}

/** Calls and insists on a status; returns the JSON body. Throws a readable reason otherwise. */
export async function expectStatus(
  call: Call,
  request: FlowRequest,
  statuses: number[],
): Promise<Record<string, Json>> {
  const { response } = await call(request);
  if (!statuses.includes(response.status)) {
    throw new FlowBroken(
      `${request.method} ${request.path} answered ${response.status}, expected ${statuses.join(" or ")}: ${response.text.slice(0, 300)}`,
    );
  }
  return (response.json ?? {}) as Record<string, Json>;
}

/** The flow found the server breaking the contract; its message is the check's reason, `rule` the rule it broke. */
export class FlowBroken extends Error {
  override readonly name = "FlowBroken";
  constructor(
    message: string,
    readonly rule?: string,
  ) {
    super(message);
  }
}

/** How a flow ended: undefined when it passed, else the reason (and the rule, where the check names rules). */
export type FlowVerdict = { reason: string; rule?: string } | undefined;

/** Runs a flow; a FlowBroken becomes the verdict, anything else propagates (the flow could not run). */
export async function flow(steps: () => Promise<void>): Promise<FlowVerdict> {
  try {
    await steps();
    return undefined;
  } catch (error) {
    if (error instanceof FlowBroken)
      return { reason: error.message, ...(error.rule === undefined ? {} : { rule: error.rule }) };
    throw error;
  }
}

export function assertThat(condition: boolean, reason: string, rule?: string): asserts condition {
  if (!condition) throw new FlowBroken(reason, rule);
}

export const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();
