/** Command-line options shared by every command, parsed with node:util's parseArgs. */
import { parseArgs } from "node:util";
import { parseIsoDate, type IsoDate } from "../../shared/src/date/civil-date.js";
import { LEDGER_FIELD_NAMES, type LedgerField } from "../../shared/src/ledger/import/csv/columns.js";
import type { LedgerImportOptions } from "../../shared/src/ledger/import/index.js";
import { parseCurrency } from "../../shared/src/money/currency.js";
import { UsageError } from "./io.js";

export const OPTION_SPEC = {
  ledger: { type: "string", multiple: true, short: "l" },
  "as-of": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  kind: { type: "string" },
  client: { type: "string", short: "c" },
  locale: { type: "string" },
  profile: { type: "string", short: "p" },
  output: { type: "string", short: "o" },
  out: { type: "string" },
  "page-size": { type: "string" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  "date-order": { type: "string" },
  decimal: { type: "string" },
  currency: { type: "string" },
  map: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
  count: { type: "string", short: "n" },
  rule: { type: "string", short: "r" },
  tz: { type: "string" },
  calendar: { type: "string" },
  shift: { type: "string" },
  period: { type: "string" },
  now: { type: "string" },
} as const;

export type ParsedOptions = ReturnType<typeof parseCommandLine>["values"];

export function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function dateOption(values: ParsedOptions, name: "as-of" | "from" | "to"): IsoDate | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (date === undefined) throw new UsageError(`--${name} ${text}: not a date on the calendar (use YYYY-MM-DD)`);
  return date;
}

/** Today's civil date where the user is: the CLI is a host, so it may read the clock (the core may not). */
export function today(): IsoDate {
  const now = new Date();
  const date = parseIsoDate(
    `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`,
  );
  if (date === undefined) throw new Error("the system clock gives no valid date");
  return date;
}

export function importOptions(values: ParsedOptions): LedgerImportOptions {
  const order = values["date-order"];
  if (order !== undefined && !["dmy", "mdy"].includes(order)) throw new UsageError("--date-order takes dmy or mdy");
  const decimalText = values.decimal;
  if (decimalText !== undefined && decimalText !== "," && decimalText !== ".") {
    throw new UsageError('--decimal takes "," or "."');
  }
  const decimal: "," | "." | undefined = decimalText;
  const currencyText = values.currency;
  const defaultCurrency = currencyText === undefined ? undefined : parseCurrency(currencyText);
  if (currencyText !== undefined && defaultCurrency === undefined) {
    throw new UsageError(`--currency ${currencyText}: not an ISO 4217 currency code`);
  }
  const mapping: Partial<Record<LedgerField, string>> = {};
  for (const pair of values.map ?? []) {
    const match = /^([a-zA-Z]+)=(.+)$/.exec(pair);
    if (match === null) throw new UsageError(`--map ${pair}: write FIELD=Header, e.g. --map "number=Ref. pièce"`);
    const field = match[1] ?? "";
    if (!(field in LEDGER_FIELD_NAMES)) {
      throw new UsageError(
        `--map ${pair}: unknown field "${field}" (fields: ${Object.keys(LEDGER_FIELD_NAMES).join(", ")})`,
      );
    }
    mapping[field as LedgerField] = match[2] ?? "";
  }
  const shared = {
    ...(order !== undefined ? { dateOrder: order === "dmy" ? ("day-month" as const) : ("month-day" as const) } : {}),
    ...(decimal !== undefined ? { decimalSeparator: decimal } : {}),
    ...(defaultCurrency !== undefined ? { defaultCurrency } : {}),
  };
  return { ledgerCsv: { ...shared, mapping }, paymentsCsv: shared };
}
