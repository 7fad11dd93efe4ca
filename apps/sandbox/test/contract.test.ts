import type { Config } from "@mca/contract-tests";
import { parseConfig, runContract } from "@mca/contract-tests";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";
import { callerFor, inOneDay, newOrganization } from "./support/api.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // more hosts for the guest, so that list filters, order and paging have something to sort out
  const guest = await callerFor(sandbox, sandbox.guest);
  const names = ["Acme Finance", "beta capital", "Zeta Lending", "acme holdings", "Credit Union 7"];
  for (const [index, name] of names.entries()) {
    const host = await callerFor(
      sandbox,
      await newOrganization(sandbox, { name, email: `c${index}@host${index}.example` }),
    );
    const token = (
      await host.call("POST", "/guest-invitations", { email: "guest@example.com", expired_at: inOneDay() })
    ).body.invitation_token;
    await guest.call("POST", "/host-connections", {
      host_organization_id: host.organizationId,
      invitation_token: token,
    });
    if (index % 2 === 0)
      await host.call("PATCH", `/guest-connections/${sandbox.guest.organizationId}`, { archived: true });
  }
});
afterAll(async () => {
  await sandbox?.stop();
});

describe("the contract suite against the sandbox", () => {
  it("passes every check, stateful ones included, with client-credential identities", async () => {
    const identity = (who: "host" | "guest") => ({
      organizationId: sandbox[who].organizationId,
      clientId: sandbox[who].clientId,
      clientSecret: sandbox[who].clientSecret,
    });
    const config: Config = {
      ...(parseConfig(
        [
          "--base-url",
          sandbox.url,
          "--stateful",
          "--host-token",
          "x",
          "--host-org",
          sandbox.host.organizationId,
          "--guest-token",
          "y",
          "--guest-org",
          sandbox.guest.organizationId,
          "--runs",
          "15",
          "--seed",
          "3",
        ],
        {},
      ) as Config),
      host: identity("host"),
      guest: identity("guest"),
      identity: identity("host"),
    };
    const run = await runContract(config);
    const failures = run.result.outcomes
      .filter((outcome) => outcome.failure)
      .map((outcome) => `${outcome.check} ${outcome.operation}: ${outcome.failure?.reason}`);
    expect(failures).toEqual([]);
    expect(run.result.outcomes.map((outcome) => outcome.check)).toEqual(
      expect.arrayContaining(["invitation_flow", "archive_roundtrip", "list_semantics"]),
    );
    // robustness: generated invalid input never produced a server error
    expect(
      run.result.outcomes.filter((outcome) => outcome.check === "not_a_server_error" && outcome.failure),
    ).toEqual([]);
  }, 180_000);
});
