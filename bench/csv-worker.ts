/** Child process of csv.bench.ts: times one import + statements of the file it is given, prints JSON. */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Papa from "papaparse";
import { isoDate } from "../shared/src/date/civil-date.js";
import { assembleLedger } from "../shared/src/ledger/assemble.js";
import { importLedgerFiles } from "../shared/src/ledger/import/index.js";
import { buildStatement, sliceLedger } from "../shared/src/statement/build.js";

const path = process.argv[2];
if (path === undefined) throw new Error("usage: csv-worker.ts FILE");
const bytes = new Uint8Array(readFileSync(path));

const papaStart = performance.now();
const text = new TextDecoder().decode(bytes);
Papa.parse(text, { delimiter: ";" });
const papaMs = performance.now() - papaStart;

const start = performance.now();
const imports = await importLedgerFiles([{ name: "ledger-100k.csv", bytes }]);
const outcome = assembleLedger(imports, { paymentTermsDays: 30 });
if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
const ledger = outcome.value;
const slices = sliceLedger(ledger);
// The target's workload: the import and one client's statement (the largest: every client has 200 rows).
const first = ledger.clients[0];
if (first === undefined) throw new Error("no client");
buildStatement(
  ledger,
  { kind: "outstanding", client: first.key, asOf: isoDate("2026-11-30"), locale: "fr-FR" },
  slices,
);
const oneMs = performance.now() - start;
let statements = 1;
for (const client of ledger.clients.slice(1)) {
  buildStatement(
    ledger,
    { kind: "outstanding", client: client.key, asOf: isoDate("2026-11-30"), locale: "fr-FR" },
    slices,
  );
  statements++;
}
const oursMs = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    oneMs,
    oursMs,
    papaMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    documents: ledger.documents.length,
    statements,
  }),
);
