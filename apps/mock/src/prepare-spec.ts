import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function resolve(document: Node, node: unknown): unknown {
  if (!isNode(node) || typeof node.$ref !== "string") return node;
  return node.$ref
    .slice(2)
    .split("/")
    .reduce<unknown>((at, key) => (isNode(at) ? at[key.replaceAll("~1", "/")] : undefined), document);
}

/**
 * A query string cannot carry `null`, so for a query parameter `anyOf: [X, {type: null}]` means just `X`.
 * Prism does not deserialize a repeated key into an array inside `anyOf` (a lone `active_action_types=x`
 * is refused as "must be array"), so the mock serves the spec with those schemas collapsed to `X`.
 */
export function collapseNullableQueryParameters(document: Node): Node {
  const copy = structuredClone(document);
  const visit = (parameters: unknown) => {
    if (!Array.isArray(parameters)) return;
    for (const entry of parameters) {
      const parameter = resolve(copy, entry);
      if (!isNode(parameter) || parameter.in !== "query" || !isNode(parameter.schema)) continue;
      const anyOf = parameter.schema.anyOf;
      if (!Array.isArray(anyOf)) continue;
      const nonNull = anyOf.filter((branch) => !(isNode(branch) && branch.type === "null"));
      if (nonNull.length === 1 && nonNull.length < anyOf.length) {
        const { anyOf: _anyOf, ...rest } = parameter.schema;
        parameter.schema = { ...rest, ...(nonNull[0] as Node) };
      }
    }
  };
  for (const pathItem of Object.values(isNode(copy.paths) ? copy.paths : {})) {
    if (!isNode(pathItem)) continue;
    visit(pathItem.parameters);
    for (const operation of Object.values(pathItem)) if (isNode(operation)) visit(operation.parameters);
  }
  return copy;
}

/** Writes the document Prism serves (JSON, in a new temp folder); returns its path and how to remove it. */
export function prepareSpecForPrism(specPath: string): { path: string; remove(): void } {
  const document = JSON.parse(readFileSync(specPath, "utf8")) as Node;
  const folder = mkdtempSync(join(tmpdir(), "mca-mock-"));
  const path = join(folder, "openapi.json");
  writeFileSync(path, JSON.stringify(collapseNullableQueryParameters(document)));
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
