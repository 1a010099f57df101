/** `releve clients`: who is in the ledger, what each owes per currency, and what was recognised in each file. */
import { formatMoney } from "../../../shared/src/money/format.js";
import { importJson, moneyJson } from "../../../shared/src/statement/json.js";
import { sliceLedger } from "../../../shared/src/statement/build.js";
import { readProfile } from "../io.js";
import { loadLedger } from "../context.js";
import { dateOption, today, type ParsedOptions } from "../options.js";
import { renderTable } from "../table.js";
import { makeStatement } from "./statement-support.js";
import type { CommandOutput } from "./output.js";

export async function clientsCommand(values: ParsedOptions): Promise<CommandOutput> {
  const profile = readProfile(values.profile);
  const asOf = dateOption(values, "as-of") ?? today();
  const { ledger, imports, problems } = await loadLedger(values, profile.paymentTermsDays);
  const slices = sliceLedger(ledger);
  const rows = ledger.clients.map((client) => {
    const statement = makeStatement(
      ledger,
      client,
      profile,
      { kind: "outstanding", asOf, period: undefined, locale: undefined },
      slices,
    );
    return { client, statement };
  });
  if (values.json === true) {
    return {
      json: {
        asOf,
        files: imports.map(importJson),
        clients: rows.map(({ client, statement }) => ({
          name: client.name,
          emails: client.emails,
          locale: client.locale ?? null,
          nothingToSend: statement.nothingToSend,
          balances: statement.sections.map((section) => ({
            currency: section.currency,
            open: moneyJson(section.openTotal),
            overdue: moneyJson(section.overdueTotal),
            overdueCount: section.overdueCount,
          })),
        })),
      },
      problems,
    };
  }
  const fileReport = imports.map(
    (fileImport) => `${fileImport.file}\n${fileImport.recognised.map((line) => `  · ${line}`).join("\n")}`,
  );
  const table = renderTable(
    [
      { title: "Client" },
      { title: "Email" },
      { title: "Currency" },
      { title: "Open", align: "right" },
      { title: "Overdue", align: "right" },
      { title: "" },
    ],
    rows.flatMap(({ client, statement }) =>
      statement.sections.map((section, index) => [
        index === 0 ? client.name : "",
        index === 0 ? (client.emails[0] ?? "") : "",
        section.currency,
        formatMoney(section.openTotal, statement.locale),
        formatMoney(section.overdueTotal, statement.locale),
        statement.nothingToSend && index === 0
          ? "nothing to send"
          : section.overdueCount > 0
            ? `${section.overdueCount} late`
            : "",
      ]),
    ),
  );
  return { text: `${fileReport.join("\n")}\n\nBalances as of ${asOf}\n${table}`, problems };
}
