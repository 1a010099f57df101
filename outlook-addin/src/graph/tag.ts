/**
 * The statement tag's text form. It travels as an internet header value (ASCII, one line), so it is "v1;" followed
 * by the percent-encoded JSON; anything else — an older form, a hand-made header — reads as "not ours".
 */
import type { StatementTag } from "./mailbox.js";

const PREFIX = "v1;";
/** Exchange keeps custom header values far longer, but a statement tag never needs more. */
export const MAX_TAG_CHARS = 900;

/**
 * The header value, or undefined when even a shortened name cannot fit (an absurdly long client key): the message
 * then goes untagged, still listed, just not recognised as ours.
 */
export function encodeStatementTag(tag: StatementTag): string | undefined {
  const encode = (name: string) => PREFIX + encodeURIComponent(JSON.stringify({ ...tag, clientName: name }));
  const full = encode(tag.clientName);
  if (full.length <= MAX_TAG_CHARS) return full;
  // A very long client name: keep what identifies the send, shorten what is only shown — by code points, so an
  // emoji or a CJK character is never cut in half (encodeURIComponent throws on a lone surrogate).
  const characters = Array.from(tag.clientName);
  for (let keep = Math.min(80, characters.length); keep >= 0; keep--) {
    const text = encode(characters.slice(0, keep).join(""));
    if (text.length <= MAX_TAG_CHARS) return text;
  }
  return undefined;
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export function decodeStatementTag(value: unknown): StatementTag | undefined {
  if (typeof value !== "string" || !value.startsWith(PREFIX) || value.length > MAX_TAG_CHARS * 2) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(value.slice(PREFIX.length)));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { key, client, clientName, period } = parsed as Record<string, unknown>;
  if (typeof key !== "string" || typeof client !== "string" || typeof clientName !== "string") return undefined;
  if (typeof period !== "object" || period === null) return undefined;
  const { from, to } = period as Record<string, unknown>;
  if (!isDate(from) || !isDate(to)) return undefined;
  return { key, client, clientName, period: { from, to } } as StatementTag;
}
