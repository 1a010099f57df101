/**
 * describe(): a rule in plain words, in French or English, for the schedule screen ("le 30 de chaque mois à 09:00
 * (heure de Paris), ou le dernier jour du mois s'il est plus court"). The common shapes the presets build get
 * hand-written phrasing; anything else gets a generic, part-by-part sentence.
 */
import type { BusinessDayShift } from "./business-day.js";
import { daysFromCivil, weekdayOfDay } from "./local-date-time.js";
import type { LocalDateTime } from "./local-date-time.js";
import { WEEKDAYS } from "./rule.js";
import type { RecurrenceParts, RecurrenceRule, Skip, Weekday, WeekdayNum } from "./rule.js";

export type DescribeLocale = "fr" | "en";

interface Vocabulary {
  readonly weekdays: readonly string[];
  readonly months: readonly string[];
  monthDay(day: number): string;
  ordinal(n: number): string;
  list(items: readonly string[]): string;
  at(times: readonly string[]): string;
  zone(city: string): string;
  utc: string;
  onMonthDay(day: string, every: string): string;
  lastDayOf(every: string): string;
  everyMonth(interval: number): string;
  everyQuarter(months: string): string;
  clamp(skip: Skip): string;
  nthWeekday(ordinal: string, weekday: string, every: string): string;
  businessDay(first: boolean, every: string): string;
  weekly(interval: number, days: string): string;
  yearly(month: number, day: number): string;
  daily(interval: number): string;
  weekdays5: string;
  generic(parts: RecurrenceParts, vocabulary: Vocabulary): string;
  count(n: number): string;
  until(date: LocalDateTime): string;
  shift(shift: BusinessDayShift): string;
  extraDates(added: number, removed: number): string;
}

const FREQUENCY_WORDS_FR = {
  YEARLY: ["chaque année", "tous les {n} ans"],
  MONTHLY: ["chaque mois", "tous les {n} mois"],
  WEEKLY: ["chaque semaine", "toutes les {n} semaines"],
  DAILY: ["chaque jour", "tous les {n} jours"],
  HOURLY: ["toutes les heures", "toutes les {n} heures"],
  MINUTELY: ["toutes les minutes", "toutes les {n} minutes"],
  SECONDLY: ["toutes les secondes", "toutes les {n} secondes"],
} as const;

const FREQUENCY_WORDS_EN = {
  YEARLY: ["every year", "every {n} years"],
  MONTHLY: ["every month", "every {n} months"],
  WEEKLY: ["every week", "every {n} weeks"],
  DAILY: ["every day", "every {n} days"],
  HOURLY: ["every hour", "every {n} hours"],
  MINUTELY: ["every minute", "every {n} minutes"],
  SECONDLY: ["every second", "every {n} seconds"],
} as const;

function frequencyWords(words: typeof FREQUENCY_WORDS_FR | typeof FREQUENCY_WORDS_EN, parts: RecurrenceParts): string {
  const [one, many] = words[parts.freq];
  return parts.interval === 1 ? one : many.replace("{n}", String(parts.interval));
}

function genericDetails(parts: RecurrenceParts, vocabulary: Vocabulary, fr: boolean): string[] {
  const details: string[] = [];
  if (parts.byDay.length > 0)
    details.push(
      (fr ? "le " : "on ") +
        vocabulary.list(
          parts.byDay.map((entry) =>
            entry.ordinal === 0
              ? weekdayName(vocabulary, entry.weekday)
              : `${vocabulary.ordinal(entry.ordinal)} ${weekdayName(vocabulary, entry.weekday)}`,
          ),
        ),
    );
  if (parts.byMonthDay.length > 0)
    details.push(
      (fr ? "le " : "on the ") +
        vocabulary.list(parts.byMonthDay.map((day) => (day < 0 ? vocabulary.ordinal(day) : vocabulary.monthDay(day)))) +
        (fr ? " du mois" : " of the month"),
    );
  if (parts.byYearDay.length > 0)
    details.push((fr ? "jour de l'année " : "day of the year ") + parts.byYearDay.join(", "));
  if (parts.byWeekNo.length > 0) details.push((fr ? "semaine " : "week ") + parts.byWeekNo.join(", "));
  if (parts.byMonth.length > 0)
    details.push(
      (fr ? "en " : "in ") + vocabulary.list(parts.byMonth.map((month) => vocabulary.months[month - 1] ?? "")),
    );
  if (parts.bySetPos.length > 0)
    details.push(
      (fr ? "en ne gardant que la position " : "keeping only position ") +
        parts.bySetPos.join(", ") +
        (fr ? " de chaque période" : " of each period"),
    );
  return details;
}

