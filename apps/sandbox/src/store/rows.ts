/** Timestamps leave the database as Date (pg, PGlite) and the API as ISO 8601 text. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** Copies a row, turning the named timestamp columns into ISO text. */
export function withIsoTimes<Row extends Record<string, unknown>>(
  row: Row,
  columns: readonly string[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...row };
  for (const column of columns) if (column in copy) copy[column] = iso(copy[column]);
  return copy;
}
