/** The `--json` shape of a statement: amounts as decimal strings with their currency code, dates ISO. */
import type { FileImport } from "../ledger/import/types.js";
import { toDecimalString, type Money } from "../money/money.js";
import type { OutstandingLine, Statement, StatementSection } from "./model.js";

export interface MoneyJson {
  readonly amount: string;
  readonly currency: string;
}

export function moneyJson(amount: Money): MoneyJson {
  return { amount: toDecimalString(amount), currency: amount.currency };
}

function lineJson(line: OutstandingLine) {
  return {
    number: line.number,
    kind: line.kind,
    issueDate: line.issueDate,
    dueDate: line.dueDate,
    original: moneyJson(line.original),
    open: moneyJson(line.open),
    daysOverdue: line.daysOverdue,
    penalty: line.penalty === undefined ? null : moneyJson(line.penalty),
  };
}

function sectionJson(section: StatementSection) {
  const common = {
    currency: section.currency,
    openTotal: moneyJson(section.openTotal),
    overdueTotal: moneyJson(section.overdueTotal),
    overdueCount: section.overdueCount,
    creditsTotal: moneyJson(section.creditsTotal),
    ageing: section.ageing.map((band) => ({
      fromDays: band.fromDays,
      toDays: band.toDays,
      amount: moneyJson(band.amount),
    })),
    penaltiesTotal: section.penaltiesTotal === undefined ? null : moneyJson(section.penaltiesTotal),
    indemnitiesTotal: section.indemnitiesTotal === undefined ? null : moneyJson(section.indemnitiesTotal),
    lines: section.openItems.map(lineJson),
  };
  if (section.kind === "outstanding") return common;
  return {
    ...common,
    opening: moneyJson(section.opening),
    activity: section.lines.map((line) => ({
      date: line.date,
      kind: line.kind,
      reference: line.reference,
      dueDate: line.dueDate ?? null,
      amount: moneyJson(line.amount),
      balance: moneyJson(line.balance),
      dateUnknown: line.dateUnknown,
    })),
    closing: moneyJson(section.closing),
  };
}

/**
 * Plain data for scripts.
 * @example JSON.stringify(statementJson(statement))
 */
export function statementJson(statement: Statement) {
  return {
    kind: statement.kind,
    client: { name: statement.client.name, emails: statement.client.emails },
    asOf: statement.asOf,
    period: statement.period ?? null,
    locale: statement.locale,
    nothingToSend: statement.nothingToSend,
    frenchMentions:
      statement.frenchMentions === undefined
        ? null
        : {
            penaltyRatePercent: statement.frenchMentions.penaltyRatePercent,
            indemnity: moneyJson(statement.frenchMentions.indemnity),
          },
    sections: statement.sections.map(sectionJson),
  };
}

export function importJson(fileImport: FileImport) {
  return {
    file: fileImport.file,
    format: fileImport.format,
    recognised: fileImport.recognised,
    documents: fileImport.documents.length,
    payments: fileImport.payments.length,
  };
}
