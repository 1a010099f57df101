// How an e-invoice becomes an ImportedDocument: kinds, signs, open amounts, emails, prefixes, Factur-X names.
import { readFileSync } from "node:fs";
import { repoRoot } from "../../../../../test/reference.js";
import { buildPdf } from "../../../../../test/fixtures/einvoice/build-pdf.js";
import { toDecimalString } from "../../../money/money.js";
import type { FileImport, ImportedDocument } from "../types.js";
import { importEInvoice, readEInvoice } from "./index.js";

const fixture = (name: string): string => readFileSync(`${repoRoot}/test/fixtures/einvoice/${name}`, "utf8");
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const UBL = fixture("minimal-invoice.ubl.xml");
const CII = fixture("minimal.cii.xml");

function only(result: FileImport): ImportedDocument {
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  const [document] = result.documents;
  if (document === undefined || result.documents.length !== 1) throw new Error("expected one document");
  return document;
}

describe("importEInvoice", () => {
  it("reads a UBL invoice whatever prefixes it uses", async () => {
    const result = await importEInvoice("a.xml", bytes(UBL));
    const document = only(result);
    expect(result.format).toBe("ubl");
    expect(document).toMatchObject({
      kind: "invoice",
      number: "RLV-2026-0042",
      client: { name: "Atelier Lumière & Fils", email: "Compta@Atelier-Lumiere.example" },
      issueDate: "2026-01-15",
      dueDate: "2026-02-14",
      currency: "EUR",
      typeCode: "380",
    });
    expect(toDecimalString(document.amount)).toBe("1200.00");
    expect(toDecimalString(document.paid ?? document.amount)).toBe("200.00");
    expect(result.recognised[0]).toBe("UBL 2.1 Invoice RLV-2026-0042, EUR");
  });

  it("derives the paid amount from total and amount due when a MINIMUM profile has no prepaid", async () => {
    const document = only(await importEInvoice("m.xml", bytes(CII)));
    expect(toDecimalString(document.amount)).toBe("600.00");
    expect(toDecimalString(document.paid ?? document.amount)).toBe("150.00");
    expect(document.dueDate).toBeUndefined();
    expect(document.client.email).toBe("factures@durand.example");
  });

  it("makes a negative-total 380 a credit note with a negative amount", async () => {
    const text = UBL.replace(/>1200\.00</, ">-1200.00<")
      .replace(/>200\.00</, ">0.00<")
      .replace(/>1000\.00<\/Pay/, ">-1200.00</Pay");
    const document = only(await importEInvoice("neg.xml", bytes(text)));
    expect(document.kind).toBe("credit-note");
    expect(toDecimalString(document.amount)).toBe("-1200.00");
    expect(toDecimalString(document.paid ?? document.amount)).toBe("0.00");
  });

  it.each([
    ["positive", "381", "150.00", "-150.00"],
    ["negative", "381", "-150.00", "-150.00"],
  ])("makes a CII 381 credit note negative when the file writes it %s", async (_, code, written, amount) => {
    const text = CII.replace("<r:TypeCode>380", `<r:TypeCode>${code}`)
      .replace(">600.00<", `>${written}<`)
      .replace(">450.00<", `>${written}<`);
    const document = only(await importEInvoice("cn.xml", bytes(text)));
    expect(document.kind).toBe("credit-note");
    expect(toDecimalString(document.amount)).toBe(amount);
    expect(toDecimalString(document.paid ?? document.amount)).toBe("0.00");
  });

  it("treats a corrected invoice (384) as an invoice", async () => {
    const document = only(
      await importEInvoice("c.xml", bytes(UBL.replace("<InvoiceTypeCode>380", "<InvoiceTypeCode>384"))),
    );
    expect(document.kind).toBe("invoice");
  });

  it("reads a UBL CreditNote's due date from its payment means", async () => {
    const text = UBL.replaceAll("Invoice-2", "CreditNote-2")
      .replaceAll("inv:Invoice", "inv:CreditNote")
      .replace("<DueDate>2026-02-14</DueDate>", "")
      .replace("<InvoiceTypeCode>380</InvoiceTypeCode>", "<CreditNoteTypeCode>381</CreditNoteTypeCode>")
      .replace(
        "<agg:LegalMonetaryTotal>",
        "<agg:PaymentMeans><PaymentDueDate>2026-03-01</PaymentDueDate></agg:PaymentMeans><agg:LegalMonetaryTotal>",
      );
    const result = await importEInvoice("cn.xml", bytes(text));
    const document = only(result);
    expect(document).toMatchObject({ kind: "credit-note", dueDate: "2026-03-01" });
    expect(toDecimalString(document.amount)).toBe("-1200.00");
    expect(toDecimalString(document.paid ?? document.amount)).toBe("-200.00");
    expect(result.recognised[0]).toBe("UBL 2.1 CreditNote RLV-2026-0042, EUR");
  });

  it("falls back to the contact email and ignores what is not an address", async () => {
    const contact = UBL.replace(
      '<EndpointID schemeID="EM">Compta@Atelier-Lumiere.example</EndpointID>',
      '<EndpointID schemeID="0088">123</EndpointID><agg:Contact><ElectronicMail>mailto:a@b.example</ElectronicMail></agg:Contact>',
    );
    expect(only(await importEInvoice("e.xml", bytes(contact))).client.email).toBe("a@b.example");
    const junk = UBL.replace("Compta@Atelier-Lumiere.example", "not an address");
    const result = await importEInvoice("j.xml", bytes(junk));
    expect(only(result).client.email).toBeUndefined();
    expect(result.problems).toMatchObject([{ severity: "warning", code: "einvoice.email" }]);
  });

  it("reads a UTF-16 document with a byte-order mark", async () => {
    const text = UBL.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(only(await importEInvoice("u16.xml", utf16)).client.name).toBe("Atelier Lumière & Fils");
  });

  it("detects the format from content, not the file name", async () => {
    expect((await importEInvoice("invoice.pdf", bytes(CII))).format).toBe("cii");
    expect((await importEInvoice("invoice.xml", buildPdf([{ name: "factur-x.xml", content: CII }]))).format).toBe(
      "facturx",
    );
  });

  it.each(["factur-x.xml", "ZUGFeRD-invoice.xml", "zugferd-invoice.xml", "xrechnung.xml"])(
    "reads the invoice embedded in a PDF as %s",
    async (name) => {
      const pdf = buildPdf([
        { name: "logo.txt", content: "x" },
        { name, content: CII },
      ]);
      const read = await readEInvoice("fx.pdf", pdf);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.value).toMatchObject({ syntax: "facturx", embeddedFile: name, number: "FX-7" });
    },
  );
});
