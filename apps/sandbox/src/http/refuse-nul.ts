import type { ErrorDetail, Json, ValidatedRequest } from "@mca/spec";

/**
 * Every place a NUL character sits in the request. The spec's strings may hold any character, but PostgreSQL
 * (the sandbox's store, and the API's) cannot store NUL in text: such a value is refused on its field, never
 * carried to the database to come back as a 500.
 */
export function nulProblems(request: ValidatedRequest): ErrorDetail[] {
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
  return problems;
}
