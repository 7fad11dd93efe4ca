import type { Json } from "@mca/spec";
import { identityHeaders } from "../../generators/valid-request.js";
import type { RequestSpec } from "../../http/request.js";
import type { Caller, CheckContext, Exchange } from "../check.js";

/** A request to `operationId` as `identity` would send it (Self scenario unless `target` says otherwise). */
export function requestAs(
  context: CheckContext,
  identity: Caller,
  operationId: string,
  parts: {
    pathParams?: Record<string, string>;
    query?: RequestSpec["query"];
    body?: Json;
    target?: string;
  } = {},
): RequestSpec {
  const operation = context.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  return {
    method: operation.method,
    path: operation.path,
    pathParams: parts.pathParams ?? {},
    query: parts.query ?? {},
    headers: identityHeaders(operation, identity, parts.target),
    ...(parts.body === undefined ? {} : { body: parts.body }),
  };
}

export type Call = (operationId: string, request: RequestSpec) => Promise<Exchange>;

/** Calls and insists on a status; returns the JSON body. Throws a readable reason otherwise. */
export async function expectStatus(
  call: Call,
  operationId: string,
  request: RequestSpec,
  statuses: number[],
): Promise<Record<string, Json>> {
  const { response } = await call(operationId, request);
  if (!statuses.includes(response.status)) {
    throw new FlowBroken(
      `${request.method} ${request.path} answered ${response.status}, expected ${statuses.join(" or ")}: ${response.text.slice(0, 300)}`,
    );
  }
  return (response.json ?? {}) as Record<string, Json>;
}

/** The flow found the server breaking the contract; its message is the check's reason. */
export class FlowBroken extends Error {
  override readonly name = "FlowBroken";
}

/** Runs a flow; a FlowBroken becomes the reason, anything else propagates (the flow could not run). */
export async function flow(steps: () => Promise<void>): Promise<string | undefined> {
  try {
    await steps();
    return undefined;
  } catch (error) {
    if (error instanceof FlowBroken) return error.message;
    throw error;
  }
}

export function assertThat(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new FlowBroken(reason);
}

export const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();
