/** A statement as data: what the PDF, the message templates and `--json` all render. */
import type { IsoDate } from "../date/civil-date.js";
import type { Client, DocumentKind } from "../ledger/model.js";
import type { LocaleTag } from "../money/format.js";
import type { CurrencyCode } from "../money/currency.js";
import type { Money } from "../money/money.js";

export type StatementKind = "outstanding" | "activity";

/** Ageing band by days past due, measured at the statement's as-of date: [fromDays, toDays], toDays open-ended. */
export interface AgeingBandSpec {
  /** Inclusive; "not yet due" is the band with toDays 0 (fromDays −∞ expressed as null). */
  readonly fromDays: number | null;
  readonly toDays: number | null;
}

export interface AgeingBand extends AgeingBandSpec {
  readonly amount: Money;
}

export interface OutstandingLine {
  /** "payment": money received on no open document (an advance, a payment on account), open as a credit. */
  readonly kind: DocumentKind | "payment";
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly original: Money;
  readonly open: Money;
  /** Days past due at the as-of date; 0 when not yet due. */
  readonly daysOverdue: number;
  /** Penalties accrued (amount × rate × days / 365) when French mentions are on and the line is overdue. */
  readonly penalty: Money | undefined;
}

export interface ActivityLine {
  readonly date: IsoDate;
  readonly kind: DocumentKind | "payment";
  /** Document number, or for a payment the document it settles / its method. */
  readonly reference: string;
  readonly dueDate: IsoDate | undefined;
  /** Positive: what the line adds to the balance (invoice) or removes (negative: credit note, payment). */
  readonly amount: Money;
  readonly balance: Money;
  /** True for payments known only from a "paid" column (shown at the invoice date). */
  readonly dateUnknown: boolean;
}

interface SectionTotals {
  readonly currency: CurrencyCode;
  /** Open total at the as-of (or period end) date. */
  readonly openTotal: Money;
  /** Part of the open total whose due date is before the as-of date (credit notes are never overdue). */
  readonly overdueTotal: Money;
  readonly overdueCount: number;
  /**
   * Open credits (credit notes, advances, overpayments: every open item below zero), ≤ 0. They are never overdue
   * and not aged: ageing bands + credits = open total.
   */
  readonly creditsTotal: Money;
  readonly ageing: readonly AgeingBand[];
  /** Sum of accrued penalties and fixed indemnities when French mentions are on. */
  readonly penaltiesTotal: Money | undefined;
  readonly indemnitiesTotal: Money | undefined;
  /** Open items at the as-of date (both kinds list them; activity uses them for ageing). */
  readonly openItems: readonly OutstandingLine[];
}

export interface OutstandingSection extends SectionTotals {
  readonly kind: "outstanding";
}

export interface ActivitySection extends SectionTotals {
  readonly kind: "activity";
  readonly opening: Money;
  readonly lines: readonly ActivityLine[];
  readonly closing: Money;
}

export type StatementSection = OutstandingSection | ActivitySection;

export interface StatementPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Statement {
  readonly kind: StatementKind;
  readonly client: Client;
  /** Figures are as of this date (the period's end for an activity statement). */
  readonly asOf: IsoDate;
  readonly period: StatementPeriod | undefined;
  readonly locale: LocaleTag;
  readonly sections: readonly StatementSection[];
  /** French late-payment mentions in force for this statement (rate, indemnity), if any. */
  readonly frenchMentions: { readonly penaltyRatePercent: number; readonly indemnity: Money } | undefined;
  /** True when every section's balance is zero: a result, not an error. */
  readonly nothingToSend: boolean;
}
