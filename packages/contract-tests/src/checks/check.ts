import type { JsonObject, Operation, SpecValidator } from "@mca/spec";
import type fc from "fast-check";
import type { RequestSpec, ResponseRecord } from "../http/request.js";

/** Who the suite calls as: a bearer token and the organization it belongs to. */
export interface Caller {
  organizationId: string;
  token: string;
  /** How reports write the token instead of its value, e.g. `$MCA_HOST_TOKEN_1`. */
  tokenPlaceholder?: string;
}

export interface CheckContext {
  baseUrl: string;
  document: JsonObject;
  validator: SpecValidator;
  operations: Operation[];
  /** The identity stateless checks call as; stateful ones use `host` and `guest`, and all of `hosts`/`guests`. */
  identity: Caller;
  host: Caller;
  guest: Caller;
  hosts: Caller[];
  guests: Caller[];
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

/** What a stateful check could judge: a rule judged on data that could have failed it, or why not. */
export interface Coverage {
  judged(rule: string): void;
  notJudged(rule: string, why: string): void;
}

/** A flow over several operations against a server with memory (`--stateful`). */
export interface StatefulCheck extends CheckBase {
  kind: "stateful";
  /** The operations the flow exercises, by label, for reporting. */
  operations: string[];
  run(
    context: CheckContext,
    call: (operationId: string, request: RequestSpec) => Promise<Exchange>,
    coverage: Coverage,
  ): Promise<string | undefined>;
}

export type Check = ResponseCheck | InputCheck | StatefulCheck;
