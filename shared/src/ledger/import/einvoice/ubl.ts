/** Reads the EN 16931 fields of a UBL 2.1 Invoice or CreditNote (see shared/samples/einvoices/SOURCES.md). */
import { cac, cbc, FieldReader, type Step } from "./fields.js";
import { completeInvoice, type PartialRead } from "./model.js";
import { readBuyerEmail } from "./email.js";
import type { XmlElement } from "./xml.js";

/**
 * Reads a UBL document whose root was already recognised as Invoice-2 or CreditNote-2.
 * @example readUbl("a.xml", root) // { ok: true, invoice: { number: "12115118", … } }
 */
export function readUbl(file: string, root: XmlElement, kind: "Invoice" | "CreditNote"): PartialRead {
  const r = new FieldReader(file);
  const number = r.text(root, cbc("ID"), "invoice number", true);
  const typeCode = r.text(root, cbc(kind === "Invoice" ? "InvoiceTypeCode" : "CreditNoteTypeCode"), "type code", true);
  const issueDate = r.date(r.element(root, cbc("IssueDate"), "issue date", true), "issue date", false);
  const dueSteps: Step[] = kind === "Invoice" ? cbc("DueDate") : [...cac("PaymentMeans"), ...cbc("PaymentDueDate")];
  const dueDate = r.date(r.element(root, dueSteps, "due date", false), "due date", false);

  const party = [...cac("AccountingCustomerParty", "Party")];
  const buyerName = r.name(root, [
    [...party, ...cac("PartyLegalEntity"), ...cbc("RegistrationName")],
    // BT-44 is the legal name; some producers only fill the trading name (BT-45), which still names the client.
    [...party, ...cac("PartyName"), ...cbc("Name")],
  ]);
  const buyerEmail = readBuyerEmail(r, root, [
    { steps: [...party, ...cbc("EndpointID")], schemeID: "EM" },
    { steps: [...party, ...cac("Contact"), ...cbc("ElectronicMail")] },
  ]);

  const currency = r.currency(r.element(root, cbc("DocumentCurrencyCode"), "currency", true), "currency");
  const totals = cac("LegalMonetaryTotal");
  const grandElement = r.element(root, [...totals, ...cbc("TaxInclusiveAmount")], "grand total", true);
  const prepaidElement = r.element(root, [...totals, ...cbc("PrepaidAmount")], "prepaid amount", false);
  const dueElement = r.element(root, [...totals, ...cbc("PayableAmount")], "amount due", true);
  const grandTotal = currency && r.amount(grandElement, currency, "grand total");
  const prepaid = currency && r.amount(prepaidElement, currency, "prepaid amount");
  const amountDue = currency && r.amount(dueElement, currency, "amount due");

  return completeInvoice(r.problems, {
    syntax: "ubl",
    root: kind,
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
    numberPath: `${root.path}/cbc:ID`,
    grandTotalPath: grandElement?.path,
  });
}
