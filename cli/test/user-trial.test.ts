// Regressions from the first new-user trial: each test is a mistake a real user made, or a file they really have.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../test/reference.js";
import { fixture, releve, STACK_TRACE, useTempDir } from "./harness.js";

const temp = useTempDir();
const examples = join(repoRoot, "examples");
const ledgerFolder = join(examples, "ledger");
const payments = join(ledgerFolder, "paiements.csv");

interface ClientsJson {
  clients: { name: string; emails: string[]; balances: { currency: string; open: { amount: string } }[] }[];
}

async function balances(...ledger: string[]): Promise<Record<string, string>> {
  const result = await releve(
    "clients",
    ...ledger.flatMap((path) => ["--ledger", path]),
    "--as-of",
    "2026-11-30",
    "--json",
  );
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as ClientsJson;
  return Object.fromEntries(
    json.clients.map((c) => [c.name, c.balances.map((b) => `${b.open.amount} ${b.currency}`).join(" + ")]),
  );
}

describe("the same payments given twice", () => {
  it("a folder and a file inside it count each payment once", async () => {
    expect(await balances(ledgerFolder, payments)).toEqual(await balances(ledgerFolder));
  });

  it("a copied payments file is read once, with a warning", async () => {
    const copy = join(temp.path(), "paiements (1).csv");
    copyFileSync(payments, copy);
    const result = await releve("clients", "--ledger", ledgerFolder, "--ledger", copy, "--as-of", "2026-11-30");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/paiements \(1\)\.csv: warning: same content as \S*paiements\.csv: read once/);
    expect(await balances(ledgerFolder, copy)).toEqual(await balances(ledgerFolder));
  });

  it("a payment row repeated in another payments file counts once", async () => {
    const extra = join(temp.path(), "virements-novembre.csv");
    writeFileSync(extra, "Date;Facture;Montant;Moyen de paiement\r\n30/10/2026;AC-2026-068;2 000,00;Virement\r\n");
    const result = await releve("clients", "--ledger", ledgerFolder, "--ledger", extra, "--as-of", "2026-11-30");
    expect(result.stderr).toMatch(
      /virements-novembre\.csv:2: warning: the same payment is also in \S*paiements\.csv: counted once/,
    );
    expect(await balances(ledgerFolder, extra)).toEqual(await balances(ledgerFolder));
  });
});

it("reports a 'paid' column of zero that the dated payments contradict", async () => {
  const ledger = join(temp.path(), "factures.csv");
  const dated = join(temp.path(), "paiements.csv");
  writeFileSync(
    ledger,
    "N° facture;Client;Date;Échéance;Montant TTC;Réglé;Devise\r\nF-1;Acme;01/10/2026;31/10/2026;900,00;0,00;EUR\r\n",
  );
  writeFileSync(dated, "Date;Facture;Montant\r\n15/10/2026;F-1;500,00\r\n");
  const result = await releve("clients", "--ledger", ledger, "--ledger", dated, "--as-of", "2026-11-30");
  expect(result.stderr).toMatch(
    /factures\.csv:2: warning: F-1: the "paid" column says 0\.00 but dated payments add up to 500\.00/,
  );
});

it("reads folders without tripping on notes, Excel lock files or subfolders", async () => {
  const folder = join(temp.path(), "ledger");
  mkdirSync(join(folder, "2025"), { recursive: true });
  copyFileSync(join(ledgerFolder, "factures.csv"), join(folder, "factures.csv"));
  writeFileSync(join(folder, "README.txt"), "exported from the invoicing tool on 1 Dec\n");
  writeFileSync(join(folder, "~$factures.csv"), "\u0000lock");
  const result = await releve("clients", "--ledger", folder, "--as-of", "2026-11-30");
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/ledger: warning: subfolders not read: 2025/);
});

it("says it cannot write to a folder instead of crashing", async () => {
  const result = await releve(
    "statement",
    "--ledger",
    ledgerFolder,
    "--client",
    "bristol",
    "--as-of",
    "2026-11-30",
    "-o",
    temp.path(),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/cannot write: it is a folder/);
  expect(result.stderr).not.toMatch(STACK_TRACE);
});

it("says a part of the output path is a file, and stops at once under a folder it cannot create", async () => {
  const file = join(temp.path(), "afile");
  writeFileSync(file, "not a folder");
  const batch = await releve("batch", "--ledger", ledgerFolder, "--as-of", "2026-11-30", "--out", file);
  expect(batch.code).toBe(1);
  expect(batch.stderr).toMatch(
    /afile\/librairie-les-mots-bleus-2026-11-30\.pdf: cannot write: a part of the path is a file/,
  );
  expect(batch.stdout).toMatch(/0 PDF\(s\) in .* — 4 could not be written/);
  expect(batch.stderr).not.toMatch(STACK_TRACE);
  const statement = await releve(
    "statement",
    "--ledger",
    ledgerFolder,
    "--client",
    "bristol",
    "--as-of",
    "2026-11-30",
    "-o",
    join(file, "x.pdf"),
  );
  expect(statement.code).toBe(1);
  expect(statement.stderr).toMatch(/cannot write: a part of the path is a file/);
  expect(statement.stderr).not.toMatch(STACK_TRACE);
  // Node's recursive mkdir never returns under /proc; ours fails at once (jest's timeout would catch a hang).
  const proc = await releve("batch", "--ledger", ledgerFolder, "--as-of", "2026-11-30", "--out", "/proc/releve-nope");
  expect(proc.code).toBe(1);
  expect(proc.stderr).toMatch(/cannot write/);
}, 20_000);

