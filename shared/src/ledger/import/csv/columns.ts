/** Header names → the fields we need, in French and English, plus the user's explicit mapping for anything else. */
import { normaliseName } from "../../model.js";

export type LedgerField =
  | "number"
  | "client"
  | "email"
  | "issueDate"
  | "dueDate"
  | "total"
  | "paid"
  | "open"
  | "currency"
  | "status"
  | "type"
  | "locale";

export type PaymentField = "date" | "document" | "amount" | "method" | "client" | "currency";

/** Explicit mapping: our field → the header text in the user's file (case and accents ignored). */
export type ColumnMapping<F extends string> = Partial<Record<F, string>>;

const LEDGER_SYNONYMS: Record<LedgerField, readonly string[]> = {
  number: [
    "n° facture",
    "no facture",
    "n facture",
    "numero",
    "numero facture",
    "numéro de facture",
    "facture",
    "invoice number",
    "invoice no",
    "invoice #",
    "invoice",
    "num",
    "number",
    "reference",
    "ref",
  ],
  client: ["client", "raison sociale", "nom client", "customer", "customer name", "client name", "company", "buyer"],
  email: ["e-mail client", "email client", "e-mail", "email", "courriel", "customer email", "client email", "mail"],
  issueDate: [
    "date",
    "date facture",
    "date de facture",
    "date d'emission",
    "invoice date",
    "issue date",
    "date issued",
  ],
  dueDate: ["echeance", "date d'echeance", "date echeance", "due date", "due", "payment due", "date limite"],
  total: ["montant ttc", "total ttc", "total", "amount", "montant", "invoice total", "total amount", "ttc"],
  paid: ["paye", "montant paye", "regle", "amount paid", "paid", "payments"],
  open: ["reste du", "reste a payer", "solde", "open balance", "balance", "balance due", "amount due", "open amount"],
  currency: ["devise", "monnaie", "currency", "currency code"],
  status: ["statut", "etat", "status"],
  type: ["type", "type de document", "document type", "nature"],
  locale: ["langue", "langue client", "locale", "language", "lang"],
};

const PAYMENT_SYNONYMS: Record<PaymentField, readonly string[]> = {
  date: ["date", "date paiement", "date de paiement", "date reglement", "payment date", "paid on", "date received"],
  document: ["facture", "n° facture", "numero facture", "invoice", "invoice number", "applied to", "reference", "ref"],
  amount: ["montant", "montant paye", "amount", "payment amount", "amount paid"],
  method: ["moyen de paiement", "mode de paiement", "mode", "method", "payment method"],
  client: ["client", "customer", "raison sociale"],
  currency: ["devise", "currency"],
};

/** Which language the recognised headers are in: a hint for dd/mm and decimal commas. */
export type HeaderLanguage = "fr" | "en" | "unknown";

const FRENCH_WORDS = /facture|echeance|montant|paye|devise|raison|reste|moyen|reglement|courriel/;

export interface ColumnMatch<F extends string> {
  readonly indexOf: Partial<Record<F, number>>;
  /** "Échéance → due date", for the import report. */
  readonly recognised: readonly string[];
  readonly unknownMapped: readonly string[];
  readonly language: HeaderLanguage;
}

function normaliseHeader(text: string): string {
  // Keep "°" and "#" out of the way: "N° facture" and "N facture" are the same header.
  return normaliseName(text.replace(/°/g, " ").replace(/#/g, " no"));
}

function matchColumns<F extends string>(
  header: readonly string[],
  synonyms: Record<F, readonly string[]>,
  mapping: ColumnMapping<F>,
  describe: Record<F, string>,
): ColumnMatch<F> {
  const normalised = header.map(normaliseHeader);
  const indexOf: Partial<Record<F, number>> = {};
  const taken = new Set<number>();
  const unknownMapped: string[] = [];
  const fields = Object.keys(synonyms) as F[];
  for (const field of fields) {
    const wanted = mapping[field];
    if (wanted === undefined) continue;
    const at = normalised.indexOf(normaliseHeader(wanted));
    if (at < 0) unknownMapped.push(`${describe[field]} → "${wanted}"`);
    else {
      indexOf[field] = at;
      taken.add(at);
    }
  }
  // Exact synonym first, across all fields, so "Date" goes to the issue date and not to "Date d'échéance".
  for (const field of fields) {
    if (indexOf[field] !== undefined) continue;
    for (const synonym of synonyms[field]) {
      const at = normalised.findIndex((name, index) => !taken.has(index) && name === normaliseHeader(synonym));
      if (at >= 0) {
        indexOf[field] = at;
        taken.add(at);
        break;
      }
    }
  }
  const recognised = fields.flatMap((field) => {
    const index: number | undefined = indexOf[field];
    return index === undefined ? [] : [`"${header[index] ?? ""}" → ${describe[field]}`];
  });
  const french = normalised.filter((name, index) => taken.has(index) && FRENCH_WORDS.test(name)).length;
  const language: HeaderLanguage = french > 0 ? "fr" : taken.size > 0 ? "en" : "unknown";
  return { indexOf, recognised, unknownMapped, language };
}

export const LEDGER_FIELD_NAMES: Record<LedgerField, string> = {
  number: "invoice number",
  client: "client",
  email: "client email",
  issueDate: "issue date",
  dueDate: "due date",
  total: "total",
  paid: "amount paid",
  open: "open amount",
  currency: "currency",
  status: "status",
  type: "document type",
  locale: "client language",
};

export const PAYMENT_FIELD_NAMES: Record<PaymentField, string> = {
  date: "payment date",
  document: "invoice number",
  amount: "amount",
  method: "payment method",
  client: "client",
  currency: "currency",
};

export function matchLedgerColumns(header: readonly string[], mapping: ColumnMapping<LedgerField> = {}) {
  return matchColumns(header, LEDGER_SYNONYMS, mapping, LEDGER_FIELD_NAMES);
}

export function matchPaymentColumns(header: readonly string[], mapping: ColumnMapping<PaymentField> = {}) {
  return matchColumns(header, PAYMENT_SYNONYMS, mapping, PAYMENT_FIELD_NAMES);
}

/** A payments file names a payment date, an invoice and an amount, and no invoice total or due date. */
export function looksLikePayments(header: readonly string[]): boolean {
  const ledger = matchLedgerColumns(header);
  const payments = matchPaymentColumns(header);
  return (
    payments.indexOf.date !== undefined &&
    payments.indexOf.amount !== undefined &&
    payments.indexOf.document !== undefined &&
    ledger.indexOf.dueDate === undefined &&
    ledger.indexOf.client === undefined
  );
}
