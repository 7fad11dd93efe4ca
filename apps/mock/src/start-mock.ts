import { serve } from "@mca/pipeline/node";
import { BUNDLED_SPEC_JSON_PATH, loadBundledSpec } from "@mca/spec";
import { createFront } from "./front.js";
import { type PrismOptions, type PrismProcess, startPrism } from "./prism-process.js";

export interface MockOptions {
  host?: string;
  /** Default: a free port. */
  port?: number;
  /** Generate responses from the schemas instead of returning the spec's examples. */
  dynamic?: boolean;
  /** Seed for reproducible dynamic responses. */
  seed?: string;
  /** The bundled OpenAPI document (JSON) to serve, as it is. Default: the bundled spec @mca/spec ships. */
  specPath?: string;
  /** Prism's log level; its log goes to this process's stderr unless "silent". */
  logLevel?: PrismOptions["logLevel"];
  startTimeoutMs?: number;
  /** Where the mock says it restarted Prism. Default: stderr. */
  log?: (line: string) => void;
}

export interface MockServer {
  baseUrl: string;
  host: string;
  port: number;
  dynamic: boolean;
  /** How many times Prism died and was started again. */
  restarts(): number;
  /** Prism's process id right now (for tests that kill it). */
  prismPid(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * Starts the mock: stock Prism on the bundle as it is, behind a front of ours that validates every request like
 * the API (FastAPI's 422s) and restarts Prism should it die. Resolves once both answer.
 */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const dynamic = options.dynamic ?? false;
  const specPath = options.specPath ?? BUNDLED_SPEC_JSON_PATH;
  const log = options.log ?? ((line: string) => process.stderr.write(`mca-mock: ${line}\n`));
  const prismOptions: PrismOptions = {
    specPath,
    dynamic,
    logLevel: options.logLevel ?? "warn",
    startTimeoutMs: options.startTimeoutMs ?? 90_000,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  let stopping = false;
  let restarts = 0;
  let prism: Promise<PrismProcess> = startPrism(prismOptions);
  const watch = (started: PrismProcess) => {
    started.child.once("exit", (code, signal) => {
      if (stopping) return;
      restarts += 1;
      log(`Prism exited (${signal ?? `code ${code}`}); restarting it (restart ${restarts})`);
      prism = startPrism(prismOptions);
      void prism.then(watch, (error: unknown) => log(`Prism did not restart: ${String(error)}`));
    });
  };
  watch(await prism);

  const front = createFront({
    document: loadBundledSpec(specPath),
    prismUrl: async () => (await prism).url,
    log,
  });
  const served = await serve(front.answer, { host, port: options.port ?? 0, log });
  return {
    baseUrl: served.url,
    host,
    port: served.port,
    dynamic,
    restarts: () => restarts,
    prismPid: async () => (await prism).child.pid,
    stop: async () => {
      stopping = true;
      await served.stop();
      await (await prism).stop();
    },
  };
}
