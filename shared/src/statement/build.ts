/**
 * Ledger + client + date → Statement. "As of" means as of: whatever is dated after it does not exist yet.
 * Both kinds share one computation of open items, so outstanding-as-of-D always equals the activity closing at D.
 */
import { addDays, compareDates, daysBetween, type IsoDate } from "../date/civil-date.js";
import type { LocaleTag } from "../money/format.js";
import { currency as currencyOf, type CurrencyCode } from "../money/currency.js";
import { money, negate, scale, sum } from "../money/money.js";
import type { Client, ClientKey, Ledger, LedgerDocument, Payment } from "../ledger/model.js";
import type { FrenchLateMentions } from "../profile.js";
import { ageOpenItems, DEFAULT_AGEING_BANDS } from "./ageing.js";
import type {
  ActivityLine,
  ActivitySection,
  AgeingBandSpec,
  OutstandingLine,
  OutstandingSection,
  Statement,
  StatementKind,
  StatementPeriod,
  StatementSection,
} from "./model.js";

export interface StatementRequest {
  readonly kind: StatementKind;
  readonly client: ClientKey;
  /** Outstanding: the as-of date. Activity: ignored (the period's end is the as-of date). */
  readonly asOf: IsoDate;
  /** Required for activity statements. */
  readonly period?: StatementPeriod;
  readonly locale: LocaleTag;
  readonly ageingBands?: readonly AgeingBandSpec[];
  /** Present when the French late-payment mentions apply (see frenchMentionsOf). */
  readonly frenchMentions?: FrenchLateMentions;
}

/** Code-point order: a stable tie-break for document numbers (localeCompare would cost an ICU call per pair). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a payment counts: its date, or — known only from a "paid" column — the document's issue date. */
function effectiveDate(payment: Payment, documents: ReadonlyMap<string, LedgerDocument>): IsoDate | undefined {
  if (payment.date !== undefined) return payment.date;
  return payment.documentNumber !== undefined ? documents.get(payment.documentNumber)?.issueDate : undefined;
}

interface ClientSlice {
  readonly documents: readonly LedgerDocument[];
  readonly payments: readonly Payment[];
  readonly byNumber: ReadonlyMap<string, LedgerDocument>;
}

/** The client's documents and payments — index once, reuse for every statement (batch of 100k rows). */
export function sliceLedger(ledger: Ledger): ReadonlyMap<ClientKey, ClientSlice> {
  const slices = new Map<
    ClientKey,
    { documents: LedgerDocument[]; payments: Payment[]; byNumber: Map<string, LedgerDocument> }
  >();
  const sliceOf = (key: ClientKey) => {
    let slice = slices.get(key);
    if (slice === undefined) {
      slice = { documents: [], payments: [], byNumber: new Map() };
      slices.set(key, slice);
    }
    return slice;
  };
  for (const doc of ledger.documents) {
    const slice = sliceOf(doc.clientKey);
    slice.documents.push(doc);
    slice.byNumber.set(doc.number, doc);
  }
  for (const payment of ledger.payments) sliceOf(payment.clientKey).payments.push(payment);
  return slices;
}

/** Open items at `asOf`: documents issued by then, less what was paid by then; prepayments stay as credits. */
function openItemsAt(
  slice: ClientSlice,
  currency: CurrencyCode,
  asOf: IsoDate,
  mentions: FrenchLateMentions | undefined,
): OutstandingLine[] {
  const applied = new Map<string, number>();
  // Payments on no known document, or on one issued after the as-of date (an advance), stay open as credits.
  const unapplied: { payment: Payment; date: IsoDate }[] = [];
  for (const payment of slice.payments) {
    if (payment.amount.currency !== currency) continue;
    const date = effectiveDate(payment, slice.byNumber);
    // An undated payment on an unknown document cannot be placed in time: assembleLedger never makes one.
    if (date === undefined || compareDates(date, asOf) > 0) continue;
    const doc = payment.documentNumber !== undefined ? slice.byNumber.get(payment.documentNumber) : undefined;
    if (doc === undefined || compareDates(doc.issueDate, asOf) > 0) unapplied.push({ payment, date });
    else applied.set(doc.number, (applied.get(doc.number) ?? 0) + payment.amount.minor);
  }
  const lines: OutstandingLine[] = [];
  for (const doc of slice.documents) {
    if (doc.currency !== currency || compareDates(doc.issueDate, asOf) > 0) continue;
    const open = doc.amount.minor - (applied.get(doc.number) ?? 0);
    if (open === 0) continue;
    const late = doc.kind === "invoice" && open > 0 ? Math.max(0, daysBetween(doc.dueDate, asOf)) : 0;
    const openMoney = money(currency, open);
    lines.push({
      kind: doc.kind,
      number: doc.number,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      original: doc.amount,
      open: openMoney,
      daysOverdue: late,
      // L441-10: amount × annual rate × days late / 365.
      penalty:
        mentions !== undefined && late > 0 ? scale(openMoney, mentions.penaltyRatePercent * late, 36500) : undefined,
    });
  }
  for (const { payment, date } of unapplied) {
    lines.push({
      kind: "payment",
      number: payment.documentNumber ?? payment.method ?? "",
      issueDate: date,
      dueDate: date,
      original: negate(payment.amount),
      open: negate(payment.amount),
      daysOverdue: 0,
      penalty: undefined,
    });
  }
  return lines.sort(
    (a, b) =>
      compareDates(a.dueDate, b.dueDate) || compareDates(a.issueDate, b.issueDate) || compareText(a.number, b.number),
  );
}

