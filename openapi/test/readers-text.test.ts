// The published spec speaks to API users: its prose says nothing about this repository, its files, the seeds and
// docs pages it was rebuilt from, or the tools around it, and its servers are the API's, not a local mock.
import { describe, expect, it } from "vitest";
import { isObject, type Json, type JsonObject, loadBundle } from "./support/spec.js";

/** Each pattern names what it catches; the reader of a failure sees which note leaked. */
const REPOSITORY_TALK: ReadonlyArray<readonly [string, RegExp]> = [
  ["a repository file", /\b[\w-]+\.(md|mjs|ts|js)\b|\bthis file\b/i],
  ["the repository", /\brepositor(y|ies)\b|\bworkspace\b/i],
  ["a seed", /\bseeds?\b/i],
  [
    "a docs page",
    /\b(docs?|documentation|current|older|[\w]+-[\w-]+)\s+pages?\b|\bdocs'|\bguide\b|\bdocumented\b|\breconstructed\b|\brecovered\b/i,
  ],
  [
    "a tool",
    /\b(prism|redocly|spectral|pnpm|npm|vitest|turbo|openapi-typescript|openapi-fetch|oasdiff|fastapi|curl|mock)\b/i,
  ],
  ["a validator", /\bvalidators?\b/i],
];

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** Every prose string a reader sees: titles, summaries, descriptions, and the names of examples. */
function proseOf(node: Json, at: string, out: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(node))
    node.forEach((item, index) => {
      proseOf(item, `${at}/${index}`, out);
    });
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      if (["title", "summary", "description"].includes(key) && typeof value === "string")
        out.push([here, value]);
      if (key === "examples" && isObject(value) && !Array.isArray(value))
        for (const name of Object.keys(value)) out.push([`${here}/${name} (name)`, name]);
      proseOf(value, here, out);
    }
  return out;
}

function repositoryTalkIn(document: JsonObject): string[] {
  return proseOf(document, "#", []).flatMap(([at, text]) =>
    REPOSITORY_TALK.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${at}: ${what}: ${text}`),
  );
}

function loopbackServersOf(document: JsonObject): string[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers
    .map((server) => (isObject(server) && typeof server.url === "string" ? server.url : ""))
    .filter((url) => LOOPBACK_HOST.test(new URL(url, "https://relative.invalid").hostname));
}

describe("the bundle, as its readers get it", () => {
  const bundle = loadBundle();

  it("has prose to judge", () => {
    expect(proseOf(bundle, "#", []).length).toBeGreaterThan(50);
  });

  it("says nothing about this repository, its files, seeds, docs pages or tools", () => {
    expect(repositoryTalkIn(bundle)).toEqual([]);
  });

  it("lists no loopback server", () => {
    expect(bundle.servers).not.toEqual([]);
    expect(loopbackServersOf(bundle)).toEqual([]);
  });
});

describe("the checks can fail", () => {
  // verbatim from the bundle before the spec was rewritten for its readers (PROVENANCE.md, "Text for the spec's
  // readers"): every one of them must be caught
  const previousText = [
    "reconstructed from the public documentation pages. `PROVENANCE.md` beside this file gives the source of every operation and component.",
    "A value without an offset is UTC. Every validator in this repository accepts both.",
    "Local Prism mock (`pnpm mock`)",
    "Type of a connection action. The current docs pages list `analytics_request` only; the older pages also list `documents_update_request`, which is kept so that no documented value is rejected.",
    "One error. FastAPI's `ValidationError` (`loc`, `msg`, `type`) plus the `code` that the docs' error guide adds.",
    "Seed 004 response example (invitation_token from the current docs: the seed's `<string>` is shorter than the documented 10-character minimum)",
    "Seed 001 (create-host-connection page) response example",
    "Seed 002 curl body example",
    "Seed 003 (get-host-connections page) response example",
    "Generate-OAuth2-token page response example",
    "The errors guide's example for failed client authentication",
    "Current create-guest-invitation page curl body example",
    "Composed from the documented host_org_id and invitation_token examples",
    "Documented client_id and client_secret examples",
    "Current get-host-connection page response example",
    "documented",
  ];

  it.each(previousText)("flags %j", (text) => {
    expect(repositoryTalkIn({ info: { description: text } })).not.toEqual([]);
  });

  it("flags an example named after its source", () => {
    const document = { paths: { "/a": { get: { examples: { documented: { value: 1 } } } } } };
    expect(repositoryTalkIn(document)).toEqual([expect.stringContaining("(name)")]);
  });

  it.each(["http://127.0.0.1:4010", "http://localhost:4010/v1", "http://[::1]:4010"])(
    "flags the server %s",
    (url) => {
      expect(
        loopbackServersOf({ servers: [{ url: "https://api.mycreditapp.ai/v1-beta" }, { url }] }),
      ).toEqual([url]);
    },
  );
});
