// The lines a child process printed, and a wait for the next line that matches.
import type { Readable } from "node:stream";

export interface LineReader {
  lines: string[];
  /** Resolves with the first line at or after `from` that matches; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, from: number, timeoutMs?: number): Promise<{ line: string; index: number }>;
}

export function lineReader(...streams: Readable[]): LineReader {
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of streams) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  }
  return {
    lines,
    waitFor(pattern, from, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const index = lines.findIndex((line, at) => at >= from && pattern.test(line));
          if (index < 0) return;
          waiters.delete(look);
          clearTimeout(timer);
          resolve({ line: lines[index] as string, index });
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no line matched ${pattern} in ${timeoutMs} ms; printed:\n${lines.join("\n")}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      });
    },
  };
}
