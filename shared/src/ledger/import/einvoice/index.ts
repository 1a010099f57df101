/** E-invoice import (EN 16931: UBL 2.1, UN/CEFACT CII D16B, Factur-X): the public surface of this folder. */
export { importEInvoice } from "./import.js";
export { readEInvoice, type EInvoiceRead } from "./read.js";
export type { EInvoice, EInvoiceSyntax } from "./model.js";
export { MAX_XML_BYTES } from "./xml.js";
export { MAX_PDF_BYTES, EMBEDDED_XML_NAMES } from "./facturx.js";
