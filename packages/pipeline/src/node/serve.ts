import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Answerer, nodeListener } from "./node-adapter.js";

export interface ServeOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Where an answerer's failure is told. Default: stderr. */
  log?: (line: string) => void;
}

export interface Served {
  server: Server;
  host: string;
  port: number;
  /** `http://host:port`, no trailing slash. */
  url: string;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

/** Serves `answerer` on node:http through the one adapter; resolves once it listens. */
export async function serve(answerer: Answerer, options: ServeOptions): Promise<Served> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer(nodeListener(answerer, log));
  server.listen(options.port, host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    server,
    host,
    port,
    url: `http://${host}:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
