/** A spreadsheet/CSV export of invoices and credit notes → ImportedDocuments, with every problem located. */
import type { IsoDate } from "../../../date/civil-date.js";
import { parseCurrency, type CurrencyCode } from "../../../money/currency.js";
import { money, negate, type Money } from "../../../money/money.js";
import { decimalSeparatorOf, parseAmount, type DecimalSeparator } from "../../../money/parse.js";
import { problem, type Problem } from "../../../problem.js";
import type { DocumentKind } from "../../model.js";
import type { FileImport, ImportedDocument } from "../types.js";
import {
  LEDGER_FIELD_NAMES,
  matchLedgerColumns,
  type ColumnMapping,
  type HeaderLanguage,
  type LedgerField,
} from "./columns.js";
import { decideDateOrder, parseCsvDate, type DateOrder } from "./dates.js";
import { isBlankRow, type CsvRow, type CsvTable } from "./table.js";

export interface CsvReadOptions<F extends string> {
  readonly mapping?: ColumnMapping<F>;
  /** Forces the date order instead of deciding it from the file. */
  readonly dateOrder?: DateOrder;
  /** Forces the decimal mark of amounts. */
  readonly decimalSeparator?: "," | ".";
  /** Currency of every row when the file has no currency column. */
  readonly defaultCurrency?: CurrencyCode;
}

/** Footer rows exports add: "Total", "Sous-total", "TOTAL TTC"… in the number or client column. */
const FOOTER = /^(sous[- ]?)?total\b|^totaux\b|^grand total\b/i;
const CREDIT_WORDS = /^(avoir|credit|credit note|note de credit|cn|gutschrift)$/i;

export interface CsvContext {
  readonly file: string;
  readonly problems: Problem[];
}

/** Decides the decimal mark from every amount cell of the file (like the date order), falling back on language. */
export function decideDecimalSeparator(
  values: Iterable<string>,
  language: HeaderLanguage,
  delimiter: string,
): { separator: DecimalSeparator; reason: string } {
  let comma: string | undefined;
  let dot: string | undefined;
  let ambiguous: string | undefined;
  for (const value of values) {
    const seen = decimalSeparatorOf(value);
    if (seen === ",") comma ??= value;
    else if (seen === ".") dot ??= value;
    else if (ambiguous === undefined && /[.,]/.test(value)) ambiguous = value;
    if (comma !== undefined && dot !== undefined) break;
  }
  if (comma !== undefined && dot === undefined) return { separator: ",", reason: `"${comma}" has a decimal comma` };
  if (dot !== undefined && comma === undefined) return { separator: ".", reason: `"${dot}" has a decimal point` };
  if (comma !== undefined && dot !== undefined) {
    return { separator: "unknown", reason: `"${comma}" and "${dot}" disagree, so each amount must speak for itself` };
  }
  if (language === "fr" || delimiter === ";") return { separator: ",", reason: "French-style file" };
  // "1,234" alone could be 1234 or 1.234: each such amount is refused with its row rather than guessed.
  if (ambiguous !== undefined) return { separator: "unknown", reason: `no amount decides (e.g. "${ambiguous}")` };
  return { separator: ".", reason: "no amount needs it" };
}

export function cellOf(row: CsvRow, index: number | undefined): string {
  return index === undefined ? "" : (row.cells[index] ?? "").trim();
}

/**
 * Reads the invoice rows of a parsed CSV table.
 * @example importLedgerTable(table, { file: "ledger.csv", problems: [] }, {}, "UTF-8")
 */
