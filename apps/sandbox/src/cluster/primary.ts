import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import type { OrganizationCredentials } from "../store/organizations.js";
import { isClusterMessage } from "./messages.js";

/** The environment variable a worker reads the cluster's token secret from: a token any worker signed, all accept. */
export const TOKEN_SECRET_ENV = "SANDBOX_TOKEN_SECRET";

export interface RunningCluster {
  url: string;
  hosts: OrganizationCredentials[];
  guests: OrganizationCredentials[];
  stop(): Promise<void>;
}

/**
 * Forks `count` workers of this same CLI, which share the listening port (node:cluster), the PostgreSQL database
 * and one token secret. The primary serves nothing: it relays cache invalidations so that a write is acknowledged
 * only once every worker has forgotten what it changed, and it stops the workers. A worker that dies stops all.
 */
export function startCluster(count: number, onCrash: (message: string) => void): Promise<RunningCluster> {
  const secret = randomBytes(32).toString("hex");
  const workers: Worker[] = [];
  const relays = new Map<number, { origin: Worker; originId: number; left: number }>();
  let nextRelay = 0;
  let stopping = false;

  const stop = async () => {
    stopping = true;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.kill("SIGTERM");
          }),
      ),
    );
  };

  return new Promise((resolve, reject) => {
    let ready: RunningCluster | undefined;
    let readyCount = 0;
    for (let index = 0; index < count; index += 1) {
      const worker = cluster.fork({ [TOKEN_SECRET_ENV]: secret });
      workers.push(worker);
      worker.on("exit", (code, signal) => {
        if (stopping) return;
        const message = `worker ${worker.process.pid} exited (${signal ?? code}); stopping the cluster`;
        void stop().then(() => (ready ? onCrash(message) : reject(new Error(message))));
      });
      worker.on("message", (message: unknown) => {
        if (!isClusterMessage(message)) return;
        if (message.type === "changed") {
          const others = workers.filter((other) => other !== worker && !other.isDead());
          if (others.length === 0) {
            worker.send({ type: "forgotten", id: message.id });
            return;
          }
          const relay = nextRelay++;
          relays.set(relay, { origin: worker, originId: message.id, left: others.length });
          for (const other of others) other.send({ type: "forget", id: relay, keys: message.keys });
        } else if (message.type === "forgot") {
          const relay = relays.get(message.id);
          if (!relay) return;
          relay.left -= 1;
          if (relay.left === 0) {
            relays.delete(message.id);
            relay.origin.send({ type: "forgotten", id: relay.originId });
          }
        } else if (message.type === "backend") {
          for (const other of workers) if (other !== worker && !other.isDead()) other.send(message);
        } else if (message.type === "ready") {
          readyCount += 1;
          ready ??= {
            url: message.url,
            hosts: message.hosts,
            guests: message.guests,
            stop,
          };
          if (readyCount === count) resolve(ready);
        }
      });
    }
  });
}
