/**
 * Every ledger source → FileImports, in the order that makes them right: invoices (CSV and e-invoices) first, then
 * dated payments, which are read in the currency of the invoice they settle.
 */
import type { CurrencyCode } from "../../money/currency.js";
import { problem } from "../../problem.js";
import type { FileImport } from "./types.js";
import type { LedgerField, PaymentField } from "./csv/columns.js";
import { importLedgerCsv, importPaymentsCsv, parseCsvFile, type CsvReadOptions } from "./csv/index.js";
import { importEInvoice } from "./einvoice/index.js";

export interface InputFile {
  /** As the user named it (shown in every problem). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface LedgerImportOptions {
  readonly ledgerCsv?: CsvReadOptions<LedgerField>;
  readonly paymentsCsv?: CsvReadOptions<PaymentField>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** An e-invoice is a PDF (Factur-X) or XML; anything else is read as CSV. */
export function isEInvoiceFile(bytes: Uint8Array): boolean {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start] ?? 0)) start++;
  const head = String.fromCharCode(...bytes.subarray(start, start + 5));
  return head === "%PDF-" || head.startsWith("<");
}

/**
 * Reads every file; the caller passes the result to assembleLedger.
 * @example await importLedgerFiles([{ name: "ledger.csv", bytes }])
 */
export async function importLedgerFiles(
  files: readonly InputFile[],
  options: LedgerImportOptions = {},
): Promise<FileImport[]> {
  const results: FileImport[] = [];
  const payments: { file: InputFile; parsed: ReturnType<typeof parseCsvFile> }[] = [];
  const read: InputFile[] = [];
  for (const file of files) {
    // The same bytes twice (a folder and a file in it, a "(1)" copy) would count every line twice.
    const twin = read.find((other) => sameBytes(other.bytes, file.bytes));
    if (twin !== undefined) {
      results.push({
        file: file.name,
        format: isEInvoiceFile(file.bytes) ? "ubl" : "csv-ledger",
        recognised: [`same content as ${twin.name}: not read again`],
        documents: [],
        payments: [],
        problems: [
          problem("warning", "import.same-file", `same content as ${twin.name}: read once`, { file: file.name }),
        ],
      });
      continue;
    }
    read.push(file);
    if (isEInvoiceFile(file.bytes)) {
      results.push(await importEInvoice(file.name, file.bytes));
      continue;
    }
    const parsed = parseCsvFile(file.name, file.bytes);
    if (parsed.ok && parsed.kind === "payments") payments.push({ file, parsed });
    else results.push(importLedgerCsv(file.name, parsed, options.ledgerCsv));
  }
  // Only payments files need it; building it for a 100k-row ledger alone would cost a hash per row.
  const currencies = new Map<string, CurrencyCode>();
  if (payments.length > 0)
    for (const result of results) for (const doc of result.documents) currencies.set(doc.number, doc.currency);
  for (const { file, parsed } of payments) {
    results.push(
      importPaymentsCsv(file.name, parsed, {
        ...options.paymentsCsv,
        currencyOfDocument: (number) => currencies.get(number),
      }),
    );
  }
  return results;
}
