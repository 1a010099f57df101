/**
 * FileImports → one Ledger: clients matched by email first, then by normalised name; the same invoice found in two
 * files counted once; dated payments preferred over "paid" columns, with every disagreement reported.
 */
import { addDays } from "../date/civil-date.js";
import { money, toDecimalString, type Money } from "../money/money.js";
import { hasErrors, problem, type Outcome, type Problem } from "../problem.js";
import {
  clientKeyOf,
  normaliseName,
  type Client,
  type ClientKey,
  type Ledger,
  type LedgerDocument,
  type Payment,
} from "./model.js";
import type { FileImport, ImportedDocument } from "./import/types.js";

export interface AssembleOptions {
  /** Due date = issue date + this, for documents without one. */
  readonly paymentTermsDays: number;
}

interface ClientDraft {
  key: ClientKey;
  name: string;
  emails: string[];
  currencies: Money["currency"][];
  locale: string | undefined;
}

/** "invoice of 2018-06-05, 215.07 EUR": what tells two documents with one number apart. */
function paidOf(paid: Money | undefined): string {
  return paid === undefined || paid.minor === 0 ? "" : `, ${toDecimalString(paid)} paid`;
}

function figuresOf(doc: LedgerDocument, paid: Money | undefined): string {
  return `${doc.kind === "credit-note" ? "credit note" : "invoice"} of ${doc.issueDate}, ${toDecimalString(doc.amount)} ${doc.currency}${paidOf(paid)}`;
}

/**
 * Builds the ledger; `ok: false` when any file (or the combination) has an error, so nothing half-read is used.
 * @example assembleLedger([ledgerImport, paymentsImport], { paymentTermsDays: 30 })
 */
