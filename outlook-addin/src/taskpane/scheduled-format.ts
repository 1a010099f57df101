/**
 * How a send time and a statement period read in the pane: "in 3 days — Monday 30 November 2026 at 09:00". Light
 * modules only (no recurrence index): the Statement and Scheduled views use these before the engine chunk loads.
 */
import { daysFromCivil } from "../../../shared/src/date/civil-date.js";
import type { Clock } from "../../../shared/src/ports.js";
import { instantFromEpochMilliseconds } from "../../../shared/src/recurrence/instant.js";
import { instantToZoned, type IanaZone } from "../../../shared/src/recurrence/zone.js";
import type { StatementPeriod } from "../../../shared/src/statement/model.js";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Day number of the civil date `atMs` falls on in `zone`. */
function civilDay(atMs: number, zone: IanaZone): number {
  const local = instantToZoned(instantFromEpochMilliseconds(atMs), zone);
  return daysFromCivil(local.year, local.month, local.day);
}

/**
 * "tomorrow", "in 3 days", "in 2 hours", "5 minutes ago": calendar days in the user's zone once the day differs
 * (a send at 09:00 tomorrow is "tomorrow", not "in 22 hours"), hours or minutes within the same day.
 */
export function relativeWords(atMs: number, nowMs: number, locale: string, zone: IanaZone): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const days = civilDay(atMs, zone) - civilDay(nowMs, zone);
  if (days !== 0) return format.format(days, "day");
  const deltaMs = atMs - nowMs;
  if (Math.abs(deltaMs) < HOUR_MS) return format.format(Math.round(deltaMs / MINUTE_MS), "minute");
  return format.format(Math.round(deltaMs / HOUR_MS), "hour");
}

/** "lundi 30 novembre 2026 à 09:00" in the user's zone: the one way the pane writes a send time. */
export function formatSendTime(atMs: number, locale: string, clock: Clock): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: clock.zone() }).format(
    new Date(atMs),
  );
}

/** Both: the words first (what people scan), then the exact date and time in the user's zone. */
export function whenWords(atMs: number, locale: string, clock: Clock): string {
  return `${relativeWords(atMs, clock.now(), locale, clock.zone())} — ${formatSendTime(atMs, locale, clock)}`;
}

/** "novembre 2026": the month a statement period ends in (civil dates, so no zone can shift it). */
export function periodMonth(period: StatementPeriod, locale: string): string {
  const [year, month] = period.to.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)),
  );
}
