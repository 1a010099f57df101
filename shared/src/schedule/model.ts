/** Scheduled sends: one planned email each, keyed so the same statement is never planned or sent twice. */
import type { Brand } from "../brand.js";
import type { ClientKey } from "../ledger/model.js";
import type { Instant } from "../recurrence/instant.js";
import type { IanaZone } from "../recurrence/zone.js";
import type { StatementKind, StatementPeriod } from "../statement/model.js";

/** "client|kind|from..to": the idempotency key of a scheduled send. */
export type SendKey = Brand<string, "SendKey">;

/**
 * planned (computed, not yet handed to a mailbox) → scheduled (the mailbox holds it) → sent | failed | cancelled;
 * late: its time has passed and it is still waiting (a host may then send or cancel it).
 * sending: a host that sends itself (Gmail) recorded that it is handing the message over, before doing so;
 * uncertain: found still "sending" after a crash or a lost reply — it may have been sent, so it is never resent
 * blindly: the user checks Sent and says "sent" or "send again".
 */
export type SendStatus = "planned" | "scheduled" | "sending" | "uncertain" | "sent" | "cancelled" | "failed" | "late";

export const TERMINAL_STATUSES: readonly SendStatus[] = ["sent", "cancelled", "failed"];

export interface SendHistoryEntry {
  readonly status: SendStatus;
  readonly at: Instant;
  /** Why: "cancelled by the user", the mailbox's error, "may have been sent — check Sent"… */
  readonly note?: string;
}

export interface ScheduledSend {
  readonly key: SendKey;
  readonly clientKey: ClientKey;
  readonly clientName: string;
  readonly kind: StatementKind;
  /** The statement period it carries ("this month's statement"). */
  readonly period: StatementPeriod;
  /** The statement's figures are as of this civil date. */
  readonly asOf: StatementPeriod["to"];
  readonly recipients: readonly string[];
  readonly sendAt: Instant;
  /** The zone the send time is shown in. */
  readonly zone: IanaZone;
  readonly status: SendStatus;
  /** Oldest first; the last entry's status is `status`. */
  readonly history: readonly SendHistoryEntry[];
  /** Host-side identifier once scheduled (a Graph message id, a Gmail job id). */
  readonly hostId?: string;
}

/**
 * @example sendKey(client, "outstanding", { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") })
 * // "email:compta@atelier.example|outstanding|2026-11-01..2026-11-30"
 */
export function sendKey(client: ClientKey, kind: StatementKind, period: StatementPeriod): SendKey {
  return `${client}|${kind}|${period.from}..${period.to}` as SendKey;
}
