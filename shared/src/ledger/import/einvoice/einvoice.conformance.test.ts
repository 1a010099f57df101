// Conformance: every public sample listed in ../shared/samples/einvoices/expected.json, read in place, field by field.
import { readFileSync } from "node:fs";
import { referencePath } from "../../../../../test/reference.js";
import { currency, currencyExponent } from "../../../money/currency.js";
import { toDecimalString } from "../../../money/money.js";
import { formatProblem } from "../../../problem.js";
import { importEInvoice, readEInvoice } from "./index.js";

interface Expected {
  readonly file: string;
  readonly format: "ubl" | "cii" | "facturx";
  readonly number: string;
  readonly typeCode: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly buyer: string;
  readonly currency: string;
  readonly grandTotal: string;
  readonly prepaid: string;
  readonly amountDue: string;
}

// referencePath throws when ../shared is missing, so this suite fails loudly instead of passing empty.
const folder = referencePath("samples", "einvoices");
const expected = JSON.parse(readFileSync(`${folder}/expected.json`, "utf8")) as Expected[];

/** "2337.5" → "2337.50" for DKK: the reference keeps the file's spelling, we keep the currency's exponent. */
function decimal(text: string, code: string): string {
  const exponent = currencyExponent(currency(code));
  const [whole = "0", fraction = ""] = text.trim().replace(/^-/, "").split(".");
  const sign = text.trim().startsWith("-") ? "-" : "";
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction.padEnd(exponent, "0")}`;
}

function isoOf(text: string): string {
  return text.length === 8 ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text;
}

function bytesOf(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${folder}/${file}`));
}

describe("e-invoice conformance with the public EN 16931 samples", () => {
  it("covers every format of the reference set", () => {
    expect(new Set(expected.map((e) => e.format))).toEqual(new Set(["ubl", "cii", "facturx"]));
    expect(expected.length).toBeGreaterThanOrEqual(21);
  });

  it.each(expected.map((e) => [e.file, e] as const))("reads every listed field of %s exactly", async (_, entry) => {
    const read = await readEInvoice(entry.file, bytesOf(entry.file));
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    const value = read.value;
    expect(read.problems).toEqual([]);
    expect(value.syntax).toBe(entry.format);
    expect({
      number: value.number,
      typeCode: value.typeCode,
      issueDate: value.issueDate,
      dueDate: value.dueDate ?? "",
      buyer: value.buyerName,
      currency: value.currency,
      grandTotal: toDecimalString(value.grandTotal),
      prepaid: value.prepaid === undefined ? "" : toDecimalString(value.prepaid),
      amountDue: toDecimalString(value.amountDue),
    }).toEqual({
      number: entry.number,
      typeCode: entry.typeCode,
      issueDate: isoOf(entry.issueDate),
      dueDate: isoOf(entry.dueDate),
      buyer: entry.buyer,
      currency: entry.currency,
      grandTotal: decimal(entry.grandTotal, entry.currency),
      prepaid: entry.prepaid === "" ? "" : decimal(entry.prepaid, entry.currency),
      amountDue: decimal(entry.amountDue, entry.currency),
    });
  });

  it.each(expected.map((e) => [e.file, e] as const))(
    "imports %s with signed amount and open amount",
    async (_, entry) => {
      const result = await importEInvoice(entry.file, bytesOf(entry.file));
      expect(result.problems).toEqual([]);
      expect(result.format).toBe(entry.format);
      expect(result.documents).toHaveLength(1);
      const [document] = result.documents;
      if (document === undefined) throw new Error("no document");
      const credit = entry.typeCode === "381" || entry.file.includes("creditnote") || entry.grandTotal.startsWith("-");
      expect(document.kind).toBe(credit ? "credit-note" : "invoice");
      const total = decimal(entry.grandTotal.replace(/^-/, ""), entry.currency);
      expect(toDecimalString(document.amount)).toBe(credit ? `-${total}` : total);
      // open = amount − paid must equal the amount due (BT-115), signed like the amount.
      const open = document.amount.minor - (document.paid?.minor ?? 0);
      const due = decimal(entry.amountDue.replace(/^-/, ""), entry.currency);
      expect(toDecimalString({ currency: document.currency, minor: open } as typeof document.amount)).toBe(
        credit ? `-${due}` : due,
      );
      expect(result.recognised[0]).toContain(entry.number);
    },
  );

  it("says in plain words what was read", async () => {
    const result = await importEInvoice("ubl-tc434-creditnote1.xml", bytesOf("ubl/ubl-tc434-creditnote1.xml"));
    expect(result.recognised[0]).toBe("UBL 2.1 CreditNote 018304 / 28865, EUR");
    expect(result.documents[0]?.client).toEqual({
      name: "My Customer Company",
      email: "pete.smith@mycustomercompany.be",
    });
  });
});
