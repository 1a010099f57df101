/**
 * The Scheduled-sends use cases over the Mailbox port. Graph cannot take the deferred time off a message, so every
 * change goes through a plain copy: copy → change the copy → delete the original → schedule the copy. Each step is
 * ordered so that whatever fails halfway, nothing the user scheduled is lost and nothing goes out twice:
 * - before the original is deleted, a failure removes the copy again (the original is untouched);
 * - when the delete's outcome is unknown (no answer), the copy is kept: a spare plain draft never sends itself;
 * - after the delete, a failure to schedule leaves the copy as an ordinary draft, and the error says so.
 * Serialising clicks is the pane's job; each operation still copes with a message that is already gone.
 */
import type { Instant } from "../../../shared/src/recurrence/instant.js";
import { OUR_ATTACHMENT } from "../office/compose.js";
import { MAX_ATTACHMENT_BYTES } from "./client.js";
import { GraphError, type Mailbox, type MailboxMessage, type NewAttachment } from "./mailbox.js";

/** A statement is not refreshed closer to its send time than this: Exchange may already be sending it. */
export const MIN_REFRESH_LEAD_MS = 2 * 60 * 1000;

export interface OperationOptions {
  /** The pane's clock (epoch ms); Date.now by default. */
  readonly now?: () => number;
}

/** A mailbox that can also add an attachment (GraphMailbox can): refreshStatement uses it when the PDF is missing. */
export interface AttachmentAdder {
  addAttachment(draftId: string, attachment: NewAttachment): Promise<MailboxMessage>;
}

/**
 * The original was deleted but the copy could not be scheduled (or sent): it is kept in Drafts as an ordinary
 * draft, not scheduled. `problem` is the failure's. When `mayHaveGoneThrough`, the last call got no answer and may
 * have worked after all: list again to see.
 */
export class KeptAsDraftError extends GraphError {
  readonly mayHaveGoneThrough: boolean;

  constructor(
    /** The plain draft that holds the message now. */
    readonly draft: MailboxMessage,
    /** The time it was meant for (undefined for "send now"). */
    readonly intendedAt: Instant | undefined,
    cause: GraphError,
  ) {
    super(cause.problem);
    this.name = "KeptAsDraftError";
    this.mayHaveGoneThrough = !isDefinitive(cause);
    this.message = `kept as an ordinary draft, not scheduled (${cause.message})`;
  }
}

/**
 * Deleting the original got no definite answer, so the plain copy was kept: nothing is lost, but the original may
 * still be scheduled beside it. List again before doing anything else.
 */
export class UnconfirmedDeleteError extends GraphError {
  constructor(
    readonly copy: MailboxMessage,
    cause: GraphError,
  ) {
    super(cause.problem);
    this.name = "UnconfirmedDeleteError";
    this.message = `could not confirm the change; a plain copy was kept in Drafts (${cause.message})`;
  }
}

export type RefusalReason = "not-a-draft" | "not-scheduled" | "in-past" | "too-soon" | "no-statement-attachment";

/** Refused before anything was touched. */
export class OperationRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "OperationRefusedError";
  }
}

/**
 * True when Graph answered and the call certainly did nothing (refused, throttled, not found…): undoing our own
 * earlier step is then safe. No answer (offline), a 5xx or an unknown exception may hide a call that worked.
 */
function isDefinitive(error: unknown): boolean {
  if (!(error instanceof GraphError)) return false;
  const problem = error.problem;
  if (problem.kind === "server") return problem.status >= 400 && problem.status < 500;
  return problem.kind !== "offline";
}

function asGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphError({ kind: "server", status: 0, code: "Error", message });
}

function gone(message: MailboxMessage): GraphError {
  return new GraphError({
    kind: "not-found",
    what: `the scheduled message "${message.subject}" (already sent, cancelled or deleted)`,
  });
}

const isNotFound = (error: unknown): boolean => error instanceof GraphError && error.problem.kind === "not-found";

function requireDraft(message: MailboxMessage): void {
  if (message.folder !== "drafts") {
    throw new OperationRefusedError("not-a-draft", `"${message.subject}" is already in Sent Items.`);
  }
}

function requireFuture(at: Instant, now: number): void {
  if (at <= now) throw new OperationRefusedError("in-past", "The new send time has already passed.");
}

async function copyOf(mailbox: Mailbox, message: MailboxMessage): Promise<MailboxMessage> {
  try {
    return await mailbox.copyAsPlainDraft(message.id);
  } catch (error) {
    throw isNotFound(error) ? gone(message) : error;
  }
}

async function discard(mailbox: Mailbox, copy: MailboxMessage): Promise<void> {
  await mailbox.delete(copy.id).catch(() => undefined);
}

/**
 * Deletes the original once its copy exists. On a definite failure the copy is removed again and the original is
 * as it was; when the original is already gone (sent at its time, or removed elsewhere) the copy goes too, so
 * nothing is sent twice; without a definite answer the copy stays.
 */
