import { HTTP_METHODS, isObject, type JsonObject } from "@mca/spec";

export interface DocumentOperation {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: JsonObject;
}

/** Every operation of a document, keyed `METHOD /path` as reports name operations. */
export function operationsOf(document: JsonObject): Map<string, DocumentOperation> {
  const result = new Map<string, DocumentOperation>();
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) result.set(`${method.toUpperCase()} ${path}`, { path, method, operation });
    }
  }
  return result;
}
