import { type ChildProcess, spawn } from "node:child_process";
import { type Finished, runToEnd as runProgram, stopGroup } from "@mca/ci/processes";
import { waitForPort } from "@mca/pipeline/node";

/** Runs `command` with bash in its own process group; the whole group is stopped on timeout. */
export function runToEnd(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Finished> {
  return runProgram("bash", ["-c", command], options);
}

/** A command that serves until stopped: started in its own process group, its output kept for failures. */
export interface Server {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startServer(command: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Server {
  const child = spawn("bash", ["-c", command], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const closed = new Promise((resolve) => child.once("close", resolve));
      stopGroup(child);
      await closed;
    },
  };
}

/** Resolves once something accepts connections on `port`; rejects when `server` exits first or time runs out. */
export async function waitForServerPort(port: number, server: Server, timeoutMs: number): Promise<void> {
  try {
    await waitForPort("127.0.0.1", port, timeoutMs, () => server.child.exitCode === null);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}:\n${server.output()}`);
  }
}