export function importLedgerTable(
  table: CsvTable,
  context: CsvContext,
  options: CsvReadOptions<LedgerField>,
  encoding: string,
): FileImport {
  const { file, problems } = context;
  const columns = matchLedgerColumns(table.header, options.mapping);
  const at = columns.indexOf;
  const recognised: string[] = [`CSV (${encoding}, separator "${table.delimiter === "\t" ? "tab" : table.delimiter}")`];
  recognised.push(`columns: ${columns.recognised.join(", ")}`);
  const ignored = table.header.filter((name, index) => name !== "" && !Object.values(at).includes(index));
  if (ignored.length > 0) recognised.push(`columns not used: ${ignored.map((name) => `"${name}"`).join(", ")}`);
  for (const wanted of columns.unknownMapped) {
    problems.push(
      problem("error", "csv.mapping", `mapped column not found: ${wanted}`, { file, line: table.headerLine }),
    );
  }
  for (const field of ["number", "client", "issueDate", "total"] as const) {
    if (at[field] === undefined) {
      problems.push(
        problem(
          "error",
          "csv.missing-column",
          `no column for the ${LEDGER_FIELD_NAMES[field]} (header: ${table.header.join(", ")}); name it or give a column mapping`,
          { file, line: table.headerLine, field: LEDGER_FIELD_NAMES[field] },
        ),
      );
    }
  }
  if (at.currency === undefined && options.defaultCurrency === undefined) {
    problems.push(
      problem("error", "csv.missing-column", "no currency column: add one or give the currency of the file", {
        file,
        line: table.headerLine,
        field: "currency",
      }),
    );
  }
  if (problems.some((p) => p.severity === "error")) return failed(file, recognised, problems);

  const rows = table.rows.filter((row) => {
    if (isBlankRow(row)) return false;
    const footer = FOOTER.test(cellOf(row, at.number)) || FOOTER.test(cellOf(row, at.client));
    if (footer) recognised.push(`line ${row.line}: footer row "${row.cells.join(" ").trim()}" skipped`);
    return !footer;
  });

  const dateCells: string[] = [];
  const amountCells: string[] = [];
  for (const row of rows) {
    dateCells.push(cellOf(row, at.issueDate), cellOf(row, at.dueDate));
    amountCells.push(cellOf(row, at.total), cellOf(row, at.paid), cellOf(row, at.open));
  }
  const order = resolveDateOrder(dateCells, columns.language, options.dateOrder, context, table.headerLine, recognised);
  // Without a date order every row's date error would be noise (or wrong: "01/13/2026 is not a date").
  if (problems.some((p) => p.severity === "error")) return failed(file, recognised, problems);
  const decimal =
    options.decimalSeparator !== undefined
      ? { separator: options.decimalSeparator, reason: "given" }
      : decideDecimalSeparator(amountCells, columns.language, table.delimiter);
  recognised.push(`amounts: decimal mark "${decimal.separator}" (${decimal.reason})`);

  const documents: ImportedDocument[] = [];
  // A 100k-row export names a few hundred clients: read each (name, email, language) once and share the result,
  // which also lets assembleLedger recognise a client it has already matched by the object alone.
  const clientRefs = new Map<string, ImportedDocument["client"] | string>();
  const clientRefOf = (name: string, emailCell: string, localeCell: string): ImportedDocument["client"] | string => {
    const cacheKey = `${name}\u0000${emailCell}\u0000${localeCell}`;
    const cached = clientRefs.get(cacheKey);
    if (cached !== undefined) return cached;
    const ref = readClientRef(name, emailCell, localeCell);
    clientRefs.set(cacheKey, ref);
    return ref;
  };
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const location = (field: LedgerField) => ({
      file,
      line: row.line,
      column: (at[field] ?? 0) + 1,
      field: LEDGER_FIELD_NAMES[field],
    });
    const fail = (field: LedgerField, code: string, message: string) =>
      problems.push(problem("error", code, message, location(field)));
    if (row.cells.length !== table.header.length) {
      problems.push(
        problem(
          "error",
          "csv.row-width",
          `row has ${row.cells.length} fields but the header has ${table.header.length} (truncated or shifted row?)`,
          { file, line: row.line },
        ),
      );
      continue;
    }
    const number = cellOf(row, at.number);
    const clientName = cellOf(row, at.client);
    if (number === "") fail("number", "csv.missing-value", "no invoice number");
    if (clientName === "") fail("client", "csv.missing-value", "no client name");
    const currencyText = at.currency === undefined ? "" : cellOf(row, at.currency);
    const currency = currencyText === "" ? options.defaultCurrency : parseCurrency(currencyText);
    if (currency === undefined) {
      fail(
        "currency",
        "csv.currency",
        currencyText === "" ? "no currency" : `"${currencyText}" is not an ISO 4217 currency code`,
      );
      continue;
    }
    const issueDate = readDate(row, at.issueDate, order, () => location("issueDate"), problems, true);
    const dueDate = readDate(row, at.dueDate, order, () => location("dueDate"), problems, false);
    const total = readAmount(cellOf(row, at.total), currency, decimal.separator, () => location("total"), problems);
    const paidCell = cellOf(row, at.paid);
    const openCell = cellOf(row, at.open);
    const paid =
      paidCell === "" ? undefined : readAmount(paidCell, currency, decimal.separator, () => location("paid"), problems);
    const open =
      openCell === "" ? undefined : readAmount(openCell, currency, decimal.separator, () => location("open"), problems);
    if (number === "" || clientName === "" || !issueDate || !total) continue;
    if (dueDate === null || paid === null || open === null) continue;

    const kind = kindOf(total, cellOf(row, at.type), cellOf(row, at.status));
    const amount = kind === "credit-note" && total.minor > 0 ? negate(total) : total;
    // "Paid" has the sign of the document (a refunded credit note is "paid" too).
    const sign = (value: Money) => (Math.sign(value.minor) === -Math.sign(amount.minor) ? negate(value) : value);
    let paidAmount = paid === undefined ? undefined : sign(paid);
    if (open !== undefined) {
      const fromOpen = money(currency, amount.minor - sign(open).minor);
      if (paidAmount !== undefined && paidAmount.minor !== fromOpen.minor) {
        fail("open", "csv.open-mismatch", `open amount "${openCell}" does not equal total minus paid "${paidCell}"`);
        continue;
      }
      paidAmount = fromOpen;
    }
    if (Math.abs(paidAmount?.minor ?? 0) > Math.abs(amount.minor)) {
      problems.push(
        problem(
          "warning",
          "csv.overpaid",
          `paid "${paidCell}" is more than the total: the excess is a credit`,
          location("paid"),
        ),
      );
    }
    const previous = firstLineOf.get(number);
    if (previous !== undefined) {
      fail("number", "csv.duplicate", `invoice number ${number} appears twice (lines ${previous} and ${row.line})`);
      continue;
    }
    firstLineOf.set(number, row.line);
    const client = clientRefOf(clientName, cellOf(row, at.email), cellOf(row, at.locale));
    if (typeof client === "string") {
      fail(
        client.startsWith("locale:") ? "locale" : "email",
        `csv.${client.split(":")[0] ?? ""}`,
        client.slice(client.indexOf(":") + 1),
      );
      continue;
    }
    documents.push({
      kind,
      number,
      client,
      issueDate,
      dueDate,
      currency,
      amount,
      paid: paidAmount,
      source: { file, line: row.line },
    });
  }
  if (problems.some((p) => p.severity === "error")) return failed(file, recognised, problems);
  if (documents.length === 0) {
    problems.push(
      problem("warning", "csv.no-rows", "no invoices or credit notes in this file (only a header)", {
        file,
        line: table.headerLine,
      }),
    );
  }
  recognised.push(
    `${plural(documents.length, "document")} (${plural(documents.filter((d) => d.kind === "credit-note").length, "credit note")})`,
  );
  return { file, format: "csv-ledger", recognised, documents, payments: [], problems };
}

