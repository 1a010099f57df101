// Hostile and broken inputs: each one gives a located error problem, no documents, no exception, no hang.
import { readFileSync } from "node:fs";
import { jsPDF } from "jspdf";
import { repoRoot } from "../../../../../test/reference.js";
import { buildPdf } from "../../../../../test/fixtures/einvoice/build-pdf.js";
import { hasErrors, type Problem } from "../../../problem.js";
import type { FileImport } from "../types.js";
import { importEInvoice } from "./index.js";

const fixture = (name: string): string => readFileSync(`${repoRoot}/test/fixtures/einvoice/${name}`, "utf8");
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const UBL = fixture("minimal-invoice.ubl.xml");
const CII = fixture("minimal.cii.xml");

/** The import refused the file: errors only, no documents, every problem names the file. */
function expectRefused(result: FileImport, code: string): Problem {
  expect(result.documents).toEqual([]);
  expect(result.payments).toEqual([]);
  expect(hasErrors(result.problems)).toBe(true);
  for (const p of result.problems) expect(p.location.file).toBe(result.file);
  const found = result.problems.find((p) => p.code === code);
  if (found === undefined) throw new Error(`expected ${code}, got ${JSON.stringify(result.problems)}`);
  expect(found.severity).toBe("error");
  expect(found.message.length).toBeGreaterThan(10);
  return found;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
}

describe("hostile XML is refused before parsing", () => {
  it("refuses a billion-laughs entity bomb", async () => {
    const result = await importEInvoice("bomb.xml", bytes(fixture("billion-laughs.xml")));
    expect(expectRefused(result, "xml.entities").message).toMatch(/entit/);
  });

  it("refuses an external entity pointing at file:///etc/passwd", async () => {
    const result = await importEInvoice("xxe.xml", bytes(fixture("xxe-file.xml")));
    expectRefused(result, "xml.entities");
    expect(JSON.stringify(result)).not.toMatch(/root:/);
  });

  it("refuses an external DTD fetched over http", async () => {
    expectRefused(await importEInvoice("dtd.xml", bytes(fixture("external-dtd-http.xml"))), "xml.external-dtd");
  });

  it("refuses a parameter entity", async () => {
    expectRefused(await importEInvoice("pe.xml", bytes(fixture("parameter-entity.xml"))), "xml.entities");
  });

  it("refuses a reference to an undeclared entity instead of keeping it as text", async () => {
    const result = await importEInvoice("ref.xml", bytes(replaceOnce(UBL, "RLV-2026-0042", "&xxe;")));
    expect(expectRefused(result, "xml.entity-reference").location.element).toBe("inv:Invoice/ID");
  });

  it("refuses an XML over 10 MB before reading it", async () => {
    const padding = `<!-- ${"x".repeat(12 * 1024 * 1024)} -->`;
    const result = await importEInvoice("huge.xml", bytes(replaceOnce(UBL, "<ID>", `${padding}<ID>`)));
    expect(expectRefused(result, "xml.too-large").message).toMatch(/12 MB/);
  });

  it("gives the line and column of truncated XML", async () => {
    const p = expectRefused(await importEInvoice("cut.xml", bytes(fixture("truncated.xml"))), "xml.malformed");
    expect(p.location.line).toBeGreaterThan(0);
    expect(p.location.column).toBeGreaterThan(0);
  });

  it("says a CSV is neither XML nor PDF", async () => {
    expectRefused(await importEInvoice("ledger.csv", bytes(fixture("not-xml.txt"))), "einvoice.format");
  });

  it("refuses an XML whose root is not an e-invoice", async () => {
    const result = await importEInvoice("order.xml", bytes('<Order xmlns="urn:example:order"><ID>1</ID></Order>'));
    expect(expectRefused(result, "einvoice.unknown-root").message).toMatch(/urn:example:order/);
  });

  it("refuses elements nested absurdly deep", async () => {
    const deep = `${"<a>".repeat(400)}x${"</a>".repeat(400)}`;
    const text = replaceOnce(UBL, "<ID>RLV-2026-0042</ID>", `<ID>RLV-2026-0042</ID>${deep}`);
    // fast-xml-parser's own nesting limit fires first; our MAX_DEPTH is the second fence.
    expect(expectRefused(await importEInvoice("deep.xml", bytes(text)), "xml.malformed").message).toMatch(/nested/i);
  });

  it("does not mistake an entity quoted in a comment or CDATA for a declaration", async () => {
    const text = replaceOnce(
      UBL,
      "<ID>",
      "<!-- <!ENTITY x 'y'> --><Note><![CDATA[<!DOCTYPE x SYSTEM 'z'>]]></Note><ID>",
    );
    const result = await importEInvoice("quoted.xml", bytes(text));
    expect(result.problems).toEqual([]);
    expect(result.documents).toHaveLength(1);
  });

  it("refuses text that is not valid UTF-8", async () => {
    const broken = new Uint8Array([...bytes(UBL.slice(0, 200)), 0xff, 0xfe, 0xfd, ...bytes(UBL.slice(200))]);
    expectRefused(await importEInvoice("latin.xml", broken), "xml.encoding");
  });
});

