/** Reads the EN 16931 fields of a UN/CEFACT CII D16B CrossIndustryInvoice (also the XML inside Factur-X). */
import { FieldReader, ram, rsm, udt } from "./fields.js";
import { readBuyerEmail } from "./email.js";
import { completeInvoice, type PartialRead } from "./model.js";
import type { XmlElement } from "./xml.js";

/**
 * Reads a CII document whose root was already recognised as rsm:CrossIndustryInvoice.
 * @example readCii("CII_example1.xml", root) // { ok: true, invoice: { number: "12115118", … } }
 */
export function readCii(file: string, root: XmlElement): PartialRead {
  const r = new FieldReader(file);
  const header = rsm("ExchangedDocument");
  const number = r.text(root, [...header, ...ram("ID")], "invoice number", true);
  const typeCode = r.text(root, [...header, ...ram("TypeCode")], "type code", true);
  const issueElement = r.element(
    root,
    [...header, ...ram("IssueDateTime"), ...udt("DateTimeString")],
    "issue date",
    true,
  );
  const issueDate = r.date(issueElement, "issue date", true);

  const transaction = rsm("SupplyChainTradeTransaction");
  const buyer = [...transaction, ...ram("ApplicableHeaderTradeAgreement", "BuyerTradeParty")];
  const buyerName = r.name(root, [[...buyer, ...ram("Name")]]);
  const buyerEmail = readBuyerEmail(r, root, [
    { steps: [...buyer, ...ram("URIUniversalCommunication", "URIID")], schemeID: "EM" },
    { steps: [...buyer, ...ram("DefinedTradeContact", "EmailURIUniversalCommunication", "URIID")] },
  ]);

  const settlement = [...transaction, ...ram("ApplicableHeaderTradeSettlement")];
  const dueElement = r.element(
    root,
    [...settlement, ...ram("SpecifiedTradePaymentTerms", "DueDateDateTime"), ...udt("DateTimeString")],
    "due date",
    false,
  );
  const dueDate = r.date(dueElement, "due date", true);
  const currency = r.currency(
    r.element(root, [...settlement, ...ram("InvoiceCurrencyCode")], "currency", true),
    "currency",
  );
  const totals = [...settlement, ...ram("SpecifiedTradeSettlementHeaderMonetarySummation")];
  const grandElement = r.element(root, [...totals, ...ram("GrandTotalAmount")], "grand total", true);
  const prepaidElement = r.element(root, [...totals, ...ram("TotalPrepaidAmount")], "prepaid amount", false);
  const payableElement = r.element(root, [...totals, ...ram("DuePayableAmount")], "amount due", true);
  const grandTotal = currency && r.amount(grandElement, currency, "grand total");
  const prepaid = currency && r.amount(prepaidElement, currency, "prepaid amount");
  const amountDue = currency && r.amount(payableElement, currency, "amount due");

  return completeInvoice(r.problems, {
    syntax: "cii",
    root: "CrossIndustryInvoice",
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
    numberPath: `${root.path}/rsm:ExchangedDocument/ram:ID`,
    grandTotalPath: grandElement?.path,
  });
}
