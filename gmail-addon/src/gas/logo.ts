/**
 * The company logo: fetched once when the settings are saved (UrlFetchApp, scope script.external_request — no Drive
 * scope: a Drive file must be shared as "Anyone with the link"; any other address must be in appsscript.json's
 * urlFetchWhitelist), checked, and kept in UserProperties as base64
 * chunks under a version ("logo:<version>:<i>"), so a send never depends on the address still answering.
 */
import { readLogo } from "../../../shared/src/image.js";
import type { LogoImage } from "../../../shared/src/profile.js";
import { signedBytes } from "./gmail-send.js";

export const LOGO_PREFIX = "logo:";
/** Kept in the user's 500 KB store next to the jobs: a header logo is rarely over 30 KB. */
export const MAX_LOGO_BYTES = 32 * 1024;
/** Base64 characters per property: with its key, well under the 9 KB per value. */
const CHUNK_CHARS = 8000;

export interface StoredLogo {
  /** What the user typed (URL, Drive link or id): unchanged on the next save → not fetched again. */
  readonly source: string;
  readonly version: string;
  readonly chunks: number;
  readonly format: LogoImage["format"];
  readonly widthPx: number;
  readonly heightPx: number;
}

export type LogoFetch =
  | { readonly ok: true; readonly logo: StoredLogo; readonly entries: Record<string, string> }
  | { readonly ok: false; readonly message: string };

/** The file id of a Drive link ("…/file/d/<id>/view", "…?id=<id>") or a bare id; undefined for other URLs. */
export function driveFileId(source: string): string | undefined {
  if (/^[A-Za-z0-9_-]{20,}$/.test(source)) return source;
  if (!/^https:\/\/(drive|docs)\.google\.com\//i.test(source)) return undefined;
  return /\/d\/([A-Za-z0-9_-]{10,})/.exec(source)?.[1] ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(source)?.[1];
}

/** Fetches and checks the logo; the message names the Logo field and says what to do. */
export function fetchLogo(source: string, version: string): LogoFetch {
  const id = driveFileId(source);
  // Drive's public download address needs no OAuth scope; a private file answers with a sign-in page instead.
  const url = id !== undefined ? `https://drive.google.com/uc?export=download&id=${encodeURIComponent(id)}` : source;
  const shared =
    id !== undefined ? ' Share the Drive file as "Anyone with the link" (the add-on has no Drive access).' : "";
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, { muteHttpExceptions: true, followRedirects: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Apps Script fetches only what appsscript.json's urlFetchWhitelist lists (Drive's download addresses are there).
    const allow =
      id === undefined
        ? " An address outside Google Drive must be listed in appsscript.json's urlFetchWhitelist (then deploy again)."
        : "";
    return { ok: false, message: `Logo: cannot fetch ${url} (${reason}).${allow}` };
  }
  const code = response.getResponseCode();
  if (code !== 200) return { ok: false, message: `Logo: ${url} answered HTTP ${String(code)}.${shared}` };
  const bytes = Uint8Array.from(response.getContent(), (byte) => byte & 0xff);
  if (bytes.length > MAX_LOGO_BYTES)
    return {
      ok: false,
      message: `Logo: ${String(Math.ceil(bytes.length / 1024))} KB is over ${String(MAX_LOGO_BYTES / 1024)} KB (it is kept in your Apps Script storage): use a smaller image.`,
    };
  const read = readLogo(bytes);
  if (!read.ok) return { ok: false, message: `Logo: ${read.message}.${shared}` };
  const problem = unsupported(read.image);
  if (problem !== undefined) return { ok: false, message: `Logo: ${problem}` };
  const base64 = Utilities.base64Encode(signedBytes(bytes));
  const entries: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < base64.length; at += CHUNK_CHARS)
    entries[`${LOGO_PREFIX}${version}:${String(chunks++)}`] = base64.slice(at, at + CHUNK_CHARS);
  const { format, widthPx, heightPx } = read.image;
  return { ok: true, logo: { source, version, chunks, format, widthPx, heightPx }, entries };
}

/** What the PDF engine of this bundle cannot draw, said before the logo is kept. */
function unsupported(image: LogoImage): string | undefined {
  // IHDR's interlace byte: the bundle's PNG decoder (stubs/png-decode.ts) reads non-interlaced images only.
  if (image.format === "PNG" && image.bytes[28] !== 0)
    return "interlaced PNG images are not supported: save the logo without interlacing (or as JPEG).";
  return undefined;
}

/** The kept logo, for the PDF; undefined when a chunk is missing (the statement then goes without it). */
export function loadLogo(properties: GoogleAppsScript.Properties.Properties, logo: StoredLogo): LogoImage | undefined {
  let base64 = "";
  for (let i = 0; i < logo.chunks; i++) {
    const chunk = properties.getProperty(`${LOGO_PREFIX}${logo.version}:${String(i)}`);
    if (chunk === null) return undefined;
    base64 += chunk;
  }
  const bytes = Uint8Array.from(Utilities.base64Decode(base64), (byte) => byte & 0xff);
  return { format: logo.format, bytes, widthPx: logo.widthPx, heightPx: logo.heightPx };
}
