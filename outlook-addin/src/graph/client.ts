/**
 * The Mailbox port over Microsoft Graph v1.0 (fetch + bearer tokens). Browser code: no Node API, base64 through
 * btoa in chunks. Retries only what Graph says was not done (429 after Retry-After, 401 once with a fresh token); a
 * call that failed on the wire is never repeated, since it may have reached the mailbox. Never calls /sendMail,
 * which sends at once whatever the deferred time says.
 */
import type { Attachment, FileAttachment, Message, Recipient } from "@microsoft/microsoft-graph-types";
import { formatInstant, parseInstant, type Instant } from "../../../shared/src/recurrence/instant.js";
import {
  DEFERRED_SEND_PROPERTY,
  GraphError,
  isGraphError,
  STATEMENT_TAG_PROPERTY,
  type GraphProblem,
  type Mailbox,
  type MailboxAttachment,
  type MailboxMessage,
  type NewAttachment,
  type TokenSource,
} from "./mailbox.js";
import { base64ByteLength, bytesToBase64 } from "../base64.js";
import { decodeStatementTag } from "./tag.js";

export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
/** Graph refuses a single attachment POST above 3 MB (larger ones need an upload session, which we do not do). */
export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
/** Messages per listing page we ask for (Graph's default is 10). */
const LIST_PAGE_SIZE = 50;
/** A longer Retry-After than this is not waited for in a task pane: the user gets "throttled" instead. */
const MAX_WAIT_SECONDS = 30;
/** Without a usable Retry-After, wait this long before retrying a 429. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

const FILE_ATTACHMENT = "#microsoft.graph.fileAttachment";

export interface GraphMailboxOptions {
  /** "https://graph.microsoft.com/v1.0", or the local server's `<origin>/graph/v1.0`. */
  readonly baseUrl: string;
  readonly tokens: TokenSource;
  readonly fetch?: typeof fetch;
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** How many times a throttled (429) call is retried before giving up with `throttled` (default 3). */
  readonly maxRetries?: number;
}

type GraphAttachment = Attachment & FileAttachment & { readonly "@odata.type"?: string };
type GraphMessage = Message & { readonly attachments?: GraphAttachment[] | null };
interface GraphPage<T> {
  readonly value?: T[];
  readonly "@odata.nextLink"?: string;
}

/** OData string literal: quotes doubled. */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const PROPERTIES_EXPAND =
  `singleValueExtendedProperties($filter=id eq ${literal(DEFERRED_SEND_PROPERTY)} or ` +
  `id eq ${literal(STATEMENT_TAG_PROPERTY)})`;
const ATTACHMENTS_EXPAND = "attachments($select=id,name,size,contentType)";
const MESSAGE_SELECT = "id,subject,toRecipients,ccRecipients,sentDateTime";

/** Query string with spaces as %20 (OData readers differ on "+"), `$` left as is. */
function query(options: Readonly<Record<string, string>>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}

/** Graph may write more than 3 fraction digits ("…00.0000000Z"); Instant parsing takes at most 3. */
function parseGraphInstant(text: string | null | undefined): Instant | undefined {
  if (typeof text !== "string") return undefined;
  return parseInstant(text.replace(/(\.\d{3})\d+/, "$1"));
}

function addresses(recipients: readonly Recipient[] | null | undefined): string[] {
  return (recipients ?? []).flatMap((r) =>
    typeof r.emailAddress?.address === "string" ? [r.emailAddress.address] : [],
  );
}

function property(message: Message, id: string): string | undefined {
  const wanted = id.toLowerCase();
  const found = (message.singleValueExtendedProperties ?? []).find((p) => p.id?.toLowerCase() === wanted);
  return typeof found?.value === "string" ? found.value : undefined;
}

function toAttachment(attachment: GraphAttachment): MailboxAttachment {
  return {
    id: attachment.id ?? "",
    name: attachment.name ?? "",
    sizeBytes: attachment.size ?? 0,
    contentType: attachment.contentType ?? "application/octet-stream",
  };
}

