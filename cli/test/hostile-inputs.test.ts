// Bad and hostile ledger inputs through the whole CLI: every one must stop with `file:line: message` (exit 1), or a
// usage message (exit 2), never a stack trace, and never leave a PDF or a stray temporary file behind.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { referencePath } from "../../test/reference.js";
import { fixture, releve, STACK_TRACE, useTempDir, type CliResult } from "./harness.js";

const temp = useTempDir();

interface Case {
  readonly name: string;
  /** --ledger paths; may write generated inputs into the temp dir first. */
  readonly ledger: (dir: string) => string[];
  /** What stderr must say: the file, the line (or field), a plain keyword. */
  readonly stderr: readonly RegExp[];
  /** Files the case itself put in the temp dir (nothing else may be there afterwards). */
  readonly inputs?: readonly string[];
  readonly notOnStderr?: RegExp;
}

const CASES: readonly Case[] = [
  {
    name: "truncated CSV: the last row is cut mid-field, so it has fewer fields",
    ledger: () => [fixture("truncated-row.csv")],
    stderr: [/truncated-row\.csv:3: row has 6 fields but the header has 7 \(truncated or shifted row\?\)/],
  },
  {
    name: "truncated CSV: cut inside a quoted field",
    ledger: () => [fixture("truncated-in-quotes.csv")],
    stderr: [/truncated-in-quotes\.csv:3: a quoted field is never closed \(unbalanced quotes\)/],
  },
  {
    name: "UTF-16 without a byte order mark",
    ledger: () => [fixture("utf16le-no-bom.csv")],
    stderr: [/utf16le-no-bom\.csv: this is not a text file \(it contains NUL bytes\)/],
  },
  {
    name: "an .xlsx (zip) given as the ledger",
    ledger: () => [fixture("spreadsheet.xlsx")],
    stderr: [/spreadsheet\.xlsx: this is not a text file .*export the sheet as CSV/],
  },
  {
    name: "binary NUL bytes inside an otherwise textual CSV",
    ledger: (dir) => {
      const path = join(dir, "nul.csv");
      writeFileSync(path, "N° facture;Client;Date;Montant TTC;Devise\nF-1;Acme\u0000;05/01/2026;10,00;EUR\n");
      return [path];
    },
    inputs: ["nul.csv"],
    stderr: [/nul\.csv: this is not a text file/],
  },
  {
    name: "unbalanced quotes in the middle of the file",
    ledger: () => [fixture("unbalanced-quotes.csv")],
    stderr: [/unbalanced-quotes\.csv:3: .*quote/],
  },
  {
    name: "a 10 MB field (generated)",
    ledger: (dir) => {
      const path = join(dir, "huge-field.csv");
      writeFileSync(
        path,
        `N° facture;Client;Date;Montant TTC;Devise\nF-1;${"A".repeat(10 * 1024 * 1024)};05/01/2026;10,00;EUR\n`,
      );
      return [path];
    },
    inputs: ["huge-field.csv"],
    stderr: [/huge-field\.csv:2: field of 10485760 characters \(limit 10000\)/],
  },
  {
    name: 'unknown currencies "EURO" and "XYZ"',
    ledger: () => [fixture("unknown-currency.csv")],
    stderr: [
      /unknown-currency\.csv:3: currency: "EURO" is not an ISO 4217 currency code/,
      /unknown-currency\.csv:4: currency: "XYZ" is not an ISO 4217 currency code/,
    ],
  },
  {
    name: "31/02/2026",
    ledger: () => [fixture("impossible-date.csv")],
    stderr: [/impossible-date\.csv:3: issue date: "31\/02\/2026" is not a date on the calendar/],
  },
  {
    name: "an undecidable date column (every day ≤ 12, English headers)",
    ledger: () => [fixture("undecidable-dates.csv")],
    stderr: [/undecidable-dates\.csv:1: dates: cannot tell day\/month from month\/day .*give the date order/],
  },
  {
    name: "a file mixing 13/01/2026 and 01/13/2026",
    ledger: () => [fixture("mixed-date-order.csv")],
    stderr: [
      /mixed-date-order\.csv:1: dates: dates disagree: "13\/01\/2026" is day\/month but "01\/13\/2026" is month\/day/,
    ],
    // The conflict is the one thing to fix; a row error "01/13/2026 is not a date" would send the user astray.
    notOnStderr: /not a date on the calendar/,
  },
  {
    name: "duplicate invoice numbers",
    ledger: () => [fixture("duplicate-numbers.csv")],
    stderr: [/duplicate-numbers\.csv:4: invoice number: invoice number F-2026-001 appears twice \(lines 2 and 4\)/],
  },
  {
    name: 'two currencies in one row ("$120.00" in an EUR row)',
    ledger: () => [fixture("two-currencies.csv")],
    stderr: [/two-currencies\.csv:3: total: "\$120\.00" is in USD, but the row's currency is EUR/],
  },
  {
    name: 'an ambiguous amount ("1,234" and nothing else deciding)',
    ledger: () => [fixture("ambiguous-amount.csv")],
    stderr: [/ambiguous-amount\.csv:2: total: "1,234" could be read two ways .*decimal mark/],
  },
  {
    name: "missing required column (no Total)",
    ledger: () => [fixture("missing-total.csv")],
    stderr: [/missing-total\.csv:1: total: no column for the total .*column mapping/],
  },
  {
    name: "a non-numeric amount",
    ledger: () => [fixture("non-numeric-amount.csv")],
    stderr: [/non-numeric-amount\.csv:3: total: "trois cents" is not an amount/],
  },
  {
    name: "an empty file",
    ledger: () => [fixture("empty.csv")],
    stderr: [/empty\.csv: the file is empty/],
  },
  {
    name: "a payment in another currency than its invoice",
    ledger: () => [fixture("ledger.csv"), fixture("payments-other-currency.csv")],
    stderr: [/payments-other-currency\.csv:2: payment in USD for F-2026-001, which is in EUR/],
  },
  {
    name: "a --ledger path that does not exist",
    ledger: (dir) => [join(dir, "nope.csv")],
    stderr: [/nope\.csv: no such file or folder/],
  },
  {
    name: "a folder with no ledger files",
    ledger: (dir) => {
      const folder = join(dir, "exports");
      mkdirSync(folder);
      writeFileSync(join(folder, "notes.md"), "not a ledger\n");
      writeFileSync(join(folder, ".hidden.csv"), "hidden\n");
      return [folder];
    },
    inputs: ["exports"],
    stderr: [/exports: no \.csv, \.xml or \.pdf files in this folder/],
  },
  {
    name: "the same invoice number with other figures in two e-invoices (the UBL sample folder)",
    ledger: () => [referencePath("samples", "einvoices", "ubl")],
    stderr: [
      /EN16931_Rabatte\.ubl\.xml \(Invoice\/cbc:ID\): 471102 is also in \S*EN16931_Einfach\.ubl\.xml with other figures \(here invoice of 2018-06-05, 215\.07 EUR, 50\.00 paid, there invoice of 2018-03-05, 529\.87 EUR\)/,
    ],
  },
];

function expectCleanFailure(result: CliResult, testCase: Case, written: string[]) {
  expect(result.code).toBe(1);
  for (const pattern of testCase.stderr) expect(result.stderr).toMatch(pattern);
  if (testCase.notOnStderr !== undefined) expect(result.stderr).not.toMatch(testCase.notOnStderr);
  expect(result.stderr).toMatch(/releve: stopped, \d+ error\(s\); nothing was written\n$/);
  expect(result.stderr).not.toMatch(STACK_TRACE);
  // No PDF, no half-written ".out.pdf.<pid>.tmp": the folder holds exactly the inputs.
  expect(written).toEqual([...(testCase.inputs ?? [])].sort());
  expect(written.filter((name) => name.endsWith(".tmp"))).toEqual([]);
}

describe.each(CASES)("$name", (testCase) => {
  it("releve statement stops with file:line, exit 1, and writes nothing", async () => {
    const dir = temp.path();
    const ledger = testCase.ledger(dir).flatMap((path) => ["--ledger", path]);
    const out = join(dir, "out.pdf");
    const result = await releve("statement", ...ledger, "--client", "Atelier", "--as-of", "2026-11-30", "-o", out);
    expectCleanFailure(result, testCase, temp.files());
    expect(result.stdout).toBe("");
  });

  it("releve clients stops with file:line and exit 1", async () => {
    const dir = temp.path();
    const ledger = testCase.ledger(dir).flatMap((path) => ["--ledger", path]);
    const result = await releve("clients", ...ledger, "--as-of", "2026-11-30", "--json");
    expectCleanFailure(result, testCase, temp.files());
    expect(result.stdout).toBe("");
  });
});

describe("usage mistakes (exit 2, nothing read or written)", () => {
  it.each([
    [["--as-of", "2026-02-30"], /--as-of 2026-02-30: not a date on the calendar \(use YYYY-MM-DD\)/],
    [["--as-of", "30/11/2026"], /--as-of 30\/11\/2026: not a date on the calendar/],
    [["--date-order", "ymd"], /--date-order takes dmy or mdy/],
    [["--decimal", ";"], /--decimal takes "," or "."/],
    [["--map", "total"], /--map total: write FIELD=Header/],
    [["--map", "amount=Net"], /--map amount=Net: unknown field "amount"/],
    [["--page-size", "A5"], /--page-size takes A4 or Letter/],
    [["--currency", "EURO"], /--currency EURO: not an ISO 4217 currency code/],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
  ])("%j", async (extra, message) => {
    const out = join(temp.path(), "out.pdf");
    const result = await releve(
      "statement",
      "--ledger",
      fixture("ledger.csv"),
      "--client",
      "Atelier",
      "--as-of",
      "2026-11-30",
      "-o",
      out,
      ...extra,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/\(run "releve --help" for usage\)/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(temp.files()).toEqual([]);
  });

  it("`clients --as-of 2026-02-30` is a usage error too", async () => {
    const result = await releve("clients", "--ledger", fixture("ledger.csv"), "--as-of", "2026-02-30");
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/--as-of 2026-02-30: not a date on the calendar/);
  });

  it("no --ledger at all, and an unknown command", async () => {
    expect((await releve("clients")).stderr).toMatch(/give at least one --ledger PATH/);
    expect((await releve("clients")).code).toBe(2);
    expect(await releve("statements", "--ledger", fixture("ledger.csv"))).toMatchObject({ code: 2 });
  });
});

describe("a header-only file", () => {
  // A user who exports an empty period expects "nobody owes anything", with a word that the file had no rows —
  // not a failure for `clients`; but there is nobody to write a statement to, which is a data problem (exit 1).
  it("clients: no clients, exit 0, and a warning naming the file and the header line", async () => {
    const result = await releve("clients", "--ledger", fixture("header-only.csv"), "--as-of", "2026-11-30", "--json");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { clients: unknown[] }).clients).toEqual([]);
    expect(result.stderr).toMatch(
      /header-only\.csv:1: warning: no invoices or credit notes in this file \(only a header\)/,
    );
  });

  it("statement: exit 1, says there is no client, writes nothing", async () => {
    const out = join(temp.path(), "out.pdf");
    const result = await releve("statement", "--ledger", fixture("header-only.csv"), "--client", "Atelier", "-o", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/header-only\.csv:1: warning: no invoices or credit notes/);
    expect(result.stderr).toMatch(/no invoices were read, so there is no client to make a statement for/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(temp.files()).toEqual([]);
  });
});

