/** `releve invoices`: every document read, with its open amount — what a user checks after an import. */
import { formatMoney } from "../../../shared/src/money/format.js";
import { money, toDecimalString } from "../../../shared/src/money/money.js";
import { readProfile } from "../io.js";
import { loadLedger } from "../context.js";
import type { ParsedOptions } from "../options.js";
import { renderTable } from "../table.js";
import type { CommandOutput } from "./output.js";

export async function invoicesCommand(values: ParsedOptions): Promise<CommandOutput> {
  const profile = readProfile(values.profile);
  const { ledger, problems } = await loadLedger(values, profile.paymentTermsDays);
  const clientName = new Map(ledger.clients.map((client) => [client.key, client.name]));
  const paidOf = new Map<string, number>();
  for (const payment of ledger.payments) {
    if (payment.documentNumber === undefined) continue;
    const key = `${payment.clientKey}|${payment.documentNumber}`;
    paidOf.set(key, (paidOf.get(key) ?? 0) + payment.amount.minor);
  }
  const rows = ledger.documents.map((doc) => {
    const paid = money(doc.currency, paidOf.get(`${doc.clientKey}|${doc.number}`) ?? 0);
    return {
      doc,
      paid,
      open: money(doc.currency, doc.amount.minor - paid.minor),
      client: clientName.get(doc.clientKey) ?? "",
    };
  });
  if (values.json === true) {
    return {
      json: rows.map(({ doc, paid, open, client }) => ({
        number: doc.number,
        type: doc.kind,
        typeCode: doc.typeCode ?? null,
        issueDate: doc.issueDate,
        dueDate: doc.dueDate,
        client,
        currency: doc.currency,
        total: toDecimalString(doc.amount),
        paid: toDecimalString(paid),
        open: toDecimalString(open),
        source: doc.source,
      })),
      problems,
    };
  }
  const locale = profile.locale;
  const table = renderTable(
    [
      { title: "Number" },
      { title: "Type" },
      { title: "Issued" },
      { title: "Due" },
      { title: "Client" },
      { title: "Total", align: "right" },
      { title: "Paid", align: "right" },
      { title: "Open", align: "right" },
      { title: "Source" },
    ],
    rows.map(({ doc, paid, open, client }) => [
      doc.number,
      doc.kind === "credit-note" ? "credit" : "invoice",
      doc.issueDate,
      doc.dueDate,
      client,
      formatMoney(doc.amount, locale, "code"),
      formatMoney(paid, locale, "code"),
      formatMoney(open, locale, "code"),
      `${doc.source.file}${doc.source.line !== undefined ? `:${doc.source.line}` : ""}`,
    ]),
  );
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  const dated = ledger.payments.filter((payment) => payment.date !== undefined).length;
  return { text: `${table}\n${count(rows.length, "document")}, ${count(dated, "dated payment")}`, problems };
}
