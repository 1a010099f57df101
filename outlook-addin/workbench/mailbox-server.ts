/**
 * A local stand-in for the slice of Microsoft Graph v1.0 the pane uses, for ONE mailbox, over real HTTP: Drafts and
 * Sent Items, messages with attachments and single-value extended properties, `/send` with Exchange's deferred
 * delivery (PidTagDeferredSendTime, `SystemTime 0x3FEF`), bearer tokens that expire on the server clock, and a
 * control API (`/_mailbox/...`) for the workbench and the tests: move the clock, "forget" a due message (office-js
 * #4847), inject 429s or expire tokens, read the state and the call log.
 *
 * The handler mounts inside another Node server (same origin as the pane) or runs on its own (startMailboxServer;
 * scripts/mailbox-server.ts). It parses only the query options and body fields the client sends; anything else is
 * a Graph-shaped 400, so a client drifting away from what Graph accepts fails here first.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  Attachment,
  FileAttachment,
  ItemBody,
  Message,
  Recipient,
  SingleValueLegacyExtendedProperty,
} from "@microsoft/microsoft-graph-types";
import { DEFERRED_SEND_PROPERTY } from "../src/graph/mailbox.js";

export const GRAPH_PREFIX = "/graph/v1.0";
export const CONTROL_PREFIX = "/_mailbox";
/** Request bodies above this are refused with 413 before parsing. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** Graph refuses a single attachment POST above 3 MB (larger files need an upload session). */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
/** Graph's cap on $top for messages. */
const GRAPH_MAX_TOP = 1000;

export type MailboxFolder = "drafts" | "sentitems";
type AttachmentKind = "file" | "item" | "reference";

const ODATA_TYPES: Readonly<Record<AttachmentKind, string>> = {
  file: "#microsoft.graph.fileAttachment",
  item: "#microsoft.graph.itemAttachment",
  reference: "#microsoft.graph.referenceAttachment",
};

/** A Graph attachment as it travels, with the `@odata.type` discriminator the typings leave out. */
export type GraphAttachment = Attachment & FileAttachment & { "@odata.type"?: string };

export interface MailboxServiceOptions {
  /** Fixed server clock (epoch ms); without it the clock follows Date.now() (plus any advance). */
  readonly now?: number;
  /** Lifetime of tokens from POST /_mailbox/token; 3600 like Entra ID. */
  readonly tokenLifetimeSeconds?: number;
  /** Page size of a listing without $top (Graph: 10). */
  readonly pageSize?: number;
  /** Largest page a listing returns even with a larger $top (Graph: 1000); lower it to exercise paging. */
  readonly maxPageSize?: number;
}

interface StoredRecipient {
  readonly address: string;
  readonly name?: string;
}

interface StoredAttachment {
  readonly id: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly contentType: string;
  readonly isInline: boolean;
  readonly contentId?: string;
  readonly bytes: Buffer;
  readonly lastModifiedMs: number;
}

interface StoredProperty {
  readonly id: string;
  readonly value: string;
}

interface StoredMessage {
  id: string;
  folder: MailboxFolder;
  subject: string;
  body: { contentType: "text" | "html"; content: string };
  to: StoredRecipient[];
  cc: StoredRecipient[];
  bcc: StoredRecipient[];
  /** By lower-cased property id (Graph matches ids case-insensitively). */
  properties: Map<string, StoredProperty>;
  attachments: StoredAttachment[];
  createdMs: number;
  lastModifiedMs: number;
  sentMs?: number;
  /** `/send` was called while 0x3FEF was in the future: Exchange holds it in Drafts until then. */
  submitted: boolean;
  /** Control API: left in Drafts past its time (office-js #4847). */
  forgotten: boolean;
  /** Came through POST /me/sendMail (the pitfall we must never use). */
  viaSendMail: boolean;
}

export interface MailboxAttachmentState {
  readonly id: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface MailboxMessageState {
  readonly id: string;
  readonly folder: MailboxFolder;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly bodyContentType: "text" | "html";
  readonly body: string;
  readonly properties: Readonly<Record<string, string>>;
  /** The 0x3FEF value, if any (ISO UTC). */
  readonly deferredUntil?: string;
  readonly sentDateTime?: string;
  readonly submitted: boolean;
  readonly forgotten: boolean;
  /** Submitted, due, and still in Drafts. */
  readonly late: boolean;
  readonly viaSendMail: boolean;
  readonly attachments: readonly MailboxAttachmentState[];
}

export interface MailboxState {
  readonly nowMs: number;
  readonly now: string;
  readonly drafts: readonly MailboxMessageState[];
  readonly sent: readonly MailboxMessageState[];
}

export interface MailboxCall {
  readonly method: string;
  /** Path without the /graph/v1.0 prefix, ids decoded. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly hadValidToken: boolean;
  readonly status: number;
  readonly atMs: number;
}

export interface MailboxFault {
  /** Answer this status instead of handling the call (429 adds Retry-After). */
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** How many Graph calls get it (default 1). */
  readonly count?: number;
  /** Only calls with this method count (e.g. "DELETE"). */
  readonly method?: string;
  /** Only calls whose path (without the prefix) contains this. */
  readonly pathIncludes?: string;
}

export interface IssuedToken {
  readonly access_token: string;
  readonly token_type: "Bearer";
  readonly expires_in: number;
}

export interface MailboxService {
  /** Handles the request when its path is ours ("/graph/..." or "/_mailbox/..."): returns false otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  state(): MailboxState;
  calls(): readonly MailboxCall[];
  nowMs(): number;
  /** Sets the clock (and fixes it there), then delivers what is due. */
  setNow(epochMs: number): void;
  /** Moves the clock forward, then delivers what is due. */
  advance(milliseconds: number): void;
  /** A submitted draft stays in Drafts past its time, like office-js #4847. */
  forget(id: string): void;
  fault(fault: MailboxFault): void;
  /** Every token issued so far stops working. */
  expireTokens(): void;
  issueToken(): IssuedToken;
  /** Empties the mailbox, tokens, faults and the call log (the clock stays). */
  reset(): void;
}

/** A Graph-shaped failure: `{ error: { code, message } }` with this status. */
class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const badRequest = (message: string, code = "BadRequest"): GraphHttpError => new GraphHttpError(400, code, message);
const itemNotFound = (): GraphHttpError =>
  new GraphHttpError(404, "ErrorItemNotFound", "The specified object was not found in the store.");

/**
 * Cross-origin reads are allowed for pages served from this machine only (the pane on :3000 against a standalone
 * server on :3001): the token endpoint needs no credentials, so "*" would let any web page read the local drafts.
 */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function allowLoopbackOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (typeof origin === "string" && LOOPBACK_ORIGIN.test(origin)) {
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "Origin");
  }
}

