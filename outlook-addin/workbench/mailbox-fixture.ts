/**
 * Test support: the local mailbox server on a free port with a GraphMailbox over the real global fetch, plus a way
 * to put messages in it the way Outlook would (a draft with 0x3FEF and our tag, then `/send`).
 */
import { GraphMailbox } from "../src/graph/client.js";
import { DEFERRED_SEND_PROPERTY, STATEMENT_TAG_PROPERTY, type StatementTag } from "../src/graph/mailbox.js";
import { encodeStatementTag } from "../src/graph/tag.js";
import { startMailboxServer, type MailboxServiceOptions, type RunningMailboxServer } from "./mailbox-server.js";
import { MailboxServerTokens } from "./mailbox-tokens.js";

export interface MailboxFixture {
  readonly server: RunningMailboxServer;
  readonly tokens: MailboxServerTokens;
  readonly mailbox: GraphMailbox;
  /** Every wait the client asked for (ms), in order. */
  readonly sleeps: number[];
  close(): Promise<void>;
}

export const FIXTURE_START = "2026-11-30T08:00:00Z";

export async function startMailboxFixture(options: MailboxServiceOptions = {}): Promise<MailboxFixture> {
  const server = await startMailboxServer(0, {
    now: Date.parse(FIXTURE_START),
    // Tests move the clock by days; the expiry test expires tokens explicitly.
    tokenLifetimeSeconds: 30 * 24 * 3600,
    ...options,
  });
  const tokens = new MailboxServerTokens(server.url);
  const sleeps: number[] = [];
  const mailbox = new GraphMailbox({
    baseUrl: server.graphUrl,
    tokens,
    sleep: (milliseconds) => {
      sleeps.push(milliseconds);
      return Promise.resolve();
    },
  });
  return { server, tokens, mailbox, sleeps, close: () => server.close() };
}

export interface SeedMessage {
  readonly subject?: string;
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly bodyHtml?: string;
  /** ISO instant for 0x3FEF; none: a plain draft. */
  readonly at?: string;
  /** Our tag, or a raw header value (to test malformed ones). */
  readonly tag?: StatementTag | string;
  readonly attachments?: readonly {
    readonly name: string;
    readonly bytes: Uint8Array;
    readonly contentType?: string;
  }[];
  /** Call /send (default: when `at` is given). */
  readonly submit?: boolean;
}

/** Puts a message in Drafts through Graph (as Outlook's own client would), submitted unless told otherwise. */
export async function seedMessage(server: RunningMailboxServer, seed: SeedMessage): Promise<string> {
  const token = server.service.issueToken().access_token;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const recipients = (list: readonly string[] | undefined) =>
    (list ?? []).map((address) => ({ emailAddress: { address } }));
  const properties = [
    ...(seed.at === undefined ? [] : [{ id: DEFERRED_SEND_PROPERTY, value: seed.at }]),
    ...(seed.tag === undefined
      ? []
      : [
          { id: STATEMENT_TAG_PROPERTY, value: typeof seed.tag === "string" ? seed.tag : encodeStatementTag(seed.tag) },
        ]),
  ];
  const response = await fetch(`${server.graphUrl}/me/messages`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      subject: seed.subject ?? "Relevé de compte",
      body: { contentType: "html", content: seed.bodyHtml ?? "<p>Bonjour,</p>" },
      toRecipients: recipients(seed.to ?? ["compta@motsbleus.example"]),
      ccRecipients: recipients(seed.cc),
      bccRecipients: recipients(seed.bcc),
      singleValueExtendedProperties: properties,
      attachments: (seed.attachments ?? []).map((a) => ({
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: a.name,
        contentType: a.contentType ?? "application/pdf",
        contentBytes: Buffer.from(a.bytes).toString("base64"),
      })),
    }),
  });
  if (response.status !== 201) throw new Error(`seed: ${String(response.status)} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  if (seed.submit ?? seed.at !== undefined) {
    const sent = await fetch(`${server.graphUrl}/me/messages/${id}/send`, { method: "POST", headers });
    if (sent.status !== 202) throw new Error(`seed send: ${String(sent.status)} ${await sent.text()}`);
  }
  return id;
}
