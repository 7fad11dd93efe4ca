import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export { isObject, type Json, type JsonObject, resolveRef } from "@mca/validation";

import type { JsonObject } from "@mca/validation";

export const bundlePath = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));

export function loadBundle(): JsonObject {
  return JSON.parse(readFileSync(bundlePath, "utf8")) as JsonObject;
}
