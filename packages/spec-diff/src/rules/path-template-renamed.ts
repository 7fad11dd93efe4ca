import type { JsonObject } from "@mca/spec";
import { breaking, type Change } from "../change.js";
import { operationsOf } from "./operations-of.js";

/** The URL shape a template matches: its parameters' names left out. */
const shape = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/**
 * Rule `path-template-renamed`: a path parameter renamed (`/host-connections/{host_org_id}` →
 * `/host-connections/{id}`) leaves every URL as it was, and oasdiff, matching operations by URL shape, says
 * nothing. But the generated types key operations by their template and name the parameter: every
 * `client.raw.GET("/host-connections/{host_org_id}", { params: { path: { host_org_id } } })` stops compiling.
 */
export function pathTemplateRenamed(base: JsonObject, head: JsonObject): Change[] {
  const after = operationsOf(head);
  const changes: Change[] = [];
  for (const [label, { path, method }] of operationsOf(base)) {
    if (after.has(label)) continue;
    const renamed = [...after.values()].find(
      (operation) =>
        operation.method === method && operation.path !== path && shape(operation.path) === shape(path),
    );
    if (renamed)
      changes.push(
        breaking(
          "path-template-renamed",
          label,
          "path",
          `the path template is now \`${renamed.path}\`: the same URLs, but the generated types and \`client.raw\` name the operation by its template, so callers of \`${path}\` stop compiling`,
        ),
      );
  }
  return changes;
}
