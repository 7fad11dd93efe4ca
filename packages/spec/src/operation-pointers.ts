import { atPointer, isObject, type JsonObject } from "./json.js";
import { pointer } from "./json-pointer.js";

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
  const response = atPointer(document as JsonObject, responsePointer);
  const base = isObject(response) && typeof response.$ref === "string" ? response.$ref : responsePointer;
  const schemaPointer = `${base}/content/${mediaType.replaceAll("/", "~1")}/schema`;
  return atPointer(document as JsonObject, schemaPointer) === undefined ? undefined : schemaPointer;
}
