/** What an importer hands back for one file: documents and payments still keyed by client name/email, plus a report. */
import type { IsoDate } from "../../date/civil-date.js";
import type { LocaleTag } from "../../money/format.js";
import type { CurrencyCode } from "../../money/currency.js";
import type { Money } from "../../money/money.js";
import type { Problem, SourceLocation } from "../../problem.js";
import type { DocumentKind } from "../model.js";

export interface ImportedClientRef {
  readonly name: string;
  readonly email: string | undefined;
  /** Further addresses of the same client (a cell listing several). */
  readonly otherEmails?: readonly string[];
  readonly locale?: LocaleTag;
}

export interface ImportedDocument {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly client: ImportedClientRef;
  readonly issueDate: IsoDate;
  /** `undefined` when the source has none; assembleLedger applies the payment terms. */
  readonly dueDate: IsoDate | undefined;
  readonly currency: CurrencyCode;
  /** Signed effect on the balance: positive invoice, negative credit note. */
  readonly amount: Money;
  /** Already paid according to the source ("Payé" column, BT-113 prepaid), same sign as amount; undated. */
  readonly paid: Money | undefined;
  readonly typeCode?: string;
  readonly source: SourceLocation;
}

export interface ImportedPayment {
  readonly date: IsoDate;
  readonly documentNumber: string | undefined;
  readonly amount: Money;
  readonly method?: string;
  readonly source: SourceLocation;
}

export type ImportFormat = "csv-ledger" | "csv-payments" | "ubl" | "cii" | "facturx";

export interface FileImport {
  readonly file: string;
  readonly format: ImportFormat;
  /** Plain sentences saying what was recognised: columns, date order, decimal mark, encoding, document type. */
  readonly recognised: readonly string[];
  readonly documents: readonly ImportedDocument[];
  readonly payments: readonly ImportedPayment[];
  /** Any error here means the file must not be used. */
  readonly problems: readonly Problem[];
}
