// Preloaded into the Prism process (`node --import`). Prism validates `date-time` with its own strict
// RFC 3339 check, which refuses the offset-less timestamps the API accepts and the docs use
// (`2025-12-12T10:30:00.123456`; openapi/PROVENANCE.md, "Timestamps"). Before Prism's validator module
// builds its ajv instances, its `date_time` export is replaced by the repository's shared format, so the
// mock refuses exactly what the contract tests and the sandbox refuse.
import { createRequire } from "node:module";
import { API_DATE_TIME } from "@mca/spec";

const require = createRequire(import.meta.url);
const cliRoot = require.resolve("@stoplight/prism-cli/package.json");
const fromCli = createRequire(cliRoot);
// prism-cli and prism-http-server may each bring their own prism-http version: patch every copy.
const serverRoot = fromCli.resolve("@stoplight/prism-http-server/package.json");
const prismHttpRoots = new Set([
  fromCli.resolve("@stoplight/prism-http/package.json"),
  createRequire(serverRoot).resolve("@stoplight/prism-http/package.json"),
]);
for (const root of prismHttpRoots) {
  const dateTime = createRequire(root)("./dist/validator/validators/dateTime.js");
  dateTime.date_time = API_DATE_TIME.validate;
}
