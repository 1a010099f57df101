/**
 * The planner: from clients' send rules, the ledger and "now", the next sends of each client with the statement
 * period each carries — skipping (and saying why) clients with nothing to send, no address, or a send already
 * planned for that period.
 */
import { civilDate, type IsoDate } from "../date/civil-date.js";
import type { ClientKey, Ledger } from "../ledger/model.js";
import type { LocaleTag } from "../money/format.js";
import type { FrenchLateMentions } from "../profile.js";
import { nextN } from "../recurrence/collect.js";
import type { Instant } from "../recurrence/instant.js";
import type { SendRule } from "../recurrence/presets.js";
import type { IanaZone } from "../recurrence/zone.js";
import { buildStatement, sliceLedger } from "../statement/build.js";
import type { Statement, StatementKind } from "../statement/model.js";
import { sendKey, type ScheduledSend } from "./model.js";
import { statementPeriodFor, type PeriodChoice } from "./period.js";

export interface ClientSchedule {
  readonly client: ClientKey;
  readonly rule: SendRule;
  /** The zone send times are shown in (a zoned rule's own zone, usually). */
  readonly zone: IanaZone;
  readonly kind: StatementKind;
  readonly period: PeriodChoice;
  /** Overrides the client's email addresses. */
  readonly recipients?: readonly string[];
  /** End of the last statement sent, for "since the last statement". */
  readonly lastStatementEnd?: IsoDate;
  readonly locale?: LocaleTag;
}

export interface PlanRequest {
  readonly ledger: Ledger;
  readonly schedules: readonly ClientSchedule[];
  readonly now: Instant;
  /** How many sends to look ahead for each client. */
  readonly count: number;
  /** Sends already known (any status): their keys are never planned again unless cancelled or failed. */
  readonly existing: readonly ScheduledSend[];
  readonly locale: LocaleTag;
  readonly frenchMentions?: FrenchLateMentions;
}

export interface PlannedSend {
  readonly send: ScheduledSend;
  /** What the statement would say with today's ledger. */
  readonly statement: Statement;
}

export interface SkippedSend {
  readonly client: ClientKey;
  readonly clientName: string;
  readonly reason: string;
}

export interface Plan {
  readonly planned: readonly PlannedSend[];
  readonly skipped: readonly SkippedSend[];
}

/**
 * @example planSends({ ledger, schedules, now: instant("2026-12-03T10:00:00Z"), count: 3, existing: [], locale: "fr-FR" })
 */
export function planSends(request: PlanRequest): Plan {
  const planned: PlannedSend[] = [];
  const skipped: SkippedSend[] = [];
  const slices = sliceLedger(request.ledger);
  const blocked = new Set(
    request.existing.filter((send) => send.status !== "cancelled" && send.status !== "failed").map((send) => send.key),
  );
  for (const schedule of request.schedules) {
    const client = request.ledger.clients.find((candidate) => candidate.key === schedule.client);
    if (client === undefined) {
      skipped.push({ client: schedule.client, clientName: schedule.client, reason: "no such client in the ledger" });
      continue;
    }
    const recipients = schedule.recipients ?? client.emails;
    if (recipients.length === 0) {
      skipped.push({ client: client.key, clientName: client.name, reason: "no email address to send to" });
      continue;
    }
    const occurrences = nextN(schedule.rule.rule, request.now, request.count, {
      ...(schedule.rule.shift !== undefined ? { shift: schedule.rule.shift } : {}),
    });
    if (occurrences.length === 0) {
      skipped.push({ client: client.key, clientName: client.name, reason: "the send rule has no further dates" });
      continue;
    }
    let previousEnd = schedule.lastStatementEnd;
    for (const occurrence of occurrences) {
      // The period follows the date the rule gave, not the business-day shift: 1 May moved to 30 April still
      // carries May's statement, so a shift never makes two sends for one period.
      const nominal = occurrence.nominal ?? occurrence.local;
      const ruleDate = civilDate(nominal.year, nominal.month, nominal.day) as IsoDate;
      const sendDate = civilDate(occurrence.local.year, occurrence.local.month, occurrence.local.day) as IsoDate;
      const period = statementPeriodFor(ruleDate, schedule.period, previousEnd);
      // …but its figures are never as of a day after the send itself (30 Jan moved to Friday 29 Jan).
      const asOf = period.to > sendDate ? sendDate : period.to;
      previousEnd = period.to;
      const key = sendKey(client.key, schedule.kind, period);
      if (blocked.has(key)) {
        skipped.push({
          client: client.key,
          clientName: client.name,
          reason: `the statement for ${period.from} – ${period.to} is already planned or sent`,
        });
        continue;
      }
      const statement = buildStatement(
        request.ledger,
        {
          kind: schedule.kind,
          client: client.key,
          asOf,
          ...(schedule.kind === "activity"
            ? { period: { from: period.from < asOf ? period.from : asOf, to: asOf } }
            : {}),
          locale: schedule.locale ?? client.locale ?? request.locale,
          ...(request.frenchMentions !== undefined ? { frenchMentions: request.frenchMentions } : {}),
        },
        slices,
      );
      if (statement.nothingToSend) {
        skipped.push({
          client: client.key,
          clientName: client.name,
          reason: `nothing to send: the balance is zero as of ${asOf}`,
        });
        continue;
      }
      blocked.add(key);
      planned.push({
        statement,
        send: {
          key,
          clientKey: client.key,
          clientName: client.name,
          kind: schedule.kind,
          period,
          asOf,
          recipients,
          sendAt: occurrence.instant,
          zone: schedule.zone,
          status: "planned",
          history: [{ status: "planned", at: request.now }],
        },
      });
    }
  }
  planned.sort((a, b) => a.send.sendAt - b.send.sendAt);
  return { planned, skipped };
}
