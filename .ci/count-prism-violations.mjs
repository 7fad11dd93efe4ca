// A counting hop between the contract suite and `prism proxy --errors` (in front of the sandbox): forwards every
// request to Prism and tells the answers apart. Prism's own answers carry its error types: a request it refused
// (its 4xx, not counted: the suite sends bad requests on purpose), or a response of the sandbox that broke the
// spec (`#VIOLATIONS` with a `response` location: counted). Everything else is the sandbox's answer, passed on.
// It forwards with the repository's one forwarding helper and serves through its one node:http adapter
// (@mca/pipeline, built by the time CI runs this).
// Usage: node count-prism-violations.mjs <listen-port> <prism-url> <report-file>; SIGTERM writes the report.
import { writeFileSync } from "node:fs";
import { forward } from "../packages/pipeline/dist/index.js";
import { serve } from "../packages/pipeline/dist/node.js";

const [port, prism, reportFile] = process.argv.slice(2);
const tally = { responses: 0, violations: 0, refusedByPrism: 0, examples: [] };

await serve(
  async (incoming) => {
    const bytes = await incoming.bytes();
    const target = `${incoming.method} ${incoming.url.pathname}${incoming.url.search}`;
    let answer;
    try {
      answer = await forward(prism, incoming, bytes ? new TextDecoder().decode(bytes) : "");
    } catch (error) {
      return {
        status: 502,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ detail: [{ loc: [], msg: String(error), type: "bad_gateway" }] }),
      };
    }
    const text = new TextDecoder().decode(answer.body ?? new Uint8Array());
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
      if (tally.examples.length < 5) tally.examples.push(`${target}: ${text.slice(0, 400)}`);
    } else if (type.includes("stoplight.io/prism/errors")) tally.refusedByPrism += 1;
    else tally.responses += 1;
    return {
      status: answer.status,
      headers: { "content-type": answer.headers["content-type"] ?? "application/json" },
      body: text,
    };
  },
  { port: Number(port) },
);
process.on("SIGTERM", () => {
  writeFileSync(reportFile, JSON.stringify(tally));
  process.exit(0);
});
