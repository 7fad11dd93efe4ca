// The page of the browser test: the in-process sandbox behind MSW's service worker, and @mca/client's flow.
import { createClient } from "@mca/client";
import { createSandbox } from "@mca/sandbox-msw";
import { setupWorker } from "msw/browser";
import { inviteConnectListArchive } from "../test/support/flow.js";

async function run() {
  // PGlite fetches its .wasm and .data before the worker starts: MSW would call them unhandled requests
  const sandbox = await createSandbox({ seed: 5 });
  const worker = setupWorker(...sandbox.handlers);
  await worker.start({ onUnhandledRequest: "error", quiet: true });
  const flow = await inviteConnectListArchive(
    createClient,
    { baseUrl: sandbox.baseUrl },
    sandbox.host,
    sandbox.guest,
  );
  worker.stop();
  await sandbox.close();
  return { flow, host: sandbox.host.organizationId, secure: window.isSecureContext };
}

(window as unknown as { result: Promise<unknown> }).result = run().catch((error: unknown) => ({
  error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
}));
