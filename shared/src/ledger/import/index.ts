/**
 * Every ledger source → FileImports, in the order that makes them right: invoices (CSV and e-invoices) first, then
 * dated payments, which are read in the currency of the invoice they settle.
 */
import type { CurrencyCode } from "../../money/currency.js";
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
  for (const file of files) {
    if (isEInvoiceFile(file.bytes)) {
      results.push(await importEInvoice(file.name, file.bytes));
      continue;
    }
    const parsed = parseCsvFile(file.name, file.bytes);
    if (parsed.ok && parsed.kind === "payments") payments.push({ file, parsed });
    else results.push(importLedgerCsv(file.name, parsed, options.ledgerCsv));
  }
  const currencies = new Map<string, CurrencyCode>();
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
