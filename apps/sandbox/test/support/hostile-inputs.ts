import { request as httpRequest } from "node:http";
import { listOperations, loadBundledSpec } from "@mca/spec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/index.js";
import { type Caller, callerFor, connect, inOneDay, newOrganization } from "./api.js";

const FUZZ_SEED = 20261122;
const FUZZ_RUNS = 120;

/** One raw request (the target as written, no client-side normalisation); its status and body. */
function raw(
  sandbox: Sandbox,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest(
      { host: hostname, port, method, path, headers, timeout: 5_000 },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer to ${method} ${path}`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** A JSON body (as written) to the sandbox-only admin route. */
const postAdmin = (sandbox: Sandbox, body: string) =>
  raw(sandbox, "POST", "/_sandbox/organizations", { "content-type": "application/json" }, body);

const HOSTILE_TEXT = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "%",
    "%00",
    "%FF",
    "urn:uuid:054b4106-174b-46b0-97f8-86d8d7b6f0af",
    "{054b4106-174b-46b0-97f8-86d8d7b6f0af}",
    "054B4106-174B-46B0-97F8-86D8D7B6F0AF",
    "'; DROP TABLE connections; --",
    "9999-12-31T23:59:59-23:59",
    "2099-01-01T00:00:00+02",
    "2016-12-31T23:59:60Z",
    "0000-01-01T00:00:00Z",
    "null",
    "[]",
    "",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "binary", minLength: 2_000, maxLength: 2_100 }),
);

/** Every input the outside attack found a 500 for, and the rules of canonical ids, on one backend. */
export function describeHostileInputs(backend: string, start: () => Promise<Sandbox>): void {
  describe(`hostile input on ${backend}: a documented answer, never a 500`, () => {
    let sandbox: Sandbox;
    let host: Caller;
    let guest: Caller;
    beforeAll(async () => {
      sandbox = await start();
      host = await callerFor(sandbox, await newOrganization(sandbox));
      guest = await callerFor(sandbox, await newOrganization(sandbox));
    });
    afterAll(async () => {
      await sandbox?.stop();
    });
    const headers = (caller: Caller, extra: Record<string, string> = {}) => ({
      authorization: `Bearer ${caller.token}`,
      "requester-organization-id": caller.organizationId,
      "target-organization-id": caller.organizationId,
      "content-type": "application/json",
      ...extra,
    });

    it.each<[string, () => Promise<{ status: number; text: string }>, number, RegExp?]>([
      [
        "a NUL in client_id",
        () =>
          raw(
            sandbox,
            "POST",
            "/oauth2/token",
            { "content-type": "application/json" },
            JSON.stringify({ client_id: "a\u0000", client_secret: "s" }),
          ),
        422,
        /string_nul/,
      ],
      [
        "search_text=%00",
        () =>
          raw(
            sandbox,
            "GET",
            "/host-connections?statuses=connected&limit=1&offset=0&search_text=%00",
            headers(guest),
          ),
        422,
        /"query","search_text"/,
      ],
      [
        "a NUL in an invitation token",
        () =>
          raw(
            sandbox,
            "POST",
            "/host-connections",
            headers(guest),
            JSON.stringify({
              host_organization_id: host.organizationId,
              invitation_token: "0123456789\u0000",
            }),
          ),
        422,
        /string_nul/,
      ],
      ["a NUL in an admin field", () => postAdmin(sandbox, JSON.stringify({ name: "a\u0000b" })), 422],
      ["an admin body of null", () => postAdmin(sandbox, "null"), 422],
      [
        "an admin email that is not an email",
        () => postAdmin(sandbox, JSON.stringify({ email: "not an email" })),
        422,
      ],
      [
        "a urn:uuid path id",
        () => raw(sandbox, "GET", `/host-connections/urn:uuid:${host.organizationId}`, headers(guest)),
        422,
        /uuid_parsing/,
      ],
      [
        "a urn:uuid body id",
        () =>
          raw(
            sandbox,
            "POST",
            "/host-connections",
            headers(guest),
            JSON.stringify({ host_organization_id: `urn:uuid:${host.organizationId}` }),
          ),
        422,
      ],
      [
        "a malformed percent-escape in the path",
        () => raw(sandbox, "GET", "/host-connections/%", headers(guest)),
        422,
      ],
      [
        "an expired_at in year 10000 in UTC",
        () =>
          raw(
            sandbox,
            "POST",
            "/guest-invitations",
            headers(host),
            JSON.stringify({ email: "a@b.co", expired_at: "9999-12-31T23:59:59-23:59" }),
          ),
        422,
        /datetime_too_large/,
      ],
      ["an unparsable target", () => raw(sandbox, "GET", "//["), 400],
      [
        "a UTF-8 body declared charset=utf-16 (read by its bytes, as FastAPI reads it)",
        () =>
          raw(
            sandbox,
            "POST",
            "/oauth2/token",
            { "content-type": "application/json; charset=utf-16" },
            JSON.stringify({ client_id: sandbox.host.clientId, client_secret: sandbox.host.clientSecret }),
          ),
        200,
        /access_token/,
      ],
      [
        "a text/plain body",
        () =>
          raw(
            sandbox,
            "PATCH",
            `/guest-connections/${guest.organizationId}`,
            headers(host, { "content-type": "text/plain" }),
            '{"archived":true}',
          ),
        422,
        /model_attributes_type/,
      ],
      [
        "a JWT with base64 padding",
        () =>
          raw(
            sandbox,
            "GET",
            "/host-connections?statuses=connected&limit=1&offset=0",
            headers(guest, { authorization: `Bearer ${guest.token}=` }),
          ),
        401,
      ],
      [
        "a JWT with + and /",
        () =>
          raw(
            sandbox,
            "GET",
            "/host-connections?statuses=connected&limit=1&offset=0",
            headers(guest, {
              authorization: `Bearer ${guest.token.replaceAll("-", "+").replaceAll("_", "/")}x`,
            }),
          ),
        401,
      ],
      [
        "a JWT signature re-spelt in its unused bits",
        () => {
          // a 32-byte signature's last character carries 2 unused bits: the next character decodes to the
          // same bytes, so the token verifies unless the sandbox insists on one spelling
          const last = guest.token.at(-1) as string;
          const twin = `${guest.token.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
          const signature = (token: string) => Buffer.from(token.split(".")[2] as string, "base64url");
          expect(signature(twin).equals(signature(guest.token))).toBe(true);
          return raw(
            sandbox,
            "GET",
            "/host-connections?statuses=connected&limit=1&offset=0",
            headers(guest, { authorization: `Bearer ${twin}` }),
          );
        },
        401,
      ],
    ])("%s", async (_name, send, status, body) => {
      const answer = await send();
      expect(answer.status, answer.text).toBe(status);
      if (body) expect(answer.text).toMatch(body);
    });

    it("GET //[ gets 400 and the sandbox serves on", async () => {
      expect((await raw(sandbox, "GET", "//[")).status).toBe(400);
      const after = await raw(
        sandbox,
        "GET",
        "/host-connections?statuses=connected&limit=1&offset=0",
        headers(guest),
      );
      expect(after.status).toBe(200);
    });

    it("an organization cannot connect to itself by writing its id in upper case", async () => {
      const answer = await guest.call("POST", "/host-connections", {
        host_organization_id: guest.organizationId.toUpperCase(),
      });
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.body)).toMatch(/cannot connect to itself/);
    });

    it("a valid token with the host id in upper case connects, and an upper-case requester header is the same organization", async () => {
      const inviter = await callerFor(sandbox, await newOrganization(sandbox));
      const invitation = await inviter.call("POST", "/guest-invitations", {
        email: "g@example.com",
        expired_at: inOneDay(),
      });
      const connected = await guest.call("POST", "/host-connections", {
        host_organization_id: inviter.organizationId.toUpperCase(),
        invitation_token: invitation.body.invitation_token,
      });
      expect(connected.status).toBe(200);
      expect(connected.body.host_organization_id).toBe(inviter.organizationId);
      const listed = await raw(
        sandbox,
        "GET",
        "/host-connections?statuses=connected&limit=5&offset=0",
        headers(guest, {
          "requester-organization-id": guest.organizationId.toUpperCase(),
          "target-organization-id": guest.organizationId.toUpperCase(),
        }),
      );
      expect(listed.status).toBe(200);
    });

    it("parent_organization_id: the host itself or a connected organization; a stranger is 'not found', its name never shown", async () => {
      const stranger = await newOrganization(sandbox, { name: "Secret Stranger Inc" });
      const refused = await host.call("POST", "/guest-invitations", {
        email: "x@example.com",
        expired_at: inOneDay(),
        parent_organization_id: stranger.organizationId,
      });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toMatch(/Secret Stranger/);
      const own = await host.call("POST", "/guest-invitations", {
        email: "x@example.com",
        expired_at: inOneDay(),
        parent_organization_id: host.organizationId,
      });
      expect(own.status).toBe(200);
      await connect(host, guest);
      const connectedParent = await host.call("POST", "/guest-invitations", {
        email: "y@example.com",
        expired_at: inOneDay(),
        parent_organization_id: guest.organizationId,
      });
      expect(connectedParent.status).toBe(200);
    });

    it("the admin route refuses an email another organization has", async () => {
      const first = await postAdmin(sandbox, JSON.stringify({ email: "taken@example.com" }));
      expect(first.status).toBe(201);
      const second = await postAdmin(sandbox, JSON.stringify({ email: "TAKEN@example.com" }));
      expect(second.status).toBe(409);
    });

    it(`fuzz: hostile strings in every parameter and body field of every operation (seed ${FUZZ_SEED}, ${FUZZ_RUNS} requests)`, async () => {
      const operations = listOperations(loadBundledSpec());
      const cases = fc.sample(fc.tuple(fc.constantFrom(...operations), HOSTILE_TEXT, HOSTILE_TEXT), {
        numRuns: FUZZ_RUNS,
        seed: FUZZ_SEED,
      });
      const fiveHundreds: string[] = [];
      for (const [operation, text, other] of cases) {
        const path = operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(text));
        const query = operation.parameters
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => `${parameter.name}=${encodeURIComponent(other)}`)
          .join("&");
        const body = operation.requestBody
          ? JSON.stringify(
              Object.fromEntries(
                Object.keys((operation.requestBody.schema.properties as object | undefined) ?? {}).map(
                  (name) => [name, text],
                ),
              ),
            )
          : undefined;
        const answer = await raw(
          sandbox,
          operation.method,
          `${path}${query ? `?${query}` : ""}`,
          headers(guest, { "x-hostile": encodeURIComponent(other).slice(0, 200) }),
          body,
        );
        if (answer.status >= 500)
          fiveHundreds.push(`${operation.label} ${JSON.stringify(text).slice(0, 80)} → ${answer.status}`);
      }
      expect(fiveHundreds).toEqual([]);
    }, 120_000);
  });
}
