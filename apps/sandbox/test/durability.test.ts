import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "@mca/pipeline/node";
import { afterAll, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "mca-sandbox-data-"));
const children: ChildProcess[] = [];

async function startCli(port: number, identitiesOut: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [cli, "--port", String(port), "--data-dir", dataDir, "--identities-out", identitiesOut],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}: ${output}`)));
  });
  return child;
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function token(url: string, identity: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await fetch(`${url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: identity.clientId, client_secret: identity.clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("with --data-dir, a kill -9 and a restart lose no acknowledged write", () => {
  it("keeps the seeded identities and an acknowledged connection", async () => {
    const port = await findFreePort();
    const identitiesFile = join(dataDir, "..", `ids-${port}.json`);
    const first = await startCli(port, identitiesFile);
    const url = `http://127.0.0.1:${port}`;
    type Credentials = { organizationId: string; clientId: string; clientSecret: string };
    const written = JSON.parse(readFileSync(identitiesFile, "utf8")) as Record<
      "hosts" | "guests",
      Credentials[]
    >;
    const ids = { host: written.hosts[0] as Credentials, guest: written.guests[0] as Credentials };
    const headersFor = async (who: "host" | "guest") => ({
      authorization: `Bearer ${await token(url, ids[who])}`,
      "requester-organization-id": ids[who].organizationId,
      "target-organization-id": ids[who].organizationId,
      "content-type": "application/json",
    });
    const invitation = await fetch(`${url}/guest-invitations`, {
      method: "POST",
      headers: await headersFor("host"),
      body: JSON.stringify({
        email: "g@example.com",
        expired_at: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    const { invitation_token } = (await invitation.json()) as { invitation_token: string };
    const connected = await fetch(`${url}/host-connections`, {
      method: "POST",
      headers: await headersFor("guest"),
      body: JSON.stringify({ host_organization_id: ids.host.organizationId, invitation_token }),
    });
    expect(connected.status).toBe(200);

    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    await startCli(port, identitiesFile);
    expect(JSON.parse(readFileSync(identitiesFile, "utf8"))).toEqual(written);
    const read = await fetch(`${url}/host-connections/${ids.host.organizationId}`, {
      headers: await headersFor("guest"),
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      host_organization_id: ids.host.organizationId,
      status: "connected",
    });
  }, 120_000);
});

describe("one sandbox per --data-dir", () => {
  it("a second sandbox on a used --data-dir refuses to start, in one line, and the first keeps its data", async () => {
    // the sandboxes of the test above, killed as kill -9 would: their locks are stale and get taken over
    await Promise.all(
      children
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map((child) => new Promise((resolve) => child.once("exit", resolve).kill("SIGKILL"))),
    );
    const first = await startCli(await findFreePort(), join(dataDir, "..", `ids-lock-${process.pid}.json`));
    const second = spawn(
      process.execPath,
      [cli, "--port", String(await findFreePort()), "--data-dir", dataDir],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(second);
    let stderr = "";
    second.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(
      new RegExp(`^mca-sandbox: .* is in use by another sandbox \\(pid ${first.pid}\\)`),
    );
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(first.exitCode).toBeNull();
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
  }, 120_000);
});
