/**
 * Hostile-input-safe XML reading for e-invoices: size limit, encoding, DOCTYPE/entity refusal, well-formedness, then
 * a namespace-resolved element tree so readers match on namespace URI + local name, never on prefixes.
 */
import { decodeWindows1252 } from "../csv/decode.js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { problem, type Problem } from "../../../problem.js";

/** Largest XML document accepted (an e-invoice is a few hundred KB at most). */
export const MAX_XML_BYTES = 10 * 1024 * 1024;
const MAX_DEPTH = 256;

export interface XmlElement {
  /** Qualified name as written in the file, e.g. "cbc:ID". */
  readonly name: string;
  readonly localName: string;
  /** Namespace URI the prefix resolves to (`undefined` for no namespace). */
  readonly namespace: string | undefined;
  /** Unprefixed attributes by local name (currencyID, schemeID, format), values decoded. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Direct text content, decoded and trimmed. */
  readonly text: string;
  /** Element path from the root, e.g. "Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount". */
  readonly path: string;
}

export type XmlRead =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Decodes, vets and parses one XML document. Refuses (as problems, before parsing) oversized input, DOCTYPEs with
 * entity declarations or external identifiers, and malformed XML (with the validator's line and column).
 * @example
 * const read = readXml("inv.xml", new TextEncoder().encode("<Invoice xmlns='urn:x'/>"));
 * if (read.ok) read.root.localName; // "Invoice"
 */
export function readXml(file: string, bytes: Uint8Array): XmlRead {
  const fail = (code: string, message: string, extra: { line?: number; column?: number } = {}): XmlRead => ({
    ok: false,
    problems: [problem("error", code, message, { file, ...extra })],
  });
  if (bytes.length > MAX_XML_BYTES) {
    return fail(
      "xml.too-large",
      `the XML is ${megabytes(bytes.length)} MB; e-invoices over ${megabytes(MAX_XML_BYTES)} MB are refused`,
    );
  }
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return fail("xml.encoding", decoded.message);
  const text = decoded.text;

  const doctype = vetDoctype(text);
  if (doctype !== undefined) return fail(doctype.code, doctype.message);

  // The standalone fast-xml-validator package is not a dependency yet; this is the same validator, still shipped.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    return fail("xml.malformed", `the XML is malformed: ${valid.err.msg}`, {
      line: valid.err.line,
      column: valid.err.col,
    });
  }

  let nodes: unknown;
  try {
    nodes = PARSER.parse(text);
  } catch (error) {
    // A parser failure on validated input (e.g. stack depth) is still the file's fault, not ours.
    return fail("xml.malformed", `the XML could not be read: ${error instanceof Error ? error.message : "error"}`);
  }
  const problems: Problem[] = [];
  const roots = elementNodes(nodes);
  if (roots.length !== 1) {
    return fail("xml.malformed", `the XML must have exactly one root element, found ${roots.length}`);
  }
  const [rootNode] = roots;
  if (rootNode === undefined) return fail("xml.malformed", "the XML has no root element");
  const root = buildElement(rootNode, new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), "", 0, {
    file,
    problems,
  });
  if (root === undefined || problems.length > 0) return { ok: false, problems };
  return { ok: true, root };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");
}

// Entity processing is off: the parser never expands anything; the five predefined entities and character
// references are decoded by `decodeEntities` below, which cannot grow the text beyond its own length.
const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  trimValues: false,
  removeNSPrefix: false,
});

type Decoded = { ok: true; text: string } | { ok: false; message: string };

function decodeXml(bytes: Uint8Array): Decoded {
  let label = "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = "utf-16be";
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = "utf-16le";
  else {
    // The declaration is ASCII in every encoding we accept, so a Latin-1 peek at it is safe.
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    if (declared !== undefined) {
      if (["utf-8", "utf8"].includes(declared)) label = "utf-8";
      else if (["iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252"].includes(declared)) {
        label = declared === "iso-8859-15" ? "iso-8859-15" : "windows-1252";
      } else if (!declared.startsWith("utf-16")) {
        return { ok: false, message: `the XML declares encoding "${declared}", which is not supported` };
      }
    }
  }
  // Node 20's TextDecoder("windows-1252") decodes Latin-1 (nodejs/node#60888): use the table instead.
  if (label === "windows-1252") return { ok: true, text: decodeWindows1252(bytes) };
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\ufeff/, "") };
  } catch {
    return { ok: false, message: `the file is not valid ${label.toUpperCase()} text` };
  }
}

/** Strips comments and CDATA so that a "<!ENTITY" quoted inside them is neither a threat nor a false alarm. */
function withoutCommentsAndCdata(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, " ").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, " ");
}