describe("a payment naming an unknown invoice", () => {
  const balances = (stdout: string) =>
    Object.fromEntries(
      (JSON.parse(stdout) as { clients: { name: string; balances: { open: { amount: string } }[] }[] }).clients.map(
        (client) => [client.name, client.balances.map((balance) => balance.open.amount)],
      ),
    );

  it("is a warning with its line, not counted; the known payment is", async () => {
    const result = await releve(
      "clients",
      "--ledger",
      fixture("ledger.csv"),
      "--ledger",
      fixture("payments-unknown-invoice.csv"),
      "--as-of",
      "2026-11-30",
      "--json",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /payments-unknown-invoice\.csv:3: warning: invoice number: payment for invoice F-2026-999, which no ledger file has: not counted/,
    );
    expect(balances(result.stdout)).toEqual({
      "Atelier Lumière SARL": ["1000.00"], // 1 200,00 − 200,00; the 500,00 for F-2026-999 is not taken off anyone
      "Boulangerie Dupont": ["300.00"],
    });
  });

  it("is the same warning when the payments file has a currency column", async () => {
    const payments = join(temp.path(), "payments.csv");
    writeFileSync(payments, "Date;Facture;Montant;Devise\n25/01/2026;F-2026-999;500,00;EUR\n");
    const result = await releve(
      "clients",
      "--ledger",
      fixture("ledger.csv"),
      "--ledger",
      payments,
      "--as-of",
      "2026-11-30",
      "--json",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /payments\.csv:2: warning: payment for F-2026-999, which no ledger file has: not counted/,
    );
    expect(balances(result.stdout)).toEqual({ "Atelier Lumière SARL": ["1200.00"], "Boulangerie Dupont": ["300.00"] });
  });
});

describe("a Windows-1252 export with accents (Excel « CSV (séparateur : point-virgule) »)", () => {
  it("imports correctly: Société Générale, Échéance recognised as the due date", async () => {
    const result = await releve("invoices", "--ledger", fixture("windows-1252.csv"), "--json");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const rows = JSON.parse(result.stdout) as { number: string; client: string; dueDate: string; open: string }[];
    expect(rows.map(({ number, client, dueDate, open }) => ({ number, client, dueDate, open }))).toEqual([
      { number: "F-2026-010", client: "Société Générale", dueDate: "2026-02-04", open: "1500.00" },
      { number: "F-2026-011", client: "Société Générale", dueDate: "2026-02-17", open: "250.50" },
    ]);
    const clients = await releve("clients", "--ledger", fixture("windows-1252.csv"), "--as-of", "2026-11-30", "--json");
    const [file] = (JSON.parse(clients.stdout) as { files: { recognised: string[] }[] }).files;
    expect(file?.recognised.join("\n")).toMatch(/Windows-1252/);
    expect(file?.recognised.join("\n")).toMatch(/"Échéance" → due date/);
    expect(file?.recognised.join("\n")).toMatch(/"Raison sociale" → client/);
  });
});