const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "Authorization, Content-Type, Accept, Prefer",
  // Without this a page on another origin cannot read Retry-After, and backs off blind.
  "access-control-expose-headers": "Retry-After, Location",
  "access-control-max-age": "600",
};

/** Graph's opaque, URL-safe ids (base64url of random bytes). */
function newId(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(".000Z", "Z");
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseIso(text: string): number | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const epochMs = Date.parse(text);
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

// ---------------------------------------------------------------------------------------------------------------
// Request parsing: only what the client sends.

interface ExpandOptions {
  /** Lower-cased extended property ids to expand. */
  properties?: readonly string[];
  attachments?: { readonly select?: ReadonlySet<string> };
}

interface ListOptions extends ExpandOptions {
  select?: ReadonlySet<string>;
  top?: number;
  skip: number;
  orderBy?: { readonly field: TimeField; readonly descending: boolean };
  filter?: { readonly field: TimeField; readonly operator: "ge" | "gt" | "le" | "lt" | "eq"; readonly epochMs: number };
}

type TimeField = "sentDateTime" | "createdDateTime" | "lastModifiedDateTime";
const TIME_FIELDS: readonly TimeField[] = ["sentDateTime", "createdDateTime", "lastModifiedDateTime"];

const MESSAGE_FIELDS = new Set([
  "id",
  "subject",
  "body",
  "bodyPreview",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "isDraft",
  "hasAttachments",
  "sentDateTime",
  "createdDateTime",
  "lastModifiedDateTime",
  "parentFolderId",
]);
const ATTACHMENT_FIELDS = new Set([
  "id",
  "name",
  "size",
  "contentType",
  "isInline",
  "lastModifiedDateTime",
  "contentId",
  "contentBytes",
]);

/** Splits on `separator` outside parentheses and single-quoted strings. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw badRequest(`Syntax error: unbalanced parentheses in '${text}'.`);
  }
  if (depth !== 0 || quoted) throw badRequest(`Syntax error: unbalanced parentheses or quotes in '${text}'.`);
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

function parseSelect(text: string, allowed: ReadonlySet<string>, type: string): Set<string> {
  const fields = text.split(",").map((field) => field.trim());
  for (const field of fields) {
    if (!allowed.has(field)) {
      throw badRequest(`Could not find a property named '${field}' on type '${type}'.`, "RequestBroker--ParseUri");
    }
  }
  return new Set(fields);
}

/** `id eq 'A' or id eq 'B'`: the only filter Graph accepts when expanding extended properties. */
function parsePropertyFilter(text: string): string[] {
  const clauses = text.split(/\s+or\s+/i);
  return clauses.map((clause) => {
    const match = /^id\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause.trim());
    if (match?.[1] === undefined) {
      throw badRequest(
        `Unsupported filter on singleValueExtendedProperties: '${clause}'.`,
        "ErrorInvalidUrlQueryFilter",
      );
    }
    return match[1].replaceAll("''", "'").toLowerCase();
  });
}

function parseExpand(text: string, into: ExpandOptions): void {
  for (const item of splitTopLevel(text, ",")) {
    const match = /^(\w+)(?:\((.*)\))?$/s.exec(item);
    if (match?.[1] === undefined) throw badRequest(`Syntax error in $expand: '${item}'.`);
    const name = match[1].toLowerCase();
    const inner = match[2] === undefined ? [] : splitTopLevel(match[2], ";").filter((part) => part !== "");
    const innerOptions = new Map<string, string>();
    for (const option of inner) {
      const eq = option.indexOf("=");
      const key = eq < 0 ? option : option.slice(0, eq).trim().toLowerCase();
      if (eq < 0 || innerOptions.has(key)) throw badRequest(`Syntax error in $expand: '${item}'.`);
      innerOptions.set(key, option.slice(eq + 1).trim());
    }
    if (name === "singlevalueextendedproperties") {
      const filter = innerOptions.get("$filter");
      if (filter === undefined || innerOptions.size !== 1) {
        throw badRequest("Expanding singleValueExtendedProperties needs exactly one $filter on id.");
      }
      into.properties = [...(into.properties ?? []), ...parsePropertyFilter(filter)];
    } else if (name === "attachments") {
      const select = innerOptions.get("$select");
      if (innerOptions.size > (select === undefined ? 0 : 1)) {
        throw badRequest(`Unsupported option in $expand=attachments: '${item}'.`);
      }
      into.attachments =
        select === undefined ? {} : { select: parseSelect(select, ATTACHMENT_FIELDS, "microsoft.graph.attachment") };
    } else {
      throw badRequest(`Could not find a navigation property named '${match[1]}' on type 'microsoft.graph.message'.`);
    }
  }
}

function parseTimeField(text: string): TimeField {
  const field = TIME_FIELDS.find((candidate) => candidate === text);
  if (field === undefined) throw badRequest(`Unsupported property in $orderby/$filter: '${text}'.`);
  return field;
}

