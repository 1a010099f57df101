/**
 * The one state machine both hosts use for scheduled sends. Pure: it returns the next value or says why a
 * transition is refused, so a cancelled send is never sent and a sent one never sent again, whatever the host does.
 */
import type { Instant } from "../recurrence/instant.js";
import { TERMINAL_STATUSES, type ScheduledSend, type SendKey, type SendStatus } from "./model.js";

export type SendEvent =
  | { readonly type: "schedule"; readonly hostId?: string }
  | { readonly type: "reschedule"; readonly sendAt: Instant }
  | { readonly type: "mark-late" }
  | { readonly type: "start-sending" }
  | { readonly type: "interrupted"; readonly reason: string }
  | { readonly type: "sent" }
  | { readonly type: "fail"; readonly reason: string }
  | { readonly type: "cancel"; readonly reason?: string };

export type TransitionResult =
  { readonly ok: true; readonly send: ScheduledSend } | { readonly ok: false; readonly reason: string };

const ALLOWED: Readonly<Record<SendEvent["type"], readonly SendStatus[]>> = {
  schedule: ["planned"],
  // From "sending" only when the host knows the message did not leave (refused before delivery, quota reached);
  // from "uncertain" when the user has checked Sent and asks for it again.
  reschedule: ["planned", "scheduled", "late", "sending", "uncertain"],
  "mark-late": ["scheduled"],
  "start-sending": ["scheduled", "late"],
  interrupted: ["sending"],
  sent: ["scheduled", "late", "sending", "uncertain"],
  fail: ["planned", "scheduled", "late", "sending"],
  cancel: ["planned", "scheduled", "late", "uncertain"],
};

const TARGET: Readonly<Record<Exclude<SendEvent["type"], "reschedule">, SendStatus>> = {
  schedule: "scheduled",
  "mark-late": "late",
  "start-sending": "sending",
  interrupted: "uncertain",
  sent: "sent",
  fail: "failed",
  cancel: "cancelled",
};

/**
 * Applies one event at `at`.
 * @example transition(send, { type: "cancel" }, now) // { ok: true, send: { ...send, status: "cancelled" } }
 */
export function transition(send: ScheduledSend, event: SendEvent, at: Instant): TransitionResult {
  if (!ALLOWED[event.type].includes(send.status)) {
    const why =
      send.status === "cancelled" && event.type === "sent"
        ? "it was cancelled, so it must not be sent"
        : send.status === "sent"
          ? "it has already been sent"
          : `it is ${send.status}`;
    return { ok: false, reason: `cannot ${event.type.replace("-", " ")} the send for ${send.clientName}: ${why}` };
  }
  if (event.type === "reschedule") {
    const status: SendStatus = send.status === "planned" ? "planned" : "scheduled";
    return {
      ok: true,
      send: { ...send, sendAt: event.sendAt, status, history: [...send.history, { status, at, note: "rescheduled" }] },
    };
  }
  const status = TARGET[event.type];
  const note =
    event.type === "fail" || event.type === "interrupted" || event.type === "cancel" ? event.reason : undefined;
  return {
    ok: true,
    send: {
      ...send,
      status,
      ...(event.type === "schedule" && event.hostId !== undefined ? { hostId: event.hostId } : {}),
      history: [...send.history, note === undefined ? { status, at } : { status, at, note }],
    },
  };
}

export function isTerminal(send: ScheduledSend): boolean {
  return TERMINAL_STATUSES.includes(send.status);
}

/** Scheduled sends whose time has passed by more than `graceSeconds`, now marked late (others unchanged). */
export function markLate(sends: readonly ScheduledSend[], now: Instant, graceSeconds: number): ScheduledSend[] {
  return sends.map((send) => {
    if (send.status !== "scheduled" || send.sendAt + graceSeconds * 1000 > now) return send;
    const result = transition(send, { type: "mark-late" }, now);
    return result.ok ? result.send : send;
  });
}

export type AddResult =
  | { readonly ok: true; readonly sends: readonly ScheduledSend[] }
  | { readonly ok: false; readonly reason: string; readonly existing: ScheduledSend };

/**
 * Adds a send unless one with its key is already planned, waiting or sent; a cancelled or failed one may be
 * planned again (the user asked for it).
 */
export function addSend(sends: readonly ScheduledSend[], send: ScheduledSend): AddResult {
  const existing = sends.find(
    (other) => other.key === send.key && other.status !== "cancelled" && other.status !== "failed",
  );
  if (existing !== undefined) {
    return {
      ok: false,
      reason: `${send.clientName}'s statement for ${send.period.from} – ${send.period.to} is already ${existing.status}`,
      existing,
    };
  }
  return { ok: true, sends: [...sends, send] };
}

export function findByKey(sends: readonly ScheduledSend[], key: SendKey): ScheduledSend | undefined {
  return sends.find((send) => send.key === key);
}
