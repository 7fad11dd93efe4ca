import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/index.js";
import { type Body, type Caller, callerFor, connect, inOneDay, newOrganization } from "./api.js";

/** The behaviour every storage backend must show; `start` opens a fresh sandbox on a free port. */
export function describeSandbox(backend: string, start: () => Promise<Sandbox>): void {
  describe(`sandbox on ${backend}`, () => {
    let sandbox: Sandbox;
    let host: Caller;
    let guest: Caller;
    beforeAll(async () => {
      sandbox = await start();
      [host, guest] = await Promise.all([
        callerFor(sandbox, sandbox.host),
        callerFor(sandbox, sandbox.guest),
      ]);
    });
    afterAll(async () => {
      await sandbox?.stop();
    });

    const freshPair = async () => {
      const [newHost, newGuest] = await Promise.all([newOrganization(sandbox), newOrganization(sandbox)]);
      return Promise.all([callerFor(sandbox, newHost), callerFor(sandbox, newGuest)]);
    };

    describe("authentication and authorization", () => {
      it.each([
        ["no Authorization header", {}, "token_missing"],
        ["a Basic header", { authorization: "Basic dXNlcjpwYXNz" }, "token_malformed"],
        ["a token that is not a JWT", { authorization: "Bearer nonsense" }, "token_malformed"],
        [
          "a forged token",
          { authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.AAAA" },
          "token_forged",
        ],
      ])("401 for %s", async (_case, headers, code) => {
        const response = await fetch(`${sandbox.url}/host-connections/${sandbox.host.organizationId}`, {
          headers: {
            "requester-organization-id": guest.organizationId,
            "target-organization-id": guest.organizationId,
            ...headers,
          },
        });
        expect(response.status).toBe(401);
        expect(((await response.json()) as { detail: Array<{ code: string }> }).detail[0]?.code).toBe(code);
      });

      it("401 for wrong client credentials, with the errors guide's body", async () => {
        const response = await fetch(`${sandbox.url}/oauth2/token`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ client_id: sandbox.host.clientId, client_secret: "wrong" }),
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          detail: [
            {
              loc: [],
              msg: "The client authentication failed!",
              type: "oauth",
              code: "oauth_invalid_client_credentials",
            },
          ],
        });
      });

      it("403 when Requester-Organization-ID is not the token's organization", async () => {
        const { status, body } = await guest.call(
          "GET",
          "/host-connections?statuses=connected&limit=10&offset=0",
          undefined,
          { "requester-organization-id": host.organizationId, "target-organization-id": host.organizationId },
        );
        expect(status).toBe(403);
        expect(body.detail).toEqual([expect.objectContaining({ code: "requester_mismatch" })]);
      });

      it("403 when the target is another organization (the operations are Self-only)", async () => {
        const { status } = await guest.call(
          "GET",
          "/host-connections?statuses=connected&limit=10&offset=0",
          undefined,
          { "target-organization-id": host.organizationId },
        );
        expect(status).toBe(403);
      });
    });

    it("a bad request gets the pipeline's 422 (the table is @mca/pipeline's)", async () => {
      const response = await guest.call("GET", "/host-connections?statuses=connected&limit=101&offset=0");
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([
        {
          loc: ["query", "limit"],
          msg: "Input should be less than or equal to 100",
          type: "less_than_equal",
        },
      ]);
    });

    describe("the invitation flow", () => {
      it("invites, connects with the token, then reads and lists the connection", async () => {
        const [newHost, newGuest] = await freshPair();
        const invitation = await newHost.call("POST", "/guest-invitations", {
          email: "guest@example.com",
          expired_at: inOneDay(),
        });
        expect(invitation.status).toBe(200);
        expect(invitation.body).toMatchObject({
          status: "sent",
          host_organization_id: newHost.organizationId,
          expired: false,
          accepted_at: null,
        });
        const connection = await newGuest.call("POST", "/host-connections", {
          host_organization_id: newHost.organizationId,
          invitation_token: invitation.body.invitation_token,
        });
        expect(connection.status).toBe(200);
        expect(connection.body).toMatchObject({
          host_organization_id: newHost.organizationId,
          guest_organization_id: newGuest.organizationId,
          status: "connected",
          archived: false,
        });
        expect((await newGuest.call("GET", `/host-connections/${newHost.organizationId}`)).body).toEqual(
          connection.body,
        );
        const list = await newGuest.call("GET", "/host-connections?statuses=connected&limit=10&offset=0");
        expect(list.body).toEqual({ items: [connection.body], total_items: 1 });
      });

      it.each([
        [
          "a token the host never issued",
          async (_host: Caller) => "x".repeat(43),
          "invitation_token_invalid",
        ],
        [
          "a token another host issued",
          async () =>
            (
              await (
                await freshPair()
              )[0].call("POST", "/guest-invitations", { email: "g@example.com", expired_at: inOneDay() })
            ).body.invitation_token,
          "invitation_token_invalid",
        ],
        [
          "a used token",
          async (issuer: Caller) => {
            const token = (
              await issuer.call("POST", "/guest-invitations", {
                email: "g@example.com",
                expired_at: inOneDay(),
              })
            ).body.invitation_token;
            const other = await callerFor(sandbox, await newOrganization(sandbox));
            await other.call("POST", "/host-connections", {
              host_organization_id: issuer.organizationId,
              invitation_token: token,
            });
            return token;
          },
          "invitation_token_used",
        ],
      ])("refuses %s with 422", async (_case, makeToken, code) => {
        const [newHost, newGuest] = await freshPair();
        const token = await makeToken(newHost);
        const response = await newGuest.call("POST", "/host-connections", {
          host_organization_id: newHost.organizationId,
          invitation_token: token,
        });
        expect(response.status).toBe(422);
        expect(response.body.detail).toEqual([
          expect.objectContaining({ loc: ["body", "invitation_token"], type: code }),
        ]);
      });

      it("answers 409 when the pair is already connected", async () => {
        const [newHost, newGuest] = await freshPair();
        await connect(newHost, newGuest);
        const again = await newGuest.call("POST", "/host-connections", {
          host_organization_id: newHost.organizationId,
        });
        expect(again.status).toBe(409);
      });

      it("without a token: 403, unless the host invited the guest's email (accepted by the system)", async () => {
        const [newHost, newGuest] = await freshPair();
        expect(
          (await newGuest.call("POST", "/host-connections", { host_organization_id: newHost.organizationId }))
            .status,
        ).toBe(403);
        const guestEmail = String((await newOrganizationEmail(newGuest)) ?? "");
        await newHost.call("POST", "/guest-invitations", { email: guestEmail, expired_at: inOneDay() });
        expect(
          (await newGuest.call("POST", "/host-connections", { host_organization_id: newHost.organizationId }))
            .status,
        ).toBe(200);
      });

      it("404 for a host that does not exist", async () => {
        const response = await guest.call("POST", "/host-connections", {
          host_organization_id: "00000000-0000-4000-8000-000000000000",
          invitation_token: "x".repeat(20),
        });
        expect(response.status).toBe(404);
      });
    });

    describe("reads after writes", () => {
      it("a list read again after a write shows the write (no cached page survives it)", async () => {
        const [newHost, newGuest] = await freshPair();
        const path = "/host-connections?statuses=connected&limit=10&offset=0";
        expect((await newGuest.call("GET", path)).body).toEqual({ items: [], total_items: 0 });
        expect((await newGuest.call("GET", path)).body).toEqual({ items: [], total_items: 0 });
        await connect(newHost, newGuest);
        expect((await newGuest.call("GET", path)).body.total_items).toBe(1);
        await newHost.call("PATCH", `/guest-connections/${newGuest.organizationId}`, { archived: true });
        expect((await newGuest.call("GET", `${path}&archived=true`)).body.total_items).toBe(1);
        expect((await newGuest.call("GET", `${path}&archived=false`)).body.total_items).toBe(0);
      });

      it("a listed connection is the connection read by id, to the character, after archive and unarchive", async () => {
        // the list is built as JSON by the database and patched in memory on an archive; reading by id formats
        // the row in code: the three must agree on every field, timestamps included
        const [newHost, newGuest] = await freshPair();
        await connect(newHost, newGuest);
        const archivePath = `/guest-connections/${newGuest.organizationId}`;
        const listPath = "/host-connections?statuses=connected&limit=10&offset=0";
        for (const archived of [undefined, true, false]) {
          if (archived !== undefined) await newHost.call("PATCH", archivePath, { archived });
          const [listed] = (await newGuest.call("GET", listPath)).body.items as Body[];
          const byId = (await newGuest.call("GET", `/host-connections/${newHost.organizationId}`)).body;
          expect(listed).toEqual(byId);
        }
      });
    });

    describe("archiving", () => {
      it("sets archived_at, keeps it on a second archive, clears it on unarchive, and moves updated_at", async () => {
        const [newHost, newGuest] = await freshPair();
        const created = await connect(newHost, newGuest);
        const path = `/guest-connections/${newGuest.organizationId}`;
        const archived = await newHost.call("PATCH", path, { archived: true });
        expect(archived.body).toMatchObject({
          archived: true,
          guest_organization_id: newGuest.organizationId,
        });
        expect(archived.body.archived_at).toEqual(expect.any(String));
        expect((await newHost.call("PATCH", path, { archived: true })).body.archived_at).toBe(
          archived.body.archived_at,
        );
        const unarchived = await newHost.call("PATCH", path, { archived: false });
        expect(unarchived.body).toMatchObject({ archived: false, archived_at: null });
        expect(Date.parse(String(unarchived.body.updated_at))).toBeGreaterThanOrEqual(
          Date.parse(String(created.updated_at)),
        );
      });

      it("404 for a guest the host is not connected to", async () => {
        expect(
          (
            await host.call("PATCH", "/guest-connections/00000000-0000-4000-8000-000000000000", {
              archived: true,
            })
          ).status,
        ).toBe(404);
      });
    });

    describe("isolation", () => {
      it("no organization sees another's connections", async () => {
        const [newHost, newGuest] = await freshPair();
        await connect(newHost, newGuest);
        const stranger = await callerFor(sandbox, await newOrganization(sandbox));
        expect(
          (await stranger.call("GET", "/host-connections?statuses=connected&limit=100&offset=0")).body,
        ).toEqual({ items: [], total_items: 0 });
        expect((await stranger.call("GET", `/host-connections/${newHost.organizationId}`)).status).toBe(404);
        expect(
          (await stranger.call("PATCH", `/guest-connections/${newGuest.organizationId}`, { archived: true }))
            .status,
        ).toBe(404);
      });
    });

    describe("concurrency", () => {
      it("50 parallel accepts of one invitation create exactly one connection", async () => {
        const [newHost, newGuest] = await freshPair();
        const token = (
          await newHost.call("POST", "/guest-invitations", { email: "g@example.com", expired_at: inOneDay() })
        ).body.invitation_token;
        const answers = await Promise.all(
          Array.from({ length: 50 }, () =>
            newGuest.call("POST", "/host-connections", {
              host_organization_id: newHost.organizationId,
              invitation_token: token,
            }),
          ),
        );
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
        expect(answers.every((answer) => [200, 409].includes(answer.status))).toBe(true);
        const [row] = await sandbox.db.query<{ count: string | number }>(
          "SELECT count(*) AS count FROM connections WHERE host_organization_id = $1",
          [newHost.organizationId],
        );
        expect(Number(row?.count)).toBe(1);
      });

      it("50 guests racing for one token: one wins", async () => {
        const [newHost] = await freshPair();
        const token = (
          await newHost.call("POST", "/guest-invitations", { email: "g@example.com", expired_at: inOneDay() })
        ).body.invitation_token;
        const guests = await Promise.all(
          Array.from({ length: 50 }, async () => callerFor(sandbox, await newOrganization(sandbox))),
        );
        const answers = await Promise.all(
          guests.map((racer) =>
            racer.call("POST", "/host-connections", {
              host_organization_id: newHost.organizationId,
              invitation_token: token,
            }),
          ),
        );
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
        expect(answers.filter((answer) => answer.status === 422)).toHaveLength(49);
      });

      it("parallel archive/unarchive leaves a consistent row", async () => {
        const [newHost, newGuest] = await freshPair();
        await connect(newHost, newGuest);
        await Promise.all(
          Array.from({ length: 40 }, (_, index) =>
            newHost.call("PATCH", `/guest-connections/${newGuest.organizationId}`, {
              archived: index % 2 === 0,
            }),
          ),
        );
        const [row] = await sandbox.db.query<{ archived: boolean; archived_at: unknown }>(
          "SELECT archived, archived_at FROM connections WHERE guest_organization_id = $1",
          [newGuest.organizationId],
        );
        expect(row?.archived).toBe(row?.archived_at !== null);
      });
    });

    async function newOrganizationEmail(caller: Caller): Promise<unknown> {
      const [row] = await sandbox.db.query<{ email: string }>(
        "SELECT email FROM organizations WHERE id = $1",
        [caller.organizationId],
      );
      return row?.email;
    }
  });
}
