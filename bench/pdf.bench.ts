/**
 * renderStatementPdf (jsPDF) against a pdfkit reference drawing the same table: same display list (columns,
 * strings, positions, header repeated per page, page numbers), same DejaVu TTF (pdfkit subsets it itself).
 * Both are timed in the same run: warm-up, then the median of several iterations.
 */
import PDFDocument from "pdfkit";
import { decodeBase64 } from "../shared/src/pdf/base64.js";
import { embeddedFonts } from "../shared/src/pdf/fonts.js";
import { DEJAVU_SANS_BOLD_TTF_BASE64 } from "../shared/src/pdf/fonts/dejavu-sans-bold.generated.js";
import { DEJAVU_SANS_TTF_BASE64 } from "../shared/src/pdf/fonts/dejavu-sans.generated.js";
import { layoutStatement, type StatementLayout } from "../shared/src/pdf/layout.js";
import { renderStatementPdf } from "../shared/src/pdf/render.js";
import type { CompanyProfile } from "../shared/src/profile.js";
import type { Statement } from "../shared/src/statement/model.js";
import { frenchProfile, logoPng, outstandingStatement } from "../test/fixtures/pdf/statements.js";

const REGULAR = Buffer.from(decodeBase64(DEJAVU_SANS_TTF_BASE64));
const BOLD = Buffer.from(decodeBase64(DEJAVU_SANS_BOLD_TTF_BASE64));

/** The reference: pdfkit replays the layout our renderer draws (layout time included on both sides). */
export function renderWithPdfkit(statement: Statement, profile: CompanyProfile): Promise<Uint8Array> {
  const layout: StatementLayout = layoutStatement(statement, profile, "A4", embeddedFonts());
  const doc = new PDFDocument({ size: [layout.width, layout.height], margin: 0, compress: true, autoFirstPage: false });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
  });
  const done = new Promise<Uint8Array>((resolve) => {
    doc.on("end", () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
  });
  for (const ops of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    for (const op of ops) {
      switch (op.op) {
        case "text":
          doc
            .font(op.style === "bold" ? "bold" : "regular")
            .fontSize(op.size)
            .fillColor([...op.color])
            .text(op.text, op.x, op.y, { lineBreak: false, baseline: "alphabetic" });
          break;
        case "rect":
          doc.rect(op.x, op.y, op.w, op.h).fill([...op.fill]);
          break;
        case "line":
          doc
            .moveTo(op.x1, op.y1)
            .lineTo(op.x2, op.y2)
            .lineWidth(op.width)
            .stroke([...op.color]);
          break;
        case "image":
          doc.image(Buffer.from(op.image.bytes), op.x, op.y, { width: op.w, height: op.h });
          break;
      }
    }
  }
  doc.end();
  return done;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type Task = () => Promise<Uint8Array> | Uint8Array;

/** Times two tasks alternately (so machine noise hits both alike) after a warm-up; medians and last sizes. */
async function measurePair(
  first: Task,
  second: Task,
  iterations: number,
): Promise<[{ ms: number; bytes: number }, { ms: number; bytes: number }]> {
  const tasks = [first, second] as const;
  const times: [number[], number[]] = [[], []];
  const bytes = [0, 0];
  for (let i = 0; i < 3; i++) for (const task of tasks) await task(); // warm-up: JIT, font parsing, caches
  for (let i = 0; i < iterations; i++) {
    for (const [k, task] of tasks.entries()) {
      const started = performance.now();
      bytes[k] = (await task()).length;
      times[k]?.push(performance.now() - started);
    }
  }
  return [
    { ms: median(times[0]), bytes: bytes[0] ?? 0 },
    { ms: median(times[1]), bytes: bytes[1] ?? 0 },
  ];
}

export async function run(): Promise<void> {
  const profile: CompanyProfile = { ...frenchProfile, logo: logoPng() };
  console.log("rows   | jsPDF ms | pdfkit ms | time × | jsPDF KB | pdfkit KB | size ×");
  for (const rows of [500, 2000]) {
    const statement = outstandingStatement({ count: rows, penalties: true });
    const iterations = rows > 1000 ? 7 : 11;
    const [ours, reference] = await measurePair(
      () => renderStatementPdf(statement, profile, { pageSize: "A4" }),
      () => renderWithPdfkit(statement, profile),
      iterations,
    );
    console.log(
      [
        String(rows).padEnd(6),
        ours.ms.toFixed(1).padStart(8),
        reference.ms.toFixed(1).padStart(9),
        (ours.ms / reference.ms).toFixed(2).padStart(6),
        (ours.bytes / 1024).toFixed(1).padStart(8),
        (reference.bytes / 1024).toFixed(1).padStart(9),
        (ours.bytes / reference.bytes).toFixed(2).padStart(6),
      ].join(" | "),
    );
  }
}
