/** One line per statement for the terminal: client, balance per currency, overdue part. */
import { formatMoney } from "../../../shared/src/money/format.js";
import type { Statement } from "../../../shared/src/statement/model.js";

export function describeStatement(statement: Statement): string {
  if (statement.nothingToSend)
    return `${statement.client.name}: nothing to send (balance zero as of ${statement.asOf})`;
  const balances = statement.sections
    .filter((section) => section.openTotal.minor !== 0)
    .map((section) => {
      const overdue =
        section.overdueTotal.minor !== 0 ? `, ${formatMoney(section.overdueTotal, statement.locale)} overdue` : "";
      return `${formatMoney(section.openTotal, statement.locale)}${overdue}`;
    });
  return `${statement.client.name}: ${balances.join(" · ")} as of ${statement.asOf}`;
}
