/** `releve statement`: one client's statement as a PDF (and its data with --json). */
import { compareDates, firstDayOfMonth } from "../../../shared/src/date/civil-date.js";
import { statementJson } from "../../../shared/src/statement/json.js";
import { findClient, loadLedger } from "../context.js";
import { problem } from "../../../shared/src/problem.js";
import { ProblemsError, readProfile, UsageError, writeFileAtomically } from "../io.js";
import { dateOption, today, type ParsedOptions } from "../options.js";
import type { CommandOutput } from "./output.js";
import { kindOption, makeStatement, pageSizeOption, renderPdf } from "./statement-support.js";
import { describeStatement } from "./summary.js";

export async function statementCommand(values: ParsedOptions): Promise<CommandOutput> {
  if (values.client === undefined) throw new UsageError("give --client NAME or EMAIL");
  const output = values.output;
  if (output === undefined) throw new UsageError("give -o FILE.pdf");
  const kind = kindOption(values);
  const pageSize = pageSizeOption(values);
  const asOfOption = dateOption(values, "as-of");
  const from = dateOption(values, "from");
  const to = dateOption(values, "to");
  if (kind === "outstanding" && (from !== undefined || to !== undefined)) {
    throw new UsageError("--from/--to are for --kind activity; an outstanding statement takes --as-of");
  }
  if (kind === "activity" && asOfOption !== undefined)
    throw new UsageError("an activity statement takes --from and --to, not --as-of");
  const end = to ?? today();
  const period = kind === "activity" ? { from: from ?? firstDayOfMonth(end), to: end } : undefined;
  if (period !== undefined && compareDates(period.from, period.to) > 0) {
    throw new UsageError(`--from ${period.from} is after --to ${period.to}`);
  }
  const profile = readProfile(values.profile);
  const { ledger, problems } = await loadLedger(values, profile.paymentTermsDays);
  if (ledger.clients.length === 0) {
    // A header-only file reads fine but leaves nobody to write to: say so with the file's own warning.
    throw new ProblemsError([
      ...problems,
      problem("error", "ledger.no-clients", "no invoices were read, so there is no client to make a statement for", {
        file: "releve",
      }),
    ]);
  }
  const client = findClient(ledger, values.client);
  const statement = makeStatement(ledger, client, profile, {
    kind,
    asOf: period?.to ?? asOfOption ?? today(),
    period,
    locale: values.locale,
  });
  const pdf = renderPdf(statement, profile, pageSize);
  writeFileAtomically(output, pdf);
  if (values.json === true) return { json: { ...statementJson(statement), pdf: output }, problems };
  const opening =
    period !== undefined ? ` (period ${period.from} – ${period.to}, opening balance on ${period.from})` : "";
  return {
    text: `${describeStatement(statement)}${opening}\nWrote ${output} (${Math.round(pdf.length / 1024)} KB)`,
    problems,
  };
}