/** The client of a row, or "email:…"/"locale:…" followed by the message when a cell is wrong. */
function readClientRef(name: string, emailCell: string, localeCell: string): ImportedDocument["client"] | string {
  // One cell may hold several addresses ("ap@acme.example; cfo@acme.example").
  const emails =
    emailCell === ""
      ? []
      : emailCell
          .toLowerCase()
          .split(/[;,\s]+/)
          .filter((part) => part !== "");
  const badEmail = emails.find((address) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address));
  if (badEmail !== undefined) return `email:"${badEmail}" is not an email address`;
  const locale = localeCell === "" ? undefined : canonicalLocale(localeCell);
  if (locale === null) return `locale:"${localeCell}" is not a language tag such as fr-FR or en-GB`;
  return {
    name,
    email: emails[0],
    ...(emails.length > 1 ? { otherEmails: emails.slice(1) } : {}),
    ...(locale !== undefined ? { locale } : {}),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function canonicalLocale(text: string): string | null {
  try {
    return Intl.getCanonicalLocales(text.replace("_", "-"))[0] ?? null;
  } catch {
    return null;
  }
}

function kindOf(total: Money, typeCell: string, statusCell: string): DocumentKind {
  if (CREDIT_WORDS.test(typeCell) || CREDIT_WORDS.test(statusCell)) return "credit-note";
  return total.minor < 0 ? "credit-note" : "invoice";
}

/** Date order for the file, recording the decision; on conflict or undecidable, an error at the header. */
export function resolveDateOrder(
  cells: readonly string[],
  language: HeaderLanguage,
  forced: DateOrder | undefined,
  context: CsvContext,
  headerLine: number,
  recognised: string[],
): DateOrder | undefined {
  if (forced !== undefined) {
    recognised.push(`dates: ${forced === "day-month" ? "day/month" : "month/day"} (given)`);
    return forced;
  }
  const decision = decideDateOrder(cells, language === "fr" ? "day-month" : undefined);
  const { file, problems } = context;
  switch (decision.kind) {
    case "decided":
      if (decision.order !== undefined) {
        recognised.push(`dates: ${decision.order === "day-month" ? "day/month" : "month/day"} (${decision.reason})`);
      }
      return decision.order;
    case "conflict":
      problems.push(
        problem(
          "error",
          "csv.date-order-conflict",
          `dates disagree: "${decision.dayFirstExample}" is day/month but "${decision.monthFirstExample}" is month/day`,
          { file, line: headerLine, field: "dates" },
        ),
      );
      return undefined;
    case "undecidable":
      problems.push(
        problem(
          "error",
          "csv.date-order-undecidable",
          `cannot tell day/month from month/day (no day above 12, e.g. "${decision.example}"): give the date order`,
          { file, line: headerLine, field: "dates" },
        ),
      );
      return undefined;
  }
}

/** `undefined` = empty and optional; `null` = a problem was recorded. */
export function readDate(
  row: CsvRow,
  index: number | undefined,
  order: DateOrder | undefined,
  where: () => Problem["location"],
  problems: Problem[],
  required: boolean,
): IsoDate | undefined | null {
  const cell = cellOf(row, index);
  if (cell === "") {
    if (required) problems.push(problem("error", "csv.missing-value", "no date", where()));
    return required ? null : undefined;
  }
  const parsed = parseCsvDate(cell, order);
  if (!parsed.ok) {
    problems.push(problem("error", "csv.date", parsed.message, where()));
    return null;
  }
  return parsed.date;
}

export function readAmount(
  cell: string,
  currency: CurrencyCode,
  separator: DecimalSeparator,
  where: () => Problem["location"],
  problems: Problem[],
): Money | null {
  const parsed = parseAmount(cell, currency, separator);
  if (!parsed.ok) {
    problems.push(problem("error", `csv.${parsed.code}`, parsed.message, where()));
    return null;
  }
  return parsed.money;
}

export function failed(file: string, recognised: string[], problems: Problem[]): FileImport {
  return { file, format: "csv-ledger", recognised, documents: [], payments: [], problems };
}
