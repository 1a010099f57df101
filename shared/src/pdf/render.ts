/** renderStatementPdf: lays a statement out, then draws the display list with jsPDF and an embedded font subset. */
import { jsPDF } from "jspdf";
import { dateParts } from "../date/civil-date.js";
import type { CompanyProfile } from "../profile.js";
import type { Statement } from "../statement/model.js";
import { embeddedFonts, type FontStyle } from "./fonts.js";
import { layoutStatement, type PageSize, type Rgb, type StatementLayout } from "./layout.js";

export type { PageSize } from "./layout.js";
export { PdfTextError } from "./text.js";

export interface RenderPdfOptions {
  readonly pageSize: PageSize;
}

const FONT_FAMILY = "ReleveSans";
const FONT_FILES: Readonly<Record<FontStyle, string>> = { normal: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

/**
 * Renders a statement to PDF bytes (compressed, fonts embedded and subset, deterministic for the same input).
 * @throws PdfTextError when a string contains a character the embedded fonts cannot show (e.g. CJK).
 * @example
 * const bytes = renderStatementPdf(statement, profile, { pageSize: "A4" });
 * await writeFile("statement.pdf", bytes);
 */
export function renderStatementPdf(
  statement: Statement,
  profile: CompanyProfile,
  options: RenderPdfOptions,
): Uint8Array {
  const fonts = embeddedFonts();
  const layout = layoutStatement(statement, profile, options.pageSize, fonts);
  return drawLayout(layout, statement);
}

function binaryString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** PDF date of the statement's as-of day at midnight UTC: the same statement always gives the same bytes. */
function pdfDate(statement: Statement): string {
  const { year, month, day } = dateParts(statement.asOf);
  const clamped = Math.min(Math.max(year, 1970), 2037); // jsPDF only accepts 1970–2037
  return `D:${clamped}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}000000+00'00'`;
}

/** 32 hex digits from the document's identity (FNV-1a), for a deterministic /ID instead of jsPDF's random one. */
function fileId(seed: string): string {
  let out = "";
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, "0");
  }
  return out;
}

/** The parts of jsPDF's runtime API we drive directly; present on every jsPDF 4 instance but not in its typings. */
interface JsPdfLowLevel {
  internal: { write(...content: string[]): void };
  pdfEscape16(text: string, font: unknown): string;
}

/** PDF number with at most 2 decimals ("12.5", "0"): content streams stay short. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function rgb(color: Rgb): string {
  return `${String(Math.round((color[0] / 255) * 1000) / 1000)} ${String(Math.round((color[1] / 255) * 1000) / 1000)} ${String(Math.round((color[2] / 255) * 1000) / 1000)}`;
}

function drawLayout(layout: StatementLayout, statement: Statement): Uint8Array {
  const fonts = embeddedFonts();
  const doc = new jsPDF({
    unit: "pt",
    format: [layout.width, layout.height],
    compress: true,
    putOnlyUsedFonts: true,
  });
  const low = doc as unknown as JsPdfLowLevel;
  doc.setCreationDate(pdfDate(statement));
  doc.setFileId(fileId(`${statement.client.key}|${statement.asOf}|${statement.kind}`));
  doc.setDocumentProperties({ title: layout.title, creator: "Relevé" });

  // Per style: the document's own font subset, its resource name, and each code point's 2-byte glyph code in hex.
  const resource: Partial<Record<FontStyle, string>> = {};
  const hex: Partial<Record<FontStyle, Map<number, string>>> = {};
  const announced = new Set<FontStyle>();
  for (const style of ["normal", "bold"] as const) {
    const used = layout.used[style];
    if (used.size === 0) continue;
    const subset = fonts[style].program.subset(used);
    doc.addFileToVFS(FONT_FILES[style], binaryString(subset.bytes));
    doc.addFont(FONT_FILES[style], FONT_FAMILY, style, undefined, "Identity-H");
    doc.setFont(FONT_FAMILY, style);
    // Registers every glyph once (widths, ToUnicode, subset) so the content below can be written directly.
    low.pdfEscape16(String.fromCharCode(...used), doc.getFont());
    resource[style] = String(doc.getFont().id);
    hex[style] = new Map([...subset.glyphs].map(([cp, glyph]) => [cp, glyph.toString(16).padStart(4, "0")]));
  }

  const height = layout.height;
  const images = new Map<object, string>();
  layout.pages.forEach((ops, index) => {
    if (index > 0) doc.addPage([layout.width, height]);
    // Painter's order: fills and rules, then images, then all text in one text object (texts never overlap).
    const out: string[] = [];
    let fill = "";
    let stroke = "";
    let lineWidth = -1;
    for (const op of ops) {
      if (op.op === "rect") {
        const color = rgb(op.fill);
        if (color !== fill) out.push(`${(fill = color)} rg`);
        out.push(`${num(op.x)} ${num(height - op.y - op.h)} ${num(op.w)} ${num(op.h)} re f`);
      } else if (op.op === "line") {
        const color = rgb(op.color);
        if (color !== stroke) out.push(`${(stroke = color)} RG`);
        if (op.width !== lineWidth) out.push(`${num((lineWidth = op.width))} w`);
        out.push(`${num(op.x1)} ${num(height - op.y1)} m ${num(op.x2)} ${num(height - op.y2)} l S`);
      }
    }
    if (out.length > 0) low.internal.write(out.join("\n"));
    for (const op of ops) {
      if (op.op !== "image") continue;
      let alias = images.get(op.image);
      if (alias === undefined) images.set(op.image, (alias = `logo${images.size}`));
      doc.addImage(op.image.bytes, op.image.format, op.x, op.y, op.w, op.h, alias, "FAST");
    }
    const text: string[] = [];
    let font: FontStyle | undefined;
    let size = -1;
    let color = "";
    // Td is relative to the previous line start: track it in hundredths so rounding never drifts.
    let lastX = 0;
    let lastY = 0;
    for (const op of ops) {
      if (op.op !== "text" || op.text.length === 0) continue;
      if (resource[op.style] === undefined) throw new Error(`no font subset for a ${op.style} text: "${op.text}"`);
      if (!announced.has(op.style)) {
        // jsPDF lists a font in the page resources only once its own text() drew something with it (text("") draws
        // nothing and marks nothing): let it draw the first non-empty text of each style.
        announced.add(op.style);
        doc.setFont(FONT_FAMILY, op.style);
        doc.setFontSize(op.size);
        doc.setTextColor(op.color[0], op.color[1], op.color[2]);
        doc.text(op.text, op.x, op.y);
        continue;
      }
      if (op.style !== font || op.size !== size) {
        font = op.style;
        size = op.size;
        text.push(`/${resource[op.style] ?? ""} ${num(op.size)} Tf`);
      }
      const c = rgb(op.color);
      if (c !== color) text.push(`${(color = c)} rg`);
      const x = Math.round(op.x * 100);
      const y = Math.round((height - op.y) * 100);
      const codes = hex[op.style];
      let glyphs = "";
      for (let i = 0; i < op.text.length; i++) glyphs += codes?.get(op.text.charCodeAt(i)) ?? "0000";
      text.push(`${String((x - lastX) / 100)} ${String((y - lastY) / 100)} Td <${glyphs}> Tj`);
      lastX = x;
      lastY = y;
    }
    if (text.length > 0) low.internal.write(`BT\n${text.join("\n")}\nET`);
  });
  return new Uint8Array(doc.output("arraybuffer"));
}
