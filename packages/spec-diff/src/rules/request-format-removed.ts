import type { OasdiffChange } from "../oasdiff-changelog.js";

const FORMAT_DROPPED = /from `([^`]*)`\/`[^`]+` to `\1`\/``$/;
const REQUEST_TYPE_CHANGED = new Set([
  "request-parameter-type-changed",
  "request-property-type-changed",
  "request-body-type-changed",
]);

/**
 * Rule `request-format-removed`: a request value that loses its `format` (same type, format now none) accepts
 * everything it accepted before, and more. oasdiff reports it as a type change (ERR); for a request it widens.
 */
export function isRequestFormatRemoved(change: OasdiffChange): boolean {
  return REQUEST_TYPE_CHANGED.has(change.id) && FORMAT_DROPPED.test(change.text);
}
