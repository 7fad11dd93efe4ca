import { toBase64Url } from "./base64url.js";

/** Where the seeded organizations' ids and credentials come from: the same seed gives the same organizations. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** Crypto-random bytes: the default, when no seed is given. */
export const cryptoRandom: RandomSource = {
  bytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/**
 * Bytes from a 32-bit seed (mulberry32): two sandboxes started with the same `--seed` seed the same organizations
 * with the same credentials, so that one test or one comparison runs against either. Not secret: a seed is for
 * tests.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return (mixed ^ (mixed >>> 14)) >>> 0;
  };
  return {
    bytes: (length) => Uint8Array.from({ length }, () => next() & 0xff),
  };
}

/** A version 4 UUID from the source's bytes. */
export function uuidFrom(source: RandomSource): string {
  const bytes = source.bytes(16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `length` bytes of the source as base64url. */
export const tokenFrom = (source: RandomSource, length: number) => toBase64Url(source.bytes(length));

/**
 * A source that remembers what it gave: `replay()` gives the same bytes again, in order, then fresh ones. Resetting a
 * sandbox seeds its organizations from the replay, so tokens and credentials handed out before a reset still work.
 */
export function replayable(source: RandomSource): RandomSource & { replay(): RandomSource } {
  const given: Uint8Array[] = [];
  return {
    bytes(length) {
      const bytes = source.bytes(length);
      given.push(bytes);
      return bytes;
    },
    replay() {
      let index = 0;
      return {
        bytes: (length) =>
          given[index]?.length === length ? (given[index++] as Uint8Array) : source.bytes(length),
      };
    },
  };
}
