/** "This month's statement": which period (and as-of date) a send on a given day carries. */
import { addDays, civilDate, dateParts, firstDayOfMonth, lastDayOfMonth, type IsoDate } from "../date/civil-date.js";
import type { StatementPeriod } from "../statement/model.js";

/**
 * - send-month: the send date's month, up to the send date (the default);
 * - previous-month: the whole month before (for rules on the 1st–5th);
 * - since-last-statement: from the day after the previous statement's period to the send date.
 */
export type PeriodChoice = "send-month" | "previous-month" | "since-last-statement";

export const PERIOD_CHOICES: readonly PeriodChoice[] = ["send-month", "previous-month", "since-last-statement"];

/**
 * @example statementPeriodFor(isoDate("2026-11-30"), "send-month", undefined) // { from: 2026-11-01, to: 2026-11-30 }
 */
export function statementPeriodFor(
  sendDate: IsoDate,
  choice: PeriodChoice,
  previousPeriodEnd: IsoDate | undefined,
): StatementPeriod {
  switch (choice) {
    case "send-month":
      return { from: firstDayOfMonth(sendDate), to: sendDate };
    case "previous-month": {
      const { year, month } = dateParts(sendDate);
      const inPrevious = civilDate(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, 1) as IsoDate;
      return { from: inPrevious, to: lastDayOfMonth(inPrevious) };
    }
    case "since-last-statement":
      return previousPeriodEnd !== undefined && previousPeriodEnd < sendDate
        ? { from: addDays(previousPeriodEnd, 1), to: sendDate }
        : { from: firstDayOfMonth(sendDate), to: sendDate };
  }
}
