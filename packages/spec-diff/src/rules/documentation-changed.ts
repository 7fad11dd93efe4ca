import { isDeepStrictEqual } from "node:util";
import type { JsonObject } from "@mca/spec";
import { type Change, compatible } from "../change.js";

/**
 * Rule `documentation-changed`: oasdiff's changelog is silent on descriptions, examples and titles; a spec that
 * changed only there still deserves a patch release of the published packages (their docs come from it).
 */
export function documentationChanged(base: JsonObject, head: JsonObject, found: Change[]): Change[] {
  if (found.length > 0 || isDeepStrictEqual(base, head)) return [];
  return [
    compatible(
      "documentation-changed",
      "document",
      "descriptions, examples",
      "changed where no client's behaviour depends on it",
    ),
  ];
}
