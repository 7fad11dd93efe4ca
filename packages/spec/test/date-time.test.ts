import { describe, expect, it } from "vitest";
import { createSpecValidator, parseApiDateTime } from "../src/index.js";

// pydantic 2 (speedate) is the reference: openapi/PROVENANCE.md, "Timestamps"
const ACCEPTED: Array<[string, string]> = [
  ["2025-12-12T10:30:00.123456", "2025-12-12T10:30:00.123Z"],
  ["2023-11-07T05:31:56Z", "2023-11-07T05:31:56.000Z"],
  ["2023-11-07T05:31:56z", "2023-11-07T05:31:56.000Z"],
  ["2023-11-07T05:31:56+05:30", "2023-11-07T00:01:56.000Z"],
  ["2023-11-07T05:31:56-0800", "2023-11-07T13:31:56.000Z"],
  ["2023-11-07T05:31:56\u221202:00", "2023-11-07T07:31:56.000Z"],
  ["2023-11-07T05:31", "2023-11-07T05:31:00.000Z"],
  ["2023-11-07 05:31:56", "2023-11-07T05:31:56.000Z"],
  ["2023-11-07_05:31:56,5Z", "2023-11-07T05:31:56.500Z"],
  ["2023-11-07T05:31:56.1234567Z", "2023-11-07T05:31:56.123Z"],
  ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ["9999-12-31T23:59:59-23:59", "+010000-01-01T23:58:59.000Z"],
];

const REFUSED: Array<[string, string]> = [
  ["an hour-only offset", "2099-01-01T00:00:00+02"],
  ["a leap second", "2016-12-31T23:59:60Z"],
  ["hour 24", "2023-11-07T24:00:00Z"],
  ["February 30", "2023-02-30T00:00:00Z"],
  ["February 29 of a common year", "2023-02-29T00:00:00Z"],
  ["an offset of 24 hours", "2023-11-07T05:31:56+24:00"],
  ["offset minutes past 59", "2023-11-07T05:31:56+05:60"],
  ["a date alone", "2023-11-07"],
  ["an empty fraction", "2023-11-07T05:31:56.Z"],
  ["trailing text", "2023-11-07T05:31:56Z "],
  ["a Unix timestamp", "1700000000"],
  ["a named zone", "2023-11-07T05:31:56 UTC"],
];

describe("parseApiDateTime reads what pydantic 2 reads", () => {
  it.each(ACCEPTED)("%s", (text, instant) => {
    const parsed = parseApiDateTime(text);
    expect(parsed).toBeDefined();
    expect(new Date(parsed?.epochMs ?? Number.NaN).toISOString()).toBe(instant);
  });
  it.each(REFUSED)("refuses %s (%s)", (_why, text) => {
    expect(parseApiDateTime(text)).toBeUndefined();
  });
  it("keeps the offset, and none for an offset-less value", () => {
    expect(parseApiDateTime("2023-11-07T05:31:56-0800")?.offsetMinutes).toBe(-480);
    expect(parseApiDateTime("2023-11-07T05:31:56")?.offsetMinutes).toBeUndefined();
  });
});

describe("the validator's date-time format is the same function", () => {
  const validator = createSpecValidator({
    openapi: "3.1.0",
    $defs: { at: { type: "string", format: "date-time" } },
  });
  it.each([
    ...ACCEPTED.map(([text]) => [text, true] as const),
    ...REFUSED.map(([, text]) => [text, false] as const),
  ])("%s → valid %s", (text, valid) => {
    expect(validator.validate("#/$defs/at", text).length === 0).toBe(valid);
  });
});
