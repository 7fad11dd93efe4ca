// The bundle's operations as the generators read them. Not @mca/spec's listOperations: generation runs before any
// package is built (it writes what the builds read), so this reads the raw document itself.
export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The node a local `$ref` (`#/components/parameters/GuestOrgId`) points to, or the node itself. */
function resolveLocal(document: JsonObject, node: Json | undefined): JsonObject {
  if (!isObject(node) || typeof node.$ref !== "string") return isObject(node) ? node : {};
  let at: Json | undefined = document;
  for (const segment of node.$ref.replace(/^#\//, "").split("/"))
    at = isObject(at) ? at[segment.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  return resolveLocal(document, at);
}

export interface SpecOperation {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operation: JsonObject;
  pathItem: JsonObject;
}

export function operationsOf(document: JsonObject): SpecOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, node]) => {
    const pathItem = resolveLocal(document, node);
    return HTTP_METHODS.filter((method) => isObject(pathItem[method])).map((method) => ({
      path,
      method,
      operation: pathItem[method] as JsonObject,
      pathItem,
    }));
  });
}

export interface SpecParameter {
  name: string;
  in: string;
  required: boolean;
}

/** The operation's parameters, the path item's merged in (the operation's win), `$ref`s resolved. */
export function resolveParameters(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): SpecParameter[] {
  const merged = new Map<string, SpecParameter>();
  for (const list of [pathItem.parameters, operation.parameters])
    for (const node of Array.isArray(list) ? list : []) {
      const parameter = resolveLocal(document, node);
      const entry = {
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
      };
      merged.set(`${entry.in}:${entry.name}`, entry);
    }
  return [...merged.values()];
}
