/**
 * The recurrence engine's public API: parse → normalize → expand → format, zones, business-day shift, describe,
 * presets. Import from here; the stage modules are internal layout.
 */
export type {
  Frequency,
  RecurrenceParts,
  RecurrenceRule,
  RuleDateValue,
  RuleOptions,
  RuleText,
  Skip,
  TimeBasis,
  Weekday,
  WeekdayNum,
} from "./rule.js";
export { FREQUENCIES, WEEKDAYS, ruleText } from "./rule.js";
export type { LocalDateTime } from "./local-date-time.js";
export { formatLocalIso, localDateTime, parseLocalIso } from "./local-date-time.js";
export type { Instant } from "./instant.js";
export { formatInstant, instant, instantFromEpochMilliseconds, parseInstant } from "./instant.js";
export type { IanaZone } from "./zone.js";
export { ianaZone, instantToZoned, offsetSecondsAt, parseIanaZone, zonedToInstant } from "./zone.js";
export { parseRule } from "./parse.js";
export { normalizeRule } from "./normalize.js";
export { formatRule } from "./format.js";
export type { ExpansionOptions, Occurrence } from "./collect.js";
export { all, between, firstAfter, nextN } from "./collect.js";
export type { BusinessDayShift, CalendarCode, ShiftDirection } from "./business-day.js";
export {
  OFFERED_CALENDARS,
  calendarCode,
  isBusinessDay,
  parseCalendarCode,
  shiftToBusinessDay,
} from "./business-day.js";
export type { DescribeLocale } from "./describe.js";
export { describe } from "./describe.js";
export type { PresetStart, SendRule } from "./presets.js";
export {
  synchronizeStart,
  everyWeeksOn,
  lastBusinessDayOfMonth,
  monthlyOnDay,
  nthWeekdayOfMonth,
  quarterly,
  yearlyOn,
} from "./presets.js";
