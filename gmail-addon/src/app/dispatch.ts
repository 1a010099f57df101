/**
 * The dispatcher: sends every due job once, through the shared state machine. A job is recorded "sending" before
 * the message is handed to Gmail and "sent" after, so a run that dies in between leaves it "sending"; the next run
 * marks it "uncertain" ("may have been sent — check Sent") instead of sending it again.
 */
import type { OutgoingMessage } from "../../../shared/src/ports.js";
import type { Instant } from "../../../shared/src/recurrence/instant.js";
import type { ScheduledSend } from "../../../shared/src/schedule/model.js";
import { markLate, transition, type SendEvent } from "../../../shared/src/schedule/state.js";
import type { SendOutcome } from "../gas/gmail-send.js";

/** Scheduled sends more than this past their time are shown as late (and still sent). */
export const LATE_GRACE_SECONDS = 15 * 60;
/** Stop starting new sends past this, well inside Apps Script's 6-minute trigger limit. */
export const RUN_BUDGET_MS = 4 * 60 * 1000;
export const MAY_HAVE_BEEN_SENT = "may have been sent — check Sent";

export interface DispatchPorts {
  readonly now: () => Instant;
  readonly elapsedMs: () => number;
  readonly list: () => ScheduledSend[];
  readonly put: (send: ScheduledSend) => void;
  /** Builds the message (statement + PDF); throws StatementUnavailable or another Error when it cannot. */
  readonly content: (send: ScheduledSend) => OutgoingMessage;
  readonly send: (message: OutgoingMessage, send: ScheduledSend) => SendOutcome;
  readonly quotaWaitUntil: (recipients: number, now: number) => number | undefined;
  readonly quotaRecord: (recipients: number, now: number) => void;
  readonly quotaBlock: (now: number) => void;
  readonly quotaLimit: number;
  /** After a send is recorded: plans the client's next statement when its schedule recurs. */
  readonly afterSent?: (send: ScheduledSend) => void;
}

export interface DispatchReport {
  readonly sent: number;
  readonly failed: number;
  readonly uncertain: number;
  /** Set when due jobs wait (quota, time budget), in words for the sidebar. */
  readonly notice: string | undefined;
  /** When the next run should happen (earliest waiting job, or the end of the quota wait). */
  readonly next: number | undefined;
}

function apply(ports: DispatchPorts, send: ScheduledSend, event: SendEvent): ScheduledSend {
  const result = transition(send, event, ports.now());
  if (!result.ok) throw new Error(result.reason);
  ports.put(result.send);
  return result.send;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function dispatch(ports: DispatchPorts): DispatchReport {
  let sent = 0;
  let failed = 0;
  let uncertain = 0;
  let notice: string | undefined;
  let quotaFreeAt: number | undefined;
  const start = ports.now();
  // Anything still "sending" was being handed to Gmail by a run that died: never resend it blindly.
  for (const send of ports.list())
    if (send.status === "sending") {
      apply(ports, send, { type: "interrupted", reason: MAY_HAVE_BEEN_SENT });
      uncertain++;
    }
  const jobs = ports.list();
  const marked = markLate(jobs, start, LATE_GRACE_SECONDS);
  marked.forEach((send, index) => {
    if (send !== jobs[index]) ports.put(send);
  });
  const due = marked.filter((send) => (send.status === "scheduled" || send.status === "late") && send.sendAt <= start);
  for (const [index, send] of due.entries()) {
    if (ports.elapsedMs() > RUN_BUDGET_MS) {
      notice = `${due.length - index} due send(s) will go out in the next run (this run's time is up).`;
      break;
    }
    const now = ports.now();
    const wait = ports.quotaWaitUntil(send.recipients.length, now);
    if (wait !== undefined) {
      quotaFreeAt = wait;
      notice =
        `Gmail's daily sending limit (${ports.quotaLimit} recipients a day) is reached: ` +
        `${due.length - index} due send(s) wait and go out when it frees up.`;
      break;
    }
    let message: OutgoingMessage;
    try {
      message = ports.content(send);
    } catch (error) {
      apply(ports, send, { type: "fail", reason: `could not build the statement: ${describeError(error)}` });
      failed++;
      continue;
    }
    const sending = apply(ports, send, { type: "start-sending" });
    const outcome = ports.send(message, sending);
    switch (outcome.kind) {
      case "sent": {
        ports.quotaRecord(send.recipients.length, ports.now());
        const recorded = apply(ports, sending, { type: "sent" });
        sent++;
        try {
          ports.afterSent?.(recorded);
        } catch (error) {
          notice = `The next statement for ${send.clientName} could not be planned: ${describeError(error)}`;
        }
        break;
      }
      case "rejected":
        apply(ports, sending, { type: "fail", reason: `Gmail refused it: ${outcome.reason}` });
        failed++;
        break;
      case "quota":
        ports.quotaBlock(ports.now());
        apply(ports, sending, { type: "reschedule", sendAt: sending.sendAt });
        quotaFreeAt = ports.now() + 24 * 3600 * 1000;
        notice = `Gmail says the daily sending limit is reached (${outcome.reason}): the remaining sends wait a day.`;
        break;
      case "unknown":
        apply(ports, sending, { type: "interrupted", reason: `${MAY_HAVE_BEEN_SENT} (${outcome.reason})` });
        uncertain++;
        break;
    }
    if (outcome.kind === "quota") break;
  }
  const waiting = ports
    .list()
    .filter((send) => send.status === "scheduled" || send.status === "late")
    .map((send) => send.sendAt as number);
  const earliest = waiting.length === 0 ? undefined : Math.min(...waiting);
  const next =
    earliest === undefined ? undefined : quotaFreeAt !== undefined ? Math.max(earliest, quotaFreeAt) : earliest;
  return { sent, failed, uncertain, notice, next };
}
