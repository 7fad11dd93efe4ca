import { isObject, type JsonObject } from "@mca/spec";
import { breaking, type Change, compatible } from "../change.js";

const urlsOf = (document: JsonObject): string[] =>
  (Array.isArray(document.servers) ? document.servers : [])
    .map((server) => (isObject(server) ? server.url : undefined))
    .filter((url): url is string => typeof url === "string");

/** A server on the developer's own machine (a mock, a local build): no deployed client calls it. */
function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/**
 * Rules `server-added`, `server-removed` and `default-server-changed`: oasdiff's changelog is silent on
 * `servers`. A removed URL strands the clients configured with it (breaking), unless it is a loopback one; the
 * first server is the client's default base URL (`@mca/client`'s DEFAULT_BASE_URL), so a new first URL moves
 * every client that relies on the default (breaking); an added URL is compatible.
 */
export function serversChanged(base: JsonObject, head: JsonObject): Change[] {
  const before = urlsOf(base);
  const after = urlsOf(head);
  const changes: Change[] = [];
  for (const url of before.filter((entry) => !after.includes(entry)))
    changes.push(
      isLoopback(url)
        ? compatible(
            "server-removed",
            "document",
            "servers",
            `removed the loopback server \`${url}\`: no deployed client calls it`,
          )
        : breaking(
            "server-removed",
            "document",
            "servers",
            `removed the server \`${url}\`: clients configured with it lose the API`,
          ),
    );
  for (const url of after.filter((entry) => !before.includes(entry)))
    changes.push(compatible("server-added", "document", "servers", `added the server \`${url}\``));
  if (before[0] !== undefined && after[0] !== undefined && before[0] !== after[0])
    changes.push(
      breaking(
        "default-server-changed",
        "document",
        "servers",
        `the first server, the client's default base URL, is now \`${after[0]}\` (was \`${before[0]}\`)`,
      ),
    );
  return changes;
}
