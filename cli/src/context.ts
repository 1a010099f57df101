/** What every command starts from: the ledger read and assembled from `--ledger`, or the problems that stop it. */
import { assembleLedger } from "../../shared/src/ledger/assemble.js";
import { importLedgerFiles } from "../../shared/src/ledger/import/index.js";
import type { FileImport } from "../../shared/src/ledger/import/types.js";
import type { Client, Ledger } from "../../shared/src/ledger/model.js";
import { normaliseName } from "../../shared/src/ledger/model.js";
import type { Problem } from "../../shared/src/problem.js";
import { ProblemsError, readLedgerInputs, UsageError } from "./io.js";
import { importOptions, type ParsedOptions } from "./options.js";

export interface LoadedLedger {
  readonly ledger: Ledger;
  readonly imports: readonly FileImport[];
  /** Warnings and notes (errors stop the command). */
  readonly problems: readonly Problem[];
}

export async function loadLedger(values: ParsedOptions, paymentTermsDays: number): Promise<LoadedLedger> {
  const { files, notes } = readLedgerInputs(values.ledger ?? []);
  const imports = await importLedgerFiles(files, importOptions(values));
  const outcome = assembleLedger(imports, { paymentTermsDays });
  if (!outcome.ok) throw new ProblemsError([...notes, ...outcome.problems]);
  return { ledger: outcome.value, imports, problems: [...notes, ...outcome.problems] };
}

/** `--client` by email (exact, case-insensitive), then normalised name, then a unique partial name. */
export function findClient(ledger: Ledger, query: string): Client {
  const wanted = query.trim().toLowerCase();
  const byEmail = ledger.clients.find((client) => client.emails.includes(wanted));
  if (byEmail !== undefined) return byEmail;
  const name = normaliseName(query);
  const exact = ledger.clients.filter((client) => normaliseName(client.name) === name);
  if (exact.length === 1 && exact[0] !== undefined) return exact[0];
  const partial = ledger.clients.filter((client) => normaliseName(client.name).includes(name));
  if (partial.length === 1 && partial[0] !== undefined) return partial[0];
  const names = (partial.length > 1 ? partial : ledger.clients).map((client) => `  ${client.name}`).join("\n");
  throw new UsageError(
    partial.length > 1
      ? `--client "${query}" matches several clients:\n${names}`
      : `--client "${query}": no such client. Clients in this ledger:\n${names}`,
  );
}
