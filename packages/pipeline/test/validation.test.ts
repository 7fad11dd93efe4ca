import { createSpecValidator, listOperations, pathTemplatePattern, responseSchemaPointer } from "@mca/spec";
import { describe, expect, it } from "vitest";
import { badRequests } from "../src/testing/bad-requests.js";
import { call, document, mockLike, sandboxLike } from "./support/pipelines.js";

const validator = createSpecValidator(document);
const operations = listOperations(document);
const BAD_REQUESTS = badRequests(document);

describe(`the validate stage answers FastAPI's 422 (${BAD_REQUESTS.length} bad requests)`, () => {
  it.each(BAD_REQUESTS)("%s", async (_name, method, path, body, headers = {}, expected) => {
    const fromSandbox = await call(sandboxLike, method, path, { body, headers });
    expect(fromSandbox.status, JSON.stringify(fromSandbox.body)).toBe(422);
    const { detail } = fromSandbox.body as { detail: unknown[] };
    expect(detail.length).toBeGreaterThan(0);
    if (expected)
      expect(detail).toEqual(expect.arrayContaining(expected.map((entry) => expect.objectContaining(entry))));
    // the body is the spec's documented 422
    const pathname = new URL(path, "http://x").pathname;
    const operation = operations.find(
      (candidate) =>
        candidate.method === method && pathTemplatePattern(candidate.path).pattern.test(pathname),
    );
    const schema = operation && responseSchemaPointer(document, operation.path, method, 422);
    expect(schema, "the operation documents a 422").toBeDefined();
    expect(validator.validate(schema as string, fromSandbox.body)).toEqual([]);
    // the mock's front composes the same stages: the same request gets the same answer
    expect(await call(mockLike, method, path, { body, headers })).toEqual(fromSandbox);
  });
});
