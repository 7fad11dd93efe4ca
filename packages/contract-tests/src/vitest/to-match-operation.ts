import type { Json } from "@mca/spec";
import type { OperationId } from "@mca/types";
import { expect } from "vitest";
import { type ResponseRecord, record } from "../http/request.js";
import { operationById, responseProblems } from "../response-verdict.js";

/**
 * What `toMatchOperation` judges: a fetch `Response` (read from a clone), an openapi-fetch result
 * (`{ response, data | error }`, whose body the client already read), or a status and a body.
 */
export type ResponseLike =
  | Response
  | { response: Response; data?: unknown; error?: unknown }
  | { status: number; headers?: Record<string, string>; body?: unknown };

async function recordOf(received: ResponseLike): Promise<ResponseRecord> {
  if (received instanceof Response) return record(received.clone());
  if ("response" in received) {
    const body = received.data ?? received.error;
    return {
      status: received.response.status,
      headers: Object.fromEntries(received.response.headers),
      contentType: received.response.headers.get("content-type") ?? undefined,
      text: body === undefined ? "" : JSON.stringify(body),
      json: body as Json | undefined,
    };
  }
  const headers = Object.fromEntries(
    Object.entries(received.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const contentType =
    headers["content-type"] ?? (received.body === undefined ? undefined : "application/json");
  return {
    status: received.status,
    headers: { ...headers, ...(contentType ? { "content-type": contentType } : {}) },
    contentType,
    text: received.body === undefined ? "" : JSON.stringify(received.body),
    json: received.body as Json | undefined,
  };
}

declare module "vitest" {
  interface Assertion<T> {
    /**
     * The response is one the spec documents for this operation: its status, content type, required headers
     * and body schema. Async: `await expect(response).toMatchOperation("listHostConnections")`.
     */
    toMatchOperation(operationId: OperationId): Promise<void>;
  }
}

expect.extend({
  async toMatchOperation(received: ResponseLike, operationId: OperationId) {
    const operation = operationById(operationId);
    if (!operation) throw new TypeError(`toMatchOperation: the spec has no operation ${String(operationId)}`);
    const response = await recordOf(received);
    const problems = responseProblems(operation, response);
    return {
      pass: problems.length === 0,
      message: () =>
        problems.length === 0
          ? `expected the ${response.status} response not to match ${operationId}, but it does`
          : `expected the ${response.status} response to match ${operationId}:\n  ${problems.join("\n  ")}`,
    };
  },
});
