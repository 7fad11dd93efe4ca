import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Config, ConfigError, parseConfig } from "../src/config.js";
import { planContract } from "../src/run-contract.js";

const HOST = "d49b0749-fbc7-4e0a-b03d-ef15f238071a";
const GUEST = "78b348b8-009c-4b87-af32-60a12fbc6e60";
const dir = mkdtempSync(join(tmpdir(), "mca-contract-config-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("parseConfig refuses bad configuration with one clear line", () => {
  it.each([
    [["--runs", "abc"], /--runs must be a positive integer/],
    [["--runs", "0"], /--runs must be a positive integer/],
    [["--seed", "x"], /--seed must be an integer/],
    [["--base-url", "localhost:4010"], /--base-url must be an http\(s\) URL/],
    [["--organization-id", "acme"], /--organization-id must be a uuid/],
    [["--host-token", "t"], /--host-token and --host-org go together/],
    [["--stateful"], /--stateful needs a host and a guest identity/],
    [["--identities", "/nonexistent.json"], /--identities \/nonexistent.json/],
    [["--identities", file("bad.json", "{not json")], /--identities .*bad\.json/],
    [
      ["--identities", file("noauth.json", JSON.stringify({ host: { organizationId: HOST } }))],
      /identities.host needs "token", or "clientId" and "clientSecret"/,
    ],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
    [["--header", "no colon"], /--header must be "Name: value", got "no colon"/],
    [["--header", ": empty name"], /--header must be "Name: value"/],
  ])("%j", (argv, message) => {
    expect(() => parseConfig(argv, {})).toThrow(ConfigError);
    expect(() => parseConfig(argv, {})).toThrow(message);
  });
});

describe("parseConfig reads flags, env and identity files", () => {
  it("defaults to a placeholder token, a random org, 25 runs and the mock", () => {
    const config = parseConfig([], {}) as Config;
    expect(config).toMatchObject({ baseUrl: undefined, runs: 25, stateful: false, only: [] });
    expect(config.identity).toMatchObject({ token: "mca-contract-placeholder-token" });
    expect(config.identity.organizationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes MCA_BASE_URL and MCA_TOKEN from the environment", () => {
    const config = parseConfig([], {
      MCA_BASE_URL: "http://127.0.0.1:4020",
      MCA_TOKEN: "tok",
      MCA_ORGANIZATION_ID: HOST,
    }) as Config;
    expect(config.baseUrl).toBe("http://127.0.0.1:4020");
    expect(config.identity).toEqual({ organizationId: HOST, token: "tok" });
  });

  it("reads host and guest from an identities file, client credentials included", () => {
    const path = file(
      "ids.json",
      JSON.stringify({
        host: { organizationId: HOST, clientId: "h", clientSecret: "s" },
        guest: { organizationId: GUEST, token: "g" },
      }),
    );
    const config = parseConfig(
      [
        "--identities",
        path,
        "--stateful",
        "--only",
        "ignored_auth,not_a_server_error",
        "--only",
        "unsupported_method",
      ],
      {},
    ) as Config;
    expect(config.hosts).toEqual([{ organizationId: HOST, clientId: "h", clientSecret: "s" }]);
    expect(config.guests).toEqual([{ organizationId: GUEST, token: "g" }]);
    expect(config.identity).toEqual(config.hosts[0]);
    expect(config.only).toEqual(["ignored_auth", "not_a_server_error", "unsupported_method"]);
  });

  it("reads several hosts and guests, the older keys as one more of each, each organization once", () => {
    const other = "a3a1c1de-0000-4000-8000-000000000001";
    const path = join(mkdtempSync(join(tmpdir(), "mca-ids-")), "ids.json");
    writeFileSync(
      path,
      JSON.stringify({
        hosts: [
          { organizationId: HOST, token: "h1" },
          { organizationId: other, clientId: "c", clientSecret: "s" },
        ],
        guests: [{ organizationId: GUEST, token: "g1" }],
        host: { organizationId: HOST.toUpperCase(), token: "again" },
        guest: { organizationId: other, token: "g2" },
      }),
    );
    const config = parseConfig(["--identities", path, "--stateful", "--require-coverage"], {}) as Config;
    expect(config.hosts.map((entry) => entry.organizationId)).toEqual([HOST, other]);
    expect(config.guests.map((entry) => entry.organizationId)).toEqual([GUEST, other]);
    expect(config.requireCoverage).toBe(true);
  });

  it("takes the directories to save failing cases in and to replay them from", () => {
    const config = parseConfig(["--save-failures", "failures", "--replay", "failures"], {}) as Config;
    expect(config).toMatchObject({ saveFailures: "failures", replay: "failures" });
    expect(parseConfig([], {})).toMatchObject({ saveFailures: undefined, replay: undefined });
  });

  it.each([
    [{ hosts: {} }, /"hosts" must be an array/],
    [
      { hosts: [{ organizationId: "nope", token: "t" }] },
      /identities.hosts\[0\].organizationId must be a uuid/,
    ],
  ])("refuses a malformed identities file %j in one line", (content, message) => {
    const path = join(mkdtempSync(join(tmpdir(), "mca-ids-")), "ids.json");
    writeFileSync(path, JSON.stringify(content));
    expect(() => parseConfig(["--identities", path], {})).toThrow(message);
  });

  it("answers --help", () => {
    expect(parseConfig(["--help"], {})).toBe("help");
  });
});

describe("--exclude, --accept-not-judged and --header", () => {
  it("reads them as lists (repeatable, comma-separated) and headers by lower-case name", () => {
    const config = parseConfig(
      [
        "--exclude",
        "ignored_auth,unsupported_method",
        "--accept-not-judged",
        "list_semantics.archived",
        "--header",
        "X-Test-Auth: secret value",
        "--header",
        "X-Tenant:acme",
      ],
      {},
    ) as Config;
    expect(config.exclude).toEqual(["ignored_auth", "unsupported_method"]);
    expect(config.acceptNotJudged).toEqual(["list_semantics.archived"]);
    expect(config.headers).toEqual({ "x-test-auth": "secret value", "x-tenant": "acme" });
  });

  it.each([
    [["--exclude", "no_such_check"], /--exclude: unknown check\(s\) no_such_check/],
    [
      ["--accept-not-judged", "list_semantics.archived"],
      /--accept-not-judged: unknown rule\(s\) list_semantics.archived; known: none \(add --stateful\)/,
    ],
    [
      [
        "--stateful",
        "--host-token",
        "t",
        "--host-org",
        HOST,
        "--guest-token",
        "u",
        "--guest-org",
        GUEST,
        "--accept-not-judged",
        "list_semantics.archive",
      ],
      /--accept-not-judged: unknown rule\(s\) list_semantics.archive; known: .*list_semantics.archived/,
    ],
  ])("planContract refuses %j with one line", (argv, message) => {
    expect(() => planContract(parseConfig(argv, {}) as Config)).toThrow(ConfigError);
    expect(() => planContract(parseConfig(argv, {}) as Config)).toThrow(message);
  });
});