describe("e-invoices with a wrong field name where it is wrong", () => {
  it("refuses a UBL invoice without its number", async () => {
    const p = expectRefused(
      await importEInvoice("noid.xml", bytes(replaceOnce(UBL, "<ID>RLV-2026-0042</ID>", ""))),
      "einvoice.missing-field",
    );
    expect(p.location).toMatchObject({ element: "inv:Invoice/cbc:ID", field: "invoice number" });
  });

  it("refuses an impossible date 2026-02-31", async () => {
    const p = expectRefused(
      await importEInvoice("date.xml", bytes(replaceOnce(UBL, "2026-02-14", "2026-02-31"))),
      "einvoice.date",
    );
    expect(p.location).toMatchObject({ element: "inv:Invoice/DueDate", field: "due date" });
  });

  it("refuses an impossible CII date", async () => {
    const p = expectRefused(
      await importEInvoice("date.cii.xml", bytes(replaceOnce(CII, "20260301", "20260231"))),
      "einvoice.date",
    );
    expect(p.location.element).toBe("x:CrossIndustryInvoice/x:ExchangedDocument/r:IssueDateTime/u:DateTimeString");
  });

  it("refuses the unknown currency XYZ", async () => {
    const text = replaceOnce(UBL, "<DocumentCurrencyCode>EUR", "<DocumentCurrencyCode>XYZ").replaceAll(
      'currencyID="EUR"',
      'currencyID="XYZ"',
    );
    const p = expectRefused(await importEInvoice("xyz.xml", bytes(text)), "einvoice.currency");
    expect(p.location).toMatchObject({ element: "inv:Invoice/DocumentCurrencyCode", field: "currency" });
  });

  it("refuses a non-numeric amount", async () => {
    const text = replaceOnce(UBL, ">1200.00<", ">1 200,00 EUR<");
    const p = expectRefused(await importEInvoice("nan.xml", bytes(text)), "einvoice.amount");
    expect(p.location).toMatchObject({
      element: "inv:Invoice/agg:LegalMonetaryTotal/TaxInclusiveAmount",
      field: "grand total",
    });
  });

  it("refuses totals in a second currency", async () => {
    const text = replaceOnce(UBL, '<PayableAmount currencyID="EUR">', '<PayableAmount currencyID="USD">');
    const p = expectRefused(await importEInvoice("two.xml", bytes(text)), "einvoice.currency-mismatch");
    expect(p.location).toMatchObject({
      element: "inv:Invoice/agg:LegalMonetaryTotal/PayableAmount",
      field: "amount due",
    });
  });

  it("refuses a second, different document currency", async () => {
    const text = replaceOnce(
      UBL,
      "<DocumentCurrencyCode>EUR</DocumentCurrencyCode>",
      "<DocumentCurrencyCode>EUR</DocumentCurrencyCode><DocumentCurrencyCode>USD</DocumentCurrencyCode>",
    );
    const p = expectRefused(await importEInvoice("dup.xml", bytes(text)), "einvoice.duplicate-field");
    expect(p.location.field).toBe("currency");
  });

  it("refuses more decimals than the currency has", async () => {
    const text = replaceOnce(UBL, ">1200.00<", ">1200.005<");
    expectRefused(await importEInvoice("precision.xml", bytes(text)), "einvoice.amount");
  });

  it("reports every fault of a file at once", async () => {
    const text = replaceOnce(replaceOnce(UBL, "<ID>RLV-2026-0042</ID>", ""), "2026-01-15", "2026-13-01");
    const result = await importEInvoice("many.xml", bytes(text));
    expect(result.problems.map((p) => p.code).sort()).toEqual(["einvoice.date", "einvoice.missing-field"]);
  });

  it("refuses a type code that is neither an invoice nor a credit note", async () => {
    const text = replaceOnce(UBL, "<InvoiceTypeCode>380", "<InvoiceTypeCode>999");
    expectRefused(await importEInvoice("type.xml", bytes(text)), "einvoice.type-code");
  });
});

