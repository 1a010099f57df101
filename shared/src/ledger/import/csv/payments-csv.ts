/** A dated payments export (Date; Facture; Montant; Moyen de paiement) → ImportedPayments. */
import type { CurrencyCode } from "../../../money/currency.js";
import { parseCurrency } from "../../../money/currency.js";
import { problem } from "../../../problem.js";
import type { FileImport, ImportedPayment } from "../types.js";
import { matchPaymentColumns, PAYMENT_FIELD_NAMES, type PaymentField } from "./columns.js";
import {
  cellOf,
  decideDecimalSeparator,
  readAmount,
  readDate,
  resolveDateOrder,
  type CsvContext,
  type CsvReadOptions,
} from "./ledger-csv.js";
import { isBlankRow, type CsvTable } from "./table.js";

export interface PaymentReadOptions extends CsvReadOptions<PaymentField> {
  /** The currency of a document already imported, so a payment without a currency column is read in it. */
  readonly currencyOfDocument: (documentNumber: string) => CurrencyCode | undefined;
}

/**
 * Reads the payment rows of a parsed CSV table.
 * @example importPaymentsTable(table, { file: "payments.csv", problems: [] }, { currencyOfDocument: () => EUR }, "UTF-8")
 */
export function importPaymentsTable(
  table: CsvTable,
  context: CsvContext,
  options: PaymentReadOptions,
  encoding: string,
): FileImport {
  const { file, problems } = context;
  const columns = matchPaymentColumns(table.header, options.mapping);
  const at = columns.indexOf;
  const recognised = [
    `CSV payments (${encoding}, separator "${table.delimiter === "\t" ? "tab" : table.delimiter}")`,
    `columns: ${columns.recognised.join(", ")}`,
  ];
  const failed = (): FileImport => ({
    file,
    format: "csv-payments",
    recognised,
    documents: [],
    payments: [],
    problems,
  });
  for (const field of ["date", "document", "amount"] as const) {
    if (at[field] === undefined) {
      problems.push(
        problem("error", "csv.missing-column", `no column for the ${PAYMENT_FIELD_NAMES[field]}`, {
          file,
          line: table.headerLine,
          field: PAYMENT_FIELD_NAMES[field],
        }),
      );
    }
  }
  if (problems.some((p) => p.severity === "error")) return failed();
  const rows = table.rows.filter((row) => !isBlankRow(row) && !/^total/i.test(cellOf(row, at.document)));
  const order = resolveDateOrder(
    rows.map((row) => cellOf(row, at.date)),
    columns.language,
    options.dateOrder,
    context,
    table.headerLine,
    recognised,
  );
  if (problems.some((p) => p.severity === "error")) return failed();
  const decimal =
    options.decimalSeparator !== undefined
      ? { separator: options.decimalSeparator, reason: "given" }
      : decideDecimalSeparator(
          rows.map((row) => cellOf(row, at.amount)),
          columns.language,
          table.delimiter,
        );
  const payments: ImportedPayment[] = [];
  for (const row of rows) {
    const location = (field: PaymentField) => ({
      file,
      line: row.line,
      column: (at[field] ?? 0) + 1,
      field: PAYMENT_FIELD_NAMES[field],
    });
    if (row.cells.length !== table.header.length) {
      problems.push(
        problem(
          "error",
          "csv.row-width",
          `row has ${row.cells.length} fields but the header has ${table.header.length}`,
          {
            file,
            line: row.line,
          },
        ),
      );
      continue;
    }
    const documentNumber = cellOf(row, at.document);
    const currencyCell = cellOf(row, at.currency);
    const currency =
      currencyCell !== ""
        ? parseCurrency(currencyCell)
        : (options.currencyOfDocument(documentNumber) ?? options.defaultCurrency);
    if (currency === undefined && currencyCell === "") {
      // Same rule as when the currency is known: a payment for an invoice no file has is reported, not counted.
      problems.push(
        problem(
          "warning",
          "csv.payment-unknown-document",
          `payment for ${documentNumber === "" ? "no invoice" : `invoice ${documentNumber}`}, which no ledger file has: not counted`,
          location("document"),
        ),
      );
      continue;
    }
    if (currency === undefined) {
      problems.push(
        problem("error", "csv.currency", `"${currencyCell}" is not an ISO 4217 currency code`, location("currency")),
      );
      continue;
    }
    const date = readDate(row, at.date, order, () => location("date"), problems, true);
    const amount = readAmount(cellOf(row, at.amount), currency, decimal.separator, () => location("amount"), problems);
    if (!date || !amount) continue;
    const method = cellOf(row, at.method);
    payments.push({
      date,
      documentNumber: documentNumber === "" ? undefined : documentNumber,
      amount,
      ...(method === "" ? {} : { method }),
      source: { file, line: row.line },
    });
  }
  if (problems.some((p) => p.severity === "error")) return failed();
  recognised.push(`${payments.length} dated payments`);
  return { file, format: "csv-payments", recognised, documents: [], payments, problems };
}
