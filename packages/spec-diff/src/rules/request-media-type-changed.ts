import { isDeepStrictEqual } from "node:util";
import { isObject, type JsonObject, resolveRef } from "@mca/spec";
import { breaking, type Change, compatible } from "../change.js";
import { operationsOf } from "./operations-of.js";

interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  /** Parameter name (lower case) → value (unquoted; charset lower case), without a `charset=utf-8`. */
  parameters: Record<string, string>;
}

/** A media type as a server matches it: its essence and its parameters, a UTF-8 charset left out. */
function parse(text: string): MediaType {
  const [essence = "", ...rest] = text.split(";");
  const parameters: Record<string, string> = {};
  for (const part of rest) {
    const [name = "", ...value] = part.split("=");
    const key = name.trim().toLowerCase();
    let val = value
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (key === "charset") val = val.toLowerCase();
    // JSON is UTF-8 (RFC 8259): a client that names no charset sends exactly what `charset=utf-8` names
    if (key === "charset" && (val === "utf-8" || val === "utf8")) continue;
    if (key) parameters[key] = val;
  }
  return { essence: essence.trim().toLowerCase(), parameters };
}

function requestMediaTypes(document: JsonObject, operation: JsonObject): string[] {
  const content = resolveRef(document, operation.requestBody).content;
  return isObject(content) ? Object.keys(content) : [];
}

const quoted = (names: string[]) => names.map((name) => `\`${name}\``).join(", ");

/**
 * Rules `request-media-type-replaced` and `request-media-type-parameters-changed`: a media type a client sends
 * that the request body no longer lists. oasdiff reports most such removals itself (ERR); one it pairs with a
 * replacement of the same family (`application/json` → `application/merge-patch+json`, `…; charset=utf-8`) it
 * passes in silence, though a server that matches media types answers the old one with 415. Judged here, only
 * where oasdiff said nothing of that media type: another essence is breaking; the same essence is compatible when
 * only a UTF-8 charset differs, breaking when any other parameter does.
 */
export function requestMediaTypeChanged(base: JsonObject, head: JsonObject, found: Change[]): Change[] {
  const after = operationsOf(head);
  const changes: Change[] = [];
  for (const [label, { operation }] of operationsOf(base)) {
    const now = after.get(label);
    if (!now) continue;
    const before = requestMediaTypes(base, operation);
    const current = requestMediaTypes(head, now.operation);
    for (const sent of before.filter((name) => !current.includes(name))) {
      const named = found.some(
        (change) => change.operation === label && change.message.includes(`\`${sent}\``),
      );
      if (named) continue;
      const wanted = parse(sent);
      const sameEssence = current.filter((name) => parse(name).essence === wanted.essence);
      const sameParameters = sameEssence.find((name) =>
        isDeepStrictEqual(parse(name).parameters, wanted.parameters),
      );
      if (sameParameters)
        changes.push(
          compatible(
            "request-media-type-parameters-changed",
            label,
            "request body",
            `media type \`${sent}\` is now \`${sameParameters}\`: the same type, only a UTF-8 charset named or dropped (JSON is UTF-8 either way)`,
          ),
        );
      else if (sameEssence.length > 0)
        changes.push(
          breaking(
            "request-media-type-parameters-changed",
            label,
            "request body",
            `media type \`${sent}\` is now ${quoted(sameEssence)}: a server that matches the parameters answers what clients send with 415`,
          ),
        );
      else
        changes.push(
          breaking(
            "request-media-type-replaced",
            label,
            "request body",
            `media type \`${sent}\` was replaced by ${quoted(current.filter((name) => !before.includes(name))) || "nothing"}: a client sending \`${sent}\` gets 415 Unsupported Media Type`,
          ),
        );
    }
  }
  return changes;
}
