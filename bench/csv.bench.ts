/**
 * 100k-row ledger CSV → import + assemble + one client's statement (target ≤ 1.5 s), then all 500, run in a
 * fresh child process so its peak memory (max RSS) is its own. Reference measured in the same run: papaparse alone
 * splitting the same bytes, the floor any CSV import pays.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROWS = 100_000;
const CLIENTS = 500;
const TARGET_MS = 1500;

/** A French export: `;`, decimal comma, space thousands, dd/mm/yyyy, some paid, some credit notes. */
export function generateLedgerCsv(rows: number, clients: number): string {
  const lines = ["N° facture;Client;E-mail client;Date;Échéance;Montant TTC;Payé;Devise"];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let index = 0; index < rows; index++) {
    const client = index % clients;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 11);
    const credit = random() < 0.05;
    const cents = Math.floor(random() * 2_000_000) + 100;
    const paid = random() < 0.6 ? cents : random() < 0.5 ? Math.floor(cents / 2) : 0;
    const amount = (minor: number) => {
      const whole = Math.floor(minor / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
      return `${credit && minor !== 0 ? "-" : ""}${whole},${String(minor % 100).padStart(2, "0")}`;
    };
    const date = (d: number, m: number) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/2026`;
    lines.push(
      [
        `F-${String(index).padStart(7, "0")}`,
        `Client ${client} SARL`,
        `compta${client}@example.test`,
        date(day, month),
        date(day, month + 1),
        amount(cents),
        credit ? "0,00" : amount(paid),
        client % 7 === 0 ? "CHF" : "EUR",
      ].join(";"),
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "releve-bench-"));
  const file = join(dir, "ledger-100k.csv");
  writeFileSync(file, generateLedgerCsv(ROWS, CLIENTS));
  // The worker runs as tsc emits it (dist/, as users run the CLI), not through tsx's on-the-fly transform.
  const worker = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bench", "csv-worker.js");
  type WorkerResult = {
    oneMs: number;
    oursMs: number;
    papaMs: number;
    maxRssMb: number;
    documents: number;
    statements: number;
  };
  const runs: WorkerResult[] = [];
  // One after the other: parallel runs would share the two cores and measure each other.
  for (let index = 0; index < 3; index++) {
    const { stdout } = await promisify(execFile)(process.execPath, [worker, file], { encoding: "utf8" });
    runs.push(JSON.parse(stdout) as WorkerResult);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const oursMs = median(runs.map((r) => r.oursMs));
  const oneMs = median(runs.map((r) => r.oneMs));
  const papaMs = median(runs.map((r) => r.papaMs));
  const first = runs[0];
  console.log(
    `100k-row CSV (${ROWS} rows, ${CLIENTS} clients): ${first?.documents} documents, ${first?.statements} statements`,
  );
  console.log(`  ours: import + assemble + 1 statement   ${oneMs.toFixed(0)} ms (median of 3 fresh processes)`);
  console.log(`  ours: … + all ${CLIENTS} statements      ${oursMs.toFixed(0)} ms`);
  console.log(
    `  reference: papaparse split only        ${papaMs.toFixed(0)} ms → ratio ${(oneMs / papaMs).toFixed(2)}× (1 statement)`,
  );
  console.log(
    `  target ≤ ${TARGET_MS} ms (import + statement) → ${(oneMs / TARGET_MS).toFixed(2)}× of target (${oneMs <= TARGET_MS ? "met" : "MISSED"})`,
  );
  console.log(`  peak memory (max RSS of the process): ${median(runs.map((r) => r.maxRssMb)).toFixed(0)} MB`);
}
