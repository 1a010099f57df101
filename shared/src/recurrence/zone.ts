/**
 * IANA time zones through Intl.DateTimeFormat only (never the host zone): validation, UTC offsets and the
 * wall-clock ↔ instant conversion with RFC 5545 §3.3.5 rules (a time in a gap uses the offset before the gap; an
 * ambiguous time takes its first occurrence). Formatters and each zone-year's offset transitions are cached.
 */
import type { Brand } from "../brand.js";
import type { Instant } from "./instant.js";
import { SECONDS_PER_DAY, daysFromCivil, fromWallSeconds, toWallSeconds } from "./local-date-time.js";
import type { LocalDateTime } from "./local-date-time.js";

/** An IANA zone name that this runtime's Intl knows, e.g. "Europe/Paris". */
export type IanaZone = Brand<string, "IanaZone">;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Validates a zone name with Intl; undefined when unknown (e.g. "Mars/Olympus").
 * @example parseIanaZone("Europe/Paris") // "Europe/Paris"
 */
export function parseIanaZone(name: string): IanaZone | undefined {
  if (name.trim() === "" || name !== name.trim()) return undefined;
  try {
    formatterFor(name);
    return name as IanaZone;
  } catch {
    return undefined;
  }
}

/**
 * Same as parseIanaZone but throws: for literals in code and tests.
 * @example ianaZone("America/New_York")
 */
export function ianaZone(name: string): IanaZone {
  const zone = parseIanaZone(name);
  if (zone === undefined) throw new RangeError(`unknown IANA zone: ${name}`);
  return zone;
}

/** Offset (seconds east of UTC) at a UTC second, asked of Intl directly. */
function offsetFromIntl(zone: string, utcSeconds: number): number {
  const parts = formatterFor(zone).formatToParts(utcSeconds * 1000);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of parts) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value) % 24;
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - utcSeconds;
}

/** One UTC year of a zone: the offset from each transition on (starts[0] is the year's first second). */
interface ZoneYear {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

// Sampling stride when looking for transitions: real zones never change offset twice within a week.
const SAMPLE_STRIDE_SECONDS = 7 * SECONDS_PER_DAY;

const zoneYears = new Map<string, Map<number, ZoneYear>>();

function buildZoneYear(zone: string, year: number): ZoneYear {
  const from = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;
  const to = daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY;
  const starts = [from];
  const offsets = [offsetFromIntl(zone, from)];
  let previousTime = from;
  let previousOffset = offsets[0] as number;
  for (let time = from + SAMPLE_STRIDE_SECONDS; ; time += SAMPLE_STRIDE_SECONDS) {
    const sampleTime = Math.min(time, to);
    const sampleOffset = offsetFromIntl(zone, sampleTime);
    if (sampleOffset !== previousOffset) {
      // Bisect to the first second with the new offset.
      let low = previousTime;
      let high = sampleTime;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetFromIntl(zone, middle) === previousOffset) low = middle;
        else high = middle;
      }
      if (high < to) {
        starts.push(high);
        offsets.push(sampleOffset);
      }
      previousOffset = sampleOffset;
    }
    previousTime = sampleTime;
    if (sampleTime >= to) break;
  }
  return { starts, offsets };
}

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Zulu", "Universal"]);

/**
 * UTC offset of a zone at an instant, in seconds east of UTC.
 * @example offsetSecondsAt(ianaZone("Europe/Paris"), instant("2026-07-01T00:00:00Z")) // 7200
 */
export function offsetSecondsAt(zone: IanaZone, at: Instant): number {
  return offsetAtUtcSeconds(zone, Math.floor(at / 1000));
}

function offsetAtUtcSeconds(zone: string, utcSeconds: number): number {
  if (UTC_NAMES.has(zone)) return 0;
  // 365.2425-day years are close enough to pick the cache bucket; the bucket then says where it really starts.
  let year = 1970 + Math.floor(utcSeconds / (365.2425 * SECONDS_PER_DAY));
  let perZone = zoneYears.get(zone);
  if (perZone === undefined) {
    perZone = new Map();
    zoneYears.set(zone, perZone);
  }
  for (;;) {
    let zoneYear = perZone.get(year);
    if (zoneYear === undefined) {
      zoneYear = buildZoneYear(zone, year);
      perZone.set(year, zoneYear);
    }
    const { starts, offsets } = zoneYear;
    if (utcSeconds < (starts[0] as number)) {
      year -= 1;
      continue;
    }
    if (utcSeconds >= daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY) {
      year += 1;
      continue;
    }
    let index = starts.length - 1;
    while (index > 0 && (starts[index] as number) > utcSeconds) index -= 1;
    return offsets[index] as number;
  }
}

/** @internal wall-clock seconds of a zone at a UTC second. */
export function utcSecondsToWallSeconds(zone: string, utcSeconds: number): number {
  return utcSeconds + offsetAtUtcSeconds(zone, utcSeconds);
}

/**
 * UTC seconds of a wall-clock time in a zone: gap → offset before the gap; ambiguous → first occurrence.
 * @internal used by the expansion loop on raw seconds.
 */
export function wallSecondsToUtcSeconds(zone: string, wall: number): number {
  const before = offsetAtUtcSeconds(zone, wall - SECONDS_PER_DAY);
  const after = offsetAtUtcSeconds(zone, wall + SECONDS_PER_DAY);
  if (before === after) return wall - before;
  const withBefore = wall - before;
  const withAfter = wall - after;
  const beforeValid = offsetAtUtcSeconds(zone, withBefore) === before;
  const afterValid = offsetAtUtcSeconds(zone, withAfter) === after;
  if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
  if (afterValid) return withAfter;
  return withBefore;
}

/**
 * The instant a wall-clock time in a zone designates (RFC 5545 §3.3.5 for gaps and overlaps).
 * @example zonedToInstant(localDateTime(2026, 3, 29, 2, 30), ianaZone("Europe/Paris")) // 2026-03-29T01:30:00Z (03:30 CEST)
 */
export function zonedToInstant(local: LocalDateTime, zone: IanaZone): Instant {
  return (wallSecondsToUtcSeconds(zone, toWallSeconds(local)) * 1000) as Instant;
}

/**
 * The wall clock of a zone at an instant.
 * @example instantToZoned(instant("2026-03-27T08:00:00Z"), ianaZone("Europe/Paris")) // 2026-03-27T09:00:00
 */
export function instantToZoned(at: Instant, zone: IanaZone): LocalDateTime {
  const utcSeconds = Math.floor(at / 1000);
  return fromWallSeconds(utcSeconds + offsetAtUtcSeconds(zone, utcSeconds));
}
