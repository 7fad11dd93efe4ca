import type { JsonObject, Operation, SpecValidator } from "@mca/spec";
import type fc from "fast-check";
import type { RequestSpec, ResponseRecord, Transport } from "../http/request.js";
import type { Call, FlowVerdict } from "./stateful/flow-requests.js";

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
  /** How requests reach the server; the global fetch when left out. */
  transport?: Transport;
}

/** What a check needs to know which operations it applies to: the spec alone, known before anything runs. */
export type SpecContext = Pick<CheckContext, "document" | "operations">;

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

/** What a response check needs: the spec's validator alone, so a response from any test can be judged. */
export type ResponseContext = Pick<CheckContext, "validator">;

/** Judges one response of any request any other check sent. */
export interface ResponseCheck extends CheckBase {
  kind: "response";
  /** A reason the response breaks the spec, or undefined when it conforms. */
  judge(exchange: Pick<Exchange, "operation" | "response">, context: ResponseContext): string | undefined;
}

/** Generates requests for an operation and judges the answers. */
export interface InputCheck extends CheckBase {
  kind: "input";
  appliesTo(operation: Operation, context: SpecContext): boolean;
  /**
   * The coverage phase: the same cases in every run, whatever the seed (every breaking value of every
   * constraint, every boundary value), sent once each before the random phase.
   */
  coverage(operation: Operation, context: CheckContext): GeneratedCase[];
  /** The random phase: `--runs` cases drawn with the seed, shrunk when one fails. */
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
  /**
   * The rules it judges, known before it runs (a test runner can name a test after each); every run says of
   * each that it was judged, or not judged and why. Empty for a flow that is one rule.
   */
  rules: readonly string[];
  run(context: CheckContext, call: Call, coverage: Coverage): Promise<FlowVerdict>;
}

export type Check = ResponseCheck | InputCheck | StatefulCheck;
