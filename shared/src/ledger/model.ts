/** The ledger: what the user's invoicing tool knows about clients, invoices, credit notes and payments. */
import type { IsoDate } from "../date/civil-date.js";
import type { LocaleTag } from "../money/format.js";
import type { CurrencyCode } from "../money/currency.js";
import type { Money } from "../money/money.js";
import type { SourceLocation } from "../problem.js";

/** Normalised identity of a client: lower-cased email when known, else the normalised name (see clientKeyOf). */
export type ClientKey = string & { readonly __brand: "ClientKey" };

export interface Client {
  readonly key: ClientKey;
  readonly name: string;
  /** Lower-cased, de-duplicated, in the order first seen. */
  readonly emails: readonly string[];
  /** Currencies the client is billed in, in the order first seen. */
  readonly currencies: readonly CurrencyCode[];
  readonly locale?: LocaleTag;
}

/** UNTDID 1001 codes we meet: 380 invoice, 381 credit note, 384 corrected invoice, 389 self-billed invoice. */
export type DocumentKind = "invoice" | "credit-note";

export interface LedgerDocument {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly clientKey: ClientKey;
  readonly issueDate: IsoDate;
  /** When absent in the source the importer applies the payment terms (and says so). */
  readonly dueDate: IsoDate;
  readonly currency: CurrencyCode;
  /**
   * Signed effect on what the client owes: positive for an invoice, negative for a credit note
   * (whatever sign the source file used).
   */
  readonly amount: Money;
  readonly typeCode?: string;
  readonly source: SourceLocation;
}

export interface Payment {
  readonly clientKey: ClientKey;
  /** Positive: reduces what the client owes. */
  readonly amount: Money;
  /**
   * Civil date the money arrived; `undefined` when only a "paid" column or an e-invoice prepaid amount says it
   * was paid (counted as paid by the document's issue date, and the statement says the date is unknown).
   */
  readonly date: IsoDate | undefined;
  /** The document it settles, when known. */
  readonly documentNumber: string | undefined;
  readonly method?: string;
  readonly source: SourceLocation;
}

export interface Ledger {
  readonly clients: readonly Client[];
  readonly documents: readonly LedgerDocument[];
  readonly payments: readonly Payment[];
}

/** Lower-case, strip accents, collapse punctuation and spaces: "Atelier  Lumière SARL" → "atelier lumiere sarl". */
// Letters that carry their accent in the letter itself, so NFKD does not strip it ("Łódź" → "lodz").
const BASE_LETTERS: Readonly<Record<string, string>> = {
  ł: "l",
  đ: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  ð: "d",
  þ: "th",
  ħ: "h",
  ı: "i",
};

export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[łđøæœßðþħı]/g, (letter) => BASE_LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function clientKeyOf(name: string): ClientKey {
  return `name:${normaliseName(name)}` as ClientKey;
}
