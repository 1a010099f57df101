/** Reads back what the sandbox's Gmail API received: headers, the text part and the PDF attachment. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ParsedMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachmentName: string;
  readonly pdf: Buffer;
}

function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_whole, data: string) =>
    Buffer.from(data, "base64").toString("utf8"),
  );
}

function parts(body: string, boundary: string): string[] {
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith("--"));
}

function splitPart(part: string): { headers: string; body: string } {
  const at = part.indexOf("\r\n\r\n");
  return { headers: part.slice(0, at), body: part.slice(at + 4) };
}

export function parseMime(raw: string): ParsedMessage {
  const { headers, body } = splitPart(raw.startsWith("\r\n") ? raw.slice(2) : raw);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(headers)?.[1] ?? "";
  const mixed = /boundary="([^"]+)"/.exec(header("Content-Type"))?.[1] ?? "";
  const [alternative = "", attachment = ""] = parts(body, mixed);
  const altBoundary = /boundary="([^"]+)"/.exec(alternative)?.[1] ?? "";
  const textPart = splitPart(parts(alternative, altBoundary)[0] ?? "");
  const pdfPart = splitPart(attachment);
  return {
    to: header("To"),
    subject: decodeHeader(header("Subject")),
    text: Buffer.from(textPart.body.replace(/\s+/g, ""), "base64").toString("utf8"),
    attachmentName: decodeHeader(/filename="([^"]+)"/.exec(pdfPart.headers)?.[1] ?? ""),
    pdf: Buffer.from(pdfPart.body.replace(/\s+/g, ""), "base64"),
  };
}

/** The PDF's text (poppler's pdftotext, installed by npm test), which also proves the file is a valid PDF. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "releve-gmail-"));
  const file = join(dir, "statement.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
