// The mock `pnpm dev` runs: `mca-mock` (apps/mock) in a process group of its own, restarted on every new bundle.
// Only this group is ever stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export interface MockProcess {
  /** Starts the mock, or stops the running one and starts it again; resolves with its base URL once it answers. */
  restart(): Promise<string>;
  stop(): Promise<void>;
}

const READY_LINE = /Prism mock of the MyCreditApp connections API at (\S+)/;

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      resolve();
    }
  });
}

export function mockProcess(root: string, port: number): MockProcess | undefined {
  const cli = join(root, "apps/mock/dist/cli.js");
  if (!existsSync(cli)) return undefined;
  let child: ChildProcess | undefined;
  return {
    async restart() {
      if (child) await stopGroup(child);
      const started = spawn(process.execPath, [cli, "--port", String(port)], {
        cwd: root,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      return new Promise<string>((resolve, reject) => {
        let output = "";
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const ready = READY_LINE.exec(output);
          if (ready?.[1]) resolve(ready[1]);
        };
        started.stdout?.on("data", read);
        started.stderr?.on("data", read);
        started.once("exit", (code) =>
          reject(new Error(`the mock exited (${code}) before it answered:\n${output}`)),
        );
      });
    },
    async stop() {
      if (child) await stopGroup(child);
    },
  };
}
