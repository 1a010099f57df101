/**
 * One send rule shape for every client: what the schedule card's fields say (a preset, or RRULE text through the
 * core's parser) becomes a SendRule, stored as its canonical text (DTSTART;TZID + RRULE) plus the business-day
 * shift. Every refusal names the field to fix.
 */
import type { BusinessDayShift, CalendarCode, ShiftDirection } from "../../../shared/src/recurrence/business-day.js";
import { formatRule } from "../../../shared/src/recurrence/format.js";
import type { Instant } from "../../../shared/src/recurrence/instant.js";
import { localDateTime } from "../../../shared/src/recurrence/local-date-time.js";
import { parseRule } from "../../../shared/src/recurrence/parse.js";
import {
  everyWeeksOn,
  lastBusinessDayOfMonth,
  monthlyOnDay,
  nthWeekdayOfMonth,
  quarterly,
  synchronizeStart,
  type SendRule,
} from "../../../shared/src/recurrence/presets.js";
import { WEEKDAYS, type Weekday } from "../../../shared/src/recurrence/rule.js";
import { instantToZoned, parseIanaZone, type IanaZone } from "../../../shared/src/recurrence/zone.js";

export const RULE_KINDS = [
  "day-of-month",
  "last-business-day",
  "nth-weekday",
  "every-weeks",
  "quarterly",
  "rrule",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = {
  "day-of-month": "Day N of every month",
  "last-business-day": "Last business day of the month",
  "nth-weekday": "The Nth weekday of every month",
  "every-weeks": "Every N weeks on a weekday",
  quarterly: "Every quarter on day N",
  rrule: "Custom rule (RRULE)",
};

/** The schedule card's fields, as typed (strings): kept with the schedule so the card shows them again. */
export interface RuleForm {
  readonly kind: string;
  /** Day of the month (day-of-month, quarterly). */
  readonly day: string;
  /** MO…SU (nth-weekday, every-weeks). */
  readonly weekday: string;
  /** 1–5 or -1 for the last (nth-weekday). */
  readonly ordinal: string;
  /** Interval in weeks (every-weeks). */
  readonly weeks: string;
  /** "HH:MM", wall clock in `zone`. */
  readonly time: string;
  readonly zone: string;
  /** RRULE text ("FREQ=MONTHLY;BYMONTHDAY=15"), or a full DTSTART + RRULE. */
  readonly rrule: string;
  /** "none" | "previous" | "next": move off weekends and public holidays of the company's country. */
  readonly shift: string;
}

export type RuleBuild =
  | { readonly ok: true; readonly rule: SendRule; readonly zone: IanaZone }
  | { readonly ok: false; readonly message: string };

/** What a schedule keeps: the rule's canonical text and shift, small enough for one property. */
export interface StoredRule {
  readonly ruleText: string;
  readonly shift?: BusinessDayShift;
}

const pad = (value: number) => String(value).padStart(2, "0");

function wholeNumber(text: string, min: number, max: number): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/**
 * The form → a rule starting today in its zone. `calendar` is the company's holiday calendar (its country), needed
 * by the last-business-day preset and any shift; undefined when the build has no holiday data for it.
 * @example buildRule({ kind: "day-of-month", day: "30", time: "09:00", zone: "Europe/Paris", … }, now, undefined)
 */
export function buildRule(form: RuleForm, now: Instant, calendar: CalendarCode | undefined): RuleBuild {
  const fail = (message: string): RuleBuild => ({ ok: false, message });
  const kind = form.kind as RuleKind;
  if (!RULE_KINDS.includes(kind)) return fail(`Rule: choose one of ${RULE_KINDS.join(", ")}.`);
  const zone = parseIanaZone(form.zone.trim());
  if (zone === undefined) return fail(`Time zone: "${form.zone}" is not an IANA zone such as Europe/Paris.`);
  const time = /^(\d{1,2}):(\d{2})$/.exec(form.time.trim());
  const hour = Number(time?.[1] ?? -1);
  const minute = Number(time?.[2] ?? -1);
  if (time === null || hour > 23 || minute > 59) return fail(`Time: "${form.time}" is not a time such as 09:00.`);
  const direction: ShiftDirection | undefined =
    form.shift === "previous" || form.shift === "next" ? form.shift : undefined;
  if (form.shift !== "" && form.shift !== "none" && direction === undefined)
    return fail("Weekends and holidays: choose keep, previous business day or next business day.");
  if ((direction !== undefined || kind === "last-business-day") && calendar === undefined)
    return fail(
      "Weekends and holidays: this build has no public holidays for the company's country (Settings → Country): " +
        "keep the date as the rule gives it, or rebuild the add-on with that country (see the README).",
    );
  const today = instantToZoned(now, zone);
  const start = { from: localDateTime(today.year, today.month, today.day, hour, minute, 0), zone };
  const weekday = (): Weekday | undefined =>
    (WEEKDAYS as readonly string[]).includes(form.weekday) ? (form.weekday as Weekday) : undefined;
  let rule: SendRule;
  let ruleZone = zone;
  switch (kind) {
    case "day-of-month":
    case "quarterly": {
      const day = wholeNumber(form.day, 1, 31);
      if (day === undefined) return fail("Day of the month: a number from 1 to 31.");
      rule = kind === "quarterly" ? quarterly(start, day, true) : monthlyOnDay(start, day, true);
      break;
    }
    case "last-business-day":
      rule = lastBusinessDayOfMonth(start, calendar as CalendarCode);
      break;
    case "nth-weekday": {
      const day = weekday();
      const ordinal = wholeNumber(form.ordinal, -1, 5);
      if (day === undefined) return fail("Weekday: choose Monday to Sunday.");
      if (ordinal === undefined || ordinal === 0) return fail("Which: 1 to 5 (first to fifth), or -1 for the last.");
      rule = nthWeekdayOfMonth(start, day, ordinal);
      break;
    }
    case "every-weeks": {
      const day = weekday();
      const weeks = wholeNumber(form.weeks, 1, 52);
      if (day === undefined) return fail("Weekday: choose Monday to Sunday.");
      if (weeks === undefined) return fail("Every N weeks: a number from 1 to 52.");
      rule = everyWeeksOn(start, weeks, day);
      break;
    }
    case "rrule": {
      const built = customRule(form.rrule, zone, hour, minute, now);
      if (!built.ok) return built;
      rule = { rule: built.rule.rule };
      // A pasted DTSTART;TZID names its own zone.
      ruleZone = built.zone;
      break;
    }
  }
  // The last-business-day preset brings its own shift; otherwise the form's choice.
  if (rule.shift === undefined && direction !== undefined && calendar !== undefined)
    rule = { ...rule, shift: { calendar, direction } };
  return { ok: true, rule, zone: ruleZone };
}

/** RRULE text completed with DTSTART today at the form's time, moved to the rule's first date (it always counts). */
function customRule(text: string, zone: IanaZone, hour: number, minute: number, now: Instant): RuleBuild {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: "RRULE: write a rule such as FREQ=MONTHLY;BYMONTHDAY=15." };
  const hasStart = /^DTSTART/im.test(trimmed);
  const today = instantToZoned(now, zone);
  const full = hasStart
    ? trimmed
    : `DTSTART;TZID=${zone}:${String(today.year)}${pad(today.month)}${pad(today.day)}T${pad(hour)}${pad(minute)}00\n` +
      (/^RRULE:/i.test(trimmed) ? trimmed : `RRULE:${trimmed}`);
  const parsed = parseRule(full, "RRULE");
  if (!parsed.ok)
    return {
      ok: false,
      message: `RRULE: ${parsed.problems
        .filter((p) => p.severity === "error")
        .map((p) => (p.location.field !== undefined ? `${p.location.field}: ${p.message}` : p.message))
        .join("; ")}`,
    };
  if (parsed.value.recur === undefined)
    return { ok: false, message: "RRULE: the text has no RRULE line, so it would send only once." };
  const rule = hasStart ? parsed.value : synchronizeStart(parsed.value);
  if (rule === undefined) return { ok: false, message: "RRULE: the rule never gives a date." };
  const ruleZone = rule.start.basis.kind === "zoned" ? rule.start.basis.zone : zone;
  return { ok: true, rule: { rule }, zone: ruleZone };
}

export function storeRule(rule: SendRule): StoredRule {
  const ruleText = formatRule(rule.rule);
  return rule.shift === undefined ? { ruleText } : { ruleText, shift: rule.shift };
}

/** The stored text back to a rule (it was checked when saved; undefined if the core now refuses it). */
export function readStoredRule(stored: StoredRule): SendRule | undefined {
  const parsed = parseRule(stored.ruleText, "schedule");
  if (!parsed.ok) return undefined;
  return stored.shift === undefined ? { rule: parsed.value } : { rule: parsed.value, shift: stored.shift };
}

/** The form for the add-on's default rule: day N of every month at H o'clock in the user's zone. */
export function defaultRuleForm(sendDay: number, sendHour: number, zone: IanaZone): RuleForm {
  return {
    kind: "day-of-month",
    day: String(sendDay),
    weekday: "MO",
    ordinal: "1",
    weeks: "2",
    time: `${pad(sendHour)}:00`,
    zone,
    rrule: "",
    shift: "none",
  };
}
