import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import pg from "pg";

const cli = fileURLToPath(new URL("../src/cli.js", import.meta.url));

/** The sandbox in its own process (as users run it), resolved once it prints its banner, which it returns. */
export async function spawnSandbox(
  port: number,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [cli, "--port", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { child, output };
}

/** A new, empty database on the server, so that each target starts from the same data. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

/** A JSON call that must succeed. */
export async function json(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Who a benchmark calls as: an organization of the sandbox and its API client. */
export interface BenchIdentity {
  organizationId: string;
  clientId: string;
  clientSecret: string;
}

/** The headers every call of `identity` carries: a token from the sandbox, and Self as both organizations. */
export async function headersFor(url: string, identity: BenchIdentity): Promise<Record<string, string>> {
  const { access_token } = await json(`${url}/oauth2/token`, {
    method: "POST",
    body: JSON.stringify({ client_id: identity.clientId, client_secret: identity.clientSecret }),
  });
  return {
    authorization: `Bearer ${String(access_token)}`,
    [REQUESTER_ORGANIZATION_HEADER]: identity.organizationId,
    [TARGET_ORGANIZATION_HEADER]: identity.organizationId,
    "content-type": "application/json",
  };
}
