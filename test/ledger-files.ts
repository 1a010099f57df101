/** Test support: read ledger files from disk the way the CLI does, into an assembled Ledger. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { assembleLedger } from "../shared/src/ledger/assemble.js";
import { importLedgerFiles, type LedgerImportOptions } from "../shared/src/ledger/import/index.js";
import type { Ledger } from "../shared/src/ledger/model.js";
import { formatProblem, type Problem } from "../shared/src/problem.js";

export async function loadLedger(
  paths: readonly string[],
  options: LedgerImportOptions = {},
): Promise<{ ledger: Ledger; problems: readonly Problem[] }> {
  const imports = await importLedgerFiles(
    paths.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) })),
    options,
  );
  const outcome = assembleLedger(imports, { paymentTermsDays: 30 });
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
  return { ledger: outcome.value, problems: outcome.problems };
}
