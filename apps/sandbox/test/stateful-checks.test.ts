import type { CheckContext, StatefulCheck } from "@mca/contract-tests";
import { allChecks, runChecks } from "@mca/contract-tests";
import { type Breakage, startBreakingProxy } from "@mca/contract-tests/testing";
import { createSpecValidator, listOperations, loadBundledSpec } from "@mca/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";
import { callerFor, inOneDay, newOrganization, tokenFor } from "./support/api.js";

let sandbox: Sandbox;
let context: (baseUrl: string) => CheckContext;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const guest = await callerFor(sandbox, sandbox.guest);
  // connections in both archived states, so that a list ignoring the archived filter shows it
  for (const [index, archived] of [true, false, true].entries()) {
    const host = await callerFor(sandbox, await newOrganization(sandbox, { name: `Host ${index}` }));
    const token = (
      await host.call("POST", "/guest-invitations", { email: "g@example.com", expired_at: inOneDay() })
    ).body.invitation_token;
    await guest.call("POST", "/host-connections", {
      host_organization_id: host.organizationId,
      invitation_token: token,
    });
    if (archived)
      await host.call("PATCH", `/guest-connections/${sandbox.guest.organizationId}`, { archived: true });
  }
  const document = loadBundledSpec();
  const host = { organizationId: sandbox.host.organizationId, token: await tokenFor(sandbox, sandbox.host) };
  const guestIdentity = {
    organizationId: sandbox.guest.organizationId,
    token: await tokenFor(sandbox, sandbox.guest),
  };
  context = (baseUrl) => ({
    baseUrl,
    document,
    validator: createSpecValidator(document),
    operations: listOperations(document),
    identity: host,
    host,
    guest: guestIdentity,
    runs: 25,
    seed: 5,
    timeoutMs: 10_000,
  });
});
afterAll(async () => {
  await sandbox?.stop();
});

const check = (name: string) => allChecks(true).find((candidate) => candidate.name === name) as StatefulCheck;
const json = { "content-type": "application/json" };
const isList = (method: string, url: string) => method === "GET" && url.startsWith("/host-connections?");

const cases: Array<[string, Breakage, RegExp]> = [
  [
    "invitation_flow",
    {
      answer: (request) =>
        isList(request.method, request.url)
          ? { status: 200, headers: json, body: '{"items":[],"total_items":0}' }
          : undefined,
    },
    /list of host connections includes the host it connected to/,
  ],
  [
    "archive_roundtrip",
    {
      response: (response, request) =>
        request.method === "PATCH"
          ? { ...response, body: response.body.replace(/"archived_at":"[^"]*"/, '"archived_at":null') }
          : response,
    },
    /after archived: true, archived_at is set/,
  ],
  [
    "list_semantics",
    { request: (request) => ({ ...request, url: request.url.replace(/&?archived=(true|false)/, "") }) },
    /has archived=/,
  ],
];

describe.each(cases)("%s", (name, breakage, reason) => {
  it("fails against a server broken that way, for that reason", async () => {
    const proxy = await startBreakingProxy(sandbox.url, breakage);
    try {
      const { outcomes } = await runChecks(context(proxy.url), [check(name)]);
      const mine = outcomes.find((outcome) => outcome.check === name);
      expect(mine?.failure?.reason).toMatch(reason);
    } finally {
      await proxy.stop();
    }
  });

  it("passes against the sandbox", async () => {
    const { outcomes } = await runChecks(context(sandbox.url), [check(name)]);
    expect(outcomes.find((outcome) => outcome.check === name)?.failure).toBeUndefined();
  });
});
