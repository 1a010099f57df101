/** CSV bytes → FileImport: decode, split, then read as a ledger or as dated payments depending on the header. */
import { problem, type Problem } from "../../../problem.js";
import type { FileImport } from "../types.js";
import { looksLikePayments, type LedgerField } from "./columns.js";
import { decodeCsvBytes } from "./decode.js";
import { importLedgerTable, type CsvReadOptions } from "./ledger-csv.js";
import { importPaymentsTable, type PaymentReadOptions } from "./payments-csv.js";
import { parseCsvTable, type CsvTable } from "./table.js";

export type { CsvReadOptions } from "./ledger-csv.js";
export type { DateOrder } from "./dates.js";

/** Largest CSV accepted: a 100k-row ledger is ~10 MB. */
export const MAX_CSV_BYTES = 200 * 1024 * 1024;

export type ParsedCsv =
  | { readonly ok: true; readonly kind: "ledger" | "payments"; readonly table: CsvTable; readonly encoding: string }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Decodes and splits a CSV file and says whether it holds invoices or dated payments.
 * @example parseCsvFile("ledger.csv", bytes) // { ok: true, kind: "ledger", ... }
 */
export function parseCsvFile(file: string, bytes: Uint8Array): ParsedCsv {
  if (bytes.length > MAX_CSV_BYTES) {
    return {
      ok: false,
      problems: [problem("error", "csv.too-large", `the file is over ${MAX_CSV_BYTES / 1048576} MB`, { file })],
    };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: [problem("error", "csv.encoding", decoded.message, { file })] };
  const { table, problems } = parseCsvTable(file, decoded.text);
  if (table === undefined || problems.some((p) => p.severity === "error")) return { ok: false, problems };
  return { ok: true, kind: looksLikePayments(table.header) ? "payments" : "ledger", table, encoding: decoded.encoding };
}

export function importLedgerCsv(
  file: string,
  parsed: ParsedCsv,
  options: CsvReadOptions<LedgerField> = {},
): FileImport {
  if (!parsed.ok)
    return { file, format: "csv-ledger", recognised: [], documents: [], payments: [], problems: parsed.problems };
  return importLedgerTable(parsed.table, { file, problems: [] }, options, parsed.encoding);
}

export function importPaymentsCsv(file: string, parsed: ParsedCsv, options: PaymentReadOptions): FileImport {
  if (!parsed.ok)
    return { file, format: "csv-payments", recognised: [], documents: [], payments: [], problems: parsed.problems };
  return importPaymentsTable(parsed.table, { file, problems: [] }, options, parsed.encoding);
}
