import { ConfigError } from "./config.js";

interface LocalMock {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The Prism mock, for a run without --base-url. `@mca/mock` (which brings Prism) is an optional peer: loaded
 * only here, so that checking your own server needs neither.
 */
export async function startLocalMock(specPath: string | undefined): Promise<LocalMock> {
  const mockModule = "@mca/mock";
  let mock: { startMock(options: { logLevel: "silent"; specPath?: string }): Promise<LocalMock> };
  try {
    mock = (await import(mockModule)) as typeof mock;
  } catch {
    throw new ConfigError(
      "no --base-url given, and @mca/mock (the Prism mock) is not installed: pass --base-url <your server>, or npm install @mca/mock",
    );
  }
  return mock.startMock({ logLevel: "silent", ...(specPath ? { specPath } : {}) });
}