/** Reads the query options a route allows; an unknown, repeated or malformed option is a 400. */
function parseQuery(url: URL, allowed: readonly string[]): ListOptions {
  const options: ListOptions = { skip: 0 };
  const seen = new Set<string>();
  for (const [key, value] of url.searchParams) {
    if (!allowed.includes(key)) throw badRequest(`Query option '${key}' is not supported here.`);
    if (seen.has(key)) throw badRequest(`Query option '${key}' was specified more than once.`);
    seen.add(key);
    switch (key) {
      case "$select":
        options.select = parseSelect(value, MESSAGE_FIELDS, "microsoft.graph.message");
        break;
      case "$expand":
        parseExpand(value, options);
        break;
      case "$top":
      case "$skip": {
        if (!/^\d{1,9}$/.test(value)) throw badRequest(`Invalid value for ${key}: '${value}'.`);
        const count = Number(value);
        if (key === "$top") {
          if (count < 1 || count > GRAPH_MAX_TOP) throw badRequest(`$top must be between 1 and ${GRAPH_MAX_TOP}.`);
          options.top = count;
        } else options.skip = count;
        break;
      }
      case "$orderby": {
        const match = /^(\w+)(?:\s+(asc|desc))?$/i.exec(value.trim());
        if (match?.[1] === undefined) throw badRequest(`Unsupported $orderby: '${value}'.`);
        options.orderBy = { field: parseTimeField(match[1]), descending: match[2]?.toLowerCase() === "desc" };
        break;
      }
      case "$filter": {
        const match = /^(\w+)\s+(ge|gt|le|lt|eq)\s+(\S+)$/i.exec(value.trim());
        const epochMs = match?.[3] === undefined ? undefined : parseIso(match[3]);
        if (match?.[1] === undefined || match[2] === undefined || epochMs === undefined) {
          throw badRequest(`Invalid filter clause: '${value}'.`, "ErrorInvalidUrlQueryFilter");
        }
        const operator = match[2].toLowerCase() as "ge" | "gt" | "le" | "lt" | "eq";
        options.filter = { field: parseTimeField(match[1]), operator, epochMs };
        break;
      }
    }
  }
  return options;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(body: JsonObject, allowed: readonly string[], type: string): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw badRequest(`Property '${key}' does not exist on type '${type}'.`);
  }
}

function stringField(body: JsonObject, key: string, fallback?: string): string {
  const value = body[key] ?? fallback;
  if (typeof value !== "string") throw badRequest(`Property '${key}' must be a string.`);
  return value;
}

function parseBody(value: unknown): StoredMessage["body"] {
  if (!isObject(value)) throw badRequest("Property 'body' must be an itemBody object.");
  onlyKeys(value, ["contentType", "content"], "microsoft.graph.itemBody");
  const contentType = stringField(value, "contentType", "text").toLowerCase();
  if (contentType !== "text" && contentType !== "html") throw badRequest("body.contentType must be text or html.");
  return { contentType, content: stringField(value, "content", "") };
}

function parseRecipients(value: unknown, field: string): StoredRecipient[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`Property '${field}' must be a collection of recipients.`);
  return value.map((entry: unknown) => {
    const email = isObject(entry) ? entry.emailAddress : undefined;
    if (!isObject(entry) || !isObject(email)) throw badRequest(`Each of '${field}' needs an emailAddress.`);
    onlyKeys(entry, ["emailAddress"], "microsoft.graph.recipient");
    onlyKeys(email, ["address", "name"], "microsoft.graph.emailAddress");
    const address = stringField(email, "address");
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw badRequest(`'${address}' is not an email address.`);
    return email.name === undefined ? { address } : { address, name: stringField(email, "name") };
  });
}

const PROPERTY_ID =
  /^(SystemTime|String|Integer|Boolean|Long|Double|Binary|Short|Float|Currency|CLSID|ApplicationTime)\s+(0x[0-9a-f]{1,4}|\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-f]{1,4}))$/i;

