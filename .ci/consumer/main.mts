// The strict TypeScript consumer: compiled by tsc, then run.
import { readFileSync } from "node:fs";
import { createClient } from "@mca/client";
import { type Credentials, flow } from "./flow.mjs";

const [baseUrl = "", identitiesPath = ""] = process.argv.slice(2);
const { hosts, guests } = JSON.parse(readFileSync(identitiesPath, "utf8")) as Record<"hosts" | "guests", Credentials[]>;
const host = hosts[2];
const guest = guests[0];
if (!host || !guest) throw new Error("the identities file has too few organizations");
console.log(`TypeScript (strict, exactOptionalPropertyTypes): ${await flow(createClient, baseUrl, host, guest)}`);
