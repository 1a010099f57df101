/**
 * Instants: points on the UTC time line, held as integer epoch milliseconds (branded), so they compare with `<`,
 * serialize as numbers and convert to Date only at the edges. Formatting and parsing are pure arithmetic.
 */
import type { Brand } from "../brand.js";
import { SECONDS_PER_DAY, civilFromDays, daysFromCivil } from "./local-date-time.js";

/** Milliseconds since 1970-01-01T00:00:00Z (UTC), an integer. */
export type Instant = Brand<number, "Instant">;

/**
 * Brands an epoch-milliseconds number (e.g. from the Clock port) as an Instant.
 * @example instantFromEpochMilliseconds(0) // 1970-01-01T00:00:00Z
 */
export function instantFromEpochMilliseconds(milliseconds: number): Instant {
  if (!Number.isSafeInteger(milliseconds)) throw new RangeError(`not an epoch millisecond count: ${milliseconds}`);
  return milliseconds as Instant;
}

/** @internal the expansion works in whole seconds. */
export function instantFromEpochSeconds(seconds: number): Instant {
  return (seconds * 1000) as Instant;
}

/**
 * Parses "YYYY-MM-DDTHH:MM[:SS[.sss]]Z" (or with a ±HH:MM offset); undefined when malformed.
 * @example parseInstant("2026-03-27T08:00:00Z") // 1774598400000
 */
export function parseInstant(text: string): Instant | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/.exec(
    text.trim(),
  );
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? "0")) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const check = civilFromDays(daysFromCivil(year, month, day));
  if (check.month !== month || check.day !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const milliseconds = Number((match[7] ?? "").padEnd(3, "0"));
  const zone = match[8] ?? "Z";
  const offsetMinutes =
    zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return ((seconds - offsetMinutes * 60) * 1000 + milliseconds) as Instant;
}

/**
 * Same as parseInstant but throws: for literals in code and tests.
 * @example instant("2026-04-27T07:00:00Z")
 */
export function instant(text: string): Instant {
  const parsed = parseInstant(text);
  if (parsed === undefined) throw new RangeError(`not an instant: ${text}`);
  return parsed;
}

/**
 * "YYYY-MM-DDTHH:MM:SSZ" (milliseconds shown only when present).
 * @example formatInstant(instant("2026-03-27T08:00:00Z")) // "2026-03-27T08:00:00Z"
 */
export function formatInstant(value: Instant): string {
  const milliseconds = ((value % 1000) + 1000) % 1000;
  const seconds = (value - milliseconds) / 1000;
  const dayNumber = Math.floor(seconds / SECONDS_PER_DAY);
  const secondOfDay = seconds - dayNumber * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  const p = (n: number, w = 2): string => String(n).padStart(w, "0");
  const fraction = milliseconds === 0 ? "" : `.${p(milliseconds, 3)}`;
  return (
    `${p(year, 4)}-${p(month)}-${p(day)}T${p(Math.floor(secondOfDay / 3600))}:` +
    `${p(Math.floor((secondOfDay % 3600) / 60))}:${p(secondOfDay % 60)}${fraction}Z`
  );
}