it("turns French late-payment mentions on only for a French company", async () => {
  const profile = join(temp.path(), "profile.json");
  writeFileSync(profile, JSON.stringify({ name: "Jean Dupont EI" }));
  const out = join(temp.path(), "s.pdf");
  const result = await releve(
    "statement",
    "--ledger",
    ledgerFolder,
    "--client",
    "bristol",
    "--as-of",
    "2026-11-30",
    "--profile",
    profile,
    "-o",
    out,
    "--json",
  );
  expect((JSON.parse(result.stdout) as { frenchMentions: unknown }).frenchMentions).toBeNull();
});

it("keeps every address of a cell listing several", async () => {
  const ledger = join(temp.path(), "factures.csv");
  writeFileSync(
    ledger,
    'N° facture;Client;E-mail;Date;Échéance;Montant TTC;Devise\r\nF-1;Acme;"ap@acme.example; cfo@acme.example";01/10/2026;31/10/2026;900,00;EUR\r\n',
  );
  const result = await releve("clients", "--ledger", ledger, "--as-of", "2026-11-30", "--json");
  expect((JSON.parse(result.stdout) as ClientsJson).clients[0]?.emails).toEqual([
    "ap@acme.example",
    "cfo@acme.example",
  ]);
});

it("matches a client whose name has letters like ł without the accent", async () => {
  const ledger = join(temp.path(), "faktury.csv");
  writeFileSync(
    ledger,
    "Invoice Number,Customer,Invoice Date,Due Date,Total,Currency\nP-1,Łódź Ćwiczenia Spółka,2026-10-01,2026-10-31,900.00,EUR\n",
  );
  const out = join(temp.path(), "lodz.pdf");
  const result = await releve("statement", "--ledger", ledger, "--client", "lodz", "--as-of", "2026-11-30", "-o", out);
  expect(result.code).toBe(0);
});

describe("options a user types loosely", () => {
  it("refuses a statement language we cannot write, and reads 'en' as British English", async () => {
    const out = join(temp.path(), "s.pdf");
    const bad = await releve(
      "statement",
      "--ledger",
      ledgerFolder,
      "--client",
      "bristol",
      "--as-of",
      "2026-11-30",
      "--locale",
      "ja-JP",
      "-o",
      out,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--locale ja-JP: statements are written in French or English/);
    const en = await releve(
      "statement",
      "--ledger",
      ledgerFolder,
      "--client",
      "bristol",
      "--as-of",
      "2026-11-30",
      "--locale",
      "en",
      "-o",
      out,
      "--json",
    );
    expect((JSON.parse(en.stdout) as { locale: string }).locale).toBe("en-GB");
  });

  it("accepts --page-size letter in any case", async () => {
    const out = join(temp.path(), "s.pdf");
    const result = await releve(
      "statement",
      "--ledger",
      ledgerFolder,
      "--client",
      "bristol",
      "--as-of",
      "2026-11-30",
      "--page-size",
      "letter",
      "-o",
      out,
    );
    expect(result.code).toBe(0);
  });

  it("names the option that settles an undecidable date column", async () => {
    const result = await releve("clients", "--ledger", fixture("undecidable-dates.csv"));
    expect(result.stderr).toMatch(/\(use --date-order dmy or --date-order mdy\)/);
  });
});

it("names a row whose email or language cell is wrong", async () => {
  const ledger = join(temp.path(), "factures.csv");
  writeFileSync(
    ledger,
    "N° facture;Client;E-mail;Langue;Date;Échéance;Montant TTC;Devise\r\n" +
      "F-1;Acme;ap@acme.example;fr-FR;01/10/2026;31/10/2026;900,00;EUR\r\n" +
      "F-2;Acme;pas-une-adresse;fr-FR;02/10/2026;01/11/2026;100,00;EUR\r\n" +
      "F-3;Acme;ap@acme.example;français!;03/10/2026;02/11/2026;100,00;EUR\r\n",
  );
  const result = await releve("clients", "--ledger", ledger, "--as-of", "2026-11-30");
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/factures\.csv:3: client email: "pas-une-adresse" is not an email address/);
  expect(result.stderr).toMatch(/factures\.csv:4: client language: "français!" is not a language tag/);
});
