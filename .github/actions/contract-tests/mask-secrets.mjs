// Prints a GitHub `::add-mask::` command for every token and client secret in an identities file, so that none
// of them can show in a log on its own. Not JSON: prints nothing (mca-contract then says what is wrong).
import { readFileSync } from "node:fs";

const SECRET_KEYS = new Set(["token", "clientSecret", "client_secret"]);

function secretsIn(value) {
  if (Array.isArray(value)) return value.flatMap(secretsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    SECRET_KEYS.has(key) && typeof inner === "string" && inner !== "" ? [inner] : secretsIn(inner),
  );
}

let identities;
try {
  identities = JSON.parse(readFileSync(process.argv[2], "utf8"));
} catch {
  process.exit(0);
}
for (const secret of new Set(secretsIn(identities))) process.stdout.write(`::add-mask::${secret}\n`);
