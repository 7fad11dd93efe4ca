#!/usr/bin/env node
import { parseArgs } from "node:util";
import { REQUESTER_ORGANIZATION_HEADER, TARGET_ORGANIZATION_HEADER } from "@mca/types";
import { BAD_REQUEST_PATH, EXAMPLE_ORGANIZATION_ID, mockBanner } from "./banner.js";
import { startMock } from "./start-mock.js";

const USAGE = `Usage: mca-mock [--host H] [--port P] [--dynamic] [--seed S] [--verbose]
  env: MOCK_HOST (127.0.0.1), MOCK_PORT (4010), MOCK_DYNAMIC (true|false), MOCK_SEED`;

function fail(message: string): never {
  process.stderr.write(`mca-mock: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) fail(`--port must be 1-65535, got "${text}"`);
  return port;
}

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    options: {
      host: { type: "string", default: process.env.MOCK_HOST ?? "127.0.0.1" },
      port: { type: "string", default: process.env.MOCK_PORT ?? "4010" },
      dynamic: { type: "boolean", default: process.env.MOCK_DYNAMIC === "true" },
      seed: { type: "string", ...(process.env.MOCK_SEED ? { default: process.env.MOCK_SEED } : {}) },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const mock = await startMock({
  host: values.host,
  port: parsePort(values.port),
  dynamic: values.dynamic,
  ...(values.seed === undefined ? {} : { seed: values.seed }),
  logLevel: values.verbose ? "info" : "warn",
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

const refused = await fetch(`${mock.baseUrl}${BAD_REQUEST_PATH}`, {
  headers: {
    authorization: "Bearer any-token",
    [REQUESTER_ORGANIZATION_HEADER]: EXAMPLE_ORGANIZATION_ID,
    [TARGET_ORGANIZATION_HEADER]: EXAMPLE_ORGANIZATION_ID,
  },
}).then(async (response) => `${response.status} ${await response.text()}`);
process.stdout.write(`${mockBanner(mock, refused)}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void mock.stop().then(() => process.exit(0));
  });
}