function parseProperties(value: unknown): StoredProperty[] {
  if (!Array.isArray(value)) throw badRequest("singleValueExtendedProperties must be a collection.");
  return value.map((entry: unknown) => {
    if (!isObject(entry)) throw badRequest("Each extended property must be an object with id and value.");
    onlyKeys(entry, ["id", "value"], "microsoft.graph.singleValueLegacyExtendedProperty");
    const id = stringField(entry, "id");
    const value = stringField(entry, "value");
    const match = PROPERTY_ID.exec(id);
    if (match?.[1] === undefined) throw badRequest(`'${id}' is not an extended property id.`, "ErrorInvalidProperty");
    if (match[1].toLowerCase() !== "systemtime") return { id, value };
    // Exchange stores a SystemTime as an instant and reads it back in UTC.
    const epochMs = parseIso(value);
    if (epochMs === undefined)
      throw badRequest(`'${value}' is not a date and time.`, "ErrorInvalidExtendedPropertyValue");
    return { id, value: isoOf(epochMs) };
  });
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function parseAttachment(value: unknown, nowMs: number): StoredAttachment {
  if (!isObject(value)) throw badRequest("An attachment must be an object.");
  const type = value["@odata.type"];
  const kind = (Object.keys(ODATA_TYPES) as AttachmentKind[]).find((candidate) => ODATA_TYPES[candidate] === type);
  if (kind === undefined) throw badRequest(`Unsupported or missing @odata.type: '${String(type)}'.`);
  const common = ["@odata.type", "name", "contentType", "isInline"];
  const name = stringField(value, "name");
  if (name === "" || name.length > 255) throw badRequest("Attachment name must be 1 to 255 characters.");
  const contentType = stringField(value, "contentType", "application/octet-stream");
  const isInline = value.isInline ?? false;
  if (typeof isInline !== "boolean") throw badRequest("isInline must be a boolean.");
  let bytes: Buffer;
  let contentId: string | undefined;
  if (kind === "file") {
    onlyKeys(value, [...common, "contentBytes", "contentId"], "microsoft.graph.fileAttachment");
    const contentBytes = stringField(value, "contentBytes");
    if (!BASE64.test(contentBytes)) throw badRequest("contentBytes is not valid base64.", "ErrorInvalidRequest");
    bytes = Buffer.from(contentBytes, "base64");
    contentId = value.contentId === undefined ? undefined : stringField(value, "contentId");
  } else if (kind === "item") {
    onlyKeys(value, [...common, "item"], "microsoft.graph.itemAttachment");
    if (!isObject(value.item)) throw badRequest("An itemAttachment needs an item.");
    bytes = Buffer.from(JSON.stringify(value.item));
  } else {
    onlyKeys(value, [...common, "sourceUrl"], "microsoft.graph.referenceAttachment");
    bytes = Buffer.from(stringField(value, "sourceUrl"));
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new GraphHttpError(
      413,
      "ErrorRequestEntityTooLarge",
      `The attachment is ${bytes.length} bytes; at most ${MAX_ATTACHMENT_BYTES} can be posted (use an upload session).`,
    );
  }
  return {
    id: newId("AAMkATT"),
    kind,
    name,
    contentType,
    isInline,
    ...(contentId === undefined ? {} : { contentId }),
    bytes,
    lastModifiedMs: nowMs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The service.

export function createMailboxService(options: MailboxServiceOptions = {}): MailboxService {
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  const defaultPageSize = options.pageSize ?? 10;
  const maxPageSize = options.maxPageSize ?? GRAPH_MAX_TOP;
  // The clock: fixed when `now` is given (or once set), else real time; `offsetMs` is what advance() added to it.
  let fixedNowMs = options.now;
  let offsetMs = 0;
  let messages: StoredMessage[] = [];
  let tokens = new Map<string, number>();
  let faults: { fault: MailboxFault; remaining: number }[] = [];
  let log: MailboxCall[] = [];

  const nowMs = (): number => (fixedNowMs ?? Date.now()) + offsetMs;
  const deferredMsOf = (message: StoredMessage): number | undefined => {
    const value = message.properties.get(DEFERRED_SEND_PROPERTY.toLowerCase())?.value;
    return value === undefined ? undefined : parseIso(value);
  };

  function deliver(message: StoredMessage, sentMs: number): void {
    // Exchange gives the item in Sent Items a new id: the draft's id is gone once it is sent.
    message.id = newId("AAMkSNT");
    message.folder = "sentitems";
    message.sentMs = sentMs;
    message.submitted = false;
    message.forgotten = false;
    message.lastModifiedMs = sentMs;
  }

  function deliverDue(): void {
    const now = nowMs();
    const due = messages
      .filter((message) => message.folder === "drafts" && message.submitted && !message.forgotten)
      .map((message) => ({ message, dueMs: deferredMsOf(message) ?? now }))
      .filter(({ dueMs }) => dueMs <= now)
      .sort((a, b) => a.dueMs - b.dueMs);
    for (const { message, dueMs } of due) deliver(message, dueMs);
  }

  function find(id: string, folder?: MailboxFolder): StoredMessage {
    const message = messages.find((candidate) => candidate.id === id);
    if (message === undefined || (folder !== undefined && message.folder !== folder)) throw itemNotFound();
    return message;
  }

  function messageState(message: StoredMessage): MailboxMessageState {
    const deferred = message.properties.get(DEFERRED_SEND_PROPERTY.toLowerCase())?.value;
    const deferredMs = deferredMsOf(message);
    return {
      id: message.id,
      folder: message.folder,
      subject: message.subject,
      to: message.to.map((r) => r.address),
      cc: message.cc.map((r) => r.address),
      bcc: message.bcc.map((r) => r.address),
      bodyContentType: message.body.contentType,
      body: message.body.content,
      properties: Object.fromEntries([...message.properties.values()].map((p) => [p.id, p.value])),
      ...(deferred === undefined ? {} : { deferredUntil: deferred }),
      ...(message.sentMs === undefined ? {} : { sentDateTime: isoOf(message.sentMs) }),
      submitted: message.submitted,
      forgotten: message.forgotten,
      late: message.folder === "drafts" && message.submitted && deferredMs !== undefined && deferredMs <= nowMs(),
      viaSendMail: message.viaSendMail,
      attachments: message.attachments.map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        contentType: a.contentType,
        sizeBytes: a.bytes.length,
      })),
    };
  }

  function state(): MailboxState {
    deliverDue();
    const now = nowMs();
    const inFolder = (folder: MailboxFolder): MailboxMessageState[] =>
      messages.filter((message) => message.folder === folder).map(messageState);
    return { nowMs: now, now: isoOf(now), drafts: inFolder("drafts"), sent: inFolder("sentitems") };
  }

  // --- Graph serialisation ---------------------------------------------------------------------------------

  const recipientsOut = (list: readonly StoredRecipient[]): Recipient[] =>
    list.map((r) => ({
      emailAddress: r.name === undefined ? { address: r.address } : { address: r.address, name: r.name },
    }));

  function attachmentOut(attachment: StoredAttachment, select?: ReadonlySet<string>): GraphAttachment {
    const full: Record<string, unknown> = {
      id: attachment.id,
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.bytes.length,
      isInline: attachment.isInline,
      lastModifiedDateTime: isoOf(attachment.lastModifiedMs),
      ...(attachment.kind === "file"
        ? { contentId: attachment.contentId ?? null, contentBytes: attachment.bytes.toString("base64") }
        : {}),
    };
    const out: Record<string, unknown> = { "@odata.type": ODATA_TYPES[attachment.kind] };
    for (const [key, value] of Object.entries(full)) {
      if (key === "id" || select === undefined || select.has(key)) out[key] = value;
    }
    return out;
  }

  function messageOut(message: StoredMessage, query: ListOptions): Message {
    const full: Message = {
      id: message.id,
      createdDateTime: isoOf(message.createdMs),
      lastModifiedDateTime: isoOf(message.lastModifiedMs),
      subject: message.subject,
      body: { contentType: message.body.contentType, content: message.body.content } satisfies ItemBody,
      bodyPreview: message.body.content
        .replace(/<[^>]*>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 255),
      toRecipients: recipientsOut(message.to),
      ccRecipients: recipientsOut(message.cc),
      bccRecipients: recipientsOut(message.bcc),
      isDraft: message.folder === "drafts",
      hasAttachments: message.attachments.some((a) => !a.isInline),
      sentDateTime: message.sentMs === undefined ? null : isoOf(message.sentMs),
      parentFolderId: message.folder,
    };
    const out: Message = {};
    for (const [key, value] of Object.entries(full)) {
      if (key === "id" || query.select === undefined || query.select.has(key)) {
        (out as Record<string, unknown>)[key] = value;
      }
    }
    if (query.properties !== undefined) {
      const wanted = new Set(query.properties);
      const found: SingleValueLegacyExtendedProperty[] = [...message.properties.entries()]
        .filter(([key]) => wanted.has(key))
        .map(([, property]) => ({ id: property.id, value: property.value }));
      // Like Graph: the collection is left out when the item has none of the requested properties.
      if (found.length > 0) out.singleValueExtendedProperties = found;
    }
    if (query.attachments !== undefined) {
      const select = query.attachments.select;
      out.attachments = message.attachments.map((a) => attachmentOut(a, select));
    }
    return out;
  }

  // --- Routes ----------------------------------------------------------------------------------------------

  interface Reply {
    readonly status: number;
    readonly body?: unknown;
    readonly headers?: Readonly<Record<string, string>>;
  }

  function timeOf(message: StoredMessage, field: TimeField): number | undefined {
    if (field === "sentDateTime") return message.sentMs;
    return field === "createdDateTime" ? message.createdMs : message.lastModifiedMs;
  }

  function list(folder: MailboxFolder, url: URL, origin: string): Reply {
    const query = parseQuery(url, ["$select", "$expand", "$top", "$skip", "$orderby", "$filter"]);
    let found = messages.filter((message) => message.folder === folder);
    const filter = query.filter;
    if (filter !== undefined) {
      found = found.filter((message) => {
        const value = timeOf(message, filter.field);
        if (value === undefined) return false;
        switch (filter.operator) {
          case "ge":
            return value >= filter.epochMs;
          case "gt":
            return value > filter.epochMs;
          case "le":
            return value <= filter.epochMs;
          case "lt":
            return value < filter.epochMs;
          case "eq":
            return value === filter.epochMs;
        }
      });
    }
    const order = query.orderBy ?? { field: "lastModifiedDateTime", descending: true };
    found = [...found].sort((a, b) => {
      const difference = (timeOf(a, order.field) ?? 0) - (timeOf(b, order.field) ?? 0);
      return (order.descending ? -difference : difference) || a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1);
    });
    const pageSize = Math.min(query.top ?? defaultPageSize, maxPageSize);
    const page = found.slice(query.skip, query.skip + pageSize);
    const body: Record<string, unknown> = {
      "@odata.context": `${origin}${GRAPH_PREFIX}/$metadata#users('me')/mailFolders('${folder}')/messages`,
      value: page.map((message) => messageOut(message, query)),
    };
    if (query.skip + pageSize < found.length) {
      const next = new URL(url.href);
      next.searchParams.set("$skip", String(query.skip + pageSize));
      body["@odata.nextLink"] = `${origin}${next.pathname}?${next.searchParams.toString().replaceAll("+", "%20")}`;
    }
    return { status: 200, body };
  }

  function createMessage(body: unknown, folder: MailboxFolder): StoredMessage {
    if (!isObject(body)) throw badRequest("The request body must be a message object.");
    onlyKeys(
      body,
      [
        "subject",
        "body",
        "toRecipients",
        "ccRecipients",
        "bccRecipients",
        "singleValueExtendedProperties",
        "attachments",
      ],
      "microsoft.graph.message",
    );
    const now = nowMs();
    const attachments = body.attachments ?? [];
    if (!Array.isArray(attachments)) throw badRequest("attachments must be a collection.");
    const message: StoredMessage = {
      id: newId("AAMkDRF"),
      folder,
      subject: stringField(body, "subject", ""),
      body: body.body === undefined ? { contentType: "text", content: "" } : parseBody(body.body),
      to: parseRecipients(body.toRecipients ?? [], "toRecipients"),
      cc: parseRecipients(body.ccRecipients ?? [], "ccRecipients"),
      bcc: parseRecipients(body.bccRecipients ?? [], "bccRecipients"),
      properties: new Map(
        parseProperties(body.singleValueExtendedProperties ?? []).map((p) => [p.id.toLowerCase(), p]),
      ),
      attachments: attachments.map((a: unknown) => parseAttachment(a, now)),
      createdMs: now,
      lastModifiedMs: now,
      submitted: false,
      forgotten: false,
      viaSendMail: false,
    };
    messages.push(message);
    return message;
  }

  function updateMessage(message: StoredMessage, body: unknown): void {
    if (!isObject(body)) throw badRequest("The request body must be a message object.");
    if (message.folder !== "drafts") {
      throw new GraphHttpError(400, "ErrorInvalidOperation", "Only a draft can be changed.");
    }
    onlyKeys(
      body,
      ["subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "singleValueExtendedProperties"],
      "microsoft.graph.message",
    );
    // Validate everything before changing anything, as Graph applies a PATCH whole or not at all.
    const subject = body.subject === undefined ? undefined : stringField(body, "subject");
    const content = body.body === undefined ? undefined : parseBody(body.body);
    const to = body.toRecipients === undefined ? undefined : parseRecipients(body.toRecipients, "toRecipients");
    const cc = body.ccRecipients === undefined ? undefined : parseRecipients(body.ccRecipients, "ccRecipients");
    const bcc = body.bccRecipients === undefined ? undefined : parseRecipients(body.bccRecipients, "bccRecipients");
    const properties =
      body.singleValueExtendedProperties === undefined ? [] : parseProperties(body.singleValueExtendedProperties);
    if (subject !== undefined) message.subject = subject;
    if (content !== undefined) message.body = content;
    if (to !== undefined) message.to = to;
    if (cc !== undefined) message.cc = cc;
    if (bcc !== undefined) message.bcc = bcc;
    // Graph has no way to remove an extended property: a PATCH creates or replaces, never deletes.
    for (const property of properties) message.properties.set(property.id.toLowerCase(), property);
    message.lastModifiedMs = nowMs();
  }

  function send(message: StoredMessage): void {
    if (message.folder !== "drafts") {
      throw new GraphHttpError(400, "ErrorInvalidOperation", "Only a draft can be sent.");
    }
    if (message.to.length + message.cc.length + message.bcc.length === 0) {
      throw badRequest("At least one recipient is required.", "ErrorInvalidRecipients");
    }
    const now = nowMs();
    const deferredMs = deferredMsOf(message);
    if (deferredMs !== undefined && deferredMs > now) {
      // Exchange holds a deferred message in Drafts until its time; sending it again changes nothing.
      message.submitted = true;
      message.forgotten = false;
      return;
    }
    deliver(message, now);
  }

  async function graph(
    method: string,
    segments: readonly string[],
    url: URL,
    origin: string,
    readBody: () => Promise<unknown>,
  ): Promise<Reply> {
    const [me, second, third, fourth, fifth, sixth] = segments;
    const noQuery = (): void => {
      parseQuery(url, []);
    };
    if (me !== "me" || second === undefined) throw badRequest(`Resource not found for the segment '${me ?? ""}'.`);
    if (second.toLowerCase() === "mailfolders" && fourth === "messages" && fifth === undefined) {
      const folder = third?.toLowerCase();
      if (folder !== "drafts" && folder !== "sentitems") {
        throw badRequest(`This mailbox has only the drafts and sentitems folders, not '${third ?? ""}'.`);
      }
      if (method !== "GET") throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
      return list(folder, url, origin);
    }
    if (second === "sendMail" && third === undefined) {
      if (method !== "POST") throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
      noQuery();
      const body = await readBody();
      if (!isObject(body) || !isObject(body.message)) throw badRequest("sendMail needs { message }.");
      onlyKeys(body, ["message", "saveToSentItems"], "microsoft.graph.sendMail");
      // What Graph does, and why we never call it: sent at once, whatever 0x3FEF says.
      const message = createMessage(body.message, "drafts");
      if (message.to.length + message.cc.length + message.bcc.length === 0) {
        messages = messages.filter((candidate) => candidate !== message);
        throw badRequest("At least one recipient is required.", "ErrorInvalidRecipients");
      }
      message.viaSendMail = true;
      deliver(message, nowMs());
      return { status: 202 };
    }
    if (second !== "messages") throw badRequest(`Resource not found for the segment '${second}'.`);
    if (third === undefined) {
      if (method !== "POST") throw badRequest("Listing /me/messages is not supported by this mailbox.");
      noQuery();
      const message = createMessage(await readBody(), "drafts");
      return { status: 201, body: messageOut(message, { skip: 0 }) };
    }
    if (fourth === undefined) {
      if (method === "GET") {
        const query = parseQuery(url, ["$select", "$expand"]);
        return { status: 200, body: messageOut(find(third), query) };
      }
      noQuery();
      if (method === "PATCH") {
        const message = find(third);
        updateMessage(message, await readBody());
        return { status: 200, body: messageOut(message, { skip: 0 }) };
      }
      if (method === "DELETE") {
        // Deleting a submitted message is how a deferred send is cancelled.
        const message = find(third);
        messages = messages.filter((candidate) => candidate !== message);
        return { status: 204 };
      }
      throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
    }
    if (fourth === "send" && fifth === undefined) {
      if (method !== "POST") throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
      noQuery();
      const message = find(third);
      await readBody();
      send(message);
      return { status: 202 };
    }
    if (fourth === "attachments" && sixth === undefined) {
      const message = find(third);
      if (fifth === undefined) {
        if (method === "GET") {
          // $select on this route names attachment fields, not message fields.
          for (const key of url.searchParams.keys()) {
            if (key !== "$select") throw badRequest(`Query option '${key}' is not supported here.`);
          }
          const selected = url.searchParams.getAll("$select");
          if (selected.length > 1) throw badRequest("Query option '$select' was specified more than once.");
          const select =
            selected[0] === undefined
              ? undefined
              : parseSelect(selected[0], ATTACHMENT_FIELDS, "microsoft.graph.attachment");
          return { status: 200, body: { value: message.attachments.map((a) => attachmentOut(a, select)) } };
        }
        if (method === "POST") {
          noQuery();
          if (message.folder !== "drafts") {
            throw new GraphHttpError(400, "ErrorInvalidOperation", "Attachments can be added to a draft only.");
          }
          const attachment = parseAttachment(await readBody(), nowMs());
          message.attachments.push(attachment);
          message.lastModifiedMs = nowMs();
          return { status: 201, body: attachmentOut(attachment) };
        }
        throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
      }
      const attachment = message.attachments.find((a) => a.id === fifth);
      if (attachment === undefined) throw itemNotFound();
      if (method === "GET") {
        noQuery();
        return { status: 200, body: attachmentOut(attachment) };
      }
      if (method === "DELETE") {
        noQuery();
        if (message.folder !== "drafts") {
          throw new GraphHttpError(400, "ErrorInvalidOperation", "Attachments can be removed from a draft only.");
        }
        message.attachments = message.attachments.filter((a) => a !== attachment);
        message.lastModifiedMs = nowMs();
        return { status: 204 };
      }
      throw new GraphHttpError(405, "MethodNotAllowed", `${method} is not supported here.`);
    }
    throw badRequest(`Resource not found for the segment '${fourth}'.`);
  }

  // --- Control API -----------------------------------------------------------------------------------------

  function issueToken(): IssuedToken {
    const token = `mbx.${randomBytes(24).toString("base64url")}`;
    tokens.set(token, nowMs() + tokenLifetimeSeconds * 1000);
    return { access_token: token, token_type: "Bearer", expires_in: tokenLifetimeSeconds };
  }

  function setNow(epochMs: number): void {
    if (!Number.isSafeInteger(epochMs)) throw new RangeError(`not an epoch millisecond count: ${String(epochMs)}`);
    fixedNowMs = epochMs;
    offsetMs = 0;
    deliverDue();
  }

  function advance(milliseconds: number): void {
    if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
      throw new RangeError(`the clock only moves forward: ${String(milliseconds)}`);
    }
    offsetMs += milliseconds;
    deliverDue();
  }

  function forget(id: string): void {
    const message = find(id, "drafts");
    message.forgotten = true;
  }

  function fault(value: MailboxFault): void {
    if (!Number.isInteger(value.status) || value.status < 400 || value.status > 599) {
      throw new RangeError(`a fault is a 4xx or 5xx status: ${String(value.status)}`);
    }
    faults.push({ fault: value, remaining: value.count ?? 1 });
  }

  function expireTokens(): void {
    const expired = nowMs() - 1;
    tokens = new Map([...tokens.keys()].map((token) => [token, expired]));
  }

  function reset(): void {
    messages = [];
    tokens = new Map();
    faults = [];
    log = [];
  }

  async function control(method: string, name: string, readBody: () => Promise<unknown>): Promise<Reply> {
    const post = async (): Promise<JsonObject> => {
      if (method !== "POST") throw new GraphHttpError(405, "MethodNotAllowed", `${method} ${name}: use POST.`);
      const body = (await readBody()) ?? {};
      if (!isObject(body)) throw badRequest(`${name} needs a JSON object.`);
      return body;
    };
    try {
      switch (name) {
        case "token":
          await post();
          return { status: 200, body: issueToken() };
        case "clock": {
          const body = await post();
          onlyKeys(body, ["now", "advanceMs"], "clock");
          if (body.now !== undefined) {
            const epochMs = typeof body.now === "string" ? parseIso(body.now) : body.now;
            if (typeof epochMs !== "number") throw badRequest("now must be an ISO instant or epoch milliseconds.");
            setNow(epochMs);
          }
          if (body.advanceMs !== undefined) {
            if (typeof body.advanceMs !== "number") throw badRequest("advanceMs must be a number.");
            advance(body.advanceMs);
          }
          return { status: 200, body: { nowMs: nowMs(), now: isoOf(nowMs()) } };
        }
        case "forget": {
          const body = await post();
          forget(stringField(body, "id"));
          return { status: 200, body: state() };
        }
        case "fault": {
          const body = await post();
          onlyKeys(body, ["status", "retryAfterSeconds", "count", "method", "pathIncludes", "expireTokens"], "fault");
          if (body.expireTokens === true) expireTokens();
          if (body.status !== undefined) {
            const numbers = [body.status, body.retryAfterSeconds ?? 0, body.count ?? 1];
            if (!numbers.every((n) => typeof n === "number"))
              throw badRequest("status, count, retryAfterSeconds: numbers.");
            fault({
              status: body.status as number,
              ...(body.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: body.retryAfterSeconds as number }),
              count: (body.count ?? 1) as number,
              ...(body.method === undefined ? {} : { method: stringField(body, "method").toUpperCase() }),
              ...(body.pathIncludes === undefined ? {} : { pathIncludes: stringField(body, "pathIncludes") }),
            });
          }
          return { status: 200, body: { faults: faults.map((f) => ({ ...f.fault, remaining: f.remaining })) } };
        }
        case "state":
          if (method !== "GET") throw new GraphHttpError(405, "MethodNotAllowed", "GET /_mailbox/state");
          return { status: 200, body: state() };
        case "calls":
          if (method !== "GET") throw new GraphHttpError(405, "MethodNotAllowed", "GET /_mailbox/calls");
          return { status: 200, body: { calls: log } };
        case "reset":
          await post();
          reset();
          return { status: 200, body: state() };
        default:
          return { status: 404, body: { error: { code: "NotFound", message: `No control endpoint '${name}'.` } } };
      }
    } catch (error) {
      if (error instanceof RangeError) throw badRequest(error.message);
      throw error;
    }
  }

  // --- HTTP plumbing ---------------------------------------------------------------------------------------

  function write(response: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = { ...CORS_HEADERS, ...reply.headers };
    if (reply.body === undefined) {
      response.writeHead(reply.status, headers).end();
      return;
    }
    const text = JSON.stringify(reply.body);
    headers["content-type"] = "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(text));
    response.writeHead(reply.status, headers).end(text);
  }

  function errorReply(error: unknown): Reply {
    if (error instanceof GraphHttpError) {
      const body = {
        error: {
          code: error.code,
          message: error.message,
          innerError: { date: isoOf(nowMs()), "request-id": randomBytes(8).toString("hex") },
        },
      };
      return { status: error.status, body, headers: error.headers };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { error: { code: "InternalServerError", message } } };
  }

  /** Reads the whole body (so the client gets our answer, not a reset), refusing more than MAX_REQUEST_BYTES. */
  async function readJson(request: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let totalBytes = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      totalBytes += chunk.length;
      if (totalBytes <= MAX_REQUEST_BYTES) chunks.push(chunk);
    }
    if (totalBytes > MAX_REQUEST_BYTES) {
      throw new GraphHttpError(
        413,
        "RequestEntityTooLarge",
        `The request body is ${totalBytes} bytes; at most ${MAX_REQUEST_BYTES} are accepted.`,
      );
    }
    if (totalBytes === 0) return undefined;
    try {
      return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    } catch {
      throw badRequest(
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      );
    }
  }

  function matchingFault(method: string, path: string): MailboxFault | undefined {
    const entry = faults.find(
      ({ fault: f, remaining }) =>
        remaining > 0 &&
        (f.method === undefined || f.method === method) &&
        (f.pathIncludes === undefined || path.includes(f.pathIncludes)),
    );
    if (entry === undefined) return undefined;
    entry.remaining--;
    faults = faults.filter((f) => f.remaining > 0);
    return entry.fault;
  }

  async function serve(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = (request.method ?? "GET").toUpperCase();
    const encrypted = "encrypted" in request.socket && request.socket.encrypted === true;
    const origin = `${encrypted ? "https" : "http"}://${request.headers.host ?? "localhost"}`;
    const readBody = (): Promise<unknown> => readJson(request);
    allowLoopbackOrigin(request, response);
    if (method === "OPTIONS") {
      write(response, { status: 204 });
      return;
    }
    deliverDue();
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      let reply: Reply;
      try {
        reply = await control(method, url.pathname.slice(CONTROL_PREFIX.length + 1), readBody);
      } catch (error) {
        reply = errorReply(error);
      }
      write(response, reply);
      return;
    }
    const rest = url.pathname.startsWith(`${GRAPH_PREFIX}/`) ? url.pathname.slice(GRAPH_PREFIX.length + 1) : undefined;
    let segments: string[] = [];
    let reply: Reply;
    let hadValidToken = false;
    try {
      if (rest === undefined) throw badRequest(`Only ${GRAPH_PREFIX} is served here.`, "BadRequest");
      try {
        segments = rest.split("/").map((segment) => decodeURIComponent(segment));
      } catch {
        throw badRequest("Malformed percent-encoding in the path.");
      }
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
      const expiresMs = bearer === undefined ? undefined : tokens.get(bearer);
      hadValidToken = expiresMs !== undefined && expiresMs > nowMs();
      if (!hadValidToken) {
        throw new GraphHttpError(
          401,
          "InvalidAuthenticationToken",
          bearer === undefined
            ? "Access token is empty."
            : expiresMs === undefined
              ? "Access token validation failure. Invalid audience."
              : "Lifetime validation failed, the token is expired.",
          { "www-authenticate": 'Bearer realm="", error="invalid_token"' },
        );
      }
      const injected = matchingFault(method, `/${segments.join("/")}`);
      if (injected !== undefined) {
        const retryHeaders: Record<string, string> =
          injected.status === 429 || injected.retryAfterSeconds !== undefined
            ? { "retry-after": String(injected.retryAfterSeconds ?? 1) }
            : {};
        throw new GraphHttpError(
          injected.status,
          injected.status === 429 ? "TooManyRequests" : "InjectedFault",
          injected.status === 429
            ? "Application is over its MailboxConcurrency limit."
            : "Injected by the control API.",
          retryHeaders,
        );
      }
      reply = await graph(method, segments, url, origin, readBody);
    } catch (error) {
      reply = errorReply(error);
    }
    log.push({
      method,
      path: `/${segments.join("/")}`,
      query: Object.fromEntries(url.searchParams),
      hadValidToken,
      status: reply.status,
      atMs: nowMs(),
    });
    write(response, reply);
  }

  function handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? "/", "http://mailbox.local");
    const ours =
      url.pathname === GRAPH_PREFIX ||
      url.pathname.startsWith("/graph/") ||
      url.pathname.startsWith(`${CONTROL_PREFIX}/`);
    if (!ours) return false;
    serve(request, response, url).catch((error: unknown) => {
      // A failure after the answer started (client gone): nothing left to tell it.
      if (!response.headersSent) write(response, errorReply(error));
      else response.destroy();
    });
    return true;
  }

  return {
    handle,
    state,
    calls: () => [...log],
    nowMs,
    setNow,
    advance,
    forget,
    fault,
    expireTokens,
    issueToken,
    reset,
  };
}

export interface RunningMailboxServer {
  /** Origin, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  /** The Graph base URL for the client: `${url}/graph/v1.0`. */
  readonly graphUrl: string;
  readonly service: MailboxService;
  close(): Promise<void>;
}

/** Runs the service on its own HTTP server (port 0: any free port) on 127.0.0.1 unless `host` says otherwise. */
export function startMailboxServer(
  port: number,
  options: MailboxServiceOptions & { readonly host?: string } = {},
): Promise<RunningMailboxServer> {
  const service = createMailboxService(options);
  const server = createServer((request, response) => {
    if (!service.handle(request, response)) {
      response.writeHead(404, { ...CORS_HEADERS, "content-type": "application/json" });
      response.end(JSON.stringify({ error: { code: "NotFound", message: "Try /graph/v1.0/... or /_mailbox/..." } }));
    }
  });
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actualPort } = server.address() as AddressInfo;
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${String(actualPort)}`;
      resolve({
        url,
        graphUrl: `${url}${GRAPH_PREFIX}`,
        service,
        close: () =>
          new Promise((done) => {
            // fetch keeps connections alive; without this close() waits for them to time out.
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
