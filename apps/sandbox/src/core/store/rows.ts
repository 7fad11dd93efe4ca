/** Timestamps leave the database as Date (pg, PGlite) and the API as ISO 8601 text. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** Copies a row, turning the named timestamp columns into ISO text. */
export function withIsoTimes<Result>(row: Record<string, unknown>, columns: readonly string[]): Result {
  const copy: Record<string, unknown> = { ...row };
  for (const column of columns) if (column in copy) copy[column] = iso(copy[column]);
  // the SELECTs name exactly the schema's columns; the tests check every answer against the schema
  return copy as Result;
}
