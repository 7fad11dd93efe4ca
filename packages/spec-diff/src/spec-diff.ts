import { type JsonObject, resolveRef } from "@mca/spec";
import { breaking, type Change, compatible } from "./change.js";
import { type OasdiffChange, oasdiffChangelog } from "./oasdiff-changelog.js";
import { documentationChanged } from "./rules/documentation-changed.js";
import { normalizeSchemas } from "./rules/normalize-schemas.js";
import { isRequestFormatRemoved } from "./rules/request-format-removed.js";
import { securityNarrowed } from "./rules/security-narrowed.js";
import { verdictFor } from "./verdicts.js";

/** One oasdiff change as this project judges it: its level through the verdict table, or one of our rules. */
export function classify(change: OasdiffChange): Change {
  const operation = change.operation && change.path ? `${change.operation} ${change.path}` : "document";
  const location = change.section ?? "";
  if (isRequestFormatRemoved(change))
    return compatible("request-format-removed", operation, location, change.text);
  const verdict = verdictFor(change.id, change.level);
  if (verdict.unclassified)
    return breaking(
      "unclassified",
      operation,
      location,
      `${change.text} (oasdiff ${change.id}, level ${change.level})`,
    );
  return (verdict.breaking ? breaking : compatible)(change.id, operation, location, change.text);
}

/** Every change from `base` to `head` as oasdiff reports it (both sides normalized), judged for clients. */
export function diffSpecs(base: JsonObject, head: JsonObject, changelog = oasdiffChangelog): Change[] {
  const found = changelog(normalizeSchemas(base) as JsonObject, normalizeSchemas(head) as JsonObject)
    .map(classify)
    .concat(securityNarrowed(base, head));
  return [...found, ...documentationChanged(base, head, found)];
}

/** The major version number of `info.version` (semver), or undefined. */
export function majorVersion(document: JsonObject): number | undefined {
  const version = resolveRef(document, document.info).version;
  const match = typeof version === "string" ? /^v?(\d+)\./.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}
