import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { type Finished, runToEnd as runProgram, stopGroup } from "@mca/ci/processes";

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
export async function waitForPort(port: number, server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`exited with ${server.child.exitCode} before port ${port} opened:\n${server.output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms:\n${server.output()}`);
}
