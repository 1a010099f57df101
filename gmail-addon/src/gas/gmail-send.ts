/**
 * Sends through the Gmail API (users.messages.send with a raw RFC 2822 message, PDF attached) so the message
 * leaves from the user's own account and lands in Sent; needs only the non-restricted gmail.send scope.
 */
import type { OutgoingMessage } from "../../../shared/src/ports.js";

export const GMAIL_SEND_URL = "https://gmail.googleapis.com/gmail/v1/users/me/messages/send";

/** Apps Script bytes are signed (-128..127). */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte << 24) >> 24);
}

function wrap(base64: string): string {
  return base64.replace(/.{1,76}/g, "$&\r\n");
}

function utf8Base64(text: string): string {
  return Utilities.base64Encode(text, Utilities.Charset.UTF_8);
}

/** RFC 2047 encoded-word for headers that may hold non-ASCII (subject, file name). */
function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${utf8Base64(text)}?=`;
}

function headerAddresses(addresses: readonly string[]): string {
  for (const address of addresses)
    if (/[\r\n,<>]/.test(address) || !address.includes("@")) throw new Error(`not an email address: ${address}`);
  return addresses.join(", ");
}

/** The raw message: multipart/mixed (multipart/alternative text + HTML, then the PDF), every part base64. */
export function buildMime(message: OutgoingMessage, boundarySeed: string): string {
  const mixed = `releve-mixed-${boundarySeed}`;
  const alternative = `releve-alt-${boundarySeed}`;
  const name = encodedWord(message.attachment.name);
  const lines = [
    "MIME-Version: 1.0",
    `To: ${headerAddresses(message.to)}`,
    ...(message.cc.length > 0 ? [`Cc: ${headerAddresses(message.cc)}`] : []),
    `Subject: ${encodedWord(message.subject)}`,
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    "",
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    "",
    `--${alternative}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    wrap(utf8Base64(message.text)),
    `--${alternative}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    wrap(utf8Base64(message.html)),
    `--${alternative}--`,
    `--${mixed}`,
    `Content-Type: ${message.attachment.mimeType}; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    wrap(Utilities.base64Encode(signedBytes(message.attachment.bytes))),
    `--${mixed}--`,
    "",
  ];
  return lines.join("\r\n");
}

export type SendOutcome =
  | { readonly kind: "sent"; readonly messageId: string }
  /** Gmail refused before sending (bad address, message too large): it did not leave. */
  | { readonly kind: "rejected"; readonly reason: string }
  /** The daily sending limit: it did not leave; try again later. */
  | { readonly kind: "quota"; readonly reason: string }
  /** No usable answer (network, 5xx): it may have left. */
  | { readonly kind: "unknown"; readonly reason: string };

interface GmailError {
  readonly error?: { readonly message?: string; readonly errors?: readonly { readonly reason?: string }[] };
}

export function sendRaw(mime: string): SendOutcome {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(GMAIL_SEND_URL, {
      method: "post",
      contentType: "application/json",
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      payload: JSON.stringify({ raw: Utilities.base64EncodeWebSafe(mime, Utilities.Charset.UTF_8) }),
      muteHttpExceptions: true,
    });
  } catch (error) {
    return { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
  }
  const code = response.getResponseCode();
  const body = response.getContentText();
  if (code >= 200 && code < 300) {
    const id = (JSON.parse(body) as { id?: string }).id;
    return id === undefined ? { kind: "unknown", reason: "Gmail gave no message id" } : { kind: "sent", messageId: id };
  }
  let detail: GmailError = {};
  try {
    detail = JSON.parse(body) as GmailError;
  } catch {
    // Not JSON: the status code says enough.
  }
  const reason = detail.error?.message ?? `HTTP ${code}`;
  const reasons = detail.error?.errors?.map((e) => e.reason ?? "") ?? [];
  if (code === 429 || reasons.some((r) => /limit|quota/i.test(r)) || /limit exceeded|quota/i.test(reason))
    return { kind: "quota", reason };
  if (code >= 400 && code < 500) return { kind: "rejected", reason };
  return { kind: "unknown", reason };
}
