// Waits until 127.0.0.1:<port> accepts connections (exit 0), or <seconds> pass (exit 1): the repository's one
// waitForPort (@mca/pipeline/node).
import { waitForPort } from "../packages/pipeline/dist/node.js";

const [port, seconds = "120"] = process.argv.slice(2);
await waitForPort("127.0.0.1", Number(port), Number(seconds) * 1000).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
