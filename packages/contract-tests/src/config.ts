import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

/** A configuration error: the CLI prints it on one line and exits 2. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * How one identity authenticates: a token, API client credentials traded at POST /oauth2/token, or (from code)
 * a function that gets a token however the server's test authentication works.
 */
export type IdentityConfig = { organizationId: string } & (
  | { token: string }
  | { clientId: string; clientSecret: string }
  | { getToken: () => string | Promise<string> }
);

export interface Config {
  baseUrl: string | undefined;
  specPath: string | undefined;
  stateful: boolean;
  seed: number;
  runs: number;
  timeoutMs: number;
  junit: string | undefined;
  only: string[];
  /** Leave these checks out. */
  exclude: string[];
  /** Stateful rules (`list_semantics.archived`) that may go not judged under `requireCoverage`: listed as waived. */
  acceptNotJudged: string[];
  /** Headers added to every request (a server's own test authentication, a tenant header). */
  headers: Record<string, string>;
  /** Write each failing input case (shrunk, tokens as placeholders) as a JSON file in this directory. */
  saveFailures: string | undefined;
  /** Send the cases saved in this directory first; one that fails again fails the run. */
  replay: string | undefined;
  /** Exit 1 when any check had nothing to judge for one of its rules. */
  requireCoverage: boolean;
  /** The identity stateless checks call as. */
  identity: IdentityConfig;
  /** Test organizations for the stateful checks: hosts invite, guests accept. */
  hosts: IdentityConfig[];
  guests: IdentityConfig[];
}

export const USAGE = `Usage: mca-contract [options]

Checks that a server honours the MyCreditApp connections API spec. Without --base-url it starts the Prism
mock of the bundled spec on a free port, runs against it and stops it.

Options:
  --base-url <url>          the server to check (env MCA_BASE_URL)
  --spec <file>             the OpenAPI document (default: the bundled spec of @mca/openapi)
  --token <jwt>             bearer token for the stateless checks (env MCA_TOKEN)
  --organization-id <uuid>  organization of that token (env MCA_ORGANIZATION_ID)
  --host-token <jwt>, --host-org <uuid>     the host identity of the stateful flows
  --guest-token <jwt>, --guest-org <uuid>   the guest identity of the stateful flows
  --identities <file.json>  {"hosts": [{"organizationId", "token" | "clientId"+"clientSecret"}, …], "guests": […]}
                            (the older {"host": {…}, "guest": {…}} works too, as one of each)
  --stateful                add the checks that need a server with memory (flows, list semantics, tenant
                            isolation); they create their own data: 4 hosts and 2 guests judge every rule
  --require-coverage        exit 1 when a check had nothing to judge for one of its rules ("not judged")
  --seed <int>              seed for generated cases (default: random, printed)
  --runs <n>                random cases per operation and check (default 25), after the coverage phase: every
                            breaking and boundary value of the spec's constraints, sent once in every run
  --save-failures <dir>     write each failing input case (shrunk; tokens as placeholders) as a JSON file
  --replay <dir>            send the cases saved in <dir> first (tokens put back); one that fails again fails
                            the run (<dir> may be missing when it is also the --save-failures directory)
  --timeout-ms <ms>         per request (default 10000)
  --junit <file>            write JUnit XML: the Vitest front end's testcases, "<operation> > <check>" and
                            "<check> > <rule>"
  --only <check>[,<check>]  run only these checks (repeatable)
  --exclude <check>[,<check>]  leave these checks out (repeatable)
  --accept-not-judged <check.rule>[,…]  with --require-coverage, accept that these stateful rules go not
                            judged (e.g. list_semantics.archived on a server whose guest-side archive flag no
                            operation of the spec sets); every report lists them as waived (repeatable)
  --header 'Name: value'    add a header to every request (repeatable)
  --help                    this text

Without credentials it sends a placeholder bearer token and a random organization id, enough for the mock and
for any server that accepts any token.
Tokens never appear in the output: requests are printed with $MCA_TOKEN, $MCA_HOST_TOKEN_1, … in their place.
Exit: 0 every check passed, 1 a check failed (or, with --require-coverage, could not judge), 2 bad
configuration or a crash.`;

const PLACEHOLDER_TOKEN = "mca-contract-placeholder-token";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

function organizationId(name: string, value: unknown): string {
  if (typeof value !== "string" || !UUID.test(value))
    throw new ConfigError(`${name} must be a uuid, got ${JSON.stringify(value)}`);
  return value;
}

function identityFrom(name: string, value: unknown): IdentityConfig {
  if (typeof value !== "object" || value === null) throw new ConfigError(`${name} must be an object`);
  const entry = value as Record<string, unknown>;
  const org = organizationId(`${name}.organizationId`, entry.organizationId);
  if (typeof entry.token === "string" && entry.token !== "")
    return { organizationId: org, token: entry.token };
  if (typeof entry.clientId === "string" && typeof entry.clientSecret === "string") {
    return { organizationId: org, clientId: entry.clientId, clientSecret: entry.clientSecret };
  }
  throw new ConfigError(`${name} needs "token", or "clientId" and "clientSecret"`);
}

