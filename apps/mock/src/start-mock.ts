import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { BUNDLED_SPEC_JSON_PATH } from "@mca/spec";
import { findFreePort } from "./free-port.js";
import { prepareSpecForPrism } from "./prepare-spec.js";
import { waitUntilReady } from "./wait-until-ready.js";

const require = createRequire(import.meta.url);

export interface MockOptions {
  host?: string;
  /** Default: a free port. */
  port?: number;
  /** Generate responses from the schemas instead of returning the spec's examples. */
  dynamic?: boolean;
  /** Seed for reproducible dynamic responses. */
  seed?: string;
  /** The bundled OpenAPI document (JSON) to serve. Default: the bundled spec @mca/spec ships. */
  specPath?: string;
  /** Prism's log level; its log goes to this process's stderr unless "silent". */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  startTimeoutMs?: number;
}

export interface MockServer {
  baseUrl: string;
  host: string;
  port: number;
  dynamic: boolean;
  stop(): Promise<void>;
}

const PRISM_CLI = require.resolve("@stoplight/prism-cli/dist/index.js");
const AGREE_ON_DATE_TIME = fileURLToPath(new URL("../prism/agree-on-date-time.mjs", import.meta.url));

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts Prism on the bundled spec and resolves once it answers HTTP. */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await findFreePort(host));
  const dynamic = options.dynamic ?? false;
  const served = prepareSpecForPrism(options.specPath ?? BUNDLED_SPEC_JSON_PATH);
  const args = [
    "--import",
    AGREE_ON_DATE_TIME,
    PRISM_CLI,
    "mock",
    served.path,
    "--host",
    host,
    "--port",
    String(port),
    // one process, so that the date-time preload is in the process that validates
    "--multiprocess=false",
    `--dynamic=${dynamic}`,
    "--json-schema-faker-fillProperties=false",
    "--verboseLevel",
    options.logLevel ?? "warn",
    ...(options.seed === undefined ? [] : ["--seed", options.seed]),
  ];
  const quiet = options.logLevel === "silent";
  const child = spawn(process.execPath, args, { stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  // a mock must never outlive the process that started it, even when that process fails before stop()
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => {
    process.off("exit", killOnExit);
    served.remove();
  });
  const baseUrl = `http://${host}:${port}`;
  try {
    await waitUntilReady(host, port, options.startTimeoutMs ?? 90_000, () => child.exitCode === null);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { baseUrl, host, port, dynamic, stop: () => stopProcess(child) };
}
