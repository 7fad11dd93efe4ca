/**
 * The API's `date-time`: what pydantic 2 (speedate) accepts as a datetime string, since the API is a FastAPI
 * service and its parser is the reference (openapi/PROVENANCE.md, "Timestamps"):
 *
 * - `YYYY-MM-DD`, a separator (`T`, `t`, space or `_`), `HH:MM`, optionally `:SS`, optionally a fraction of
 *   any length after `.` or `,` (pydantic truncates past microseconds);
 * - an optional offset: `Z`/`z`, `±HH:MM` or `±HHMM` (U+2212 minus too), under 24 hours; none means UTC.
 *
 * Refused, as pydantic refuses them: an hour-only offset (`+02`), a leap second (`23:59:60`), `24:00`,
 * impossible calendar dates.
 */
const SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt _](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+\-\u2212])(\d{2}):?(\d{2}))?$/;

export interface ApiDateTime {
  /** Milliseconds since the epoch (microseconds and beyond are dropped, as `Date` keeps milliseconds). */
  epochMs: number;
  /** The offset in minutes east of UTC; undefined when the text carries none (read as UTC). */
  offsetMinutes: number | undefined;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant a `date-time` string names, or undefined when the API would refuse it. */
export function parseApiDateTime(text: string): ApiDateTime | undefined {
  const match = SHAPE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = match[7] ?? "";
  const millisecond = fraction === "" ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  let offsetMinutes: number | undefined;
  if (match[8]) offsetMinutes = 0;
  else if (match[9]) {
    const offsetHours = Number(match[10]);
    const offsetMinute = Number(match[11]);
    if (offsetHours > 23 || offsetMinute > 59) return undefined;
    offsetMinutes = (match[9] === "+" ? 1 : -1) * (offsetHours * 60 + offsetMinute);
  }
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millisecond);
  return { epochMs: local.getTime() - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
}

/** The latest instant PostgreSQL's and JavaScript's ISO text both write with a 4-digit year: 9999-12-31T23:59:59.999Z. */
export const MAX_API_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
