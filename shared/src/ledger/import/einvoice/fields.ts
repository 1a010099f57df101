/**
 * The shared machinery of the UBL and CII readers: namespace-qualified paths, and typed field reads (text, civil
 * date, money in the document currency) that record a located problem instead of throwing.
 */
import { parseIsoDate, type IsoDate } from "../../../date/civil-date.js";
import { parseCurrency, type CurrencyCode } from "../../../money/currency.js";
import { parseXmlDecimal } from "../../../money/parse.js";
import type { Money } from "../../../money/money.js";
import { problem, type Problem } from "../../../problem.js";
import { childrenOf, type XmlElement } from "./xml.js";

export const NS = {
  ublInvoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  ublCreditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
} as const;

/** One step of a path: a namespace URI and local name, plus the usual prefix used only to name a missing element. */
export interface Step {
  readonly namespace: string;
  readonly localName: string;
  readonly prefix: string;
}

const step =
  (prefix: keyof typeof NS) =>
  (...names: string[]): Step[] =>
    names.map((localName) => ({ namespace: NS[prefix], localName, prefix }));
export const cbc = step("cbc");
export const cac = step("cac");
export const ram = step("ram");
export const rsm = step("rsm");
export const udt = step("udt");

export type Found = { readonly element: XmlElement } | { readonly element: undefined; readonly missing: string };

/**
 * Follows `steps` from `from`, trying every repeated element on the way (the first cac:PaymentMeans that has a due
 * date, not just the first cac:PaymentMeans); `accept` can refuse a candidate at the end (e.g. wrong schemeID).
 */
export function find(from: XmlElement, steps: readonly Step[], accept: (e: XmlElement) => boolean = hasText): Found {
  let deepest = { path: from.path, depth: 0 };
  const walk = (at: XmlElement, depth: number): XmlElement | undefined => {
    if (depth > deepest.depth) deepest = { path: at.path, depth };
    const next = steps[depth];
    if (next === undefined) return accept(at) ? at : undefined;
    for (const child of childrenOf(at, next.namespace, next.localName)) {
      const hit = walk(child, depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  const element = walk(from, 0);
  if (element !== undefined) return { element };
  const rest = steps.slice(deepest.depth).map((s) => `${s.prefix}:${s.localName}`);
  return { element: undefined, missing: [deepest.path, ...rest].join("/") };
}

/** Every element at `steps` (through every repeated parent), in document order. */
export function findAll(from: XmlElement, steps: readonly Step[]): XmlElement[] {
  let level = [from];
  for (const next of steps) level = level.flatMap((e) => childrenOf(e, next.namespace, next.localName));
  return level;
}

function hasText(element: XmlElement): boolean {
  return element.text !== "";
}

/** Collects problems while reading fields, so one pass reports everything wrong with a file. */
export class FieldReader {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  error(code: string, message: string, element: string, field: string): void {
    this.problems.push(problem("error", code, message, { file: this.file, element, field }));
  }

  /** The element at `steps`, or a "missing field" problem when `required`. */
  element(from: XmlElement, steps: readonly Step[], field: string, required: boolean): XmlElement | undefined {
    const found = find(from, steps);
    // A field EN 16931 allows once, written twice with different values, cannot be resolved by picking one.
    const values = new Set(findAll(from, steps).map((e) => `${e.text}|${e.attributes.get("currencyID") ?? ""}`));
    if (found.element !== undefined && values.size > 1) {
      this.error(
        "einvoice.duplicate-field",
        `the ${field} appears more than once with different values`,
        found.element.path,
        field,
      );
      return undefined;
    }
    if (found.element === undefined && required) {
      this.error(
        "einvoice.missing-field",
        `the ${field} is missing (expected at ${found.missing})`,
        found.missing,
        field,
      );
    }
    return found.element;
  }

  text(from: XmlElement, steps: readonly Step[], field: string, required: boolean): string | undefined {
    return this.element(from, steps, field, required)?.text;
  }

  /** The first non-empty of several candidate paths (preferred first); a problem names the preferred one. */
  name(from: XmlElement, candidates: readonly (readonly Step[])[], field = "buyer name"): string | undefined {
    let preferred: string | undefined;
    for (const steps of candidates) {
      const found = find(from, steps);
      if (found.element !== undefined) return found.element.text;
      preferred ??= found.missing;
    }
    const where = preferred ?? from.path;
    this.error("einvoice.missing-field", `the ${field} is missing (expected at ${where})`, where, field);
    return undefined;
  }

  /** The first candidate element with text that `accept` takes, or `undefined` (optional fields). */
  first(
    from: XmlElement,
    candidates: readonly { steps: readonly Step[]; accept?: (e: XmlElement) => boolean }[],
  ): XmlElement | undefined {
    for (const { steps, accept } of candidates) {
      const found = find(from, steps, (e) => e.text !== "" && (accept?.(e) ?? true));
      if (found.element !== undefined) return found.element;
    }
    return undefined;
  }

  warn(code: string, message: string, element: string, field: string): void {
    this.problems.push(problem("warning", code, message, { file: this.file, element, field }));
  }

  /** A civil date; for CII `format` must be 102 (YYYYMMDD) when the attribute is present. */
  date(element: XmlElement | undefined, field: string, format102: boolean): IsoDate | undefined {
    if (element === undefined) return undefined;
    const format = element.attributes.get("format");
    if (format102 && format !== undefined && format !== "102") {
      this.error(
        "einvoice.date-format",
        `date format ${format} is not supported (only 102, YYYYMMDD)`,
        element.path,
        field,
      );
      return undefined;
    }
    const shape = format102 ? /^\d{8}$/ : /^\d{4}-\d{2}-\d{2}$/;
    const date = shape.test(element.text) ? parseIsoDate(element.text) : undefined;
    if (date === undefined) {
      this.error(
        "einvoice.date",
        `"${element.text}" is not a real date (${format102 ? "YYYYMMDD" : "YYYY-MM-DD"} expected)`,
        element.path,
        field,
      );
    }
    return date;
  }

  currency(element: XmlElement | undefined, field: string): CurrencyCode | undefined {
    if (element === undefined) return undefined;
    const code = /^[A-Za-z]{3}$/.test(element.text) ? parseCurrency(element.text) : undefined;
    if (code === undefined) {
      this.error("einvoice.currency", `"${element.text}" is not an ISO 4217 currency code`, element.path, field);
    }
    return code;
  }

  /** An amount in the document currency; a differing currencyID attribute is an error, not a conversion. */
  amount(element: XmlElement | undefined, currency: CurrencyCode, field: string): Money | undefined {
    if (element === undefined) return undefined;
    const stated = element.attributes.get("currencyID");
    if (stated !== undefined && stated.trim().toUpperCase() !== currency) {
      this.error(
        "einvoice.currency-mismatch",
        `the amount is in ${stated}, but the document currency is ${currency}`,
        element.path,
        field,
      );
      return undefined;
    }
    const parsed = parseXmlDecimal(element.text, currency);
    if (!parsed.ok) {
      this.error("einvoice.amount", parsed.message, element.path, field);
      return undefined;
    }
    return parsed.money;
  }
}