async function replaceOriginal(mailbox: Mailbox, original: MailboxMessage, copy: MailboxMessage): Promise<void> {
  try {
    await mailbox.delete(original.id);
  } catch (error) {
    if (!isDefinitive(error)) throw new UnconfirmedDeleteError(copy, asGraphError(error));
    await discard(mailbox, copy);
    throw isNotFound(error) ? gone(original) : error;
  }
}

/** Cancels a scheduled send: the message stays in Drafts as a plain draft. Returns what undo needs. */
export async function cancel(
  mailbox: Mailbox,
  message: MailboxMessage,
): Promise<{ readonly draft: MailboxMessage; readonly wasAt: Instant }> {
  requireDraft(message);
  const wasAt = message.deferredUntil;
  if (wasAt === undefined) throw new OperationRefusedError("not-scheduled", `"${message.subject}" is not scheduled.`);
  const draft = await copyOf(mailbox, message);
  await replaceOriginal(mailbox, message, draft);
  return { draft, wasAt };
}

/** Schedules the plain draft a cancel left, at the time it had. */
export async function undoCancel(mailbox: Mailbox, draftId: string, at: Instant): Promise<void> {
  await mailbox.scheduleDraft(draftId, at);
}

/** Moves a scheduled send to `at`. Returns the message as it now stands (a new id). */
export async function reschedule(
  mailbox: Mailbox,
  message: MailboxMessage,
  at: Instant,
  options: OperationOptions = {},
): Promise<MailboxMessage> {
  requireDraft(message);
  requireFuture(at, (options.now ?? Date.now)());
  const copy = await copyOf(mailbox, message);
  await replaceOriginal(mailbox, message, copy);
  await scheduleCopy(mailbox, copy, at);
  return { ...copy, deferredUntil: at };
}

async function scheduleCopy(mailbox: Mailbox, copy: MailboxMessage, at: Instant): Promise<void> {
  try {
    await mailbox.scheduleDraft(copy.id, at);
  } catch (error) {
    throw new KeptAsDraftError(copy, at, asGraphError(error));
  }
}

/**
 * Puts a new statement PDF in place of the old one (by our naming; added when there is none), same send time.
 * Refused, with nothing touched, when the send is less than MIN_REFRESH_LEAD_MS away.
 */
export async function refreshStatement(
  mailbox: Mailbox & Partial<AttachmentAdder>,
  message: MailboxMessage,
  newPdf: NewAttachment,
  options: OperationOptions = {},
): Promise<MailboxMessage> {
  requireDraft(message);
  const at = message.deferredUntil;
  if (at === undefined) throw new OperationRefusedError("not-scheduled", `"${message.subject}" is not scheduled.`);
  const leadMs = at - (options.now ?? Date.now)();
  if (leadMs < MIN_REFRESH_LEAD_MS) {
    throw new OperationRefusedError(
      leadMs <= 0 ? "in-past" : "too-soon",
      leadMs <= 0
        ? "Its send time has passed: it is no longer refreshed."
        : "It goes out in less than 2 minutes: too late to change its statement.",
    );
  }
  if (newPdf.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new GraphError({ kind: "too-large", what: `statement "${newPdf.name}" (over 3 MB)` });
  }
  const add = mailbox.addAttachment?.bind(mailbox);
  if (!message.attachments.some((a) => OUR_ATTACHMENT.test(a.name)) && add === undefined) {
    throw new OperationRefusedError("no-statement-attachment", `"${message.subject}" has no statement PDF to replace.`);
  }
  const copy = await copyOf(mailbox, message);
  let refreshed: MailboxMessage;
  try {
    const old = copy.attachments.find((a) => OUR_ATTACHMENT.test(a.name));
    if (old !== undefined) refreshed = await mailbox.replaceAttachment(copy.id, old.id, newPdf);
    else if (add !== undefined) refreshed = await add(copy.id, newPdf);
    else throw new OperationRefusedError("no-statement-attachment", "The copy has no statement PDF to replace.");
  } catch (error) {
    // The original is untouched: drop the half-made copy.
    await discard(mailbox, copy);
    throw error;
  }
  await replaceOriginal(mailbox, message, refreshed);
  await scheduleCopy(mailbox, refreshed, at);
  return { ...refreshed, deferredUntil: at };
}

/**
 * Sends now. A late message (its time passed, Exchange did not send it: office-js #4847) is simply submitted
 * again; one still waiting would stay waiting on `/send`, so it goes through a plain copy sent at once.
 */
export async function sendNow(
  mailbox: Mailbox,
  message: MailboxMessage,
  options: OperationOptions = {},
): Promise<void> {
  requireDraft(message);
  const at = message.deferredUntil;
  if (at === undefined || at <= (options.now ?? Date.now)()) {
    try {
      await mailbox.sendNow(message.id);
    } catch (error) {
      throw isNotFound(error) ? gone(message) : error;
    }
    return;
  }
  const copy = await copyOf(mailbox, message);
  await replaceOriginal(mailbox, message, copy);
  try {
    await mailbox.sendNow(copy.id);
  } catch (error) {
    throw new KeptAsDraftError(copy, undefined, asGraphError(error));
  }
}
