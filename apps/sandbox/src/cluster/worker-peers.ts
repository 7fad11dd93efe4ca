import { type ChangedKeys, type ClusterMessage, isClusterMessage } from "./messages.js";

/** The other sandbox processes sharing the database, as one worker's cache sees them. */
export interface CachePeers {
  /** Makes every other worker forget `keys`; resolves once all have, so an acknowledged write is seen by all. */
  changed(keys: ChangedKeys): Promise<void>;
  /** `forget` runs when another worker wrote. */
  onChanged(forget: (keys: ChangedKeys) => void): void;
  /** Tells the others a database backend of this worker: notifications from it are already handled. */
  announceBackend(pid: number): void;
  onBackend(listener: (pid: number) => void): void;
}

/** CachePeers over the cluster IPC channel of a worker process (the primary relays, see primary.ts). */
export function workerPeers(): CachePeers {
  const send = (message: ClusterMessage) => process.send?.(message);
  const waiting = new Map<number, () => void>();
  const forgetters: Array<(keys: ChangedKeys) => void> = [];
  const backendListeners: Array<(pid: number) => void> = [];
  let next = 0;
  process.on("message", (message: unknown) => {
    if (!isClusterMessage(message)) return;
    if (message.type === "forget") {
      for (const forget of forgetters) forget(message.keys);
      send({ type: "forgot", id: message.id });
    } else if (message.type === "forgotten") {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    } else if (message.type === "backend") {
      for (const listener of backendListeners) listener(message.pid);
    }
  });
  return {
    changed(keys) {
      const id = next++;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        send({ type: "changed", id, keys });
      });
    },
    onChanged: (forget) => void forgetters.push(forget),
    announceBackend: (pid) => void send({ type: "backend", pid }),
    onBackend: (listener) => void backendListeners.push(listener),
  };
}
