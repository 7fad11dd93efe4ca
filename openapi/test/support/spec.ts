import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const bundlePath = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));

export function loadBundle(): JsonObject {
  return JSON.parse(readFileSync(bundlePath, "utf8")) as JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/...`); sibling keywords of the `$ref` win over the target's. */
export function deref(document: JsonObject, node: Json | undefined): JsonObject {
  if (!isObject(node)) throw new Error(`Expected an object, got ${JSON.stringify(node)}`);
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = ref
    .slice(2)
    .split("/")
    .reduce<Json | undefined>(
      (at, key) => (isObject(at) ? at[key.replaceAll("~1", "/")] : undefined),
      document,
    );
  const { $ref: _ref, ...siblings } = node;
  return { ...deref(document, target), ...siblings };
}
