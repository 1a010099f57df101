/**
 * The Outlook draft as the core's ComposeTarget: recipients, our one PDF attachment, subject and body, and the
 * deferred send time (Mailbox 1.13, read back after setting because another add-in or the host can lose it).
 */
import type { OutgoingMessage, ComposeTarget } from "../../../shared/src/ports.js";
import { instantFromEpochMilliseconds, type Instant } from "../../../shared/src/recurrence/instant.js";
import { base64Length, bytesToBase64 } from "../base64.js";
import { OfficeError, officeCall, officeDone } from "./async.js";

/** office.js refuses a longer base64 string (about 25 MB of file); checked before the call. */
export const MAX_BASE64_CHARS = 27_892_122;
export const MAX_ATTACHMENT_NAME = 255;
/** Our attachments are recognised by name, so a second run (even in a new session) replaces the first. */
export const OUR_ATTACHMENT = /^(Releve|Statement)-.*\.pdf$/i;
/** The block we put at the top of the body; re-running replaces it and keeps what the user wrote. */
export const BODY_MARKER = "releve-statement";

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ComposeCapabilities {
  /** Mailbox 1.13: delayDeliveryTime. */
  readonly canDefer: boolean;
  /** Classic Outlook on Windows: a deferred message sits in Sent Items and cannot be cancelled there. */
  readonly deferredIsFinal: boolean;
}

/** The slice of Office.context the compose adapter reads. */
export interface ComposeHost {
  readonly item: Office.MessageCompose;
  readonly requirements: RequirementChecker;
  /** Office.context.diagnostics.platform ("PC", "OfficeOnline", "Mac", "Universal"…), when known. */
  readonly platform?: string;
  /** Office.context.diagnostics.version, e.g. "16.0.17928.20114"; new Outlook on Windows reports no build here. */
  readonly version?: string;
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Removes our earlier block (Outlook may rename the id to x_releve-statement) and puts the new one first. */
export function mergeBody(existing: string, ours: string): string {
  const earlier = new RegExp(
    `<div[^>]*id="(?:x_)?${BODY_MARKER}"[^>]*>[\\s\\S]*?<!--/${BODY_MARKER}-->\\s*</div>`,
    "i",
  );
  const earlierPlain = new RegExp(`<div[^>]*id="(?:x_)?${BODY_MARKER}"[^>]*>[\\s\\S]*?</div>`, "i");
  const kept = earlier.test(existing) ? existing.replace(earlier, "") : existing.replace(earlierPlain, "");
  return `<div id="${escapeAttribute(BODY_MARKER)}">${ours}<!--/${BODY_MARKER}--></div>${kept}`;
}

export class OutlookCompose implements ComposeTarget {
  /** Attachment ids we added in this session (removeAttachmentAsync only accepts ids of this session). */
  private readonly added = new Set<string>();

  constructor(private readonly host: ComposeHost) {}

  capabilities(): ComposeCapabilities {
    const classicWindows = this.host.platform === "PC";
    return { canDefer: this.host.requirements.isSetSupported("Mailbox", "1.13"), deferredIsFinal: classicWindows };
  }

  async recipients(): Promise<readonly string[]> {
    const item = this.host.item;
    const [to, cc] = await Promise.all([
      officeCall<Office.EmailAddressDetails[]>("to.getAsync", (done) => {
        item.to.getAsync(done);
      }),
      officeCall<Office.EmailAddressDetails[]>("cc.getAsync", (done) => {
        item.cc.getAsync(done);
      }),
    ]);
    return [...to, ...cc].map((r) => r.emailAddress.trim().toLowerCase()).filter((address) => address.length > 0);
  }

  async attach(attachment: OutgoingMessage["attachment"]): Promise<void> {
    const length = base64Length(attachment.bytes.length);
    if (length > MAX_BASE64_CHARS) {
      throw new OfficeError(
        "PdfTooLarge",
        `the PDF is ${String(attachment.bytes.length)} bytes; Outlook accepts at most about 25 MB (${String(MAX_BASE64_CHARS)} base64 characters)`,
        "addFileAttachmentFromBase64Async",
      );
    }
    if (attachment.name.length > MAX_ATTACHMENT_NAME || !OUR_ATTACHMENT.test(attachment.name)) {
      throw new OfficeError("InvalidAttachmentName", `unexpected attachment name "${attachment.name}"`, "attach");
    }
    const item = this.host.item;
    const existing = await officeCall<Office.AttachmentDetailsCompose[]>("getAttachmentsAsync", (done) => {
      item.getAttachmentsAsync(done);
    });
    for (const earlier of existing) {
      if (this.added.has(earlier.id) || OUR_ATTACHMENT.test(earlier.name)) {
        await officeDone("removeAttachmentAsync", (done) => {
          item.removeAttachmentAsync(earlier.id, done);
        });
        this.added.delete(earlier.id);
      }
    }
    const id = await officeCall<string>("addFileAttachmentFromBase64Async", (done) => {
      item.addFileAttachmentFromBase64Async(
        bytesToBase64(attachment.bytes),
        attachment.name,
        { isInline: false },
        done,
      );
    });
    this.added.add(id);
  }

  async fill(subject: string, html: string): Promise<void> {
    const item = this.host.item;
    await officeDone("subject.setAsync", (done) => {
      item.subject.setAsync(subject, done);
    });
    const existing = await officeCall<string>("body.getAsync", (done) => {
      item.body.getAsync("html", done);
    });
    await officeDone("body.setAsync", (done) => {
      item.body.setAsync(mergeBody(existing, html), { coercionType: "html" }, done);
    });
  }

  /**
   * Marks the message as one of our statements with an internet header (Mailbox 1.8). Exchange keeps it as a named
   * property Graph can read, so "Scheduled sends" knows the client and period of a waiting message.
   */
  async tag(name: string, value: string): Promise<void> {
    const item = this.host.item;
    await officeDone("internetHeaders.setAsync", (done) => {
      item.internetHeaders.setAsync({ [name]: value }, done);
    });
  }

  /** Sets the deferred time and reads it back; undefined when the host cannot defer (Mailbox 1.13 missing). */
  async deferUntil(at: Instant): Promise<Instant | undefined> {
    if (!this.capabilities().canDefer) return undefined;
    const item = this.host.item;
    await officeDone("delayDeliveryTime.setAsync", (done) => {
      item.delayDeliveryTime.setAsync(new Date(at), done);
    });
    const back = await officeCall<Date | 0>("delayDeliveryTime.getAsync", (done) => {
      item.delayDeliveryTime.getAsync(done);
    });
    const millis = back === 0 ? 0 : new Date(back).getTime();
    if (millis === 0 || Number.isNaN(millis)) {
      throw new OfficeError(
        "DeferredTimeLost",
        "Outlook accepted the send time but reads back none: the message is not scheduled",
        "delayDeliveryTime.getAsync",
      );
    }
    return instantFromEpochMilliseconds(millis);
  }
}
