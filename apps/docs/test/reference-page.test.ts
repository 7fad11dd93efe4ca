import { mkdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { loadBundledSpec } from "@mca/spec";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocsServer, serveDocs } from "../src/index.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const page = fileURLToPath(new URL("../dist/site/index.html", import.meta.url));
const resultsDir = fileURLToPath(new URL("../test-results/", import.meta.url));
const spec = loadBundledSpec() as unknown as {
  paths: Record<string, Record<string, { summary?: string; operationId?: string }>>;
  servers: Array<{ url: string }>;
};
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "post", "patch", "put", "delete"].includes(method))
    .map(([method, operation]) => [operation.summary ?? "", method.toUpperCase(), path] as const),
);

let docs: DocsServer;
let browser: Browser;
let text = "";
beforeAll(async () => {
  docs = await serveDocs({ page });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // the machine has no network: Chromium's background services would only fail
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await tab.goto(docs.url);
  await tab.waitForSelector("text=Operations", { timeout: 20_000 });
  // the rendered text is the point: what a reader sees, not the DOM tree (collapsed sections included)
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright API, reads the rendered page
  text = await tab.innerText("body");
  mkdirSync(resultsDir, { recursive: true });
  await tab.screenshot({ path: `${resultsDir}reference-page.png`, fullPage: false });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await docs?.stop();
});

describe("the API reference page, rendered in headless Chromium", () => {
  it("finds the spec's operations", () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
  });

  it.each(operations)("lists %s as %s %s", (_summary, method, path) => {
    const escaped = path.replace(/[{}/]/g, (character) => `\\${character}`);
    expect(text).toMatch(new RegExp(`${method}\\s+${escaped}(\\s|$)`));
  });

  it.each(spec.servers.map((server) => [server.url]))("lists the server %s", async (url) => {
    const tab = await browser.newPage();
    await tab.goto(docs.url);
    const html = await tab.content();
    await tab.close();
    expect(html).toContain(url);
  });

  it("serves the bundled spec beside the page", async () => {
    const response = await fetch(`${docs.url}openapi.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("answers 404 for anything else", async () => {
    expect((await fetch(`${docs.url}nope`)).status).toBe(404);
  });

  it("answers GET //[ (no URL can be made of it) 400 and serves on", async () => {
    const { hostname, port } = new URL(docs.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest({ host: hostname, port, path: "//[", timeout: 5_000 }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(400);
    expect((await fetch(`${docs.url}openapi.json`)).status).toBe(200);
  });
});
