// The ceiling the mixed benchmark compares against: a Node HTTP server that does no work at all and answers every
// request with a JSON body of the given size (the sandbox's average answer in the same run). Whatever one Node
// process can serve on this machine under the same load, the sandbox cannot beat.
// Usage: node dist/bench/bare-server.js <port> <bytes>
import { createServer } from "node:http";

const [port, bytes] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || !Number.isInteger(bytes) || (bytes as number) < 2) {
  process.stderr.write("usage: bare-server <port> <bytes ≥ 2>\n");
  process.exit(2);
}
const body = `"${"x".repeat((bytes as number) - 2)}"`;
createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body);
}).listen(port, "127.0.0.1", () => process.stdout.write("listening; Ctrl-C stops it\n"));
