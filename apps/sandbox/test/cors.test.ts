import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
});

const preflight = (origin: string) =>
  fetch(`${sandbox.url}/host-connections`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization, requester-organization-id, target-organization-id",
    },
  });

describe("CORS", () => {
  it.each([
    ["a page on another localhost port", "http://localhost:5173", 200, "http://localhost:5173"],
    ["a page on 127.0.0.1", "http://127.0.0.1:3000", 200, "http://127.0.0.1:3000"],
    ["a page elsewhere", "https://evil.example", 400, null],
  ])("preflight from %s", async (_name, origin, status, allowOrigin) => {
    const answer = await preflight(origin);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("access-control-allow-origin")).toBe(allowOrigin);
    if (status === 200)
      expect(answer.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
        "requester-organization-id",
      );
  });

  it("configured origins replace the localhost default", async () => {
    const strict = await startSandbox({ port: 0, corsOrigins: ["https://app.example"] });
    try {
      const fromApp = await fetch(`${strict.url}/host-connections`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "GET" },
      });
      const fromLocal = await fetch(`${strict.url}/host-connections`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "GET" },
      });
      expect([fromApp.status, fromLocal.status]).toEqual([200, 400]);
    } finally {
      await strict.stop();
    }
  });

  it("a front-end in Chromium, served from another port, gets a token and lists its hosts", async () => {
    const { clientId, clientSecret, organizationId } = sandbox.guest;
    const page = `<!doctype html><script>
      window.result = (async () => {
        const token = await fetch("${sandbox.url}/oauth2/token", { method: "POST", headers: { "content-type": "application/json" },
          body: JSON.stringify({ client_id: "${clientId}", client_secret: "${clientSecret}" }) }).then((r) => r.json());
        const list = await fetch("${sandbox.url}/host-connections?statuses=connected&limit=5&offset=0", { headers: {
          authorization: "Bearer " + token.access_token, "requester-organization-id": "${organizationId}",
          "target-organization-id": "${organizationId}" } });
        return { status: list.status, body: await list.json() };
      })().catch((error) => ({ error: String(error) }));
    </script>`;
    const site: Server = createServer((_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end(page),
    );
    site.listen(0, "127.0.0.1");
    await once(site, "listening");
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
      });
      const tab = await browser.newPage();
      await tab.goto(`http://localhost:${(site.address() as AddressInfo).port}/`);
      const result = await tab.evaluate(() => (window as unknown as { result: Promise<unknown> }).result);
      expect(result).toEqual({ status: 200, body: { items: [], total_items: 0 } });
    } finally {
      await browser?.close();
      await new Promise((resolve) => site.close(resolve));
    }
  }, 60_000);
});