function toMailboxMessage(message: GraphMessage, folder: MailboxMessage["folder"]): MailboxMessage {
  const deferredUntil = parseGraphInstant(property(message, DEFERRED_SEND_PROPERTY));
  const sentAt = folder === "sentitems" ? parseGraphInstant(message.sentDateTime) : undefined;
  const tag = decodeStatementTag(property(message, STATEMENT_TAG_PROPERTY));
  return {
    id: message.id ?? "",
    folder,
    subject: message.subject ?? "",
    to: addresses(message.toRecipients),
    cc: addresses(message.ccRecipients),
    ...(deferredUntil === undefined ? {} : { deferredUntil }),
    ...(sentAt === undefined ? {} : { sentAt }),
    attachments: (message.attachments ?? []).map(toAttachment),
    ...(tag === undefined ? {} : { tag }),
  };
}

/** Retry-After in seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const dateMs = Date.parse(header);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

interface GraphErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown };
}

async function graphErrorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json().catch(() => undefined)) as GraphErrorBody | undefined;
  const code = typeof body?.error?.code === "string" ? body.error.code : `HTTP${String(response.status)}`;
  const message = typeof body?.error?.message === "string" ? body.error.message : response.statusText;
  return { code, message };
}

export class GraphMailbox implements Mailbox {
  private readonly baseUrl: string;
  private readonly origin: string;
  private readonly tokens: TokenSource;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly maxRetries: number;

  constructor(options: GraphMailboxOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.origin = new URL(this.baseUrl).origin;
    this.tokens = options.tokens;
    // window.fetch called as a method of another object throws "Illegal invocation": always call it bare.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => fetchImpl(input, init);
    this.sleep =
      options.sleep ??
      ((milliseconds) =>
        new Promise((resolve) => {
          setTimeout(resolve, milliseconds);
        }));
    this.maxRetries = options.maxRetries ?? 3;
  }

  async listScheduled(): Promise<readonly MailboxMessage[]> {
    const messages = await this.listAll("drafts", {
      $select: MESSAGE_SELECT,
      $expand: `${PROPERTIES_EXPAND},${ATTACHMENTS_EXPAND}`,
      $top: String(LIST_PAGE_SIZE),
    });
    return messages
      .filter((message) => message.deferredUntil !== undefined)
      .sort((a, b) => (a.deferredUntil ?? 0) - (b.deferredUntil ?? 0) || (a.id < b.id ? -1 : 1));
  }

  async listSentStatements(since: Instant): Promise<readonly MailboxMessage[]> {
    const messages = await this.listAll("sentitems", {
      $select: MESSAGE_SELECT,
      $filter: `sentDateTime ge ${formatInstant(since)}`,
      $orderby: "sentDateTime desc",
      $expand: `${PROPERTIES_EXPAND},${ATTACHMENTS_EXPAND}`,
      $top: String(LIST_PAGE_SIZE),
    });
    return messages.filter((message) => message.tag !== undefined).sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0));
  }

  async copyAsPlainDraft(id: string): Promise<MailboxMessage> {
    const what = `message ${id}`;
    const source = await this.request<GraphMessage>(
      "GET",
      `/me/messages/${encodeURIComponent(id)}?${query({
        $select: "subject,body,toRecipients,ccRecipients,bccRecipients",
        $expand: `singleValueExtendedProperties($filter=id eq ${literal(STATEMENT_TAG_PROPERTY)})`,
      })}`,
      what,
    );
    const listed = await this.request<GraphPage<GraphAttachment>>(
      "GET",
      `/me/messages/${encodeURIComponent(id)}/attachments?${query({
        $select: "id,name,size,contentType,isInline,contentId",
      })}`,
      what,
    );
    const attachments = listed?.value ?? [];
    // Everything that could make the copy incomplete is refused here, before anything is created.
    for (const attachment of attachments) {
      const name = attachment.name ?? "(unnamed)";
      if (attachment["@odata.type"] !== FILE_ATTACHMENT) {
        throw new GraphError({
          kind: "server",
          status: 422,
          code: "UnsupportedAttachment",
          message:
            `"${name}" is an attached Outlook item or a link, not a file, so the message cannot be copied; ` +
            "nothing was changed. Change it in Outlook instead.",
        });
      }
      if ((attachment.size ?? 0) > MAX_ATTACHMENT_BYTES) {
        throw new GraphError({ kind: "too-large", what: `attachment "${name}" (over 3 MB, cannot be copied)` });
      }
    }
    const files: GraphAttachment[] = [];
    for (const attachment of attachments) {
      const file = await this.request<GraphAttachment>(
        "GET",
        `/me/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachment.id ?? "")}`,
        `attachment "${attachment.name ?? ""}" of ${what}`,
      );
      const contentBytes = file?.contentBytes;
      if (typeof contentBytes !== "string") {
        throw new GraphError({ kind: "server", status: 200, code: "NoContent", message: "attachment without bytes" });
      }
      if (base64ByteLength(contentBytes) > MAX_ATTACHMENT_BYTES) {
        throw new GraphError({ kind: "too-large", what: `attachment "${attachment.name ?? ""}" (over 3 MB)` });
      }
      files.push({ ...attachment, contentBytes });
    }
    const tag = source === undefined ? undefined : property(source, STATEMENT_TAG_PROPERTY);
    const created = await this.request<GraphMessage>("POST", "/me/messages", "new draft", {
      subject: source?.subject ?? "",
      body: source?.body ?? { contentType: "text", content: "" },
      toRecipients: source?.toRecipients ?? [],
      ccRecipients: source?.ccRecipients ?? [],
      bccRecipients: source?.bccRecipients ?? [],
      ...(tag === undefined ? {} : { singleValueExtendedProperties: [{ id: STATEMENT_TAG_PROPERTY, value: tag }] }),
    } satisfies Message);
    const copyId = created?.id;
    if (copyId === undefined) {
      throw new GraphError({ kind: "server", status: 201, code: "NoId", message: "Graph created a draft without id" });
    }
    try {
      for (const file of files) {
        await this.request("POST", `/me/messages/${encodeURIComponent(copyId)}/attachments`, `new draft ${copyId}`, {
          "@odata.type": FILE_ATTACHMENT,
          name: file.name,
          contentType: file.contentType,
          contentBytes: file.contentBytes,
          isInline: file.isInline ?? false,
          ...(typeof file.contentId === "string" ? { contentId: file.contentId } : {}),
        });
      }
    } catch (error) {
      // A copy missing an attachment is worse than no copy: remove it (best effort) and report the failure.
      await this.delete(copyId).catch(() => undefined);
      throw error;
    }
    return this.getDraft(copyId);
  }

  async replaceAttachment(draftId: string, attachmentId: string, replacement: NewAttachment): Promise<MailboxMessage> {
    const before = await this.getDraft(draftId);
    if (!before.attachments.some((attachment) => attachment.id === attachmentId)) {
      throw new GraphError({ kind: "not-found", what: `attachment ${attachmentId} of draft ${draftId}` });
    }
    // Add first, then remove: a failure in between leaves both files rather than none.
    await this.addAttachment(draftId, replacement);
    await this.request(
      "DELETE",
      `/me/messages/${encodeURIComponent(draftId)}/attachments/${encodeURIComponent(attachmentId)}`,
      `attachment ${attachmentId} of draft ${draftId}`,
    );
    return this.getDraft(draftId);
  }

  /** Adds a file attachment to a draft (not on the Mailbox port; refreshStatement uses it when there is no PDF). */
  async addAttachment(draftId: string, attachment: NewAttachment): Promise<MailboxMessage> {
    if (attachment.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new GraphError({ kind: "too-large", what: `attachment "${attachment.name}" (over 3 MB)` });
    }
    await this.request("POST", `/me/messages/${encodeURIComponent(draftId)}/attachments`, `draft ${draftId}`, {
      "@odata.type": FILE_ATTACHMENT,
      name: attachment.name,
      contentType: attachment.contentType,
      contentBytes: bytesToBase64(attachment.bytes),
    });
    return this.getDraft(draftId);
  }

  async scheduleDraft(draftId: string, at: Instant): Promise<void> {
    const path = `/me/messages/${encodeURIComponent(draftId)}`;
    // Graph creates (or replaces) an extended property through PATCH; then /send hands it to Exchange, which holds
    // it in Drafts until `at`.
    await this.request("PATCH", path, `draft ${draftId}`, {
      singleValueExtendedProperties: [{ id: DEFERRED_SEND_PROPERTY, value: formatInstant(at) }],
    } satisfies Message);
    await this.request("POST", `${path}/send`, `draft ${draftId}`);
  }

  async sendNow(id: string): Promise<void> {
    await this.request("POST", `/me/messages/${encodeURIComponent(id)}/send`, `message ${id}`);
  }

  async delete(id: string): Promise<void> {
    await this.request("DELETE", `/me/messages/${encodeURIComponent(id)}`, `message ${id}`);
  }

  private async getDraft(id: string): Promise<MailboxMessage> {
    const message = await this.request<GraphMessage>(
      "GET",
      `/me/messages/${encodeURIComponent(id)}?${query({
        $select: MESSAGE_SELECT,
        $expand: `${PROPERTIES_EXPAND},${ATTACHMENTS_EXPAND}`,
      })}`,
      `draft ${id}`,
    );
    if (message === undefined) throw new GraphError({ kind: "not-found", what: `draft ${id}` });
    return toMailboxMessage(message, "drafts");
  }

  private async listAll(
    folder: MailboxMessage["folder"],
    options: Readonly<Record<string, string>>,
  ): Promise<MailboxMessage[]> {
    const messages: MailboxMessage[] = [];
    let next: string | undefined = `/me/mailFolders/${folder}/messages?${query(options)}`;
    while (next !== undefined) {
      const page: GraphPage<GraphMessage> | undefined = await this.request<GraphPage<GraphMessage>>(
        "GET",
        next,
        `folder ${folder}`,
      );
      for (const message of page?.value ?? []) messages.push(toMailboxMessage(message, folder));
      next = page?.["@odata.nextLink"];
    }
    return messages;
  }

  private resolve(pathOrUrl: string): string {
    if (pathOrUrl.startsWith("/")) return `${this.baseUrl}${pathOrUrl}`;
    // A nextLink is absolute: follow it only to the same origin, or the token would go to someone else.
    let url: URL;
    try {
      url = new URL(pathOrUrl);
    } catch {
      throw this.unexpected(`unreadable next link: ${pathOrUrl}`);
    }
    if (url.origin !== this.origin) throw this.unexpected(`next link to another origin: ${url.origin}`);
    return url.href;
  }

  private unexpected(message: string): GraphError {
    return new GraphError({ kind: "server", status: 0, code: "UnexpectedResponse", message });
  }

  private async token(forceRefresh: boolean): Promise<string> {
    try {
      return await this.tokens.token(forceRefresh ? { forceRefresh } : undefined);
    } catch (error) {
      if (isGraphError(error)) throw new GraphError(error.problem);
      throw new GraphError({ kind: "signin-unavailable", reason: (error as Error).message });
    }
  }

  /** One Graph call with the retry rules; the parsed JSON body, or undefined for an empty answer (202, 204). */
  private async request<T>(method: string, pathOrUrl: string, what: string, body?: unknown): Promise<T | undefined> {
    const url = this.resolve(pathOrUrl);
    let token = await this.token(false);
    let refreshed = false;
    let throttledCount = 0;
    for (;;) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: "application/json",
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        // Not retried: the call may have reached the mailbox (a /send or a DELETE done twice is not harmless).
        throw new GraphError({ kind: "offline", reason: (error as Error).message });
      }
      if (response.status === 401) {
        const { message } = await graphErrorOf(response);
        if (refreshed) throw new GraphError({ kind: "signin-refused", reason: message });
        refreshed = true;
        token = await this.token(true);
        continue;
      }
      if (response.status === 429) {
        await response.body?.cancel();
        const waitSeconds = retryAfterSeconds(response.headers.get("Retry-After"), Date.now());
        const seconds = waitSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
        if (throttledCount >= this.maxRetries || seconds > MAX_WAIT_SECONDS) {
          throw new GraphError({ kind: "throttled", retryAfterSeconds: seconds });
        }
        throttledCount++;
        await this.sleep(seconds * 1000);
        continue;
      }
      if (!response.ok) throw new GraphError(await this.problemOf(response, what));
      const text = await response.text();
      if (text === "") return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw this.unexpected(`${method} ${what}: the answer is not JSON`);
      }
    }
  }

  private async problemOf(response: Response, what: string): Promise<GraphProblem> {
    const { code, message } = await graphErrorOf(response);
    if (response.status === 404) return { kind: "not-found", what };
    if (response.status === 413) return { kind: "too-large", what: `${what}: ${message}` };
    return { kind: "server", status: response.status, code, message };
  }
}
