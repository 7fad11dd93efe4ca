// The ESM consumer.
import { readFileSync } from "node:fs";
import { createClient } from "@mca/client";
import { flow } from "./out/flow.mjs";

const [baseUrl, identitiesPath] = process.argv.slice(2);
const { hosts, guests } = JSON.parse(readFileSync(identitiesPath, "utf8"));
console.log(`ESM: ${await flow(createClient, baseUrl, hosts[0], guests[0])}`);
