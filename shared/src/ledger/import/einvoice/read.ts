/** Reads one e-invoice file (UBL 2.1, CII D16B or Factur-X PDF), detected from its content, into EN 16931 fields. */
import { problem, type Outcome, type Problem } from "../../../problem.js";
import { readCii } from "./cii.js";
import { extractEmbeddedXml, looksLikePdf } from "./facturx.js";
import { NS } from "./fields.js";
import type { EInvoice, EInvoiceSyntax, PartialRead } from "./model.js";
import { readUbl } from "./ubl.js";
import { readXml, type XmlElement } from "./xml.js";

/** The fields, or the problems; `syntax` says how far detection got (for reporting even a failed read). */
export type EInvoiceRead = Outcome<EInvoice> & { readonly syntax: EInvoiceSyntax | undefined };

/**
 * Reads the EN 16931 header fields of an e-invoice. Never throws for bad input: every refusal is a located problem.
 * @example
 * const read = await readEInvoice("ubl-tc434-creditnote1.xml", bytes);
 * if (read.ok) read.value.grandTotal; // { currency: "EUR", minor: 10011 }
 */
export async function readEInvoice(file: string, bytes: Uint8Array): Promise<EInvoiceRead> {
  if (looksLikePdf(bytes)) {
    const embedded = await extractEmbeddedXml(file, bytes);
    if (!embedded.ok) return { ok: false, problems: embedded.problems, syntax: "facturx" };
    const read = readXmlInvoice(file, embedded.xml);
    if (!read.ok) return { ok: false, problems: read.problems, syntax: "facturx" };
    return {
      ok: true,
      value: { ...read.value, syntax: "facturx", embeddedFile: embedded.name },
      problems: read.problems,
      syntax: "facturx",
    };
  }
  if (!startsLikeXml(bytes)) {
    return {
      ok: false,
      syntax: undefined,
      problems: [
        problem("error", "einvoice.format", "the file is neither XML nor PDF, so it is not an e-invoice", { file }),
      ],
    };
  }
  return readXmlInvoice(file, bytes);
}

function readXmlInvoice(file: string, bytes: Uint8Array): EInvoiceRead {
  const xml = readXml(file, bytes);
  if (!xml.ok) return { ok: false, problems: xml.problems, syntax: undefined };
  const { root } = xml;
  const result = dispatch(file, root);
  if (result === undefined) {
    return { ok: false, problems: [unknownRoot(file, root)], syntax: undefined };
  }
  const syntax = result.ok ? result.invoice.syntax : root.namespace === NS.rsm ? "cii" : "ubl";
  return result.ok
    ? { ok: true, value: result.invoice, problems: result.problems, syntax }
    : { ok: false, problems: result.problems, syntax };
}

function dispatch(file: string, root: XmlElement): PartialRead | undefined {
  if (root.localName === "Invoice" && root.namespace === NS.ublInvoice) return readUbl(file, root, "Invoice");
  if (root.localName === "CreditNote" && root.namespace === NS.ublCreditNote) return readUbl(file, root, "CreditNote");
  if (root.localName === "CrossIndustryInvoice" && root.namespace === NS.rsm) return readCii(file, root);
  return undefined;
}

function unknownRoot(file: string, root: XmlElement): Problem {
  const seen = `${root.localName} in namespace ${root.namespace ?? "(none)"}`;
  return problem(
    "error",
    "einvoice.unknown-root",
    `the XML root is ${seen}; expected a UBL 2.1 Invoice or CreditNote, or a UN/CEFACT CII D16B CrossIndustryInvoice`,
    { file, element: root.name },
  );
}

/** After an optional BOM and whitespace, the first character is "<" (UTF-16 is left to the XML reader). */
function startsLikeXml(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return bytes[i] === 0x3c;
}
