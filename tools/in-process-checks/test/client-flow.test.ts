import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@mca/client";
import { createSandbox, DEFAULT_SANDBOX_BASE_URL, type InProcessSandbox } from "@mca/sandbox-msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteConnectListArchive } from "./support/flow.js";
import { recordSockets, tcpHandles } from "./support/no-sockets.js";

describe("the socket recorder can fail: it sees a real fetch", () => {
  it("records the connect of a fetch to a node:http server on this machine", async () => {
    const server = createServer((_request, response) => response.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const sockets = recordSockets();
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await answer.text()).toBe("ok");
      expect(sockets.connects()).toHaveLength(1);
    } finally {
      sockets.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("@mca/client against the in-process sandbox, through MSW with onUnhandledRequest: error", () => {
  let sandbox: InProcessSandbox;
  const server = setupServer();
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 20 });
    server.use(...sandbox.handlers);
    server.listen({ onUnhandledRequest: "error" });
  });
  afterAll(async () => {
    server.close();
    await sandbox?.close();
  });

  it("token, invite, connect, list and archive, and no socket was opened", async () => {
    const handlesBefore = tcpHandles();
    const sockets = recordSockets();
    try {
      const result = await inviteConnectListArchive(
        createClient,
        { baseUrl: sandbox.baseUrl },
        sandbox.host,
        sandbox.guest,
      );
      expect(result).toEqual({
        invitationStatus: "sent",
        connectedHost: sandbox.host.organizationId,
        listed: [sandbox.host.organizationId],
        archived: true,
      });
      expect(sockets.connects()).toEqual([]);
      expect(tcpHandles()).toEqual(handlesBefore);
    } finally {
      sockets.stop();
    }
  });

  it("state holds between calls and reset() empties it (the organizations and their tokens stay)", async () => {
    const token = await sandbox.token(sandbox.guest);
    const list = () =>
      fetch(
        `${sandbox.baseUrl}/host-connections?statuses=connected&statuses=disconnected&limit=10&offset=0`,
        {
          headers: {
            authorization: `Bearer ${token}`,
            "requester-organization-id": sandbox.guest.organizationId,
            "target-organization-id": sandbox.guest.organizationId,
          },
        },
      ).then((answer) => answer.json() as Promise<{ total_items: number }>);
    expect((await list()).total_items).toBe(1);
    await sandbox.reset();
    expect((await list()).total_items).toBe(0);
  });

  it("its default host is a name of its own, never production, and no request leaves for it", async () => {
    expect(new URL(DEFAULT_SANDBOX_BASE_URL).hostname).toBe("sandbox.mca.invalid");
    expect(sandbox.baseUrl).toBe(DEFAULT_SANDBOX_BASE_URL);
    // with interception off the name does not resolve: a forgotten setupServer fails, it sends nothing anywhere
    server.close();
    try {
      await expect(fetch(`${sandbox.baseUrl}/oauth2/token`, { method: "POST" })).rejects.toThrow(TypeError);
    } finally {
      server.listen({ onUnhandledRequest: "error" });
    }
  });

  it("a request the handlers do not own fails the test (onUnhandledRequest: error)", async () => {
    await expect(fetch("https://api.mycreditapp.ai/v1-beta/host-connections")).rejects.toThrow();
  });
});
