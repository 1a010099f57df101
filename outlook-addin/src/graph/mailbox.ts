/**
 * The pane's view of the user's mailbox for "Scheduled sends": what the Graph client gives the views. Office.js
 * cannot list mailbox items, so this is the Graph side (client.ts implements it; the local mailbox server under
 * workbench/ speaks the same Graph shapes over HTTP for the workbench and the tests).
 */
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { Instant } from "../../../shared/src/recurrence/instant.js";
import type { SendKey } from "../../../shared/src/schedule/model.js";
import type { StatementPeriod } from "../../../shared/src/statement/model.js";

/** PidTagDeferredSendTime: the send time Outlook's "send later" sets (value: ISO UTC). */
export const DEFERRED_SEND_PROPERTY = "SystemTime 0x3FEF";

/**
 * Our tag on a statement email. The compose pane sets it as an internet header (Office.js `internetHeaders`,
 * Mailbox 1.8); Exchange stores custom headers as named properties in the PS_INTERNET_HEADERS set, which Graph reads
 * back as this single-value extended property — so the list knows which waiting messages are ours.
 */
export const STATEMENT_HEADER = "x-releve-statement";
export const STATEMENT_TAG_PROPERTY = `String {00020386-0000-0000-C000-000000000046} Name ${STATEMENT_HEADER}`;

/** What the tag carries: enough to say "Librairie Les Mots Bleus, November 2026" and to rebuild the statement. */
export interface StatementTag {
  readonly key: SendKey;
  readonly client: ClientKey;
  readonly clientName: string;
  readonly period: StatementPeriod;
}

export interface MailboxAttachment {
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly contentType: string;
}

export interface MailboxMessage {
  readonly id: string;
  readonly folder: "drafts" | "sentitems";
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** The deferred send time (0x3FEF); undefined for a plain draft. */
  readonly deferredUntil?: Instant;
  /** When it was sent (Sent Items only). */
  readonly sentAt?: Instant;
  readonly attachments: readonly MailboxAttachment[];
  /** Present when the message is one of our statements. */
  readonly tag?: StatementTag;
}

/** Every way a Graph call can fail that the pane shows as its own state. */
export type GraphProblem =
  | { readonly kind: "signin-unavailable"; readonly reason: string }
  | { readonly kind: "signin-refused"; readonly reason: string }
  | { readonly kind: "throttled"; readonly retryAfterSeconds: number }
  | { readonly kind: "offline"; readonly reason: string }
  | { readonly kind: "not-found"; readonly what: string }
  | { readonly kind: "too-large"; readonly what: string }
  | { readonly kind: "server"; readonly status: number; readonly code: string; readonly message: string };

export class GraphError extends Error {
  constructor(readonly problem: GraphProblem) {
    super(describeProblem(problem));
    this.name = "GraphError";
  }
}

/**
 * A GraphError, also one made by another bundle: the workbench's Office stand-in is its own chunk with its own copy
 * of this class, so `instanceof` alone would miss the token errors it throws.
 */
export function isGraphError(error: unknown): error is GraphError {
  if (error instanceof GraphError) return true;
  if (!(error instanceof Error) || error.name !== "GraphError") return false;
  const problem = (error as { problem?: unknown }).problem;
  return typeof problem === "object" && problem !== null && typeof (problem as { kind?: unknown }).kind === "string";
}

function describeProblem(problem: GraphProblem): string {
  switch (problem.kind) {
    case "signin-unavailable":
    case "signin-refused":
    case "offline":
      return `${problem.kind}: ${problem.reason}`;
    case "throttled":
      return `throttled: retry after ${String(problem.retryAfterSeconds)} s`;
    case "not-found":
    case "too-large":
      return `${problem.kind}: ${problem.what}`;
    case "server":
      return `Graph ${String(problem.status)} ${problem.code}: ${problem.message}`;
  }
}

/** Where a bearer token comes from: Nested App Authentication in Outlook, the local server in the workbench. */
export interface TokenSource {
  /** Throws GraphError(signin-unavailable | signin-refused). forceRefresh: the last token was refused (401). */
  token(options?: { readonly forceRefresh?: boolean }): Promise<string>;
}

export interface NewAttachment {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/** The Graph calls the pane makes; each throws GraphError. */
export interface Mailbox {
  /** Drafts carrying a deferred send time (future or past: the view flags past ones late), every page, by time. */
  listScheduled(): Promise<readonly MailboxMessage[]>;
  /** Our statements in Sent Items sent at or after `since`, newest first. */
  listSentStatements(since: Instant): Promise<readonly MailboxMessage[]>;
  /** A plain draft (no deferred time) with the same recipients, subject, body, tag and attachments. */
  copyAsPlainDraft(id: string): Promise<MailboxMessage>;
  /** Replaces the attachment `attachmentId` of a plain draft with `replacement`. */
  replaceAttachment(draftId: string, attachmentId: string, replacement: NewAttachment): Promise<MailboxMessage>;
  /** Sets the deferred send time on a plain draft, then submits it (`/send`): it waits in Drafts until then. */
  scheduleDraft(draftId: string, at: Instant): Promise<void>;
  /** Submits a draft now (a late one, office-js #4847). */
  sendNow(id: string): Promise<void>;
  delete(id: string): Promise<void>;
}
