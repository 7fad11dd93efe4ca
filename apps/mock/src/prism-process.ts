import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { findFreePort, waitForPort } from "@mca/pipeline/node";

const PRISM_CLI = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
const AGREE_ON_DATE_TIME = fileURLToPath(new URL("../prism/agree-on-date-time.mjs", import.meta.url));

export interface PrismOptions {
  specPath: string;
  dynamic: boolean;
  seed?: string;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  startTimeoutMs: number;
}

export interface PrismProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

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

/** Starts stock Prism on the bundle as it is, on a free loopback port behind the mock's front; resolves once it listens. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const host = "127.0.0.1";
  const port = await findFreePort(host);
  const args = [
    "--import",
    AGREE_ON_DATE_TIME,
    PRISM_CLI,
    "mock",
    options.specPath,
    "--host",
    host,
    "--port",
    String(port),
    // one process, so that the date-time preload is in the process that validates
    "--multiprocess=false",
    `--dynamic=${options.dynamic}`,
    "--json-schema-faker-fillProperties=false",
    "--verboseLevel",
    options.logLevel,
    ...(options.seed === undefined ? [] : ["--seed", options.seed]),
  ];
  const quiet = options.logLevel === "silent";
  const child = spawn(process.execPath, args, { stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  // Prism must never outlive the process that started it, even when that process fails before stop()
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  try {
    await waitForPort(
      host,
      port,
      options.startTimeoutMs,
      () => child.exitCode === null && child.signalCode === null,
    );
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { url: `http://${host}:${port}`, child, stop: () => stopProcess(child) };
}