describe("broken PDFs", () => {
  it("says a plain PDF has no embedded invoice XML", async () => {
    const doc = new jsPDF();
    doc.text("Facture F-1 — 120,00 €", 10, 10);
    const result = await importEInvoice("plain.pdf", new Uint8Array(doc.output("arraybuffer")));
    expect(result.format).toBe("facturx");
    expect(expectRefused(result, "facturx.no-xml").message).toMatch(/no embedded files/);
  });

  it("names the attachments of a PDF that embeds something else", async () => {
    const result = await importEInvoice("other.pdf", buildPdf([{ name: "notes.txt", content: "hello" }]));
    expect(expectRefused(result, "facturx.no-xml").message).toMatch(/"notes.txt"/);
  });

  it("refuses a corrupt PDF (random bytes after the header)", async () => {
    let seed = 7;
    const noise = Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    const result = await importEInvoice("corrupt.pdf", new Uint8Array([...bytes("%PDF-1.7\n"), ...noise]));
    expect(result.documents).toEqual([]);
    expect(hasErrors(result.problems)).toBe(true);
    expect(result.problems[0]?.code).toMatch(/^(pdf\.|facturx\.)/);
  });

  it("refuses a truncated PDF", async () => {
    const whole = buildPdf([{ name: "factur-x.xml", content: CII }]);
    const result = await importEInvoice("cut.pdf", whole.subarray(0, Math.floor(whole.length / 2)));
    expect(result.documents).toEqual([]);
    expect(hasErrors(result.problems)).toBe(true);
  });

  it("says an encrypted PDF needs an unprotected copy", async () => {
    const doc = new jsPDF({
      encryption: { userPassword: "secret", ownerPassword: "owner", userPermissions: ["print"] },
    });
    doc.text("secret", 10, 10);
    const result = await importEInvoice("locked.pdf", new Uint8Array(doc.output("arraybuffer")));
    expectRefused(result, "pdf.encrypted");
  });

  it("applies the XML defences to the XML embedded in a PDF", async () => {
    const pdf = buildPdf([{ name: "factur-x.xml", content: fixture("xxe-file.xml") }]);
    expectRefused(await importEInvoice("xxe.pdf", pdf), "xml.entities");
  });

  it("does not alter the caller's bytes", async () => {
    const pdf = buildPdf([{ name: "factur-x.xml", content: CII }]);
    const copy = pdf.slice();
    await importEInvoice("fx.pdf", pdf);
    expect(pdf).toEqual(copy);
  });
});
