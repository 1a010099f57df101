/**
 * The workbench's compose window state, shared by the page (which draws it) and the Office.js stand-in inside the
 * pane's iframe (which reads and changes it the way Outlook's item API would). Lives on the parent window.
 */
export interface DraftAttachment {
  readonly id: string;
  readonly name: string;
  /** The base64 the pane handed over, kept as is so a test can check the bytes. */
  readonly base64: string;
  readonly size: number;
}

export interface Draft {
  to: string[];
  cc: string[];
  subject: string;
  bodyHtml: string;
  attachments: DraftAttachment[];
  /** Internet headers set through item.internetHeaders (our statement tag). */
  headers: Record<string, string>;
  /** Epoch ms, 0 when the send is not deferred (delayDeliveryTime.getAsync returns 0 then). */
  delayDeliveryTime: number;
}

export interface OutboxEntry {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly bodyHtml: string;
  readonly attachments: readonly { readonly name: string; readonly size: number }[];
  /** Epoch ms when it goes; the moment of Send when not deferred. */
  readonly sendAt: number;
  readonly deferred: boolean;
}

/** What the host profile looks like to the pane (chosen on the workbench toolbar). */
export interface HostProfile {
  /** Highest Mailbox requirement set supported, e.g. "1.13" or "1.8". */
  readonly mailbox: string;
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC" (classic Windows)… */
  readonly platform: string;
  readonly displayLanguage: string;
  readonly timeZone: string;
}

export interface Workbench {
  readonly draft: Draft;
  readonly outbox: OutboxEntry[];
  readonly profile: HostProfile;
  /** The page redraws; called by the stand-in after it changed the draft. */
  changed(): void;
  /** The stand-in registers the pane's RecipientsChanged handler here. */
  onRecipientsChanged(listener: (() => void) | undefined): void;
}

declare global {
  interface Window {
    releveWorkbench?: Workbench;
  }
}
