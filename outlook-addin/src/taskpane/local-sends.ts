/**
 * The sends this pane prepared itself, kept in roamingSettings: what "Scheduled sends" can still show when Graph is
 * out of reach (no sign-in, Outlook.com, an old Outlook). The pane knows it set the time, not that the user then
 * pressed Send, and the list says so. Small on purpose: roamingSettings holds 32 KB for everything.
 */
import type { SendKey } from "../../../shared/src/schedule/model.js";
import type { StatementPeriod } from "../../../shared/src/statement/model.js";

export interface LocalSend {
  readonly key: SendKey;
  readonly clientName: string;
  readonly period: StatementPeriod;
  /** Epoch ms of the deferred send time Outlook read back. */
  readonly sendAtMs: number;
  readonly to: readonly string[];
  readonly subject: string;
  readonly attachmentName: string;
}

export interface LocalSends {
  readonly version: 1;
  readonly sends: readonly LocalSend[];
}

export const LOCAL_SENDS_KEY = "releve.sends";
/** A month of history after the send time is enough to answer "did it go?"; older entries are dropped. */
export const KEEP_AFTER_SEND_MS = 35 * 24 * 3600 * 1000;
export const MAX_LOCAL_SENDS = 40;

function isText(value: unknown): value is string {
  return typeof value === "string";
}

function readSend(value: unknown): LocalSend | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const period = v.period as Record<string, unknown> | undefined;
  if (
    !isText(v.key) ||
    !isText(v.clientName) ||
    typeof v.sendAtMs !== "number" ||
    !Number.isFinite(v.sendAtMs) ||
    !Array.isArray(v.to) ||
    !v.to.every(isText) ||
    !isText(v.subject) ||
    !isText(v.attachmentName) ||
    typeof period !== "object" ||
    !isText(period.from) ||
    !isText(period.to)
  ) {
    return undefined;
  }
  return value as LocalSend;
}

/** Checks what roamingSettings held; entries that do not read are dropped, not fatal. */
export function readLocalSends(value: unknown): LocalSends | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const sends = (value as { sends?: unknown }).sends;
  if (!Array.isArray(sends)) return undefined;
  return { version: 1, sends: sends.map(readSend).filter((s): s is LocalSend => s !== undefined) };
}

/** Adds (or replaces, same statement key) a send, drops old ones, keeps the newest MAX_LOCAL_SENDS, by time. */
export function recordLocalSend(current: LocalSends | undefined, send: LocalSend, nowMs: number): LocalSends {
  const kept = (current?.sends ?? []).filter((s) => s.key !== send.key && s.sendAtMs >= nowMs - KEEP_AFTER_SEND_MS);
  const sends = [...kept, send].sort((a, b) => a.sendAtMs - b.sendAtMs).slice(-MAX_LOCAL_SENDS);
  return { version: 1, sends };
}
