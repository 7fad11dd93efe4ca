import { loadBundledSpec } from "@mca/spec";
import { oasdiffChangelog, diffSpecs } from "./dist/index.js";
const base = loadBundledSpec();
const hc = (d) => d.components.schemas.HostConnectionCreate.properties;
const b2 = structuredClone(base); hc(b2).weight = { anyOf: [{ type: "number" }, { type: "null" }] };
const cases = {
  reqNullNumToInt: (d) => { hc(d).weight.anyOf[0].type = "integer"; },
  reqPlain: (d) => { hc(d).weight = {type: "integer"}; },
};
for (const [n, f] of Object.entries(cases)) { const h = structuredClone(b2); f(h); console.log(n, JSON.stringify(oasdiffChangelog(b2,h).map(c=>[c.id,c.level,c.text])), JSON.stringify(diffSpecs(b2,h))); }
