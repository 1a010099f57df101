/** GraphMailbox over real HTTP against the local mailbox server (global fetch), and its retry/error rules. */
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import { instant } from "../../../shared/src/recurrence/instant.js";
import type { SendKey } from "../../../shared/src/schedule/model.js";
import { seedMessage, startMailboxFixture, type MailboxFixture } from "../../workbench/mailbox-fixture.js";
import { base64ByteLength, bytesToBase64 } from "../base64.js";
import { GraphMailbox } from "./client.js";
import { GraphError, type GraphProblem, type StatementTag } from "./mailbox.js";

const TAG: StatementTag = {
  key: "email:compta@motsbleus.example|outstanding|2026-11-01..2026-11-30" as SendKey,
  client: "email:compta@motsbleus.example" as ClientKey,
  clientName: "Librairie Les Mots Bleus",
  period: { from: "2026-11-01" as IsoDate, to: "2026-11-30" as IsoDate },
};
const PDF = new TextEncoder().encode("%PDF-1.7 relevé novembre");
const PDF_NAME = "Releve-librairie-les-mots-bleus-2026-11-30.pdf";
const HOUR_MS = 3600 * 1000;

let fixture: MailboxFixture;

beforeEach(async () => {
  fixture = await startMailboxFixture();
});

afterEach(async () => {
  await fixture.close();
});

async function problemOf(promise: Promise<unknown>): Promise<GraphProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error.problem;
    throw error;
  }
  throw new Error("expected a GraphError");
}

function statement(at: string, extra: Parameters<typeof seedMessage>[1] = {}): Promise<string> {
  return seedMessage(fixture.server, {
    at,
    tag: TAG,
    to: ["compta@motsbleus.example"],
    cc: ["gerant@motsbleus.example"],
    attachments: [{ name: PDF_NAME, bytes: PDF }],
    ...extra,
  });
}

describe("listing", () => {
  it("lists drafts with a deferred time by time, with tag and attachments; plain drafts and bad tags are handled", async () => {
    const later = await statement("2026-11-30T10:00:00Z", { subject: "B" });
    const sooner = await statement("2026-11-30T09:00:00Z", { subject: "A" });
    await seedMessage(fixture.server, { subject: "plain" });
    const foreign = await seedMessage(fixture.server, { subject: "C", at: "2026-11-30T11:00:00Z", tag: "v1;%E0%A4%A" });

    const listed = await fixture.mailbox.listScheduled();
    expect(listed.map((m) => [m.id, m.subject, m.deferredUntil])).toEqual([
      [sooner, "A", instant("2026-11-30T09:00:00Z")],
      [later, "B", instant("2026-11-30T10:00:00Z")],
      [foreign, "C", instant("2026-11-30T11:00:00Z")],
    ]);
    expect(listed[0]).toEqual({
      id: sooner,
      folder: "drafts",
      subject: "A",
      to: ["compta@motsbleus.example"],
      cc: ["gerant@motsbleus.example"],
      deferredUntil: instant("2026-11-30T09:00:00Z"),
      attachments: [
        { id: expect.any(String) as string, name: PDF_NAME, sizeBytes: PDF.length, contentType: "application/pdf" },
      ],
      tag: TAG,
    });
    expect(listed[2]?.tag).toBeUndefined();
  });

  it("after the clock passes the time, the message is in Sent Items and listed by listSentStatements", async () => {
    await statement("2026-11-30T09:00:00Z", { subject: "Nov" });
    await statement("2026-12-30T09:00:00Z", { subject: "Dec" });
    await seedMessage(fixture.server, { subject: "not ours", at: "2026-11-30T09:30:00Z" });
    fixture.server.service.advance(40 * 24 * HOUR_MS);

    expect(await fixture.mailbox.listScheduled()).toEqual([]);
    const sent = await fixture.mailbox.listSentStatements(instant("2026-11-01T00:00:00Z"));
    expect(sent.map((m) => [m.subject, m.folder, m.sentAt, m.tag?.key])).toEqual([
      ["Dec", "sentitems", instant("2026-12-30T09:00:00Z"), TAG.key],
      ["Nov", "sentitems", instant("2026-11-30T09:00:00Z"), TAG.key],
    ]);
    const sinceDecember = await fixture.mailbox.listSentStatements(instant("2026-12-01T00:00:00Z"));
    expect(sinceDecember.map((m) => m.subject)).toEqual(["Dec"]);
  });

  it("a forgotten message stays in Drafts past its time: still listed, with its past time (late)", async () => {
    const id = await statement("2026-11-30T09:00:00Z");
    fixture.server.service.forget(id);
    fixture.server.service.advance(2 * HOUR_MS);
    const listed = await fixture.mailbox.listScheduled();
    expect(listed.map((m) => [m.id, m.deferredUntil])).toEqual([[id, instant("2026-11-30T09:00:00Z")]]);
    expect(fixture.server.service.state().drafts[0]?.late).toBe(true);
    await fixture.mailbox.sendNow(id);
    expect(fixture.server.service.state().sent.map((m) => m.sentDateTime)).toEqual(["2026-11-30T10:00:00Z"]);
  });

  it("reads every page", async () => {
    await fixture.close();
    fixture = await startMailboxFixture({ maxPageSize: 4 });
    const times = Array.from({ length: 11 }, (_, i) => `2026-12-${String(i + 1).padStart(2, "0")}T09:00:00Z`);
    for (const at of [...times].reverse()) await statement(at);
    for (let i = 0; i < 3; i++) await seedMessage(fixture.server, { subject: `plain ${String(i)}` });

    const listed = await fixture.mailbox.listScheduled();
    expect(listed.map((m) => m.deferredUntil)).toEqual(times.map(instant));
    const pages = fixture.server.service.calls().filter((c) => c.path === "/me/mailFolders/drafts/messages");
    expect(pages.map((c) => c.query.$skip)).toEqual([undefined, "4", "8", "12"]);
  });
});