function totalsOf(
  currency: CurrencyCode,
  openItems: readonly OutstandingLine[],
  bands: readonly AgeingBandSpec[],
  mentions: FrenchLateMentions | undefined,
) {
  const overdue = openItems.filter((line) => line.daysOverdue > 0);
  const penalties =
    mentions === undefined
      ? undefined
      : sum(
          currency,
          overdue.flatMap((line) => (line.penalty ? [line.penalty] : [])),
        );
  // The €40 indemnity is a euro amount (D441-5); other currencies' sections carry the mention, not a sum.
  const indemnities =
    mentions !== undefined && currency === "EUR"
      ? money(currency, overdue.length * mentions.indemnityEuroCents)
      : undefined;
  return {
    currency,
    openTotal: sum(
      currency,
      openItems.map((line) => line.open),
    ),
    overdueTotal: sum(
      currency,
      overdue.map((line) => line.open),
    ),
    overdueCount: overdue.length,
    ageing: ageOpenItems(currency, openItems, bands),
    creditsTotal: sum(
      currency,
      openItems.filter((line) => line.open.minor < 0).map((line) => line.open),
    ),
    penaltiesTotal: penalties,
    indemnitiesTotal: indemnities,
    openItems,
  };
}

function activityLines(slice: ClientSlice, currency: CurrencyCode, period: StatementPeriod) {
  const inPeriod = (date: IsoDate) => compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0;
  const before = (date: IsoDate) => compareDates(date, period.from) < 0;
  let opening = 0;
  const events: Omit<ActivityLine, "balance">[] = [];
  for (const doc of slice.documents) {
    if (doc.currency !== currency) continue;
    if (before(doc.issueDate)) opening += doc.amount.minor;
    else if (inPeriod(doc.issueDate)) {
      events.push({
        date: doc.issueDate,
        kind: doc.kind,
        reference: doc.number,
        dueDate: doc.dueDate,
        amount: doc.amount,
        dateUnknown: false,
      });
    }
  }
  for (const payment of slice.payments) {
    if (payment.amount.currency !== currency) continue;
    const date = effectiveDate(payment, slice.byNumber);
    if (date === undefined) continue;
    if (before(date)) opening -= payment.amount.minor;
    else if (inPeriod(date)) {
      events.push({
        date,
        kind: "payment",
        reference: payment.documentNumber ?? payment.method ?? "",
        dueDate: undefined,
        amount: negate(payment.amount),
        dateUnknown: payment.date === undefined,
      });
    }
  }
  // Same day: documents before the payments that settle them, so the running balance never dips below reality.
  const rank = (kind: ActivityLine["kind"]) => (kind === "payment" ? 1 : 0);
  events.sort(
    (a, b) => compareDates(a.date, b.date) || rank(a.kind) - rank(b.kind) || compareText(a.reference, b.reference),
  );
  let balance = opening;
  const lines = events.map((event): ActivityLine => {
    balance += event.amount.minor;
    return { ...event, balance: money(currency, balance) };
  });
  return { opening: money(currency, opening), lines, closing: money(currency, balance) };
}

/**
 * Builds one client's statement.
 * @example buildStatement(ledger, { kind: "outstanding", client: key, asOf: isoDate("2026-11-30"), locale: "fr-FR" })
 */
export function buildStatement(
  ledger: Ledger,
  request: StatementRequest,
  slices: ReadonlyMap<ClientKey, ClientSlice> = sliceLedger(ledger),
): Statement {
  const client: Client | undefined = ledger.clients.find((candidate) => candidate.key === request.client);
  if (client === undefined) throw new Error(`unknown client ${request.client}`);
  if (request.kind === "activity" && request.period === undefined)
    throw new Error("an activity statement needs a period");
  const slice = slices.get(client.key) ?? { documents: [], payments: [], byNumber: new Map() };
  const asOf = request.kind === "activity" && request.period !== undefined ? request.period.to : request.asOf;
  const bands = request.ageingBands ?? DEFAULT_AGEING_BANDS;
  const mentions = request.frenchMentions;
  const sections: StatementSection[] = client.currencies.map((currency): StatementSection => {
    const openItems = openItemsAt(slice, currency, asOf, mentions);
    const totals = totalsOf(currency, openItems, bands, mentions);
    if (request.kind === "outstanding" || request.period === undefined)
      return { kind: "outstanding", ...totals } satisfies OutstandingSection;
    return { kind: "activity", ...totals, ...activityLines(slice, currency, request.period) } satisfies ActivitySection;
  });
  return {
    kind: request.kind,
    client,
    asOf,
    period: request.kind === "activity" ? request.period : undefined,
    locale: request.locale,
    sections,
    frenchMentions:
      mentions === undefined
        ? undefined
        : {
            penaltyRatePercent: mentions.penaltyRatePercent,
            indemnity: money(currencyOf("EUR"), mentions.indemnityEuroCents),
          },
    nothingToSend: sections.every((section) => section.openTotal.minor === 0),
  };
}

/** The day before a period starts (its opening balance date). */
export function openingDate(period: StatementPeriod): IsoDate {
  return addDays(period.from, -1);
}
