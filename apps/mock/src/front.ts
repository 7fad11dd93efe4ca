import { createPipeline, forward, type Pipeline } from "@mca/pipeline";
import type { JsonObject } from "@mca/spec";

export interface FrontOptions {
  document: JsonObject;
  /** Where Prism listens right now; waits while it restarts. */
  prismUrl(): Promise<string>;
  log(line: string): void;
}

/**
 * The mock's front: the one request pipeline with Prism as its handler. Every request is routed, authenticated and
 * validated as the sandbox does it (FastAPI's 422 built from what is actually wrong, all problems at once), and
 * Prism gets only requests the pipeline accepted, with the body as the pipeline read it: nothing a client or a
 * fuzzer sends can reach Prism in a form that kills or stalls it. The mock takes any bearer token and speaks for no
 * organization, so the organization stage (403) has nothing to judge; an error of Prism's is a 502.
 */
export function createFront(options: FrontOptions): Pipeline {
  return createPipeline({
    document: options.document,
    cors: "local",
    verifyToken: async () => ({}),
    handle: async ({ incoming, bodyText }) => forward(await options.prismUrl(), incoming, bodyText),
    unexpected: {
      status: 502,
      detail: { loc: [], msg: "The mock's Prism did not answer", type: "bad_gateway" },
      log: options.log,
    },
  });
}