describe("changes", () => {
  it("copyAsPlainDraft makes a plain draft with the same subject, body, recipients, tag and attachment bytes", async () => {
    const id = await statement("2026-11-30T09:00:00Z", {
      bcc: ["archive@releve.example"],
      bodyHtml: "<p>Ci-joint</p>",
    });
    const copy = await fixture.mailbox.copyAsPlainDraft(id);
    expect(copy.id).not.toBe(id);
    expect(copy.deferredUntil).toBeUndefined();
    expect([copy.subject, copy.to, copy.cc, copy.tag]).toEqual([
      "Relevé de compte",
      ["compta@motsbleus.example"],
      ["gerant@motsbleus.example"],
      TAG,
    ]);
    const state = fixture.server.service.state();
    const original = state.drafts.find((d) => d.id === id)!;
    const plain = state.drafts.find((d) => d.id === copy.id)!;
    expect([plain.submitted, plain.deferredUntil, plain.bcc, plain.body]).toEqual([
      false,
      undefined,
      ["archive@releve.example"],
      "<p>Ci-joint</p>",
    ]);
    expect(original.submitted).toBe(true);
    const bytes = await fetch(
      `${fixture.server.graphUrl}/me/messages/${copy.id}/attachments/${copy.attachments[0]!.id}`,
      { headers: { authorization: `Bearer ${await fixture.tokens.token()}` } },
    ).then((r) => r.json() as Promise<{ contentBytes: string }>);
    expect(Buffer.from(bytes.contentBytes, "base64")).toEqual(Buffer.from(PDF));
  });

  it("refuses to copy a message with an attached item or a file over 3 MB, creating nothing", async () => {
    const id = await statement("2026-11-30T09:00:00Z");
    const token = await fixture.tokens.token();
    await fetch(`${fixture.server.graphUrl}/me/messages/${id}/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        "@odata.type": "#microsoft.graph.itemAttachment",
        name: "Facture d'origine",
        item: { subject: "x" },
      }),
    });
    const big = await statement("2026-11-30T09:00:00Z");
    const seededCalls = fixture.server.service.calls().length;
    expect(await problemOf(fixture.mailbox.copyAsPlainDraft(id))).toMatchObject({
      kind: "server",
      code: "UnsupportedAttachment",
    });

    // Outlook itself can attach more than Graph accepts in one POST: the listing says so before any copy is made.
    const inflating = new GraphMailbox({
      baseUrl: fixture.server.graphUrl,
      tokens: fixture.tokens,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!(input as string).includes("/attachments?")) return response;
        const body = (await response.json()) as { value: { size: number }[] };
        for (const attachment of body.value) attachment.size = 5 * 1024 * 1024;
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    expect(await problemOf(inflating.copyAsPlainDraft(big))).toMatchObject({ kind: "too-large" });
    expect(fixture.server.service.state().drafts).toHaveLength(2);
    const copyCalls = fixture.server.service.calls().slice(seededCalls);
    expect(copyCalls.map((c) => c.method)).toEqual(["GET", "GET", "GET", "GET"]);
  });

  it("replaceAttachment leaves one attachment with the new bytes; scheduleDraft submits it for the time", async () => {
    const id = await seedMessage(fixture.server, { attachments: [{ name: PDF_NAME, bytes: PDF }] });
    const replacement = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const after = await fixture.mailbox.replaceAttachment(
      id,
      fixture.server.service.state().drafts[0]!.attachments[0]!.id,
      {
        name: PDF_NAME,
        bytes: replacement,
        contentType: "application/pdf",
      },
    );
    expect(after.attachments.map((a) => [a.name, a.sizeBytes])).toEqual([[PDF_NAME, 70_000]]);

    await fixture.mailbox.scheduleDraft(id, instant("2026-11-30T12:00:00Z"));
    const waiting = fixture.server.service.state().drafts.find((d) => d.id === id)!;
    expect([waiting.submitted, waiting.deferredUntil]).toEqual([true, "2026-11-30T12:00:00Z"]);
    expect((await fixture.mailbox.listScheduled()).map((m) => m.id)).toEqual([id]);
  });

  it("delete of a message that is gone is not-found", async () => {
    const id = await statement("2026-11-30T09:00:00Z");
    await fixture.mailbox.delete(id);
    expect(await problemOf(fixture.mailbox.delete(id))).toEqual({ kind: "not-found", what: `message ${id}` });
  });

  it("never calls sendMail, and every Graph call carried a valid token", async () => {
    const id = await statement("2026-11-30T09:00:00Z");
    const copy = await fixture.mailbox.copyAsPlainDraft(id);
    await fixture.mailbox.delete(id);
    await fixture.mailbox.scheduleDraft(copy.id, instant("2026-11-30T09:30:00Z"));
    await fixture.mailbox.listScheduled();
    const calls = fixture.server.service.calls();
    expect(calls.length).toBeGreaterThan(8);
    expect(calls.filter((c) => c.path.toLowerCase().includes("sendmail"))).toEqual([]);
    expect(calls.filter((c) => !c.hadValidToken || c.status >= 400)).toEqual([]);
  });
});

describe("failures", () => {
  it("waits Retry-After on 429 and retries", async () => {
    await statement("2026-11-30T09:00:00Z");
    fixture.server.service.fault({ status: 429, retryAfterSeconds: 7, count: 2 });
    expect(await fixture.mailbox.listScheduled()).toHaveLength(1);
    expect(fixture.sleeps).toEqual([7000, 7000]);
  });

  it("gives up as throttled after maxRetries", async () => {
    fixture.server.service.fault({ status: 429, retryAfterSeconds: 3, count: 10 });
    expect(await problemOf(fixture.mailbox.listScheduled())).toEqual({ kind: "throttled", retryAfterSeconds: 3 });
    expect(fixture.sleeps).toEqual([3000, 3000, 3000]);
    expect(fixture.server.service.calls().map((c) => c.status)).toEqual([429, 429, 429, 429]);
  });

  it("an expired token is refreshed once, then the call goes through", async () => {
    await fixture.mailbox.listScheduled();
    fixture.server.service.expireTokens();
    expect(await fixture.mailbox.listScheduled()).toEqual([]);
    expect(fixture.tokens.issuedCount).toBe(2);
    expect(fixture.server.service.calls().map((c) => c.status)).toEqual([200, 401, 200]);
  });

  it("a token refused twice is signin-refused", async () => {
    const refreshes: boolean[] = [];
    const mailbox = new GraphMailbox({
      baseUrl: fixture.server.graphUrl,
      tokens: {
        token: (options) => {
          refreshes.push(options?.forceRefresh === true);
          return Promise.resolve("forged");
        },
      },
    });
    expect(await problemOf(mailbox.listScheduled())).toMatchObject({ kind: "signin-refused" });
    expect(refreshes).toEqual([false, true]);
  });

  it("a server that does not answer is offline", async () => {
    const graphUrl = fixture.server.graphUrl;
    await fixture.tokens.token();
    await fixture.close();
    const mailbox = new GraphMailbox({ baseUrl: graphUrl, tokens: { token: () => Promise.resolve("t") } });
    expect(await problemOf(mailbox.listScheduled())).toMatchObject({ kind: "offline" });
    fixture = await startMailboxFixture();
  });

  it("Graph's own error code and message come through", async () => {
    const id = await statement("2026-11-30T09:00:00Z");
    fixture.server.service.advance(HOUR_MS);
    const sentId = fixture.server.service.state().sent[0]!.id;
    expect(await problemOf(fixture.mailbox.scheduleDraft(sentId, instant("2026-12-01T09:00:00Z")))).toEqual({
      kind: "server",
      status: 400,
      code: "ErrorInvalidOperation",
      message: "Only a draft can be changed.",
    });
    expect(await problemOf(fixture.mailbox.sendNow(id))).toMatchObject({ kind: "not-found" });
  });

  it("does not follow a nextLink to another origin (the token would go with it)", async () => {
    const requested: string[] = [];
    const mailbox = new GraphMailbox({
      baseUrl: "https://graph.microsoft.com/v1.0",
      tokens: { token: () => Promise.resolve("t") },
      fetch: (input) => {
        requested.push(input as string);
        const page = { value: [], "@odata.nextLink": "https://evil.example/v1.0/me/messages?$skip=10" };
        return Promise.resolve(new Response(JSON.stringify(page), { status: 200 }));
      },
    });
    expect(await problemOf(mailbox.listScheduled())).toMatchObject({ kind: "server", code: "UnexpectedResponse" });
    expect(requested).toHaveLength(1);
  });
});

describe("base64", () => {
  it("matches Node's encoder across chunk boundaries, and the length is read without decoding", () => {
    for (const length of [0, 1, 2, 3, 24_575, 24_576, 24_577, 100_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
      expect(base64ByteLength(encoded)).toBe(length);
    }
  });
});
