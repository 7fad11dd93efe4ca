// A counting hop between the contract suite and `prism proxy --errors` (in front of the sandbox): forwards every
// request to Prism and tells the answers apart. Prism's own answers carry its error types: a request it refused
// (its 4xx, not counted: the suite sends bad requests on purpose), or a response of the sandbox that broke the
// spec (`#VIOLATIONS` with a `response` location: counted). Everything else is the sandbox's answer, passed on.
// Usage: node count-prism-violations.mjs <listen-port> <prism-url> <report-file>; SIGTERM writes the report.
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, prism, reportFile] = process.argv.slice(2);
const tally = { responses: 0, violations: 0, refusedByPrism: 0, examples: [] };

const server = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const { host: _host, "content-length": _length, connection: _connection, ...headers } = request.headers;
  try {
    const answer = await fetch(`${prism}${request.url}`, {
      method: request.method,
      headers,
      ...(body.length > 0 && request.method !== "GET" ? { body } : {}),
    });
    const text = await answer.text();
    let type = "";
    let locations = [];
    try {
      const json = JSON.parse(text);
      type = typeof json?.type === "string" ? json.type : "";
      locations = Array.isArray(json?.validation) ? json.validation.map((entry) => entry?.location?.[0]) : [];
    } catch {}
    if (type.includes("stoplight.io/prism/errors") && locations.includes("response")) {
      tally.responses += 1;
      tally.violations += 1;
      if (tally.examples.length < 5)
        tally.examples.push(`${request.method} ${request.url}: ${text.slice(0, 400)}`);
    } else if (type.includes("stoplight.io/prism/errors")) tally.refusedByPrism += 1;
    else tally.responses += 1;
    response.writeHead(answer.status, {
      "content-type": answer.headers.get("content-type") ?? "application/json",
    });
    response.end(text);
  } catch (error) {
    response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ detail: [{ loc: [], msg: String(error), type: "bad_gateway" }] }));
  }
});
server.listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => {
  writeFileSync(reportFile, JSON.stringify(tally));
  process.exit(0);
});
