import { type Operation, pathTemplatePattern } from "@mca/spec/core";
import { HttpError } from "../errors.js";

export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

export interface Router {
  /** The operation of `method` and `pathname`; Starlette's 404 or 405 (with `Allow`) when there is none. */
  match(method: string, pathname: string): RouteMatch;
}

/** A path segment as the application sees it; a malformed percent-escape is the client's error, not ours. */
function decodeSegment(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(422, [
      {
        loc: ["path", name],
        msg: "Input should be a valid percent-encoded path segment",
        type: "value_error",
      },
    ]);
  }
}

/** Matches a method and path against the spec's path templates. */
export function createRouter(operations: Operation[]): Router {
  const routes = operations.map((operation) => ({ operation, ...pathTemplatePattern(operation.path) }));
  return {
    match(method, pathname) {
      const candidates = routes
        .map((route) => ({ route, groups: route.pattern.exec(pathname) }))
        .filter((candidate) => candidate.groups !== null);
      if (candidates.length === 0) throw new HttpError(404, "Not Found");
      const found = candidates.find(({ route }) => route.operation.method === method);
      if (!found?.groups)
        throw new HttpError(405, "Method Not Allowed", {
          allow: candidates.map(({ route }) => route.operation.method).join(", "),
        });
      const { groups } = found;
      return {
        operation: found.route.operation,
        pathParams: Object.fromEntries(
          found.route.names.map((name, index) => [name, decodeSegment(name, groups[index + 1] ?? "")]),
        ),
      };
    },
  };
}
