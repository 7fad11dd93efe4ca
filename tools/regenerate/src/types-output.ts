// The @mca/types sources from the bundle: openapi-typescript's Node API (in types-worker.mjs), and the spec's
// servers as a constant.
import { Worker } from "node:worker_threads";
import type { JsonObject } from "./spec-operations.js";

export interface TypesRenderer {
  /** The @mca/types source for the bundle: openapi-typescript's output under its usual header. */
  render(document: JsonObject): Promise<string>;
  close(): Promise<void>;
}

/** Starts openapi-typescript in its worker at once, so that it loads while the caller lints and bundles. */
export function startTypesRenderer(): TypesRenderer {
  const worker = new Worker(new URL("./types-worker.mjs", import.meta.url));
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on("message", (message: { id?: number; text?: string; error?: string }) => {
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.text !== undefined) waiting.resolve(message.text);
    else waiting.reject(new Error(`openapi-typescript: ${message.error}`));
  });
  worker.on("error", (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return {
    render(document) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, document });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The servers the spec names, first the client's default. */
export function renderServers(document: JsonObject): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const entries = servers.map((server) => {
    const { url, description } = server as { url?: unknown; description?: unknown };
    return { url: String(url), description: typeof description === "string" ? description : "" };
  });
  return `/**\n * This file was generated from the spec's \`servers\` by @mca/regenerate.\n * Do not make direct changes to the file.\n */\n\nexport const servers = ${JSON.stringify(entries, null, 2)} as const;\n`;
}
