/**
 * How oasdiff's levels become this project's verdicts. ERR is breaking and INFO compatible, as oasdiff says;
 * every WARN is decided here, one by one, with the reason (the README shows this table). A WARN not listed, or
 * a level oasdiff did not have when this was written, is breaking `unclassified`: the gate fails closed.
 */
export interface WarnVerdict {
  breaking: boolean;
  reason: string;
}

const NEW_REQUEST_CONSTRAINT: WarnVerdict = {
  breaking: true,
  reason: "a request that was valid can now be refused (422); the server, not the client, decides that",
};
const TYPES_REJECT_IT: WarnVerdict = {
  breaking: true,
  reason: "the regenerated types no longer have it: every call site that sets or reads it stops compiling",
};

export const WARN_VERDICTS: Readonly<Record<string, WarnVerdict>> = {
  "optional-response-header-removed": {
    breaking: false,
    reason: "an optional header was never guaranteed; clients already handle its absence",
  },
  "request-body-all-of-removed": {
    breaking: false,
    reason: "one constraint fewer on what clients send: every request valid before is valid now",
  },
  "request-property-all-of-removed": {
    breaking: false,
    reason: "one constraint fewer on what clients send: every request valid before is valid now",
  },
  "request-body-exclusive-max-set": NEW_REQUEST_CONSTRAINT,
  "request-body-exclusive-min-set": NEW_REQUEST_CONSTRAINT,
  "request-body-max-length-set": NEW_REQUEST_CONSTRAINT,
  "request-body-max-set": NEW_REQUEST_CONSTRAINT,
  "request-body-min-items-set": NEW_REQUEST_CONSTRAINT,
  "request-body-min-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-exclusive-max-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-exclusive-min-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-max-length-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-max-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-min-items-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-min-set": NEW_REQUEST_CONSTRAINT,
  "request-property-exclusive-max-set": NEW_REQUEST_CONSTRAINT,
  "request-property-exclusive-min-set": NEW_REQUEST_CONSTRAINT,
  "request-property-max-length-set": NEW_REQUEST_CONSTRAINT,
  "request-property-max-set": NEW_REQUEST_CONSTRAINT,
  "request-property-min-items-set": NEW_REQUEST_CONSTRAINT,
  "request-property-min-set": NEW_REQUEST_CONSTRAINT,
  "request-parameter-pattern-changed": NEW_REQUEST_CONSTRAINT,
  "request-property-pattern-changed": NEW_REQUEST_CONSTRAINT,
  "request-parameter-property-type-changed": NEW_REQUEST_CONSTRAINT,
  "request-parameter-removed": TYPES_REJECT_IT,
  "request-property-removed": TYPES_REJECT_IT,
  "response-optional-property-removed": TYPES_REJECT_IT,
  "response-property-enum-value-added": {
    breaking: true,
    reason:
      "clients that validate responses (this repo's contract tests, generated validators) refuse the new value, and exhaustive switches over the generated union stop compiling",
  },
  "response-required-property-became-not-write-only": {
    breaking: false,
    reason: "a property starts appearing in responses: an addition",
  },
};

export const LEVELS: Readonly<Record<number, { name: string; breaking: boolean | "table" }>> = {
  3: { name: "ERR", breaking: true },
  2: { name: "WARN", breaking: "table" },
  1: { name: "INFO", breaking: false },
};

/** The verdict for one oasdiff change id at its level; `unclassified` when this table has none. */
export function verdictFor(id: string, level: number): { breaking: boolean; unclassified: boolean } {
  const row = LEVELS[level];
  if (row?.breaking === true || row?.breaking === false)
    return { breaking: row.breaking, unclassified: false };
  const warn = row ? WARN_VERDICTS[id] : undefined;
  return warn ? { breaking: warn.breaking, unclassified: false } : { breaking: true, unclassified: true };
}
