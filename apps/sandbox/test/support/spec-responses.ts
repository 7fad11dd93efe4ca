import { type CheckContext, RESPONSE_CHECKS } from "@mca/contract-tests";
import {
  createSpecValidator,
  type Json,
  listOperations,
  loadBundledSpec,
  pathTemplatePattern,
} from "@mca/spec";

const document = loadBundledSpec();
const operations = listOperations(document);
const routes = operations.map((operation) => ({ operation, ...pathTemplatePattern(operation.path) }));
// the response checks read only the document and the validator; the rest of a run's context is unused here
const identity = { organizationId: "", token: "" };
const context: CheckContext = {
  baseUrl: "",
  document,
  validator: createSpecValidator(document),
  operations,
  identity,
  host: identity,
  guest: identity,
  hosts: [],
  guests: [],
  runs: 0,
  seed: 0,
  timeoutMs: 0,
};

/**
 * Throws unless the answer passes the contract suite's response checks (documented status, content type,
 * headers, schema) for its operation. Paths outside the spec (the admin route) have nothing to hold them to.
 */
export function assertDocumentedResponse(
  method: string,
  url: string,
  response: { status: number; headers: Headers; text: string },
): void {
  const path = url.split("?")[0] ?? url;
  const route = routes.find(({ operation, pattern }) => operation.method === method && pattern.test(path));
  if (!route) return;
  let json: Json | undefined;
  try {
    json = response.text === "" ? undefined : (JSON.parse(response.text) as Json);
  } catch {
    json = undefined;
  }
  const exchange = {
    operation: route.operation,
    request: { method, path: route.operation.path, pathParams: {}, query: {}, headers: {} },
    response: {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      contentType: response.headers.get("content-type") ?? undefined,
      text: response.text,
      json,
    },
  };
  const reasons = RESPONSE_CHECKS.map((check) => check.judge(exchange, context)).filter(
    (reason) => reason !== undefined,
  );
  if (reasons.length > 0) throw new Error(`${method} ${url} → ${response.status}: ${reasons.join("; ")}`);
}
