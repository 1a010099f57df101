/**
 * Gmail add-on figures (run by `npm run bench` through bench/gmail-addon.bench.ts, after `npm run build:gmail`):
 * Code.js size, cold evaluation + homepage card in the Apps Script sandbox, and one statement built and sent.
 */
import { statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { newSandbox, schedule, setUp, START } from "./test/fixtures.js";
import { CODE_JS } from "./test/sandbox/sandbox.js";

const TARGET_BYTES = 700 * 1024;
const TARGET_COLD_MS = 150;
const CARD_LIMIT_MS = 30_000;
const RUNS = 7;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const size = statSync(CODE_JS).size;
console.log(
  `Code.js size: ${(size / 1024).toFixed(0)} KB (target ≤ ${String(TARGET_BYTES / 1024)} KB)${size > TARGET_BYTES ? "  OVER TARGET" : ""}`,
);

const cold: number[] = [];
const evals: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  const sandbox = newSandbox();
  sandbox.run("onHomepage", sandbox.event());
  cold.push(performance.now() - started);
  evals.push(sandbox.evalMs);
}
const coldMs = median(cold);
console.log(
  `cold evaluation + homepage card: ${coldMs.toFixed(0)} ms median of ${String(RUNS)} (evaluation alone ` +
    `${median(evals).toFixed(0)} ms; target ≤ ${String(TARGET_COLD_MS)} ms)${coldMs > TARGET_COLD_MS ? "  OVER TARGET" : ""}`,
);

const sends: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const sandbox = newSandbox();
  setUp(sandbox);
  schedule(sandbox, "email:compta@motsbleus.example", START + 3600_000, ["compta@motsbleus.example"]);
  const started = performance.now();
  sandbox.advanceTo(START + 2 * 3600_000);
  sends.push(performance.now() - started);
  if (sandbox.sent.length !== 1) throw new Error("bench: the statement was not sent");
}
console.log(
  `one statement built, attached and sent (dispatcher run, ledger read from the sheets): ${median(sends).toFixed(0)} ms ` +
    `median of ${String(RUNS)} (card limit ${String(CARD_LIMIT_MS / 1000)} s, trigger limit 6 min)`,
);