/** The DOCTYPE check, run on the raw text before any parser sees it (billion laughs, XXE, parameter entities). */
function vetDoctype(text: string): { code: string; message: string } | undefined {
  const plain = withoutCommentsAndCdata(text);
  if (/<!ENTITY/i.test(plain)) {
    return {
      code: "xml.entities",
      message:
        "the XML declares entities (<!ENTITY …>); e-invoices never need them and they are the vector of " +
        "entity-expansion and external-entity attacks, so the file is refused",
    };
  }
  const at = plain.search(/<!DOCTYPE/i);
  if (at < 0) return undefined;
  // The external identifier, if any, sits between the root name and the internal subset "[" (or the closing ">").
  const head = /^<!DOCTYPE\s+[^\s[>]+\s*([^[>]*)/i.exec(plain.slice(at))?.[1] ?? "";
  if (/\b(SYSTEM|PUBLIC)\b/i.test(head)) {
    return {
      code: "xml.external-dtd",
      message: "the XML refers to an external DTD (SYSTEM/PUBLIC identifier); external references are refused",
    };
  }
  const subsetStart = at + plain.slice(at).search(/[[>]/);
  const end = plain[subsetStart] === "[" ? plain.indexOf("]", subsetStart) : subsetStart;
  if (/%[A-Za-z_:][\w.:-]*;/.test(plain.slice(at, end < 0 ? undefined : end + 1))) {
    return { code: "xml.entities", message: "the XML uses parameter entities in its DOCTYPE; refused" };
  }
  return undefined;
}

interface BuildContext {
  readonly file: string;
  readonly problems: Problem[];
}

type RawNode = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is RawNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The tag name of a preserveOrder node ("#text", "#cdata", "#comment" are not elements). */
function tagOf(node: RawNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@");
}

function elementNodes(nodes: unknown): RawNode[] {
  return asArray(nodes)
    .filter(isRecord)
    .filter((node) => {
      const tag = tagOf(node);
      return tag !== undefined && !tag.startsWith("#") && !tag.startsWith("?");
    });
}

function splitName(name: string): { prefix: string | undefined; local: string } {
  const colon = name.indexOf(":");
  return colon < 0
    ? { prefix: undefined, local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function buildElement(
  node: RawNode,
  inherited: ReadonlyMap<string, string>,
  parentPath: string,
  depth: number,
  context: BuildContext,
): XmlElement | undefined {
  const name = tagOf(node) ?? "";
  const path = parentPath === "" ? name : `${parentPath}/${name}`;
  const report = (code: string, message: string): XmlElement | undefined => {
    context.problems.push(problem("error", code, message, { file: context.file, element: path }));
    return undefined;
  };
  if (depth > MAX_DEPTH) return report("xml.too-deep", `elements are nested more than ${MAX_DEPTH} levels deep`);

  const rawAttributes = isRecord(node[":@"]) ? node[":@"] : {};
  const scope = new Map(inherited);
  const attributes = new Map<string, string>();
  for (const [key, rawValue] of Object.entries(rawAttributes)) {
    const value = decodeEntities(typeof rawValue === "string" ? rawValue : "");
    if (value === undefined) return report("xml.entity-reference", `attribute ${key} refers to an undeclared entity`);
    if (key === "xmlns") scope.set("", value);
    else if (key.startsWith("xmlns:")) scope.set(key.slice(6), value);
    else if (!key.includes(":")) attributes.set(key, value);
  }
  const { prefix, local } = splitName(name);
  const namespace = scope.get(prefix ?? "");
  if (prefix !== undefined && namespace === undefined) {
    return report("xml.namespace", `the prefix "${prefix}" is not bound to a namespace`);
  }

  const children: XmlElement[] = [];
  let text = "";
  for (const child of asArray(node[name]).filter(isRecord)) {
    const tag = tagOf(child);
    if (tag === "#text") {
      const decoded = decodeEntities(typeof child[tag] === "string" ? child[tag] : "");
      if (decoded === undefined) return report("xml.entity-reference", "the text refers to an undeclared entity");
      text += decoded;
    } else if (tag === "#cdata") {
      for (const part of asArray(child[tag]).filter(isRecord)) {
        const value = part["#text"];
        if (typeof value === "string") text += value;
      }
    } else if (tag !== undefined && !tag.startsWith("#") && !tag.startsWith("?")) {
      const element = buildElement(child, scope, path, depth + 1, context);
      if (element === undefined) return undefined;
      children.push(element);
    }
  }
  return {
    name,
    localName: local,
    namespace: namespace === "" ? undefined : namespace,
    attributes,
    children,
    text: text.trim(),
    path,
  };
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes predefined entities and character references; `undefined` if any other entity is referenced. */
function decodeEntities(raw: string): string | undefined {
  if (!raw.includes("&")) return raw;
  const state = { unknown: false };
  const decoded = raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) {
      state.unknown = true;
      return whole;
    }
    if (ref.startsWith("#")) {
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || code === 0) {
        state.unknown = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) state.unknown = true;
    return value ?? whole;
  });
  return state.unknown ? undefined : decoded;
}

/** First child with this namespace URI and local name. */
export function childOf(parent: XmlElement, namespace: string, localName: string): XmlElement | undefined {
  return parent.children.find((c) => c.localName === localName && c.namespace === namespace);
}

/** All children with this namespace URI and local name. */
export function childrenOf(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  return parent.children.filter((c) => c.localName === localName && c.namespace === namespace);
}
