/**
 * The pane's use case without React or Office: ledger files → ledger; recipients → client; the client's rule →
 * the next send instant and the statement it carries; then the PDF (engine loaded on demand) and the message.
 * Loaded by App as its own chunk (the holiday calendars behind business-day rules are large), never imported
 * statically by a view: views get it as `Engine` through PaneData.
 */
import { civilDate, type IsoDate } from "../../../shared/src/date/civil-date.js";
import { assembleLedger } from "../../../shared/src/ledger/assemble.js";
import { importLedgerFiles, type InputFile } from "../../../shared/src/ledger/import/index.js";
import type { Client, Ledger } from "../../../shared/src/ledger/model.js";
import {
  defaultTemplate,
  placeholderValues,
  renderMessage,
  type MessageTemplate,
  type RenderedMessage,
} from "../../../shared/src/message/template.js";
import type { Problem } from "../../../shared/src/problem.js";
import { frenchMentionsOf, type CompanyProfile } from "../../../shared/src/profile.js";
import type { Clock } from "../../../shared/src/ports.js";
import {
  calendarCode,
  describe,
  instantToZoned,
  lastBusinessDayOfMonth,
  localDateTime,
  monthlyOnDay,
  parseCalendarCode,
  parseRule,
  zonedToInstant,
  type DescribeLocale,
  type Instant,
  type SendRule,
} from "../../../shared/src/recurrence/index.js";
import { planSends, sendKey, statementPeriodFor, type SendKey } from "../../../shared/src/schedule/index.js";
import { buildStatement } from "../../../shared/src/statement/build.js";
import type { Statement, StatementPeriod } from "../../../shared/src/statement/model.js";
import type { StatementTag } from "../graph/mailbox.js";
import { DEFAULT_SEND_TIME, type ClientSettings } from "./settings.js";

export type LedgerLoad =
  | { readonly kind: "ready"; readonly ledger: Ledger; readonly problems: readonly Problem[] }
  | { readonly kind: "failed"; readonly problems: readonly Problem[] };

export async function loadLedger(files: readonly InputFile[], paymentTermsDays: number): Promise<LedgerLoad> {
  const imports = await importLedgerFiles(files);
  const outcome = assembleLedger(imports, { paymentTermsDays });
  return outcome.ok
    ? { kind: "ready", ledger: outcome.value, problems: outcome.problems }
    : { kind: "failed", problems: outcome.problems };
}

/** The first client one of the draft's recipients belongs to (the ledger's or the settings' addresses). */
export function matchClient(
  ledger: Ledger,
  recipients: readonly string[],
  clients: Readonly<Record<string, ClientSettings>>,
): Client | undefined {
  const wanted = new Set(recipients.map((r) => r.toLowerCase()));
  return ledger.clients.find(
    (client) =>
      client.emails.some((email) => wanted.has(email)) ||
      (clients[client.key]?.recipients ?? []).some((email) => wanted.has(email.toLowerCase())),
  );
}

function parseTime(text: string | undefined): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text ?? DEFAULT_SEND_TIME);
  const hour = Number(match?.[1] ?? 9);
  const minute = Number(match?.[2] ?? 0);
  return hour < 24 && minute < 60 ? { hour, minute } : { hour: 9, minute: 0 };
}

export type RuleBuild =
  { readonly ok: true; readonly rule: SendRule } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The client's send rule, starting today in the user's zone (default: last business day of the month, 09:00). */
export function clientRule(settings: ClientSettings | undefined, profile: CompanyProfile, clock: Clock): RuleBuild {
  const zone = clock.zone();
  const today = instantToZoned(clock.now(), zone);
  const { hour, minute } = parseTime(settings?.time);
  const start = { from: localDateTime(today.year, today.month, today.day, hour, minute), zone };
  const choice = settings?.rule ?? { kind: "last-business-day" };
  switch (choice.kind) {
    case "last-business-day": {
      const calendar = parseCalendarCode(profile.country.length > 0 ? profile.country : "FR");
      return { ok: true, rule: lastBusinessDayOfMonth(start, calendar.ok ? calendar.value : calendarCode("FR")) };
    }
    case "day-of-month":
      return { ok: true, rule: monthlyOnDay(start, Math.min(Math.max(Math.round(choice.day), 1), 31), true) };
    case "rrule": {
      const parsed = parseRule(choice.text, "rule");
      return parsed.ok ? { ok: true, rule: { rule: parsed.value } } : { ok: false, problems: parsed.problems };
    }
  }
}

export function describeRule(rule: SendRule, language: DescribeLocale): string {
  return describe(rule.rule, language, rule.shift);
}

export type SendPlan =
  | {
      readonly kind: "send";
      readonly sendAt: Instant;
      readonly asOf: IsoDate;
      readonly statement: Statement;
      /** The month it is "this month's statement" of, and the key that makes it one send per period. */
      readonly period: StatementPeriod;
      readonly key: SendKey;
    }
  | { readonly kind: "nothing-to-send"; readonly asOf: IsoDate; readonly statement: Statement }
  | { readonly kind: "no-date"; readonly reason: string };

function statementAt(ledger: Ledger, client: Client, asOf: IsoDate, profile: CompanyProfile): Statement {
  const mentions = frenchMentionsOf(profile);
  return buildStatement(ledger, {
    kind: "outstanding",
    client: client.key,
    asOf,
    locale: client.locale ?? profile.locale,
    ...(mentions !== undefined ? { frenchMentions: mentions } : {}),
  });
}