function weekdayName(vocabulary: Vocabulary, weekday: Weekday): string {
  return vocabulary.weekdays[WEEKDAYS.indexOf(weekday)] ?? weekday;
}

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1] ?? ""}`;
}

const FR: Vocabulary = {
  weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  months: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  monthDay: (day) => (day === 1 ? "1er" : String(day)),
  ordinal: (n) =>
    ({
      1: "premier",
      2: "deuxième",
      3: "troisième",
      4: "quatrième",
      5: "cinquième",
      [-1]: "dernier",
      [-2]: "avant-dernier",
    })[n] ?? (n > 0 ? `${n}e` : `${-n}e avant la fin`),
  list: (items) => joinList(items, "et"),
  at: (times) => `à ${joinList(times, "et")}`,
  zone: (city) => `(heure de ${city})`,
  utc: "(UTC)",
  onMonthDay: (day, every) => `le ${day} ${every}`,
  lastDayOf: (every) => `le dernier jour ${every}`,
  everyMonth: (interval) => (interval === 1 ? "de chaque mois" : `tous les ${interval} mois`),
  everyQuarter: (months) => `de chaque trimestre (${months})`,
  clamp: (skip) =>
    skip === "BACKWARD"
      ? ", ou le dernier jour du mois s'il est plus court"
      : skip === "FORWARD"
        ? ", ou le 1er du mois suivant s'il est plus court"
        : " (sauf les mois plus courts)",
  nthWeekday: (ordinal, weekday, every) => `le ${ordinal} ${weekday} ${every}`,
  businessDay: (first, every) => `le ${first ? "premier" : "dernier"} jour ouvré ${every}`,
  weekly: (interval, days) => (interval === 1 ? `chaque ${days}` : `toutes les ${interval} semaines le ${days}`),
  yearly: (month, day) => `chaque année le ${day === 1 ? "1er" : day} ${FR_MONTHS[month - 1] ?? ""}`,
  daily: (interval) => (interval === 1 ? "chaque jour" : `tous les ${interval} jours`),
  weekdays5: "chaque jour de semaine (du lundi au vendredi)",
  generic: (parts, vocabulary) =>
    [frequencyWords(FREQUENCY_WORDS_FR, parts), ...genericDetails(parts, vocabulary, true)].join(", "),
  count: (n) => `, ${n} fois`,
  until: (date) => `, jusqu'au ${date.day === 1 ? "1er" : date.day} ${FR_MONTHS[date.month - 1] ?? ""} ${date.year}`,
  shift: (shift) =>
    shift.direction === "previous"
      ? `, avancé au jour ouvré précédent les week-ends et jours fériés (${shift.calendar})`
      : `, reporté au jour ouvré suivant les week-ends et jours fériés (${shift.calendar})`,
  extraDates: (added, removed) =>
    [
      added > 0 ? `plus ${added} date${added > 1 ? "s" : ""} ajoutée${added > 1 ? "s" : ""}` : "",
      removed > 0 ? `sauf ${removed} date${removed > 1 ? "s" : ""} exclue${removed > 1 ? "s" : ""}` : "",
    ]
      .filter((text) => text !== "")
      .map((text) => `, ${text}`)
      .join(""),
};

const FR_MONTHS = FR.months;

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function englishOrdinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

