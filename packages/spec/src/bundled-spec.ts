import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isObject, type JsonObject } from "./json.js";

/**
 * The bundled spec ships inside this package (`bundle/`, copied from openapi/dist at build), so that a package
 * installed outside the workspace finds it; the same path from src/ (tests) and dist/ (built).
 */
export const BUNDLED_SPEC_JSON_PATH = fileURLToPath(new URL("../bundle/openapi.json", import.meta.url));
export const BUNDLED_SPEC_YAML_PATH = fileURLToPath(new URL("../bundle/openapi.yaml", import.meta.url));

/** Why an OpenAPI document could not be loaded: one line, naming the file. */
export class SpecLoadError extends Error {
  override readonly name = "SpecLoadError";
}

/** Reads a bundled OpenAPI 3.1 document (JSON, `$ref`s local to it): the package's own unless `path` names another. */
export function loadBundledSpec(path = BUNDLED_SPEC_JSON_PATH): JsonObject {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SpecLoadError(
      `${path}: ${error instanceof Error ? error.message : String(error)} (a bundled JSON document is expected)`,
    );
  }
  if (!isObject(document) || typeof document.openapi !== "string" || !document.openapi.startsWith("3.1"))
    throw new SpecLoadError(`${path}: not an OpenAPI 3.1 document`);
  return document;
}
