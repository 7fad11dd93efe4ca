import { isObject, type Json, type JsonObject, nonNullBranch, resolveRef } from "@mca/spec";
import { breaking, type Change, compatible } from "./change.js";

/** Requests are what clients send (narrowing breaks them); responses are what they read (surprises break them). */
export type Direction = "request" | "response";

interface Side {
  document: JsonObject;
  schema: JsonObject;
}

interface Shape {
  schema: JsonObject;
  nullable: boolean;
}

/** The schema behind `$ref`s, with `T | null` unwrapped into T and a nullable flag. */
const shape = (document: JsonObject, node: Json | undefined): Shape =>
  nonNullBranch(document, resolveRef(document, node));

const num = (value: Json | undefined) => (typeof value === "number" ? value : undefined);
const enumOf = (schema: JsonObject) => (Array.isArray(schema.enum) ? schema.enum.map(String) : undefined);
const required = (schema: JsonObject) =>
  new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);

/**
 * Every client-visible difference between two schemas at one place of an operation. Changes that only touch
 * documentation (descriptions, examples, titles) are reported as compatible.
 */
export function diffSchemas(
  base: Side,
  head: Side,
  direction: Direction,
  operation: string,
  location: string,
): Change[] {
  const changes: Change[] = [];
  const before = shape(base.document, base.schema);
  const after = shape(head.document, head.schema);
  const a = before.schema;
  const b = after.schema;
  const at = location;
  const req = direction === "request";

  if (a.type !== b.type && (a.type !== undefined || b.type !== undefined)) {
    changes.push(
      breaking(
        `${direction}-type-changed`,
        operation,
        at,
        `type changed from ${String(a.type)} to ${String(b.type)}`,
      ),
    );
    return changes;
  }
  if (a.format !== b.format) {
    const narrower = req ? b.format !== undefined : a.format !== undefined && b.format !== undefined;
    changes.push(
      (narrower ? breaking : compatible)(
        `${direction}-format-changed`,
        operation,
        at,
        `format changed from ${String(a.format ?? "none")} to ${String(b.format ?? "none")}`,
      ),
    );
  }
  if (before.nullable !== after.nullable) {
    if (req)
      changes.push(
        (after.nullable ? compatible : breaking)(
          "request-nullability-changed",
          operation,
          at,
          after.nullable ? "now accepts null" : "no longer accepts null",
        ),
      );
    else
      changes.push(
        (after.nullable ? breaking : compatible)(
          "response-nullability-changed",
          operation,
          at,
          after.nullable ? "may now be null" : "is no longer null",
        ),
      );
  }

  const enumA = enumOf(a);
  const enumB = enumOf(b);
  if (enumA || enumB) {
    const removed = (enumA ?? []).filter((value) => !(enumB ?? []).includes(value));
    const added = (enumB ?? []).filter((value) => !(enumA ?? []).includes(value));
    if (enumA && !enumB)
      changes.push(
        (req ? compatible : breaking)(
          `${direction}-enum-removed`,
          operation,
          at,
          "no longer limited to an enum",
        ),
      );
    if (!enumA && enumB)
      changes.push(
        (req ? breaking : compatible)(
          `${direction}-enum-added`,
          operation,
          at,
          `now limited to ${enumB.join(", ")}`,
        ),
      );
    if (enumA && enumB && removed.length > 0)
      changes.push(
        (req ? breaking : compatible)(
          `${direction}-enum-value-removed`,
          operation,
          at,
          `enum value(s) removed: ${removed.join(", ")}`,
        ),
      );
    if (enumA && enumB && added.length > 0)
      changes.push(
        (req ? compatible : breaking)(
          `${direction}-enum-value-added`,
          operation,
          at,
          `enum value(s) added: ${added.join(", ")}`,
        ),
      );
  }

  // bounds: a request bound that tightens breaks senders; response bounds only describe what comes back
  const bounds: Array<[string, "upper" | "lower"]> = [
    ["maxLength", "upper"],
    ["maximum", "upper"],
    ["maxItems", "upper"],
    ["minLength", "lower"],
    ["minimum", "lower"],
    ["minItems", "lower"],
  ];
  for (const [keyword, side] of bounds) {
    const from = num(a[keyword]);
    const to = num(b[keyword]);
    if (from === to) continue;
    const tighter =
      side === "upper"
        ? to !== undefined && (from === undefined || to < from)
        : to !== undefined && (from === undefined || to > from);
    const message = `${keyword} ${from ?? "none"} → ${to ?? "none"}`;
    changes.push(
      (req && tighter ? breaking : compatible)(`${direction}-${keyword}-changed`, operation, at, message),
    );
  }

  if (b.type === "array" || a.type === "array") {
    changes.push(
      ...diffSchemas(
        { document: base.document, schema: resolveRef(base.document, a.items) },
        { document: head.document, schema: resolveRef(head.document, b.items) },
        direction,
        operation,
        `${at}[]`,
      ),
    );
  }

  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  const requiredA = required(a);
  const requiredB = required(b);
  for (const name of new Set([...Object.keys(propsA), ...Object.keys(propsB)])) {
    const where = `${at}.${name}`;
    if (!(name in propsB)) {
      changes.push(
        (req ? compatible : breaking)(
          `${direction}-property-removed`,
          operation,
          where,
          req ? "no longer read by the server" : "removed from the response",
        ),
      );
    } else if (!(name in propsA)) {
      if (req)
        changes.push(
          (requiredB.has(name) ? breaking : compatible)(
            "request-property-added",
            operation,
            where,
            requiredB.has(name) ? "added as required" : "added as optional",
          ),
        );
      else changes.push(compatible("response-property-added", operation, where, "added to the response"));
    } else {
      if (requiredA.has(name) !== requiredB.has(name)) {
        const nowRequired = requiredB.has(name);
        if (req)
          changes.push(
            (nowRequired ? breaking : compatible)(
              "request-property-required-changed",
              operation,
              where,
              nowRequired ? "became required" : "became optional",
            ),
          );
        else
          changes.push(
            (nowRequired ? compatible : breaking)(
              "response-property-required-changed",
              operation,
              where,
              nowRequired ? "is now always present" : "may now be absent",
            ),
          );
      }
      changes.push(
        ...diffSchemas(
          { document: base.document, schema: propsA[name] as JsonObject },
          { document: head.document, schema: propsB[name] as JsonObject },
          direction,
          operation,
          where,
        ),
      );
    }
  }

  if (a.description !== b.description || JSON.stringify(a.examples) !== JSON.stringify(b.examples)) {
    changes.push(compatible("documentation-changed", operation, at, "description or examples changed"));
  }
  return changes;
}
