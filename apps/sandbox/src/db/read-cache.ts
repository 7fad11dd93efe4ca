const MAX_ENTRIES = 1000;

export interface ReadCache {
  /** The cached rows for `key`, or `load()`'s, remembered unless a write started meanwhile. */
  read<Row>(key: string, load: () => Promise<Row[]>): Promise<Row[]>;
  /** Runs a write; everything cached before or during it is forgotten. */
  writing<T>(write: () => Promise<T>): Promise<T>;
  /** Forgets everything (a write elsewhere was announced). */
  invalidate(): void;
}

/**
 * Query results kept until the next write. A version counter, bumped before and after every write, keeps a read
 * that a write overtook from storing what it saw.
 */
export function createReadCache(enabled: boolean): ReadCache {
  const entries = new Map<string, unknown[]>();
  let version = 0;
  const invalidate = () => {
    version += 1;
    entries.clear();
  };
  return {
    async read<Row>(key: string, load: () => Promise<Row[]>) {
      if (!enabled) return load();
      const hit = entries.get(key);
      if (hit) return hit as Row[];
      const seen = version;
      const rows = await load();
      if (seen === version) {
        if (entries.size >= MAX_ENTRIES) entries.clear();
        entries.set(key, rows);
      }
      return rows;
    },
    async writing(write) {
      invalidate();
      try {
        return await write();
      } finally {
        invalidate();
      }
    },
    invalidate,
  };
}
