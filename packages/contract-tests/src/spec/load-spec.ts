import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isObject, type JsonObject } from "@mca/validation";
import { ConfigError } from "../config.js";

/** The bundled spec of @mca/openapi, JSON. */
export const BUNDLED_SPEC = createRequire(import.meta.url).resolve("@mca/openapi/openapi.json");

/** Reads a bundled OpenAPI document (JSON; `$ref`s local to the document). */
export function loadSpec(path = BUNDLED_SPEC): JsonObject {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(
      `--spec ${path}: ${error instanceof Error ? error.message : String(error)} (a bundled JSON document is expected)`,
    );
  }
  if (!isObject(document) || typeof document.openapi !== "string" || !document.openapi.startsWith("3.1")) {
    throw new ConfigError(`--spec ${path}: not an OpenAPI 3.1 document`);
  }
  return document;
}
