import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";
import { callerFor, newOrganization } from "./support/api.js";

let clock = Date.parse("2030-01-01T00:00:00Z");
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tokenLifetimeSeconds: 60, now: () => new Date(clock) });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe("time-bound rules, with a clock the test moves", () => {
  it("refuses an expired token with 401", async () => {
    const guest = await callerFor(sandbox, sandbox.guest);
    expect((await guest.call("GET", "/host-connections?statuses=connected&limit=1&offset=0")).status).toBe(
      200,
    );
    clock += 61_000;
    const response = await guest.call("GET", "/host-connections?statuses=connected&limit=1&offset=0");
    expect(response.status).toBe(401);
    expect(response.body.detail).toEqual([expect.objectContaining({ code: "token_expired" })]);
  });

  it("refuses an expired invitation token with 422", async () => {
    const host = await callerFor(sandbox, await newOrganization(sandbox));
    const guest = await callerFor(sandbox, await newOrganization(sandbox));
    const invitation = await host.call("POST", "/guest-invitations", {
      email: "g@example.com",
      expired_at: new Date(clock + 30_000).toISOString(),
    });
    expect(invitation.body.expired).toBe(false);
    clock += 31_000;
    const response = await guest.call("POST", "/host-connections", {
      host_organization_id: host.organizationId,
      invitation_token: invitation.body.invitation_token,
    });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([expect.objectContaining({ type: "invitation_token_expired" })]);
  });
});