function readIdentities(path: string): { hosts: IdentityConfig[]; guests: IdentityConfig[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`--identities ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null)
    throw new ConfigError(`--identities ${path}: not a JSON object`);
  const file = parsed as Record<string, unknown>;
  const listOf = (plural: "hosts" | "guests", singular: "host" | "guest"): IdentityConfig[] => {
    const many = file[plural];
    if (many !== undefined && !Array.isArray(many))
      throw new ConfigError(`--identities ${path}: "${plural}" must be an array`);
    const entries = [
      ...(Array.isArray(many)
        ? many.map((entry, index) => identityFrom(`identities.${plural}[${index}]`, entry))
        : []),
      ...(file[singular] === undefined ? [] : [identityFrom(`identities.${singular}`, file[singular])]),
    ];
    // the same organization listed twice would count as two test organizations: it is one
    return entries.filter(
      (entry, index) =>
        entries.findIndex(
          (other) => other.organizationId.toLowerCase() === entry.organizationId.toLowerCase(),
        ) === index,
    );
  };
  return { hosts: listOf("hosts", "host"), guests: listOf("guests", "guest") };
}

function pairFrom(
  role: string,
  token: string | undefined,
  org: string | undefined,
): IdentityConfig | undefined {
  if (token === undefined && org === undefined) return undefined;
  if (token === undefined || org === undefined)
    throw new ConfigError(`--${role}-token and --${role}-org go together`);
  return { organizationId: organizationId(`--${role}-org`, org), token };
}

const listOption = (entries: string[] | undefined) =>
  (entries ?? [])
    .flatMap((entry) => entry.split(","))
    .map((name) => name.trim())
    .filter(Boolean);

function headerOption(text: string): [string, string] {
  const colon = text.indexOf(":");
  const name = text.slice(0, colon).trim();
  if (colon < 1 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new ConfigError(`--header must be "Name: value", got "${text}"`);
  return [name.toLowerCase(), text.slice(colon + 1).trim()];
}

export function parseConfig(argv: string[], env: Record<string, string | undefined>): Config | "help" {
  let values: ReturnType<typeof parse>["values"];
  function parse() {
    return parseArgs({
      args: argv,
      strict: true,
      options: {
        "base-url": { type: "string" },
        spec: { type: "string" },
        token: { type: "string" },
        "organization-id": { type: "string" },
        "host-token": { type: "string" },
        "host-org": { type: "string" },
        "guest-token": { type: "string" },
        "guest-org": { type: "string" },
        identities: { type: "string" },
        stateful: { type: "boolean", default: false },
        "require-coverage": { type: "boolean", default: false },
        seed: { type: "string" },
        runs: { type: "string" },
        "timeout-ms": { type: "string" },
        junit: { type: "string" },
        only: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        "accept-not-judged": { type: "string", multiple: true },
        header: { type: "string", multiple: true },
        "save-failures": { type: "string" },
        replay: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";

  const baseUrl = values["base-url"] ?? (env.MCA_BASE_URL || undefined);
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl))
    throw new ConfigError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  const fromFile = values.identities ? readIdentities(values.identities) : { hosts: [], guests: [] };
  const flagHost = pairFrom("host", values["host-token"], values["host-org"]);
  const flagGuest = pairFrom("guest", values["guest-token"], values["guest-org"]);
  const hosts = [...(flagHost ? [flagHost] : []), ...fromFile.hosts];
  const guests = [...(flagGuest ? [flagGuest] : []), ...fromFile.guests];
  const host = hosts[0];
  if (values.stateful && (hosts.length === 0 || guests.length === 0)) {
    throw new ConfigError(
      "--stateful needs a host and a guest identity: --identities <file>, or --host-token/--host-org and --guest-token/--guest-org",
    );
  }
  const token = values.token ?? (env.MCA_TOKEN || undefined);
  const org = values["organization-id"] ?? (env.MCA_ORGANIZATION_ID || undefined);
  const identity: IdentityConfig =
    token !== undefined
      ? { organizationId: org === undefined ? randomUUID() : organizationId("--organization-id", org), token }
      : (host ?? {
          organizationId: org === undefined ? randomUUID() : organizationId("--organization-id", org),
          token: PLACEHOLDER_TOKEN,
        });
  const seedText = values.seed;
  if (seedText !== undefined && !/^-?\d+$/.test(seedText))
    throw new ConfigError(`--seed must be an integer, got "${seedText}"`);

  return {
    baseUrl,
    specPath: values.spec,
    stateful: values.stateful ?? false,
    seed: seedText === undefined ? randomInt(2 ** 31) : Number(seedText),
    runs: positiveInteger("--runs", values.runs, 25),
    timeoutMs: positiveInteger("--timeout-ms", values["timeout-ms"], 10_000),
    junit: values.junit,
    only: listOption(values.only),
    exclude: listOption(values.exclude),
    acceptNotJudged: listOption(values["accept-not-judged"]),
    headers: Object.fromEntries((values.header ?? []).map(headerOption)),
    saveFailures: values["save-failures"],
    replay: values.replay,
    requireCoverage: values["require-coverage"] ?? false,
    identity,
    hosts,
    guests,
  };
}