export function assembleLedger(imports: readonly FileImport[], options: AssembleOptions): Outcome<Ledger> {
  const problems: Problem[] = imports.flatMap((fileImport) => fileImport.problems);
  if (hasErrors(problems)) return { ok: false, problems };

  const clients = new Map<ClientKey, ClientDraft>();
  const byEmail = new Map<string, ClientDraft>();
  const byName = new Map<string, ClientDraft>();
  // A 100k-row ledger names a few hundred clients: normalise each spelling once.
  const nameKeys = new Map<string, string>();
  // Importers share one ref object per client spelling: once matched, the same object needs no second look.
  const matched = new Map<ImportedDocument["client"], ClientDraft>();
  const clientOf = (ref: ImportedDocument["client"], currency: Money["currency"]): ClientDraft => {
    const known = matched.get(ref);
    if (known !== undefined) {
      if (!known.currencies.includes(currency)) known.currencies.push(currency);
      return known;
    }
    const draft = matchClient(ref, currency);
    matched.set(ref, draft);
    return draft;
  };
  const matchClient = (ref: ImportedDocument["client"], currency: Money["currency"]): ClientDraft => {
    const email = ref.email?.toLowerCase();
    let nameKey = nameKeys.get(ref.name);
    if (nameKey === undefined) {
      nameKey = normaliseName(ref.name);
      nameKeys.set(ref.name, nameKey);
    }
    let draft = (email !== undefined ? byEmail.get(email) : undefined) ?? byName.get(nameKey);
    if (draft === undefined) {
      draft = {
        key: email !== undefined ? (`email:${email}` as ClientKey) : clientKeyOf(ref.name),
        name: ref.name,
        emails: [],
        currencies: [],
        locale: undefined,
      };
      clients.set(draft.key, draft);
    }
    for (const address of [...(email !== undefined ? [email] : []), ...(ref.otherEmails ?? [])]) {
      if (draft.emails.includes(address)) continue;
      draft.emails.push(address);
      byEmail.set(address, draft);
    }
    if (!byName.has(nameKey)) byName.set(nameKey, draft);
    if (!draft.currencies.includes(currency)) draft.currencies.push(currency);
    draft.locale ??= ref.locale;
    return draft;
  };

  // Indexed by the number alone (flat strings hash fast; a 100k-row ledger makes this the hot path), each entry
  // listing the documents of that number across clients, with what is known to be paid on them.
  interface DocumentRecord {
    readonly doc: LedgerDocument;
    readonly undatedPaid: Money | undefined;
    datedMinor: number;
  }
  const records: DocumentRecord[] = [];
  const recordsByNumber = new Map<string, DocumentRecord[]>();
  for (const fileImport of imports) {
    for (const imported of fileImport.documents) {
      const client = clientOf(imported.client, imported.currency);
      const dueDate = imported.dueDate ?? addDays(imported.issueDate, options.paymentTermsDays);
      if (imported.dueDate === undefined) {
        problems.push(
          problem(
            "info",
            "ledger.due-date-from-terms",
            `${imported.number}: no due date, using issue date + ${options.paymentTermsDays} days (${dueDate})`,
            imported.source,
          ),
        );
      }
      const doc: LedgerDocument = {
        kind: imported.kind,
        number: imported.number,
        clientKey: client.key,
        issueDate: imported.issueDate,
        dueDate,
        currency: imported.currency,
        amount: imported.amount,
        typeCode: imported.typeCode,
        source: imported.source,
      };
      const sameNumber = recordsByNumber.get(imported.number);
      const seen = sameNumber?.find((record) => record.doc.clientKey === client.key);
      if (seen !== undefined) {
        const same =
          seen.doc.amount.currency === doc.amount.currency &&
          seen.doc.amount.minor === doc.amount.minor &&
          seen.doc.issueDate === doc.issueDate &&
          seen.doc.kind === doc.kind &&
          // Two copies that disagree on what was paid (an e-invoice and its later prepaid version) are not the same.
          (seen.undatedPaid?.minor ?? 0) === (imported.paid?.minor ?? 0);
        const where = `${seen.doc.source.file}${seen.doc.source.line !== undefined ? `:${seen.doc.source.line}` : ""}`;
        problems.push(
          same
            ? problem("info", "ledger.same-document", `${doc.number} is also in ${where}: counted once`, doc.source)
            : problem(
                "error",
                "ledger.duplicate-number",
                `${doc.number} is also in ${where} with other figures (here ${figuresOf(doc, imported.paid)}, there ${figuresOf(seen.doc, seen.undatedPaid)}): one number cannot name two documents; keep the right file`,
                doc.source,
              ),
        );
        continue;
      }
      const record: DocumentRecord = {
        doc,
        undatedPaid: imported.paid,
        datedMinor: 0,
      };
      records.push(record);
      if (sameNumber === undefined) recordsByNumber.set(imported.number, [record]);
      else sameNumber.push(record);
    }
  }

  // Dated payments are the truth when a payments file is given: they make "as of" right.
  const datedImports = imports.filter((fileImport) => fileImport.format === "csv-payments");
  const payments: Payment[] = [];
  // The same payment row in two files (a copy, an export run twice) is one payment, never two.
  const paymentSeenIn = new Map<string, string>();
  for (const fileImport of datedImports) {
    for (const payment of fileImport.payments) {
      const identity = `${payment.date}|${payment.documentNumber ?? ""}|${payment.amount.currency}|${payment.amount.minor}|${payment.method ?? ""}`;
      const seenIn = paymentSeenIn.get(identity);
      if (seenIn !== undefined && seenIn !== fileImport.file) {
        problems.push(
          problem(
            "warning",
            "ledger.same-payment",
            `the same payment is also in ${seenIn}: counted once`,
            payment.source,
          ),
        );
        continue;
      }
      paymentSeenIn.set(identity, fileImport.file);
      const candidates =
        payment.documentNumber !== undefined ? (recordsByNumber.get(payment.documentNumber) ?? []) : [];
      const record = candidates[0];
      if (record === undefined || candidates.length > 1) {
        problems.push(
          problem(
            "warning",
            candidates.length > 1 ? "ledger.payment-ambiguous" : "ledger.payment-unknown-document",
            candidates.length > 1
              ? `payment for ${payment.documentNumber ?? ""} matches invoices of several clients: not counted`
              : `payment for ${payment.documentNumber ?? "no invoice"}, which no ledger file has: not counted`,
            payment.source,
          ),
        );
        continue;
      }
      const doc = record.doc;
      if (doc.currency !== payment.amount.currency) {
        problems.push(
          problem(
            "error",
            "ledger.payment-currency",
            `payment in ${payment.amount.currency} for ${doc.number}, which is in ${doc.currency}`,
            payment.source,
          ),
        );
        continue;
      }
      record.datedMinor += payment.amount.minor;
      payments.push({
        clientKey: doc.clientKey,
        amount: payment.amount,
        date: payment.date,
        documentNumber: doc.number,
        ...(payment.method !== undefined ? { method: payment.method } : {}),
        source: payment.source,
      });
    }
  }
  for (const { doc, undatedPaid: paid, datedMinor } of records) {
    if (datedImports.length > 0) {
      // Both carry the document's sign: a refunded credit note is a negative payment.
      const paidMinor = paid?.minor ?? 0;
      if (Math.abs(datedMinor) > Math.abs(doc.amount.minor)) {
        problems.push(
          problem(
            "warning",
            "ledger.overpaid",
            `${doc.number}: dated payments add up to ${toDecimalString(money(doc.currency, datedMinor))}, more than its total ${toDecimalString(doc.amount)}; the excess shows as a credit`,
            doc.source,
          ),
        );
      }
      if (paid !== undefined && paidMinor !== datedMinor) {
        problems.push(
          problem(
            "warning",
            "ledger.paid-mismatch",
            `${doc.number}: the "paid" column says ${toDecimalString(paid)} but dated payments add up to ${toDecimalString(money(doc.currency, datedMinor))}; dated payments are used`,
            doc.source,
          ),
        );
      }
      continue;
    }
    if (paid !== undefined && paid.minor !== 0) {
      payments.push({
        clientKey: doc.clientKey,
        amount: paid,
        date: undefined,
        documentNumber: doc.number,
        source: doc.source,
      });
    }
  }
  if (hasErrors(problems)) return { ok: false, problems };
  const clientList: Client[] = [...clients.values()].map((draft) => ({
    key: draft.key,
    name: draft.name,
    emails: draft.emails,
    currencies: draft.currencies,
    ...(draft.locale !== undefined ? { locale: draft.locale } : {}),
  }));
  return {
    ok: true,
    value: { clients: clientList, documents: records.map((record) => record.doc), payments },
    problems,
  };
}
