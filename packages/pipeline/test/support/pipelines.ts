import { loadBundledSpec } from "@mca/spec";
import { createPipeline, jsonAnswer, type Pipeline, type PipelineOptions } from "../../src/index.js";

export const document = loadBundledSpec();
export const ORG = "054b4106-174b-46b0-97f8-86d8d7b6f0af";
export const OTHER_ORG = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";
/** The one token the sandbox-like pipeline accepts: it speaks for ORG. */
export const TOKEN = "good-token";

export const unexpected = {
  status: 500,
  detail: { loc: [], msg: "Internal Server Error", type: "server_error" },
};

/** What each pipeline's handler was handed: the calls that passed every stage. */
export const handled: string[] = [];

const options = (verifyToken: PipelineOptions["verifyToken"]): PipelineOptions => ({
  document,
  cors: "local",
  verifyToken,
  handle: async ({ operation }) => {
    handled.push(operation.operationId);
    return jsonAnswer(200, { handled: operation.operationId });
  },
  unexpected: { ...unexpected, log: () => {} },
});

/** Composed as the sandbox composes it: tokens speak for an organization, so the organization stage judges. */
export const sandboxLike: Pipeline = createPipeline(
  options(async (token) =>
    token === TOKEN ? { organizationId: ORG } : token === "old" ? "expired" : "malformed",
  ),
);
/** Composed as the mock's front composes it: any token, no organization. */
export const mockLike: Pipeline = createPipeline(options(async () => ({})));

/** A call as ORG (Self), JSON in and out, through `pipeline`'s fetch face. */
export async function call(
  pipeline: Pipeline,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string | undefined> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const merged: Record<string, string | undefined> = {
    authorization: `Bearer ${TOKEN}`,
    "requester-organization-id": ORG,
    "target-organization-id": ORG,
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...headers,
  };
  const response = await pipeline.fetch(
    new Request(`http://sandbox.test${path}`, {
      method,
      headers: Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
