/** Runs every bench/*.bench.ts module in name order; each exports `run()`, which prints its own rows. */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface BenchModule {
  run(): Promise<void>;
}

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === "object" && value !== null && typeof (value as { run?: unknown }).run === "function";
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

for (const file of files) {
  console.log(`\n# ${file}`);
  const loaded: unknown = await import(pathToFileURL(join(here, file)).href);
  if (!isBenchModule(loaded)) throw new Error(`${file} does not export an async run()`);
  await loaded.run();
}
