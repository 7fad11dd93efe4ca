import type { Json } from "@mca/spec/core";
import { type ErrorDetail, HttpError } from "../errors.js";
import type { ValidatedRequest } from "./validate.js";

/**
 * Refuses (422) a request with a NUL character anywhere, naming every place. The spec's strings may hold any
 * character, but PostgreSQL (the API's store, and the sandbox's) cannot store NUL in text: such a value is refused
 * on its field, never carried to the database to come back as a 500.
 */
export function refuseNul(request: ValidatedRequest): void {
  const problems: ErrorDetail[] = [];
  const visit = (value: Json | undefined, loc: Array<string | number>) => {
    if (typeof value === "string" && value.includes("\u0000"))
      problems.push({ loc, msg: "String should not contain the NUL character", type: "string_nul" });
    else if (Array.isArray(value)) for (const [index, item] of value.entries()) visit(item, [...loc, index]);
    else if (typeof value === "object" && value !== null)
      for (const [key, item] of Object.entries(value)) visit(item, [...loc, key]);
  };
  for (const where of ["path", "query", "headers"] as const)
    for (const [name, value] of Object.entries(request[where]))
      visit(value, [where === "headers" ? "header" : where, name]);
  visit(request.body, ["body"]);
  if (problems.length > 0) throw new HttpError(422, problems);
}
