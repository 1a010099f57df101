/**
 * The host capabilities the core's use cases need, as small interfaces each host implements once (the Office
 * JavaScript API and Graph in the Outlook add-in, Apps Script services in the Gmail add-on, Node in the CLI).
 * Promise-based: hosts wrap their callback APIs in their adapters, so business code never sees an AsyncResult or a
 * card action object.
 */
import type { InputFile } from "./ledger/import/index.js";
import type { Instant } from "./recurrence/instant.js";
import type { IanaZone } from "./recurrence/zone.js";
import type { ScheduledSend, SendKey } from "./schedule/model.js";

/** The only way the core learns the time: hosts pass a real clock, tests a fake one. */
export interface Clock {
  now(): Instant;
  /** The user's IANA zone (Office's or Apps Script's, never the machine's guess when the host knows better). */
  zone(): IanaZone;
}

/** Where the ledger comes from: files picked in the pane, a Google Sheet exported as CSV, `--ledger` paths. */
export interface LedgerSource {
  files(): Promise<readonly InputFile[]>;
}

/** Small JSON settings (profile, rules, templates) stored by the host: roamingSettings, UserProperties, a file. */
export interface SettingsStore<T> {
  load(): Promise<T | undefined>;
  save(value: T): Promise<void>;
}

/** An email ready to go: what the statement use case hands the host. */
export interface OutgoingMessage {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachment: { readonly name: string; readonly bytes: Uint8Array; readonly mimeType: "application/pdf" };
}

/** The compose window the user is writing in (Outlook's draft; Gmail's has no attach API — see HOSTS.md). */
export interface ComposeTarget {
  recipients(): Promise<readonly string[]>;
  /** Replaces our earlier attachment of the same name instead of adding a second. */
  attach(attachment: OutgoingMessage["attachment"]): Promise<void>;
  fill(subject: string, html: string): Promise<void>;
  /** Sets the deferred send time and returns the time the host reports back (undefined where it cannot defer). */
  deferUntil(at: Instant): Promise<Instant | undefined>;
}

/** What is waiting to be sent, as the host's mailbox knows it, with one-click cancel. */
export interface Scheduler {
  list(): Promise<readonly ScheduledSend[]>;
  schedule(send: ScheduledSend, message: OutgoingMessage): Promise<ScheduledSend>;
  cancel(key: SendKey): Promise<ScheduledSend>;
}
