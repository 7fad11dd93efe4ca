const MAX_ENTRIES = 1000;

/** The key a `read` of statement `name` with `params` is cached under. */
export const cacheKey = (name: string, params: unknown[]) => `${name}\u0000${JSON.stringify(params)}`;

/**
 * How a write's result changes the one cached read it invalidates (e.g. one connection's archived fields in the
 * guest's row set), so the next read needs no reload. Undefined: nothing to patch with, forget the read.
 */
export type CachePatch<T> = (result: T) => ((cached: unknown[]) => unknown[]) | undefined;

export interface ReadCache {
  /** The cached rows for `key`, or `load()`'s, remembered unless a write that concerns `key` started meanwhile. */
  read<Row>(key: string, load: () => Promise<Row[]>): Promise<Row[]>;
  /**
   * Runs a write. `invalidates` names the keys it can change (per organization, e.g. one guest's connections);
   * without it, everything cached is forgotten.
   */
  writing<T>(write: () => Promise<T>, invalidates?: readonly string[], patch?: CachePatch<T>): Promise<T>;
  /** Forgets `keys`, or everything when undefined: what another process changed. */
  forget(keys: readonly string[] | undefined): void;
}

/**
 * Query results kept until a write that concerns them. Version counters (one for everything, one per key),
 * bumped before and after every write, keep a read that a write overtook from storing what it saw.
 */
export function createReadCache(enabled: boolean): ReadCache {
  const entries = new Map<string, unknown[]>();
  // loads under way, shared by every read of the key that misses meanwhile (until a write concerning it starts)
  const loading = new Map<string, { promise: Promise<unknown[]>; version: number; keyVersion: number }>();
  const keyVersions = new Map<string, number>();
  let version = 0;
  const invalidate = () => {
    version += 1;
    entries.clear();
  };
  const forget = (keys: readonly string[] | undefined) => {
    if (keys === undefined) return invalidate();
    for (const key of keys) {
      entries.delete(key);
      keyVersions.set(key, (keyVersions.get(key) ?? 0) + 1);
    }
  };
  const bump = (key: string) => keyVersions.set(key, (keyVersions.get(key) ?? 0) + 1);
  /**
   * A write whose result patches the cached read of `key`: applied only when no other write to the key (or to
   * everything) started or ended while it ran, since overlapping writes' results may come back in either order;
   * otherwise the read is forgotten. The entry stays readable during the write (old data, for reads concurrent with it).
   */
  async function patching<T>(key: string, write: () => Promise<T>, patch: CachePatch<T>): Promise<T> {
    bump(key);
    const startedAt = { version, keyVersion: keyVersions.get(key) };
    let result: T;
    try {
      result = await write();
    } catch (error) {
      forget([key]);
      throw error;
    }
    // every write bumps the key when it starts and when it ends: an unchanged version means none overlapped this
    // one's end (one still running that started earlier will find the version changed, and forget)
    const alone = startedAt.version === version && startedAt.keyVersion === keyVersions.get(key);
    const cached = entries.get(key);
    const update = alone && cached ? patch(result) : undefined;
    if (update && cached) {
      entries.set(key, update(cached));
      bump(key); // a load that began before the write must not store what it read
    } else forget([key]);
    return result;
  }

  return {
    async read<Row>(key: string, load: () => Promise<Row[]>) {
      if (!enabled) return load();
      const hit = entries.get(key);
      if (hit) return hit as Row[];
      const seen = version;
      const seenKey = keyVersions.get(key) ?? 0;
      const shared = loading.get(key);
      if (shared && shared.version === seen && shared.keyVersion === seenKey)
        return shared.promise as Promise<Row[]>;
      const promise = load();
      loading.set(key, { promise, version: seen, keyVersion: seenKey });
      try {
        const rows = await promise;
        if (seen === version && seenKey === (keyVersions.get(key) ?? 0)) {
          if (entries.size >= MAX_ENTRIES) entries.clear();
          entries.set(key, rows);
        }
        return rows;
      } finally {
        if (loading.get(key)?.promise === promise) loading.delete(key);
      }
    },
    async writing(write, invalidates, patch) {
      const [key] = invalidates ?? [];
      if (enabled && patch && key !== undefined && invalidates?.length === 1)
        return patching(key, write, patch);
      forget(invalidates);
      try {
        return await write();
      } finally {
        forget(invalidates);
      }
    },
    forget,
  };
}
