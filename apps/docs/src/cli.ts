#!/usr/bin/env node
import { existsSync } from "node:fs";
import { SITE_PAGE, serveDocs } from "./serve-docs.js";

const port = Number(process.env.DOCS_PORT ?? "4000");
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`mca-docs: DOCS_PORT must be 0-65535, got "${process.env.DOCS_PORT}"\n`);
  process.exit(2);
}
if (!existsSync(SITE_PAGE)) {
  process.stderr.write("mca-docs: the reference page is not built: run pnpm docs\n");
  process.exit(2);
}
const docs = await serveDocs({ host: process.env.DOCS_HOST ?? "127.0.0.1", port });
process.stdout.write(`API reference at ${docs.url} (spec: ${docs.url}openapi.yaml)\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void docs.stop().then(() => process.exit(0));
  });
}
