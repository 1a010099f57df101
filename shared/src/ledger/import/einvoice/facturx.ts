/**
 * Factur-X / ZUGFeRD: pulls the embedded invoice XML out of a PDF with pdfjs-dist (legacy build, loaded only when a
 * PDF arrives). Corrupt, truncated, encrypted or XML-less PDFs become problems; the document is always destroyed.
 */
import { problem, type Problem } from "../../../problem.js";

/** Largest PDF accepted. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** pdfjs is given this long before the file is declared unreadable (a hostile PDF must not hang an import). */
const PDF_TIMEOUT_MS = 20_000;

/** Embedded file names that carry the invoice, in order of preference (compared case-insensitively). */
export const EMBEDDED_XML_NAMES = ["factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"] as const;

// shared/ compiles without host typings; timers exist in every host we run in (Node, browsers, Apps Script V8).
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

export type EmbeddedXml =
  | { readonly ok: true; readonly name: string; readonly xml: Uint8Array }
  | { readonly ok: false; readonly problems: readonly Problem[] };

interface Attachment {
  readonly filename?: unknown;
  readonly content?: unknown;
}

/** `%PDF-` within the first 1024 bytes, where readers (and pdfjs) look for the header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Returns the embedded Factur-X/ZUGFeRD/XRechnung XML of a PDF, never throwing.
 * @example
 * const embedded = await extractEmbeddedXml("Facture.pdf", pdfBytes);
 * if (embedded.ok) embedded.name; // "factur-x.xml"
 */
export async function extractEmbeddedXml(file: string, bytes: Uint8Array): Promise<EmbeddedXml> {
  const fail = (code: string, message: string): EmbeddedXml => ({
    ok: false,
    problems: [problem("error", code, message, { file })],
  });
  if (bytes.length > MAX_PDF_BYTES) {
    return fail("pdf.too-large", `the PDF is over ${MAX_PDF_BYTES / 1024 / 1024} MB and is refused`);
  }
  let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    return fail("pdf.unavailable", `the PDF reader could not be loaded (${describe(error)})`);
  }
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy, never the caller's bytes.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  });
  let timer: unknown;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      resolve("timeout");
    }, PDF_TIMEOUT_MS);
  });
  try {
    const work = task.promise.then(async (document) => (await document.getAttachments()) as unknown);
    // If the timeout wins, the abandoned work still settles (destroy rejects it): keep that from going unhandled.
    work.catch(() => undefined);
    const attachments = await Promise.race([work, timeout]);
    if (attachments === "timeout") {
      return fail("pdf.timeout", `the PDF could not be read within ${PDF_TIMEOUT_MS / 1000} s`);
    }
    return pickInvoiceXml(file, attachments);
  } catch (error) {
    return failure(file, error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

function pickInvoiceXml(file: string, attachments: unknown): EmbeddedXml {
  const found: { name: string; content: Uint8Array }[] = [];
  if (typeof attachments === "object" && attachments !== null) {
    for (const [key, value] of Object.entries(attachments as Record<string, Attachment>)) {
      const name = typeof value.filename === "string" && value.filename !== "" ? value.filename : key;
      if (value.content instanceof Uint8Array) found.push({ name, content: value.content });
    }
  }
  for (const wanted of EMBEDDED_XML_NAMES) {
    const hit = found.find((a) => a.name.toLowerCase() === wanted);
    if (hit !== undefined) return { ok: true, name: hit.name, xml: hit.content };
  }
  const names = found.map((a) => `"${a.name}"`).join(", ");
  return {
    ok: false,
    problems: [
      problem(
        "error",
        "facturx.no-xml",
        found.length === 0
          ? "the PDF has no embedded files, so it is not a Factur-X/ZUGFeRD e-invoice (a plain PDF invoice cannot be read)"
          : `the PDF embeds ${names} but no ${EMBEDDED_XML_NAMES.join(" / ")}, so it is not a Factur-X/ZUGFeRD e-invoice`,
        { file },
      ),
    ],
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(file: string, error: unknown): EmbeddedXml {
  const name = error instanceof Error ? error.name : "";
  const [code, message] =
    name === "PasswordException"
      ? ["pdf.encrypted", "the PDF is password-protected; ask the sender for an unprotected copy"]
      : name === "InvalidPDFException"
        ? ["pdf.corrupt", `the PDF is damaged or truncated (${describe(error)})`]
        : ["pdf.unreadable", `the PDF could not be read (${describe(error)})`];
  return { ok: false, problems: [problem("error", code, message, { file })] };
}
