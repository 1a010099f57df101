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
export function parseCsvTable(file: string, text: string): { table: CsvTable | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
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

  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  let cursor = headerStart;
  let line = headerLine;
  Papa.parse<string[]>(text.slice(headerStart), {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = line;
      const end = headerStart + result.meta.cursor;
      line += countNewlines(text, cursor, end);
      cursor = end;
      for (const error of result.errors) {
        const message =
          error.code === "MissingQuotes"
            ? "a quoted field is never closed (unbalanced quotes)"
            : error.code === "InvalidQuotes"
              ? "a quote inside a field is not doubled (malformed quotes)"
              : error.message;
        problems.push(problem("error", `csv.${error.code}`, message, { file, line: rowLine }));
      }
      const cells = result.data;
      cells.forEach((cell, index) => {
        if (cell.length > MAX_FIELD_CHARS) {
          problems.push(
            problem("error", "csv.field-too-long", `field of ${cell.length} characters (limit ${MAX_FIELD_CHARS})`, {
              file,
              line: rowLine,
              column: index + 1,
            }),
          );
        }
      });
      if (header === undefined) header = cells.map((cell) => cell.trim());
      else rows.push({ line: rowLine, cells });
    },
  });
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
