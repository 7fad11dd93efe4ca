import { describe, expect, it } from "vitest";
import { createReadCache } from "../src/core/db/read-cache.js";

const KEY = 'guest-connections\u0000["g"]';

/** A cache with a counting loader that answers `value()` when it resolves. */
function setUp() {
  const cache = createReadCache(true);
  let loads = 0;
  let current = ["v1"];
  const pending: Array<() => void> = [];
  const read = (hold = false) =>
    cache.read(KEY, async () => {
      loads += 1;
      const seen = current;
      if (hold) await new Promise<void>((resolve) => pending.push(resolve));
      return seen;
    });
  return {
    cache,
    read,
    loads: () => loads,
    set: (value: string[]) => {
      current = value;
    },
    release: () => pending.shift()?.(),
  };
}

const patchTo = (value: string) => () => () => [value];

describe("the read cache: one load per miss, patched or forgotten by writes", () => {
  it("shares one load among concurrent misses", async () => {
    const { read, loads, release } = setUp();
    const first = read(true);
    const second = read();
    release();
    expect(await Promise.all([first, second])).toEqual([["v1"], ["v1"]]);
    expect(loads()).toBe(1);
  });

  it("patches the cached read with a lone write's result: no reload", async () => {
    const { cache, read, loads } = setUp();
    await read();
    await cache.writing(async () => "done", [KEY], patchTo("patched"));
    expect(await read()).toEqual(["patched"]);
    expect(loads()).toBe(1);
  });

  it("forgets instead when two writes to the key overlap (their results may come back in either order)", async () => {
    const { cache, read, loads, set } = setUp();
    await read();
    let finishFirst = () => {};
    const first = cache.writing(
      () => new Promise<string>((resolve) => (finishFirst = () => resolve("1"))),
      [KEY],
      patchTo("from-first"),
    );
    await cache.writing(async () => "2", [KEY], patchTo("from-second"));
    finishFirst();
    await first;
    set(["from-database"]);
    expect(await read()).toEqual(["from-database"]);
    expect(loads()).toBe(2);
  });

  it("forgets when the write fails", async () => {
    const { cache, read, loads } = setUp();
    await read();
    await expect(cache.writing(() => Promise.reject(new Error("no")), [KEY], patchTo("x"))).rejects.toThrow(
      "no",
    );
    await read();
    expect(loads()).toBe(2);
  });

  it("does not store a load that a write overtook, nor share it with reads after the write", async () => {
    const { cache, read, loads, set, release } = setUp();
    const before = read(true);
    set(["after-write"]);
    await cache.writing(async () => "done", [KEY]);
    const after = read();
    release();
    expect(await before).toEqual(["v1"]);
    expect(await after).toEqual(["after-write"]);
    expect(await read()).toEqual(["after-write"]);
    expect(loads()).toBe(2); // the load after the write was kept
  });
});
