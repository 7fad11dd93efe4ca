import { type JsonObject, resolveRef } from "@mca/spec";
import { breaking, type Change, compatible } from "./change.js";
import { type OasdiffChange, oasdiffChangelog } from "./oasdiff-changelog.js";
import { documentationChanged } from "./rules/documentation-changed.js";
import { normalizeSchemas } from "./rules/normalize-schemas.js";
import { pathTemplateRenamed } from "./rules/path-template-renamed.js";
import { isRequestFormatRemoved } from "./rules/request-format-removed.js";
import { requestMediaTypeChanged } from "./rules/request-media-type-changed.js";
import { isResponseNumberNarrowedToInteger } from "./rules/response-number-narrowed-to-integer.js";
import { securityNarrowed } from "./rules/security-narrowed.js";
import { serversChanged } from "./rules/servers-changed.js";
import { verdictFor } from "./verdicts.js";

/** The two documents oasdiff compared (normalized), for the rules that look at what a change touched. */
export interface ComparedDocuments {
  base: JsonObject;
  head: JsonObject;
}

/**
 * One oasdiff change as this project judges it: one of our rules, or its level through the verdict table. The
 * rules that read the documents see `documents`; without them those rules do not apply.
 */
export function classify(change: OasdiffChange, documents?: ComparedDocuments): Change {
  const operation = change.operation && change.path ? `${change.operation} ${change.path}` : "document";
  const location = change.section ?? "";
  if (isRequestFormatRemoved(change))
    return compatible("request-format-removed", operation, location, change.text);
  if (isResponseNumberNarrowedToInteger(change, documents))
    return compatible("response-number-narrowed-to-integer", operation, location, change.text);
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

/**
 * Every change from `base` to `head`: what oasdiff reports (both sides normalized) as judged here, then what our
 * rules find where oasdiff is silent, then, when nothing was found, documentation or an unclassified change.
 */
export function diffSpecs(base: JsonObject, head: JsonObject, changelog = oasdiffChangelog): Change[] {
  const documents = {
    base: normalizeSchemas(base) as JsonObject,
    head: normalizeSchemas(head) as JsonObject,
  };
  const reported = changelog(documents.base, documents.head).map((change) => classify(change, documents));
  const found = [
    ...reported,
    ...requestMediaTypeChanged(base, head, reported),
    ...securityNarrowed(base, head),
    ...serversChanged(base, head),
    ...pathTemplateRenamed(base, head),
  ];
  return [...found, ...documentationChanged(base, head, found)];
}

/** The major version number of `info.version` (semver), or undefined. */
export function majorVersion(document: JsonObject): number | undefined {
  const version = resolveRef(document, document.info).version;
  const match = typeof version === "string" ? /^v?(\d+)\./.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}