const EN: Vocabulary = {
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  months: EN_MONTHS,
  monthDay: englishOrdinalSuffix,
  ordinal: (n) =>
    ({ 1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", [-1]: "last", [-2]: "second to last" })[n] ??
    (n > 0 ? englishOrdinalSuffix(n) : `${englishOrdinalSuffix(-n)} from last`),
  list: (items) => joinList(items, "and"),
  at: (times) => `at ${joinList(times, "and")}`,
  zone: (city) => `${city} time`,
  utc: "UTC",
  onMonthDay: (day, every) => `on the ${day} ${every}`,
  lastDayOf: (every) => `on the last day ${every}`,
  everyMonth: (interval) => (interval === 1 ? "of every month" : `every ${interval} months`),
  everyQuarter: (months) => `of every quarter (${months})`,
  clamp: (skip) =>
    skip === "BACKWARD"
      ? ", or the last day of shorter months"
      : skip === "FORWARD"
        ? ", or the 1st of the next month after shorter months"
        : " (shorter months are skipped)",
  nthWeekday: (ordinal, weekday, every) => `on the ${ordinal} ${weekday} ${every}`,
  businessDay: (first, every) => `on the ${first ? "first" : "last"} business day ${every}`,
  weekly: (interval, days) => (interval === 1 ? `every ${days}` : `every ${interval} weeks on ${days}`),
  yearly: (month, day) => `every year on ${EN_MONTHS[month - 1] ?? ""} ${day}`,
  daily: (interval) => (interval === 1 ? "every day" : `every ${interval} days`),
  weekdays5: "every weekday (Monday to Friday)",
  generic: (parts, vocabulary) =>
    [frequencyWords(FREQUENCY_WORDS_EN, parts), ...genericDetails(parts, vocabulary, false)].join(", "),
  count: (n) => `, ${n} time${n > 1 ? "s" : ""}`,
  until: (date) => `, until ${EN_MONTHS[date.month - 1] ?? ""} ${date.day}, ${date.year}`,
  shift: (shift) =>
    `, moved to the ${shift.direction === "previous" ? "previous" : "next"} business day on weekends and public holidays (${shift.calendar})`,
  extraDates: (added, removed) =>
    [
      added > 0 ? `plus ${added} added date${added > 1 ? "s" : ""}` : "",
      removed > 0 ? `except ${removed} excluded date${removed > 1 ? "s" : ""}` : "",
    ]
      .filter((text) => text !== "")
      .map((text) => `, ${text}`)
      .join(""),
};

const VOCABULARIES: Record<DescribeLocale, Vocabulary> = { fr: FR, en: EN };

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** "Paris" from "Europe/Paris", "New York" from "America/New_York". */
function cityOf(zone: string): string {
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

const WORKING_DAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

function isWorkingWeek(byDay: readonly WeekdayNum[]): boolean {
  return (
    byDay.length === 5 && byDay.every((entry, index) => entry.ordinal === 0 && entry.weekday === WORKING_DAYS[index])
  );
}

/** The month day a MONTHLY rule lands on, with its SKIP, when it has the simple "day N" shape. */
function simpleMonthDay(parts: RecurrenceParts, start: LocalDateTime): { day: number; skip: Skip } | undefined {
  if (parts.byDay.length > 0 || parts.byYearDay.length > 0 || parts.byWeekNo.length > 0 || parts.byMonth.length > 0)
    return undefined;
  if (parts.byMonthDay.length === 0 && parts.bySetPos.length === 0) return { day: start.day, skip: parts.skip };
  if (parts.byMonthDay.length === 1 && parts.bySetPos.length === 0)
    return { day: parts.byMonthDay[0] ?? 0, skip: parts.skip };
  // The RFC 5545 recipe for "day N or the month's last day": BYMONTHDAY=28,29,30;BYSETPOS=-1.
  const days = parts.byMonthDay;
  const last = days[days.length - 1] ?? 0;
  const consecutive = days.every((day, index) => day === (days[0] ?? 0) + index);
  if (
    parts.bySetPos.length === 1 &&
    parts.bySetPos[0] === -1 &&
    consecutive &&
    (days[0] ?? 0) > 0 &&
    (days[0] ?? 0) <= 28 &&
    last > 28
  )
    return { day: last, skip: "BACKWARD" };
  return undefined;
}

function mainPhrase(
  parts: RecurrenceParts,
  start: LocalDateTime,
  vocabulary: Vocabulary,
): { text: string; clamp: string } {
  const noClamp = { clamp: "" };
  if (parts.freq === "MONTHLY") {
    const monthDay = simpleMonthDay(parts, start);
    const every =
      parts.interval === 3
        ? vocabulary.everyQuarter(
            vocabulary.list(
              [0, 3, 6, 9]
                .map((offset) => vocabulary.months[(start.month - 1 + offset) % 12] ?? "")
                .sort((a, b) => vocabulary.months.indexOf(a) - vocabulary.months.indexOf(b)),
            ),
          )
        : vocabulary.everyMonth(parts.interval);
    if (monthDay !== undefined) {
      if (monthDay.day === -1) return { text: vocabulary.lastDayOf(every), ...noClamp };
      if (monthDay.day > 0)
        return {
          text: vocabulary.onMonthDay(vocabulary.monthDay(monthDay.day), every),
          clamp: monthDay.day > 28 ? vocabulary.clamp(monthDay.skip) : "",
        };
    }
    if (
      isWorkingWeek(parts.byDay) &&
      parts.bySetPos.length === 1 &&
      (parts.bySetPos[0] === 1 || parts.bySetPos[0] === -1) &&
      parts.byMonthDay.length === 0
    )
      return { text: vocabulary.businessDay(parts.bySetPos[0] === 1, every), ...noClamp };
    const only = parts.byDay[0];
    if (
      parts.byDay.length === 1 &&
      only !== undefined &&
      only.ordinal !== 0 &&
      parts.bySetPos.length === 0 &&
      parts.byMonthDay.length === 0 &&
      parts.byMonth.length === 0
    )
      return {
        text: vocabulary.nthWeekday(vocabulary.ordinal(only.ordinal), weekdayName(vocabulary, only.weekday), every),
        ...noClamp,
      }; // BYDAY=FR;BYSETPOS=-1 picks the same day as BYDAY=-1FR in a month: say "the last Friday" for both.
    const position = parts.bySetPos[0];
    if (
      parts.byDay.length === 1 &&
      only !== undefined &&
      only.ordinal === 0 &&
      parts.bySetPos.length === 1 &&
      position !== undefined &&
      Math.abs(position) <= 5 &&
      parts.byMonthDay.length === 0 &&
      parts.byMonth.length === 0
    )
      return {
        text: vocabulary.nthWeekday(vocabulary.ordinal(position), weekdayName(vocabulary, only.weekday), every),
        ...noClamp,
      };
  }
  const plainDays = parts.byDay.every((entry) => entry.ordinal === 0);
  const noOtherDayParts =
    parts.byMonthDay.length === 0 &&
    parts.byYearDay.length === 0 &&
    parts.byWeekNo.length === 0 &&
    parts.byMonth.length === 0 &&
    parts.bySetPos.length === 0;
  if (parts.freq === "WEEKLY" && plainDays && noOtherDayParts) {
    const days =
      parts.byDay.length === 0 ? [WEEKDAYS[weekdayIndex(start)] ?? "MO"] : parts.byDay.map((entry) => entry.weekday);
    return {
      text: vocabulary.weekly(parts.interval, vocabulary.list(days.map((day) => weekdayName(vocabulary, day)))),
      ...noClamp,
    };
  }
  if (parts.freq === "DAILY" && noOtherDayParts) {
    if (parts.byDay.length === 0) return { text: vocabulary.daily(parts.interval), ...noClamp };
    if (parts.interval === 1 && isWorkingWeek(parts.byDay)) return { text: vocabulary.weekdays5, ...noClamp };
  }
  if (
    parts.freq === "YEARLY" &&
    parts.interval === 1 &&
    parts.byDay.length === 0 &&
    parts.byYearDay.length === 0 &&
    parts.byWeekNo.length === 0 &&
    parts.bySetPos.length === 0 &&
    parts.byMonth.length <= 1 &&
    parts.byMonthDay.length <= 1
  ) {
    const month = parts.byMonth[0] ?? start.month;
    const day = parts.byMonthDay[0] ?? start.day;
    if (day > 0)
      return {
        text: vocabulary.yearly(month, day),
        clamp: month === 2 && day === 29 && parts.skip !== "OMIT" ? vocabulary.clamp(parts.skip) : "",
      };
  }
  return { text: vocabulary.generic(parts, vocabulary), ...noClamp };
}

function weekdayIndex(local: LocalDateTime): number {
  return weekdayOfDay(daysFromCivil(local.year, local.month, local.day));
}

function timesOf(parts: RecurrenceParts | undefined, start: LocalDateTime): string[] {
  if (parts !== undefined && ["HOURLY", "MINUTELY", "SECONDLY"].includes(parts.freq)) return [];
  const hours = parts !== undefined && parts.byHour.length > 0 ? parts.byHour : [start.hour];
  const minutes = parts !== undefined && parts.byMinute.length > 0 ? parts.byMinute : [start.minute];
  const times: string[] = [];
  for (const hour of hours) for (const minute of minutes) times.push(`${pad(hour)}:${pad(minute)}`);
  return times;
}

/**
 * The rule in plain words.
 * @example
 * describe(parseRule("DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD").value, "fr")
 * // "le 30 de chaque mois à 09:00 (heure de Paris), ou le dernier jour du mois s'il est plus court"
 * describe(sameRule, "en") // "on the 30th of every month at 09:00 Paris time, or the last day of shorter months"
 */
export function describe(rule: RecurrenceRule, locale: DescribeLocale, shift?: BusinessDayShift): string {
  const vocabulary = VOCABULARIES[locale];
  const start = rule.start;
  const parts = rule.recur;
  const phrase = parts === undefined ? { text: "", clamp: "" } : mainPhrase(parts, start.local, vocabulary);
  const pieces: string[] = [phrase.text];
  const times = start.dateOnly ? [] : timesOf(parts, start.local);
  if (times.length > 0) pieces.push(vocabulary.at(times));
  if (!start.dateOnly && start.basis.kind === "zoned") pieces.push(vocabulary.zone(cityOf(start.basis.zone)));
  if (!start.dateOnly && start.basis.kind === "utc") pieces.push(vocabulary.utc);
  let text = pieces.filter((piece) => piece !== "").join(" ") + phrase.clamp;
  if (parts?.count !== undefined) text += vocabulary.count(parts.count);
  if (parts?.until !== undefined) text += vocabulary.until(parts.until.local);
  if (shift !== undefined) text += vocabulary.shift(shift);
  text += vocabulary.extraDates(rule.rdates.length, rule.exdates.length);
  return text.trim();
}
