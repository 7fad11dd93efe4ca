import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { BUNDLED_SPEC_JSON_PATH, BUNDLED_SPEC_YAML_PATH } from "@mca/spec";

export interface DocsServer {
  url: string;
  stop(): Promise<void>;
}

export const SITE_PAGE = fileURLToPath(new URL("../site/index.html", import.meta.url));

/**
 * Serves the built reference page (one self-contained HTML file) at `/`, and the bundled spec at
 * `/openapi.yaml` and `/openapi.json` so readers can download what the page shows. Port 0 picks a free port.
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
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://docs").pathname];
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    readFile(file.path).then(
      (body) =>
        response
          .writeHead(200, { "content-type": file.type })
          .end(request.method === "HEAD" ? undefined : body),
      () =>
        response
          .writeHead(500, { "content-type": "text/plain" })
          .end("the page is not built: run pnpm docs\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const boundPort = address && typeof address === "object" ? address.port : port;
  return {
    url: `http://${host}:${boundPort}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
