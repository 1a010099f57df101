/**
 * Outlook add-in budgets (part of `npm run bench`): initial pane JS ≤ 200 KB gzip (the PDF engine and the schedule
 * engine are loaded on demand and reported apart), and the workbench pane interactive ≤ 1 s in headless Chromium
 * (navigation start → the client picker and the example client's balance on screen). Exits 1 over budget.
 */
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildOutlook } from "./build.js";
import { launch, serve } from "./test/harness.js";

const INITIAL_BUDGET = 200 * 1024;
const INTERACTIVE_BUDGET_MS = 1000;
const RUNS = 5;

const out = mkdtempSync(join(tmpdir(), "releve-outlook-bench-"));
const built = Date.now();
await buildOutlook({ mode: "production", outputPath: out });
console.log(`outlook: production build ${String(Date.now() - built)} ms`);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const html = readFileSync(join(out, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/src="?([^"\s>]+\.js)/g)]
  .map((m) => m[1] ?? "")
  .filter((src) => !src.startsWith("http"));
let initialGzip = 0;
for (const file of initial) {
  const bytes = readFileSync(join(out, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  initialGzip += gzip;
  console.log(`outlook: initial ${file}: ${kb(bytes.length)} min, ${kb(gzip)} gzip`);
}
for (const file of readdirSync(out).filter((f) => f.endsWith(".js") && !initial.includes(f))) {
  const bytes = readFileSync(join(out, file));
  console.log(`outlook: on demand ${file}: ${kb(bytes.length)} min, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
}

const served = await serve(out);
const context = await launch({ timezoneId: "Europe/Paris", locale: "fr-FR" });
await context.clock.setFixedTime(new Date("2026-11-20T10:00:00Z"));
const page = await context.newPage();
// Warm-up: loads the example into the pane's storage once (as a returning user has it).
await page.goto(`${served.url}index.html`);
await page.frameLocator("#pane-frame").getByTestId("client-picker").waitFor({ timeout: 30_000 });
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const frame = page.frameLocator("#pane-frame");
  // Measured from here (the clock in the page is fixed for the example's dates, so not with Date in the page).
  const start = process.hrtime.bigint();
  await page.goto(`${served.url}index.html`);
  await frame.getByTestId("client-picker").waitFor({ timeout: 30_000 });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await context.close();
await served.close();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
console.log(`outlook: initial pane JS ${kb(initialGzip)} gzip (budget ${kb(INITIAL_BUDGET)})`);
console.log(
  `outlook: workbench pane interactive ${median.toFixed(0)} ms median of ${String(RUNS)} (${times.map((t) => t.toFixed(0)).join(", ")}; budget ${String(INTERACTIVE_BUDGET_MS)} ms)`,
);
const over = initialGzip > INITIAL_BUDGET || !(median <= INTERACTIVE_BUDGET_MS);
if (over) {
  console.error("outlook: over budget");
  process.exitCode = 1;
}
