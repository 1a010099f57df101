/** The EN 16931 fields Relevé reads from an e-invoice, whatever the syntax (UBL, CII, Factur-X). */
import type { IsoDate } from "../../../date/civil-date.js";
import type { CurrencyCode } from "../../../money/currency.js";
import type { Money } from "../../../money/money.js";
import { hasErrors, type Problem } from "../../../problem.js";

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

export type PartialRead = { ok: true; invoice: EInvoice; problems: Problem[] } | { ok: false; problems: Problem[] };

/** What a syntax reader found, each field possibly missing (its problem is already recorded). */
export type FoundFields = {
  readonly [K in "number" | "typeCode" | "issueDate" | "buyerName" | "currency" | "grandTotal" | "amountDue"]:
    EInvoice[K] | undefined;
} & Pick<EInvoice, "syntax" | "root" | "dueDate" | "buyerEmail" | "prepaid"> & {
    readonly numberPath: string;
    readonly grandTotalPath: string | undefined;
  };

/**
 * The common end of every syntax reader: an invoice only when every required field was read and no error was
 * recorded, so a half-read file is never used.
 * @example completeInvoice(reader.problems, found)
 */
export function completeInvoice(problems: Problem[], found: FoundFields): PartialRead {
  const { number, typeCode, issueDate, buyerName, currency, grandTotal, amountDue, grandTotalPath } = found;
  if (
    hasErrors(problems) ||
    number === undefined ||
    typeCode === undefined ||
    issueDate === undefined ||
    buyerName === undefined ||
    currency === undefined ||
    grandTotal === undefined ||
    amountDue === undefined ||
    grandTotalPath === undefined
  ) {
    return { ok: false, problems };
  }
  const { syntax, root, dueDate, buyerEmail, prepaid } = found;
  return {
    ok: true,
    problems,
    invoice: {
      syntax,
      root,
      number,
      typeCode,
      issueDate,
      dueDate,
      buyerName,
      buyerEmail,
      currency,
      grandTotal,
      prepaid,
      amountDue,
      elements: { number: found.numberPath, grandTotal: grandTotalPath },
    },
  };
}
