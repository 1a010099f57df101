/** Maps a read e-invoice onto the importer contract (FileImport): sign conventions, paid amount, plain report. */
import { negate, money, subtract, toDecimalString, type Money } from "../../../money/money.js";
import { hasErrors, problem } from "../../../problem.js";
import type { DocumentKind } from "../../model.js";
import type { FileImport, ImportedDocument, ImportFormat } from "../types.js";
import { looksLikePdf } from "./facturx.js";
import type { EInvoice } from "./model.js";
import { readEInvoice } from "./read.js";

// UNTDID 1001 codes allowed for BT-3 by EN 16931, split by their effect on what the buyer owes.
const CREDIT_CODES = new Set(["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"]);
const INVOICE_CODES = new Set(
  (
    "80 82 84 130 202 203 204 211 218 219 295 325 326 331 380 382 383 384 385 386 387 388 389 390 393 394 395 " +
    "456 457 527 553 575 623 633 751 780 817 870 875 876 877 935"
  ).split(" "),
);

/**
 * Imports one e-invoice file as a single ImportedDocument; any error leaves `documents` empty. Never throws.
 * @example
 * const result = await importEInvoice("ubl-tc434-creditnote1.xml", bytes);
 * result.documents[0]?.amount; // { currency: "EUR", minor: -10011 } — credit notes are negative
 */
export async function importEInvoice(file: string, bytes: Uint8Array): Promise<FileImport> {
  try {
    const read = await readEInvoice(file, bytes);
    const format: ImportFormat = read.syntax ?? (looksLikePdf(bytes) ? "facturx" : "ubl");
    if (!read.ok || hasErrors(read.problems)) {
      return { file, format, recognised: [], documents: [], payments: [], problems: read.problems };
    }
    const invoice = read.value;
    const kind = kindOf(invoice);
    if (kind === undefined) {
      const unknown = problem(
        "error",
        "einvoice.type-code",
        `type code ${invoice.typeCode} is not an EN 16931 invoice or credit note code (UNTDID 1001)`,
        { file, element: invoice.elements.number, field: "type code" },
      );
      return { file, format, recognised: [], documents: [], payments: [], problems: [...read.problems, unknown] };
    }
    const document = toDocument(file, invoice, kind);
    return {
      file,
      format,
      recognised: describe(invoice, document),
      documents: [document],
      payments: [],
      problems: read.problems,
    };
  } catch (error) {
    // Reading is written not to throw; this keeps a bug from taking down a whole batch import.
    const message = error instanceof Error ? error.message : String(error);
    return {
      file,
      format: looksLikePdf(bytes) ? "facturx" : "ubl",
      recognised: [],
      documents: [],
      payments: [],
      problems: [problem("error", "einvoice.unexpected", `the file could not be read (${message})`, { file })],
    };
  }
}

function kindOf(invoice: EInvoice): DocumentKind | undefined {
  // A UBL CreditNote, a credit code, or a negative total all reduce what is owed.
  if (invoice.root === "CreditNote" || CREDIT_CODES.has(invoice.typeCode) || invoice.grandTotal.minor < 0) {
    return "credit-note";
  }
  return INVOICE_CODES.has(invoice.typeCode) ? "invoice" : undefined;
}

function absolute(amount: Money): Money {
  return amount.minor < 0 ? negate(amount) : amount;
}

function toDocument(file: string, invoice: EInvoice, kind: DocumentKind): ImportedDocument {
  // Work on the file's own orientation (a credit note may be written positive or negative), then apply our sign.
  const flip = invoice.grandTotal.minor < 0;
  const total = absolute(invoice.grandTotal);
  const due = flip ? negate(invoice.amountDue) : invoice.amountDue;
  // grand total − amount due, not BT-113: a MINIMUM profile has no prepaid field yet still states what is open.
  const settled = subtract(total, due);
  const sign = kind === "credit-note" ? negate : (m: Money): Money => m;
  return {
    kind,
    number: invoice.number,
    client: { name: invoice.buyerName, email: invoice.buyerEmail },
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    amount: sign(total),
    paid: settled.minor === 0 ? money(invoice.currency, 0) : sign(settled),
    typeCode: invoice.typeCode,
    source: { file, element: invoice.elements.number },
  };
}

function syntaxLabel(invoice: EInvoice): string {
  if (invoice.syntax === "ubl") return `UBL 2.1 ${invoice.root}`;
  if (invoice.syntax === "cii") return "UN/CEFACT CII D16B CrossIndustryInvoice";
  const inner = invoice.root === "CrossIndustryInvoice" ? "CII CrossIndustryInvoice" : `UBL 2.1 ${invoice.root}`;
  return `Factur-X PDF (embedded ${invoice.embeddedFile ?? "XML"}, ${inner})`;
}

function describe(invoice: EInvoice, document: ImportedDocument): string[] {
  const what = document.kind === "credit-note" ? "credit note" : "invoice";
  const lines = [
    `${syntaxLabel(invoice)} ${invoice.number}, ${invoice.currency}`,
    `${what} (type code ${invoice.typeCode}) for ${invoice.buyerName}` +
      (invoice.buyerEmail !== undefined ? ` <${invoice.buyerEmail}>` : "") +
      `, issued ${invoice.issueDate}: amount ${toDecimalString(document.amount)} ${invoice.currency}, ` +
      `open ${toDecimalString(subtract(document.amount, document.paid ?? money(invoice.currency, 0)))} ${invoice.currency}`,
  ];
  lines.push(
    invoice.dueDate !== undefined ? `due ${invoice.dueDate}` : "no due date in the file: the payment terms will apply",
  );
  if (invoice.prepaid === undefined) lines.push("no prepaid amount in the file: paid = total − amount due");
  return lines;
}
