/**
 * The ledger from Google Sheets: each sheet's displayed values become CSV bytes for the core's CSV import (the same
 * column mapping as the CLI). E-invoice files (UBL, CII, Factur-X) are not read in Apps Script: pdfjs cannot run
 * there, and reading Drive files needs a restricted scope.
 */
import { assembleLedger } from "../../../shared/src/ledger/assemble.js";
import { importLedgerCsv, importPaymentsCsv, parseCsvFile } from "../../../shared/src/ledger/import/csv/index.js";
import type { FileImport } from "../../../shared/src/ledger/import/types.js";
import type { Ledger } from "../../../shared/src/ledger/model.js";
import type { CurrencyCode } from "../../../shared/src/money/currency.js";
import type { Outcome } from "../../../shared/src/problem.js";
import type { LedgerReading } from "../app/settings-form.js";
import { encodeUtf8 } from "./polyfills.js";

export function sheetAsCsv(values: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return values
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => row.map(quote).join(","))
    .join("\r\n");
}

function readSheet(url: string): { name: string; bytes: Uint8Array } {
  const spreadsheet = SpreadsheetApp.openByUrl(url);
  const gid = /[#&?]gid=(\d+)/.exec(url)?.[1];
  const sheet =
    gid === undefined
      ? spreadsheet.getSheets()[0]
      : spreadsheet.getSheets().find((candidate) => String(candidate.getSheetId()) === gid);
  if (sheet === undefined) throw new Error(`no such tab in ${spreadsheet.getName()} (${url})`);
  const name = `${spreadsheet.getName()} › ${sheet.getName()}`;
  return { name, bytes: encodeUtf8(sheetAsCsv(sheet.getDataRange().getDisplayValues())) };
}

/**
 * Reads every sheet with the core's CSV options (column mapping, date order, decimal mark, default currency):
 * invoices first, then dated payments in the currency of the invoice they settle.
 */
export function readLedgerSheets(
  urls: readonly string[],
  paymentTermsDays: number,
  reading: LedgerReading = {},
): Outcome<Ledger> {
  const common = {
    ...(reading.dateOrder !== undefined ? { dateOrder: reading.dateOrder } : {}),
    ...(reading.decimalSeparator !== undefined ? { decimalSeparator: reading.decimalSeparator } : {}),
    ...(reading.defaultCurrency !== undefined ? { defaultCurrency: reading.defaultCurrency } : {}),
  };
  const results: FileImport[] = [];
  const payments: { name: string; parsed: ReturnType<typeof parseCsvFile> }[] = [];
  for (const url of urls) {
    const { name, bytes } = readSheet(url);
    const parsed = parseCsvFile(name, bytes);
    if (parsed.ok && parsed.kind === "payments") payments.push({ name, parsed });
    else
      results.push(
        importLedgerCsv(name, parsed, {
          ...common,
          ...(reading.ledgerMapping !== undefined ? { mapping: reading.ledgerMapping } : {}),
        }),
      );
  }
  const currencies = new Map<string, CurrencyCode>();
  for (const result of results) for (const doc of result.documents) currencies.set(doc.number, doc.currency);
  for (const { name, parsed } of payments)
    results.push(
      importPaymentsCsv(name, parsed, {
        ...common,
        ...(reading.paymentMapping !== undefined ? { mapping: reading.paymentMapping } : {}),
        currencyOfDocument: (number) => currencies.get(number),
      }),
    );
  return assembleLedger(results, { paymentTermsDays });
}
