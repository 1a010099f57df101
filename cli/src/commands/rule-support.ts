/** Reading send rules from the command line: full DTSTART/RRULE text, or a bare RRULE completed from --tz. */
import {
  parseCalendarCode,
  synchronizeStart,
  type BusinessDayShift,
  type SendRule,
} from "../../../shared/src/recurrence/index.js";
import { parseRule } from "../../../shared/src/recurrence/parse.js";
import { instantFromEpochMilliseconds, parseInstant, type Instant } from "../../../shared/src/recurrence/instant.js";
import { instantToZoned, parseIanaZone, type IanaZone } from "../../../shared/src/recurrence/zone.js";
import { ProblemsError, UsageError } from "../io.js";
import type { ParsedOptions } from "../options.js";

/** The user's zone: --tz, else the machine's (the CLI is the host; the core never guesses). */
export function zoneOption(values: ParsedOptions): IanaZone {
  const name = values.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = parseIanaZone(name);
  if (zone === undefined) throw new UsageError(`--tz ${name}: not an IANA time zone such as Europe/Paris`);
  return zone;
}

export function nowOption(values: ParsedOptions): Instant {
  if (values.now === undefined) return instantFromEpochMilliseconds(Date.now());
  const parsed = parseInstant(values.now);
  if (parsed === undefined) throw new UsageError(`--now ${values.now}: write an instant such as 2026-12-03T10:00:00Z`);
  return parsed;
}

export function countOption(values: ParsedOptions, fallback: number): number {
  if (values.count === undefined) return fallback;
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new UsageError("--count takes a whole number from 1 to 1000");
  return count;
}

export function shiftOption(values: ParsedOptions): BusinessDayShift | undefined {
  if (values.calendar === undefined) {
    if (values.shift !== undefined) throw new UsageError("--shift needs --calendar (e.g. --calendar FR)");
    return undefined;
  }
  const calendar = parseCalendarCode(values.calendar, "--calendar");
  if (!calendar.ok) throw new ProblemsError(calendar.problems);
  const direction = values.shift ?? "previous";
  if (direction !== "previous" && direction !== "next") throw new UsageError("--shift takes previous or next");
  return { calendar: calendar.value, direction };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * Completes a bare rule ("FREQ=MONTHLY;BYMONTHDAY=30" or "RRULE:…") with a DTSTART today in `zone`, at the rule's
 * BYHOUR/BYMINUTE or 09:00, then moves it to the rule's first date: DTSTART always counts as an occurrence.
 */
export function readSendRule(
  text: string,
  zone: IanaZone,
  now: Instant,
  shift: BusinessDayShift | undefined,
  source: string,
): SendRule {
  const trimmed = text.trim().replace(/\\n/g, "\n");
  const hasStart = /^DTSTART/im.test(trimmed);
  let full = trimmed;
  if (!hasStart) {
    const rrule = /^RRULE:/i.test(trimmed) ? trimmed : `RRULE:${trimmed}`;
    const hour = /BYHOUR=(\d{1,2})(?:;|$)/i.exec(rrule)?.[1] ?? "9";
    const minute = /BYMINUTE=(\d{1,2})(?:;|$)/i.exec(rrule)?.[1] ?? "0";
    const today = instantToZoned(now, zone);
    full = `DTSTART;TZID=${zone}:${today.year}${pad(today.month)}${pad(today.day)}T${pad(Number(hour))}${pad(Number(minute))}00\n${rrule}`;
  }
  const parsed = parseRule(full, source);
  if (!parsed.ok) throw new ProblemsError(parsed.problems);
  const rule = hasStart ? parsed.value : synchronizeStart(parsed.value);
  if (rule === undefined) throw new UsageError(`${source}: the rule never gives a date`);
  return shift === undefined ? { rule } : { rule, shift };
}
