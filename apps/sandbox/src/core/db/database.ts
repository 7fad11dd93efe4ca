import type { CachePatch } from "./read-cache.js";

/** What the sandbox needs from a database: parameterised queries and transactions. PGlite and pg both fit. */
export interface Queryable {
  /**
   * Any statement. `invalidates` names the cached reads it can change (`[]` for a plain read); without it,
   * every cached read is forgotten, which is always safe.
   */
  query<Row extends Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    invalidates?: readonly string[],
    patch?: CachePatch<Row[]>,
  ): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * A read that may be answered from a cache. `name` identifies the statement (a prepared statement on
   * PostgreSQL). Every write through this process clears the cache; on PostgreSQL, writes by others are heard
   * over LISTEN/NOTIFY (see read-cache.ts).
   */
  read<Row extends Record<string, unknown>>(name: string, sql: string, params: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