/** The client's next send by its rule, through the core's planner ("this month's" period, skips with reasons). */
export function planByRule(
  ledger: Ledger,
  client: Client,
  rule: SendRule,
  profile: CompanyProfile,
  clock: Clock,
): SendPlan {
  const mentions = frenchMentionsOf(profile);
  const plan = planSends({
    ledger,
    schedules: [{ client: client.key, rule, zone: clock.zone(), kind: "outstanding", period: "send-month" }],
    now: clock.now(),
    count: 1,
    existing: [],
    locale: profile.locale,
    ...(mentions !== undefined ? { frenchMentions: mentions } : {}),
  });
  const planned = plan.planned[0];
  if (planned !== undefined) {
    return {
      kind: "send",
      sendAt: planned.send.sendAt,
      asOf: planned.send.asOf,
      statement: planned.statement,
      period: planned.send.period,
      key: planned.send.key,
    };
  }
  const reason = plan.skipped[0]?.reason ?? "the rule gives no further date";
  if (reason.startsWith("nothing to send")) {
    const asOf = /as of (\d{4}-\d{2}-\d{2})/.exec(reason)?.[1] as IsoDate | undefined;
    const at = asOf ?? localIsoDate(clock.now(), clock);
    return { kind: "nothing-to-send", asOf: at, statement: statementAt(ledger, client, at, profile) };
  }
  return { kind: "no-date", reason };
}

function localIsoDate(at: Instant, clock: Clock): IsoDate {
  const local = instantToZoned(at, clock.zone());
  return civilDate(local.year, local.month, local.day) as IsoDate;
}

/** A send at a time the user chose: the statement of that day's month, as of that day. */
export function planAt(
  ledger: Ledger,
  client: Client,
  sendAt: Instant,
  profile: CompanyProfile,
  clock: Clock,
): SendPlan {
  const period = statementPeriodFor(localIsoDate(sendAt, clock), "send-month", undefined);
  const statement = statementAt(ledger, client, period.to, profile);
  return statement.nothingToSend
    ? { kind: "nothing-to-send", asOf: period.to, statement }
    : { kind: "send", sendAt, asOf: period.to, statement, period, key: sendKey(client.key, "outstanding", period) };
}

/** The statement a tagged waiting message should carry now: same client and period, from the current ledger. */
export function statementForTag(
  ledger: Ledger,
  tag: StatementTag,
  profile: CompanyProfile,
  sendAt: Instant,
  clock: Clock,
): { readonly kind: "found"; readonly statement: Statement } | { readonly kind: "unknown-client" } {
  const client = ledger.clients.find((c) => c.key === tag.client);
  if (client === undefined) return { kind: "unknown-client" };
  // As the planner does: figures as of the send day when it comes before the period's end (a send moved earlier).
  const sendDay = localIsoDate(sendAt, clock);
  const asOf = sendDay < tag.period.to ? sendDay : tag.period.to;
  return { kind: "found", statement: statementAt(ledger, client, asOf, profile) };
}

export function tagFor(plan: Extract<SendPlan, { kind: "send" }>): StatementTag {
  return {
    key: plan.key,
    client: plan.statement.client.key,
    clientName: plan.statement.client.name,
    period: plan.period,
  };
}

/** Tomorrow at 09:00 in the user's zone. */
export function tomorrowAtNine(clock: Clock): Instant {
  const zone = clock.zone();
  const today = instantToZoned(clock.now(), zone);
  const noonToday = zonedToInstant(localDateTime(today.year, today.month, today.day, 12, 0), zone);
  const tomorrow = instantToZoned((noonToday + 86_400_000) as Instant, zone);
  return zonedToInstant(localDateTime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 0), zone);
}

/** "2026-11-30T09:00" (an <input type="datetime-local"> value) in the user's zone → instant; undefined if invalid. */
export function instantFromLocalInput(value: string, clock: Clock): Instant | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  try {
    return zonedToInstant(localDateTime(year, month, day, hour, minute), clock.zone());
  } catch {
    return undefined;
  }
}

export function localInputValue(at: Instant, clock: Clock): string {
  const l = instantToZoned(at, clock.zone());
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(l.year)}-${two(l.month)}-${two(l.day)}T${two(l.hour)}:${two(l.minute)}`;
}

export function messageFor(
  statement: Statement,
  template: MessageTemplate | undefined,
  profile: CompanyProfile,
  sender: string,
): RenderedMessage {
  return renderMessage(
    template ?? defaultTemplate(statement.locale),
    placeholderValues(statement, profile.name, sender),
  );
}

function slug(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return (ascii.length > 0 ? ascii : "client").slice(0, 60);
}

/** "Releve-librairie-les-mots-bleus-2026-11-30.pdf" — the compose adapter recognises (and replaces) this shape. */
export function attachmentName(statement: Statement): string {
  const label = statement.locale.toLowerCase().startsWith("fr") ? "Releve" : "Statement";
  return `${label}-${slug(statement.client.name)}-${statement.asOf}.pdf`;
}

/** The PDF engine (jsPDF + fonts) is its own chunk, loaded on the first attach. */
export async function renderPdf(statement: Statement, profile: CompanyProfile): Promise<Uint8Array> {
  const { renderStatementPdf } = await import(/* webpackChunkName: "pdf-engine" */ "../../../shared/src/pdf/render.js");
  return renderStatementPdf(statement, profile, { pageSize: profile.country === "US" ? "Letter" : "A4" });
}

export type Engine = typeof import("./statement-service.js");
