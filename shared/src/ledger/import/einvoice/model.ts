/** The EN 16931 fields Relevé reads from an e-invoice, whatever the syntax (UBL, CII, Factur-X). */
import type { IsoDate } from "../../../date/civil-date.js";
import type { CurrencyCode } from "../../../money/currency.js";
import type { Money } from "../../../money/money.js";

export type EInvoiceSyntax = "ubl" | "cii" | "facturx";

export interface EInvoice {
  readonly syntax: EInvoiceSyntax;
  /** Root element local name: "Invoice", "CreditNote" (UBL) or "CrossIndustryInvoice" (CII, also inside Factur-X). */
  readonly root: "Invoice" | "CreditNote" | "CrossIndustryInvoice";
  /** Factur-X only: the name of the embedded XML file that was read. */
  readonly embeddedFile?: string;
  /** BT-1. */
  readonly number: string;
  /** BT-3, UNTDID 1001 (380, 381, 384, 389…), as written. */
  readonly typeCode: string;
  /** BT-2. */
  readonly issueDate: IsoDate;
  /** BT-9; `undefined` when the file has none. */
  readonly dueDate: IsoDate | undefined;
  /** BT-44. */
  readonly buyerName: string;
  /** BT-49 when it is an email (schemeID EM), else the buyer contact email (BT-58 / CII contact). */
  readonly buyerEmail: string | undefined;
  /** BT-5. */
  readonly currency: CurrencyCode;
  /** BT-112, with the sign the file used. */
  readonly grandTotal: Money;
  /** BT-113; `undefined` when absent (e.g. Factur-X MINIMUM). */
  readonly prepaid: Money | undefined;
  /** BT-115. */
  readonly amountDue: Money;
  /** Element paths of the fields, for locating problems found later (e.g. by the ledger). */
  readonly elements: { readonly number: string; readonly grandTotal: string };
}
