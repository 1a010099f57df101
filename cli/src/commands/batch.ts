/** `releve batch`: one PDF per client with something to send, and a summary table. */
import { join } from "node:path";
import { formatMoney } from "../../../shared/src/money/format.js";
import { normaliseName } from "../../../shared/src/ledger/model.js";
import type { Problem } from "../../../shared/src/problem.js";
import { moneyJson } from "../../../shared/src/statement/json.js";
import { sliceLedger } from "../../../shared/src/statement/build.js";
import { loadLedger } from "../context.js";
import { ProblemsError, readProfile, UsageError, writeFileAtomically } from "../io.js";
import { dateOption, type ParsedOptions } from "../options.js";
import { renderTable } from "../table.js";
import type { CommandOutput } from "./output.js";
import { makeStatement, pageSizeOption, renderPdf } from "./statement-support.js";

export async function batchCommand(values: ParsedOptions): Promise<CommandOutput> {
  const asOf = dateOption(values, "as-of");
  if (asOf === undefined) throw new UsageError("give --as-of DATE (YYYY-MM-DD)");
  const outDir = values.out;
  if (outDir === undefined) throw new UsageError("give --out DIR");
  const pageSize = pageSizeOption(values);
  const profile = readProfile(values.profile);
  const { ledger, problems } = await loadLedger(values, profile.paymentTermsDays);
  const slices = sliceLedger(ledger);
  const failures: Problem[] = [];
  const results = ledger.clients.map((client) => {
    const statement = makeStatement(
      ledger,
      client,
      profile,
      { kind: "outstanding", asOf, period: undefined, locale: values.locale },
      slices,
    );
    if (statement.nothingToSend) return { statement, pdf: undefined };
    const file = join(outDir, `${normaliseName(client.name).replace(/\s+/g, "-") || "client"}-${asOf}.pdf`);
    try {
      writeFileAtomically(file, renderPdf(statement, profile, pageSize));
      return { statement, pdf: file };
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      failures.push(...error.problems);
      return { statement, pdf: undefined, failed: true };
    }
  });
  const all = [...problems, ...failures];
  if (values.json === true) {
    return {
      json: {
        asOf,
        out: outDir,
        statements: results.map(({ statement, pdf }) => ({
          client: statement.client.name,
          nothingToSend: statement.nothingToSend,
          pdf: pdf ?? null,
          balances: statement.sections.map((section) => ({
            open: moneyJson(section.openTotal),
            overdue: moneyJson(section.overdueTotal),
          })),
        })),
      },
      problems: all,
      failed: failures.length > 0,
    };
  }
  const table = renderTable(
    [
      { title: "Client" },
      { title: "Open", align: "right" },
      { title: "Overdue", align: "right" },
      { title: "Statement" },
    ],
    results.map((result) => [
      result.statement.client.name,
      result.statement.sections.map((section) => formatMoney(section.openTotal, result.statement.locale)).join(" + "),
      result.statement.sections
        .map((section) => formatMoney(section.overdueTotal, result.statement.locale))
        .join(" + "),
      result.pdf ?? ("failed" in result ? "not written (see above)" : "nothing to send"),
    ]),
  );
  const written = results.filter((result) => result.pdf !== undefined).length;
  const allLater = ledger.documents.length > 0 && ledger.documents.every((doc) => doc.issueDate > asOf);
  const hint =
    failures.length > 0
      ? ` — ${String(failures.length)} could not be written (see above)`
      : written > 0
        ? ""
        : allLater
          ? ` — every invoice is dated after ${asOf}: check --as-of`
          : " — no client owes anything";
  return {
    text: `Statements as of ${asOf}\n${table}\n\n${written} PDF(s) in ${outDir}${hint}`,
    problems: all,
    failed: failures.length > 0,
  };
}
