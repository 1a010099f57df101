/** One line per statement for the terminal: client, balance per currency, overdue part. */
import { formatMoney } from "../../../shared/src/money/format.js";
import type { Statement } from "../../../shared/src/statement/model.js";

export function describeStatement(statement: Statement): string {
  if (statement.nothingToSend)
    return `${statement.client.name}: nothing to send (balance zero as of ${statement.asOf})`;
  const balances = statement.sections
    .filter((section) => section.openTotal.minor !== 0)
    .map((section) => {
      const money = (amount: typeof section.openTotal) => formatMoney(amount, statement.locale);
      const overdue = section.overdueTotal.minor !== 0 ? `${money(section.overdueTotal)} overdue` : "";
      // Credits explain an overdue part larger than the balance (invoices late, a credit note not yet applied).
      const credits = section.creditsTotal.minor !== 0 ? `${money(section.creditsTotal)} credits` : "";
      const detail = [overdue, credits].filter((part) => part !== "").join(", ");
      return `${money(section.openTotal)}${detail !== "" ? ` (${detail})` : ""}`;
    });
  return `${statement.client.name}: ${balances.join(" · ")} as of ${statement.asOf}`;
}
