// `--workers 2` on PostgreSQL: two processes behind one port. Each request below goes on a new connection
// (Connection: close), so node:cluster hands them to the workers in turn: a token one worker issued must work on
// the other, and a read right after an acknowledged write must see it, whichever worker serves it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Config, parseConfig, runContract } from "@mca/contract-tests";
import { findFreePort } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../scripts/postgres-server.js";

// the built CLI, as users run it (the test task builds first)
const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));

interface Identity {
  organizationId: string;
  clientId: string;
  clientSecret: string;
}

let postgres: PostgresServer;
let sandbox: ChildProcess;
let url: string;
let identities: { hosts: Identity[]; guests: Identity[] };
let identitiesFile: string;

beforeAll(async () => {
  postgres = startPostgres(await findFreePort());
  const port = await findFreePort();
  identitiesFile = join(mkdtempSync(join(tmpdir(), "mca-cluster-")), "ids.json");
  sandbox = spawn(
    process.execPath,
    [CLI, "--port", String(port), "--workers", "2", "--identities-out", identitiesFile],
    { env: { ...process.env, DATABASE_URL: postgres.url }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    sandbox.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C")) resolve();
    });
    sandbox.once("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
  });
  expect(output).toContain("2 workers");
  url = `http://127.0.0.1:${port}`;
  identities = JSON.parse(readFileSync(identitiesFile, "utf8"));
}, 120_000);

afterAll(async () => {
  if (sandbox && sandbox.exitCode === null) {
    sandbox.kill("SIGTERM");
    await once(sandbox, "exit");
  }
  postgres?.stop();
});

async function call(method: string, path: string, token: string, org: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      connection: "close",
      authorization: `Bearer ${token}`,
      "requester-organization-id": org,
      "target-organization-id": org,
      "content-type": "application/json",
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function token(identity: Identity): Promise<string> {
  const response = await fetch(`${url}/oauth2/token`, {
    method: "POST",
    headers: { connection: "close", "content-type": "application/json" },
    body: JSON.stringify({ client_id: identity.clientId, client_secret: identity.clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("the sandbox with --workers 2 on PostgreSQL", () => {
  it("reads every acknowledged write back, whichever worker answers (and tokens work on both)", async () => {
    const [host, guest] = [identities.hosts[0] as Identity, identities.guests[0] as Identity];
    const hostToken = await token(host);
    const guestToken = await token(guest);
    const invitation = await call("POST", "/guest-invitations", hostToken, host.organizationId, {
      email: "cluster@example.com",
      expired_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(invitation.status).toBe(200);
    const accepted = await call("POST", "/host-connections", guestToken, guest.organizationId, {
      host_organization_id: host.organizationId,
      invitation_token: invitation.body.invitation_token,
    });
    expect(accepted.status).toBe(200);
    const stale: number[] = [];
    for (let round = 0; round < 40; round += 1) {
      const archived = round % 2 === 0;
      const written = await call(
        "PATCH",
        `/guest-connections/${guest.organizationId}`,
        hostToken,
        host.organizationId,
        {
          archived,
        },
      );
      expect(written.status).toBe(200);
      const page = await call(
        "GET",
        "/host-connections?statuses=connected&limit=100&offset=0",
        guestToken,
        guest.organizationId,
      );
      expect(page.status).toBe(200);
      const mine = (page.body.items as Array<{ host_organization_id: string; archived: boolean }>).find(
        (item) => item.host_organization_id === host.organizationId,
      );
      if (mine?.archived !== archived) stale.push(round);
    }
    expect(stale).toEqual([]);
  });

  it("passes the stateful contract suite with every rule judged", async () => {
    const config = parseConfig(
      ["--base-url", url, "--stateful", "--identities", identitiesFile, "--require-coverage", "--seed", "5"],
      {},
    ) as Config;
    const run = await runContract(config);
    const failures = run.result.outcomes
      .filter((outcome) => outcome.failure)
      .map((outcome) => `${outcome.check} ${outcome.operation}: ${outcome.failure?.reason}`);
    expect(failures).toEqual([]);
    expect(run.notJudged, run.report).toBe(0);
  });

  it("refuses --workers without PostgreSQL, in one line", async () => {
    const child = spawn(process.execPath, [CLI, "--workers", "2", "--port", "0"], {
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("mca-sandbox: --workers needs DATABASE_URL: PGlite lives inside one process");
  });
});
