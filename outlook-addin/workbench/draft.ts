/**
 * The workbench's compose window state, shared by the page (which draws it) and the Office.js stand-in inside the
 * pane's iframe (which reads and changes it the way Outlook's item API would). Lives on the parent window. Send
 * hands the draft to the local mailbox server (mailbox-server.ts) the way Outlook would: Graph shapes over HTTP.
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

/** What the host profile looks like to the pane (chosen on the workbench toolbar). */
export interface HostProfile {
  /** Highest Mailbox requirement set supported, e.g. "1.13" or "1.8". */
  readonly mailbox: string;
  /** Office.context.diagnostics.platform: "OfficeOnline", "PC" (classic Windows)… */
  readonly platform: string;
  readonly displayLanguage: string;
  readonly timeZone: string;
  /** How Graph sign-in behaves: a token from the local mailbox server, refused, or not offered (NestedAppAuth). */
  readonly signin: "ok" | "refused" | "unavailable";
  /** The pane opened from a draft (compose) or from a message being read (the read-mode button). */
  readonly mode: "compose" | "read";
}

export interface Workbench {
  readonly draft: Draft;
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
