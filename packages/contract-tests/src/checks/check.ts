import type { JsonObject, Operation, SpecValidator } from "@mca/spec";
import type fc from "fast-check";
import type { RequestSpec, ResponseRecord } from "../http/request.js";

/** Who the suite calls as: a bearer token and the organization it belongs to. */
export interface Caller {
  organizationId: string;
  token: string;
}

export interface CheckContext {
  baseUrl: string;
  document: JsonObject;
  validator: SpecValidator;
  operations: Operation[];
  /** The identity stateless checks call as; stateful ones use `host` and `guest`. */
  identity: Caller;
  host: Caller;
  guest: Caller;
  runs: number;
  seed: number;
  timeoutMs: number;
}

export interface Exchange {
  operation: Operation;
  request: RequestSpec;
  response: ResponseRecord;
}

/** A generated request, and what was done to it (for negative cases). */
export interface GeneratedCase {
  request: RequestSpec;
  description: string;
}

interface CheckBase {
  /** The check's name, Schemathesis's where it has one. */
  name: string;
  description: string;
}

/** Judges one response of any request any other check sent. */
export interface ResponseCheck extends CheckBase {
  kind: "response";
  /** A reason the response breaks the spec, or undefined when it conforms. */
  judge(exchange: Exchange, context: CheckContext): string | undefined;
}

/** Generates requests for an operation and judges the answers. */
export interface InputCheck extends CheckBase {
  kind: "input";
  appliesTo(operation: Operation, context: CheckContext): boolean;
  cases(operation: Operation, context: CheckContext): fc.Arbitrary<GeneratedCase>;
  judge(exchange: Exchange, context: CheckContext): string | undefined;
  /** Requests to undocumented methods have no documented response: only not_a_server_error applies. */
  undocumentedResponses?: boolean;
}

/** A flow over several operations against a server with memory (`--stateful`). */
export interface StatefulCheck extends CheckBase {
  kind: "stateful";
  /** The operations the flow exercises, by label, for reporting. */
  operations: string[];
  run(
    context: CheckContext,
    call: (operationId: string, request: RequestSpec) => Promise<Exchange>,
  ): Promise<string | undefined>;
}

export type Check = ResponseCheck | InputCheck | StatefulCheck;
