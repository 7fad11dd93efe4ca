import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const require = createRequire(import.meta.url);
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".data": "application/octet-stream",
};

let site: Server;
let origin: string;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "mca-in-process-page-"));
  await build({
    entryPoints: [fileURLToPath(new URL("../browser/flow-page.ts", import.meta.url))],
    bundle: true,
    platform: "browser",
    format: "esm",
    external: ["node:*"],
    outfile: join(folder, "flow-page.js"),
    logLevel: "error",
  });
  // PGlite finds its assets next to its module (import.meta.url): the bundle
  const pglite = dirname(require.resolve("@electric-sql/pglite"));
  for (const asset of ["pglite.wasm", "initdb.wasm", "pglite.data"])
    copyFileSync(join(pglite, asset), join(folder, asset));
  // the worker script as msw's own CLI writes it, so it always carries the installed msw's version
  execFileSync(
    process.execPath,
    [join(dirname(require.resolve("msw/package.json")), "cli/index.js"), "init", folder, "--no-save"],
    {
      stdio: "ignore",
    },
  );
  writeFileSync(
    join(folder, "index.html"),
    '<!doctype html><script type="module" src="/flow-page.js"></script>',
  );
  site = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const file = join(folder, path === "/" ? "index.html" : path.slice(1));
    try {
      const bytes = readFileSync(file);
      response
        .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
        .end(bytes);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  if (site) {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the in-process sandbox in headless Chromium, through setupWorker", () => {
  it("@mca/client's invite, connect, list and archive, the page and PGlite's assets served from 127.0.0.1", async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
      });
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on("pageerror", (error) => failed.push(String(error)));
      // every request the page makes: the page's own files, and nothing to the sandbox's host (the worker answers)
      const requested: string[] = [];
      page.on("request", (request) => requested.push(request.url()));
      await page.goto(`${origin}/`);
      const result = await page.evaluate(() => (window as unknown as { result: Promise<unknown> }).result);
      expect(failed).toEqual([]);
      expect(result).toMatchObject({
        secure: true,
        flow: { invitationStatus: "sent", listed: [expect.any(String)], archived: true },
      });
      const { flow, host } = result as { flow: { connectedHost: string; listed: string[] }; host: string };
      expect(flow.connectedHost).toBe(host);
      expect(flow.listed).toEqual([host]);
      expect(
        requested.filter((url) => !url.startsWith(origin) && !url.startsWith("https://sandbox.mca.invalid/")),
      ).toEqual([]);
    } finally {
      await browser?.close();
    }
  }, 120_000);
});
