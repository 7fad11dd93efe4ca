import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Answer } from "@mca/pipeline";
import { serve } from "@mca/pipeline/node";
import { BUNDLED_SPEC_JSON_PATH, BUNDLED_SPEC_YAML_PATH } from "@mca/spec";

export interface DocsServer {
  url: string;
  stop(): Promise<void>;
}

export const SITE_PAGE = fileURLToPath(new URL("../site/index.html", import.meta.url));

const text = (status: number, body: string): Answer => ({
  status,
  headers: { "content-type": "text/plain" },
  body,
});

/**
 * Serves the built reference page (one self-contained HTML file) at `/`, and the bundled spec at
 * `/openapi.yaml` and `/openapi.json` so readers can download what the page shows, through the repository's one
 * node:http adapter (a target no URL can be made of gets its 400 there). Port 0 picks a free port.
 */
export async function serveDocs({
  host = "127.0.0.1",
  port = 0,
  page = SITE_PAGE,
} = {}): Promise<DocsServer> {
  const files: Record<string, { path: string; type: string }> = {
    "/": { path: page, type: "text/html; charset=utf-8" },
    "/index.html": { path: page, type: "text/html; charset=utf-8" },
    "/openapi.yaml": {
      path: BUNDLED_SPEC_YAML_PATH,
      type: "application/yaml",
    },
    "/openapi.json": {
      path: BUNDLED_SPEC_JSON_PATH,
      type: "application/json",
    },
  };
  const served = await serve(
    async (incoming) => {
      const file = files[incoming.url.pathname];
      if (!file || (incoming.method !== "GET" && incoming.method !== "HEAD")) return text(404, "not found\n");
      return readFile(file.path).then(
        (body): Answer => ({ status: 200, headers: { "content-type": file.type }, body }),
        () => text(500, "the page is not built: run pnpm docs\n"),
      );
    },
    { host, port },
  );
  return { url: `${served.url}/`, stop: served.stop };
}
