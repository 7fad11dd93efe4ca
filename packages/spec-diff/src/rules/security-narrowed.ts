import { isObject, type Json, type JsonObject } from "@mca/spec";
import { breaking, type Change } from "../change.js";
import { operationsOf } from "./operations-of.js";

type Requirement = Map<string, Set<string>>;

function requirements(node: Json | undefined): Requirement[] | undefined {
  if (!Array.isArray(node)) return undefined;
  return node
    .filter(isObject)
    .map(
      (entry) =>
        new Map(
          Object.entries(entry).map(([scheme, scopes]) => [
            scheme,
            new Set(Array.isArray(scopes) ? scopes.map(String) : []),
          ]),
        ),
    );
}

/** Can a client that meets `held` meet `asked`? Every scheme asked is held, with every scope asked. */
const covers = (held: Requirement, asked: Requirement) =>
  [...asked].every(([scheme, scopes]) => {
    const heldScopes = held.get(scheme);
    return heldScopes !== undefined && [...scopes].every((scope) => heldScopes.has(scope));
  });

function securityByOperation(document: JsonObject): Map<string, Requirement[]> {
  const global = requirements(document.security) ?? [];
  return new Map(
    [...operationsOf(document)].map(([label, { operation }]) => [
      label,
      requirements(operation.security) ?? global,
    ]),
  );
}

/**
 * Rule `security-requirement-narrowed`: a client that met one of an operation's security requirements (they are
 * alternatives; the schemes inside one are all needed) must still meet one. oasdiff reports security changes as
 * INFO only; a new scheme or scope that every caller must now present is breaking.
 */
export function securityNarrowed(base: JsonObject, head: JsonObject): Change[] {
  const after = securityByOperation(head);
  const changes: Change[] = [];
  for (const [operation, before] of securityByOperation(base)) {
    const now = after.get(operation);
    if (!now || now.length === 0) continue;
    const stranded =
      before.length === 0 ? [new Map()] : before.filter((held) => !now.some((asked) => covers(held, asked)));
    if (stranded.length > 0)
      changes.push(
        breaking(
          "security-requirement-narrowed",
          operation,
          "security",
          "callers meeting the former security requirements no longer meet any of the new ones",
        ),
      );
  }
  return changes;
}
