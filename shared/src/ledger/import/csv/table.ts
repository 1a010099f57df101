/** CSV text → rows of cells with their physical line numbers (papaparse does the quoting; we keep the places). */
import Papa from "papaparse";
import { problem, type Problem } from "../../../problem.js";

export type Delimiter = ";" | "," | "\t";

export interface CsvRow {
  /** 1-based physical line where the row starts (a quoted field may span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly CsvRow[];
}

/** Longest cell we accept: far above any real invoice field, far below what would choke a pane. */
export const MAX_FIELD_CHARS = 10_000;

/**
 * Chooses the delimiter from the header line (outside quotes): the one that splits it into the most columns.
 * @example detectDelimiter("N° facture;Client;Montant") // ";"
 */
export function detectDelimiter(headerLine: string): Delimiter | undefined {
  const counts = new Map<Delimiter, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter))
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter | undefined;
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Parses the whole text; any structural problem (unbalanced quotes, ragged rows, huge fields) is an error. */
export function parseCsvTable(file: string, raw: string): { table: CsvTable | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  // A file edited by hand can mix CRLF and LF lines (a row appended in another editor); papaparse picks one line
  // break for the whole file and would glue the others into one ragged row. Pure LF files skip the check.
  const text = raw.includes("\r") && /\r(?!\n)|(?<!\r)\n/.test(raw) ? raw.replace(/\r\n?/g, "\n") : raw;
  const firstContent = /^[ \t]*\S/m.exec(text);
  if (firstContent === null) {
    return { table: undefined, problems: [problem("error", "csv.empty", "the file is empty", { file })] };
  }
  const headerStart = firstContent.index;
  const headerLine = 1 + countNewlines(text, 0, headerStart);
  const headerEnd = text.indexOf("\n", headerStart);
  const delimiter = detectDelimiter(text.slice(headerStart, headerEnd < 0 ? undefined : headerEnd));
  if (delimiter === undefined) {
    return {
      table: undefined,
      problems: [
        problem("error", "csv.delimiter", "no column separator (; , or tab) found in the header line", {
          file,
          line: headerLine,
        }),
      ],
    };
  }

  // One bulk parse (papaparse's step mode costs a callback and a result object per row); line numbers are then
  // recovered from the rows themselves: a row spans one line plus the line breaks inside its quoted cells.
  const parsed = Papa.parse<string[]>(text.slice(headerStart), { delimiter, skipEmptyLines: false });
  const lineOfRow: number[] = [];
  let line = headerLine;
  for (const cells of parsed.data) {
    lineOfRow.push(line);
    line += 1;
    for (const [index, cell] of cells.entries()) {
      if (cell.includes("\n")) line += cell.split("\n").length - 1;
      if (cell.length > MAX_FIELD_CHARS) {
        problems.push(
          problem("error", "csv.field-too-long", `field of ${cell.length} characters (limit ${MAX_FIELD_CHARS})`, {
            file,
            line: lineOfRow[lineOfRow.length - 1] ?? line,
            column: index + 1,
          }),
        );
      }
    }
  }
  for (const error of parsed.errors) {
    const message =
      error.code === "MissingQuotes"
        ? "a quoted field is never closed (unbalanced quotes)"
        : error.code === "InvalidQuotes"
          ? "a quote inside a field is not doubled (malformed quotes)"
          : error.message;
    const where = lineOfRow[error.row ?? 0] ?? headerLine;
    if (!problems.some((p) => p.code === `csv.${error.code}` && p.location.line === where)) {
      problems.push(problem("error", `csv.${error.code}`, message, { file, line: where }));
    }
  }
  const [first, ...rest] = parsed.data;
  const header = first?.map((cell) => cell.trim());
  const rows: CsvRow[] = rest.map((cells, index) => ({ line: lineOfRow[index + 1] ?? 0, cells }));
  if (header === undefined) return { table: undefined, problems };
  return { table: { delimiter, header, headerLine, rows }, problems };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf("\n", from); index >= 0 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

/** A row with no content at all (trailing empty lines, ";;;;" rows). */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === "");
}
