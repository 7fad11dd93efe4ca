/**
 * Whether `error` is PostgreSQL's unique violation (SQLSTATE 23505) of `constraint`. PGlite and pg both report
 * the server's error fields; pg names the constraint, PGlite's message does.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const {
    code,
    constraint: named,
    message,
  } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return code === "23505" && (named === constraint || String(message).includes(constraint));
}
