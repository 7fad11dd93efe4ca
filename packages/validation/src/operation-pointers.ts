import { pointer } from "./json-pointer.js";

type Node = { [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(document: Node, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (isNode(node) ? node[key] : undefined), document);
}

/**
 * The JSON pointer of the schema of an operation's response body, following a `$ref` to a shared response
 * (`#/components/responses/…`); undefined when the operation documents no such status or media type.
 */
export function responseSchemaPointer(
  document: object,
  path: string,
  method: string,
  status: number | string,
  mediaType = "application/json",
): string | undefined {
  const responsePointer = pointer("paths", path, method.toLowerCase(), "responses", String(status));
  const response = at(document as Node, responsePointer);
  const base = isNode(response) && typeof response.$ref === "string" ? response.$ref : responsePointer;
  const schemaPointer = `${base}/content/${mediaType.replaceAll("/", "~1")}/schema`;
  return at(document as Node, schemaPointer) === undefined ? undefined : schemaPointer;
}
