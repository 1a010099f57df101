/** Picks the buyer's email address out of the several places EN 16931 allows one. */
import type { FieldReader, Step } from "./fields.js";
import type { XmlElement } from "./xml.js";

export interface EmailCandidate {
  readonly steps: readonly Step[];
  /** When set, the element's schemeID must be this (UBL/CII electronic address "EM" = email). */
  readonly schemeID?: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * The first candidate that holds an email address, trimmed and without "mailto:"; a value that is not an address
 * is a warning (the client can still be matched by name), never an error.
 * @example readBuyerEmail(reader, root, [{ steps: [...cac("AccountingCustomerParty", "Party"), ...cbc("EndpointID")], schemeID: "EM" }])
 */
export function readBuyerEmail(
  reader: FieldReader,
  root: XmlElement,
  candidates: readonly EmailCandidate[],
): string | undefined {
  const element = reader.first(
    root,
    candidates.map(({ steps, schemeID }) => ({
      steps,
      accept: (e: XmlElement) => schemeID === undefined || e.attributes.get("schemeID")?.toUpperCase() === schemeID,
    })),
  );
  if (element === undefined) return undefined;
  const address = element.text.replace(/^mailto:/i, "").trim();
  if (!EMAIL.test(address)) {
    reader.warn("einvoice.email", `"${element.text}" is not an email address; ignored`, element.path, "buyer email");
    return undefined;
  }
  return address;
}
