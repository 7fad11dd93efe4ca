import { fileURLToPath } from "node:url";

export { isObject, type Json, type JsonObject, nonNullBranch, resolveRef } from "@mca/spec";

import { type JsonObject, loadBundledSpec } from "@mca/spec";

export const bundlePath = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));

/** This package's own bundle (the one it just built), read as every other package reads it. */
export const loadBundle = (): JsonObject => loadBundledSpec(bundlePath);
