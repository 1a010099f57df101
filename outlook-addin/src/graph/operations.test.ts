/**
 * The Scheduled-sends operations over real HTTP (local mailbox server + GraphMailbox), and with failures injected
 * at each step: whatever fails, the user's message is neither lost nor sent twice.
 */
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import { instant } from "../../../shared/src/recurrence/instant.js";
import type { SendKey } from "../../../shared/src/schedule/model.js";
import { seedMessage, startMailboxFixture, type MailboxFixture } from "../../workbench/mailbox-fixture.js";
import type { MailboxMessageState } from "../../workbench/mailbox-server.js";
import { GraphError, type Mailbox, type MailboxMessage, type StatementTag } from "./mailbox.js";
import {
  KeptAsDraftError,
  OperationRefusedError,
  UnconfirmedDeleteError,
  cancel,
  refreshStatement,
  reschedule,
  sendNow,
  undoCancel,
} from "./operations.js";

const TAG: StatementTag = {
  key: "email:compta@motsbleus.example|outstanding|2026-11-01..2026-11-30" as SendKey,
  client: "email:compta@motsbleus.example" as ClientKey,
  clientName: "Librairie Les Mots Bleus",
  period: { from: "2026-11-01" as IsoDate, to: "2026-11-30" as IsoDate },
};
const PDF_NAME = "Releve-librairie-les-mots-bleus-2026-11-30.pdf";
const OLD_PDF = new TextEncoder().encode("%PDF-1.7 old figures");
const NEW_PDF = new TextEncoder().encode("%PDF-1.7 new figures, one more payment");
const NINE = "2026-11-30T09:00:00Z";
const DAY_MS = 24 * 3600 * 1000;
/** The fixture's clock, as the pane would read it. */
const NOW = (): number => Date.parse("2026-11-30T08:00:00Z");

let fixture: MailboxFixture;

beforeEach(async () => {
  fixture = await startMailboxFixture();
});

afterEach(async () => {
  await fixture.close();
});

async function scheduled(at = NINE, attachments = [{ name: PDF_NAME, bytes: OLD_PDF }]): Promise<MailboxMessage> {
  await seedMessage(fixture.server, {
    at,
    tag: TAG,
    to: ["compta@motsbleus.example"],
    cc: ["gerant@motsbleus.example"],
    attachments: [
      ...attachments,
      { name: "conditions.txt", bytes: new TextEncoder().encode("CGV"), contentType: "text/plain" },
    ],
  });
  const listed = await fixture.mailbox.listScheduled();
  return listed.find((m) => m.deferredUntil === instant(at))!;
}

/** What the mailbox holds, reduced to what the user would see ("plain" in Sent Items: nothing waits any more). */
function summary(): { drafts: string[]; sent: string[] } {
  const { drafts, sent } = fixture.server.service.state();
  const line = (m: MailboxMessageState): string =>
    [
      m.subject,
      m.to.join("+"),
      m.submitted ? `scheduled ${m.deferredUntil ?? "?"}` : "plain",
      m.attachments.map((a) => `${a.name}:${String(a.sizeBytes)}`).join("+"),
      m.sentDateTime ?? "",
    ].join(" | ");
  return { drafts: drafts.map(line).sort(), sent: sent.map(line).sort() };
}

const SCHEDULED_LINE = `Relevé de compte | compta@motsbleus.example | scheduled ${NINE} | ${PDF_NAME}:${String(OLD_PDF.length)}+conditions.txt:3 | `;
const PLAIN_LINE = `Relevé de compte | compta@motsbleus.example | plain | ${PDF_NAME}:${String(OLD_PDF.length)}+conditions.txt:3 | `;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

/** A Mailbox whose `method` fails (with `error`) on the calls for which `when` is true. */
function failing<K extends keyof Mailbox>(
  inner: Mailbox,
  method: K,
  error: unknown,
  when: (...args: Parameters<Mailbox[K]>) => boolean = () => true,
): Mailbox {
  const wrapper: Mailbox = {
    listScheduled: () => inner.listScheduled(),
    listSentStatements: (since) => inner.listSentStatements(since),
    copyAsPlainDraft: (id) => inner.copyAsPlainDraft(id),
    replaceAttachment: (d, a, r) => inner.replaceAttachment(d, a, r),
    scheduleDraft: (d, at) => inner.scheduleDraft(d, at),
    sendNow: (id) => inner.sendNow(id),
    delete: (id) => inner.delete(id),
  };
  const original = wrapper[method] as (...args: Parameters<Mailbox[K]>) => Promise<unknown>;
  (wrapper as unknown as Record<string, unknown>)[method] = (...args: Parameters<Mailbox[K]>) =>
    when(...args) ? Promise.reject(error instanceof Error ? error : new Error(String(error))) : original(...args);
  return wrapper;
}

const forbidden = new GraphError({ kind: "server", status: 403, code: "ErrorAccessDenied", message: "Access denied" });
const offline = new GraphError({ kind: "offline", reason: "Failed to fetch" });

describe("cancel and undo", () => {
  it("cancel leaves a plain draft with the same recipients and attachments; undo schedules it at the same time", async () => {
    const message = await scheduled();
    const { draft, wasAt } = await cancel(fixture.mailbox, message);
    expect(wasAt).toBe(instant(NINE));
    expect(await fixture.mailbox.listScheduled()).toEqual([]);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [] });
    expect([draft.to, draft.cc, draft.tag, draft.attachments.map((a) => a.name)]).toEqual([
      message.to,
      message.cc,
      TAG,
      [PDF_NAME, "conditions.txt"],
    ]);

    await undoCancel(fixture.mailbox, draft.id, wasAt);
    const restored = await fixture.mailbox.listScheduled();
    expect(restored.map((m) => [m.id, m.deferredUntil])).toEqual([[draft.id, instant(NINE)]]);
    fixture.server.service.advance(DAY_MS);
    expect(summary().sent).toEqual([
      `Relevé de compte | compta@motsbleus.example | plain | ${PDF_NAME}:${String(OLD_PDF.length)}+conditions.txt:3 | ${NINE}`,
    ]);
  });

  it("a cancel never leaves the statement going out (clock moved past its time)", async () => {
    await cancel(fixture.mailbox, await scheduled());
    fixture.server.service.advance(DAY_MS);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [] });
  });

  it("cancelling twice: the second is not-found, and the first's draft is still there", async () => {
    const message = await scheduled();
    await cancel(fixture.mailbox, message);
    const error = await failure(cancel(fixture.mailbox, message));
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).problem).toEqual({
      kind: "not-found",
      what: 'the scheduled message "Relevé de compte" (already sent, cancelled or deleted)',
    });
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [] });
  });

  it("refuses a message that is not scheduled, touching nothing", async () => {
    const message = await scheduled();
    const error = await failure(cancel(fixture.mailbox, { ...message, deferredUntil: undefined }));
    expect((error as OperationRefusedError).reason).toBe("not-scheduled");
    expect(summary()).toEqual({ drafts: [SCHEDULED_LINE], sent: [] });
  });
});

describe("reschedule", () => {
  it("moves the send: one message, scheduled at the new time, sent then and not at the old time", async () => {
    const message = await scheduled();
    const moved = await reschedule(fixture.mailbox, message, instant("2026-12-01T09:00:00Z"), { now: NOW });
    expect(moved.deferredUntil).toBe(instant("2026-12-01T09:00:00Z"));
    expect((await fixture.mailbox.listScheduled()).map((m) => [m.id, m.deferredUntil])).toEqual([
      [moved.id, instant("2026-12-01T09:00:00Z")],
    ]);
    fixture.server.service.advance(DAY_MS / 2);
    expect(summary().sent).toEqual([]);
    fixture.server.service.advance(DAY_MS);
    expect(summary().sent.map((line) => line.split(" | ").at(-1))).toEqual(["2026-12-01T09:00:00Z"]);
  });

  it("refuses a time in the past, touching nothing", async () => {
    const message = await scheduled();
    const error = await failure(reschedule(fixture.mailbox, message, instant("2026-11-30T07:00:00Z"), { now: NOW }));
    expect((error as OperationRefusedError).reason).toBe("in-past");
    expect(summary()).toEqual({ drafts: [SCHEDULED_LINE], sent: [] });
  });
});

describe("refreshStatement", () => {
  it("replaces the PDF (one statement attachment, new bytes) and keeps the time", async () => {
    const message = await scheduled();
    const refreshed = await refreshStatement(
      fixture.mailbox,
      message,
      { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
      { now: NOW },
    );
    expect(refreshed.deferredUntil).toBe(instant(NINE));
    expect(summary()).toEqual({
      drafts: [
        `Relevé de compte | compta@motsbleus.example | scheduled ${NINE} | conditions.txt:3+${PDF_NAME}:${String(NEW_PDF.length)} | `,
      ],
      sent: [],
    });
    const token = await fixture.tokens.token();
    const pdf = refreshed.attachments.find((a) => a.name === PDF_NAME)!;
    const body = (await fetch(`${fixture.server.graphUrl}/me/messages/${refreshed.id}/attachments/${pdf.id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as { contentBytes: string };
    expect(new TextDecoder().decode(Buffer.from(body.contentBytes, "base64"))).toBe(
      "%PDF-1.7 new figures, one more payment",
    );
  });

  it("adds the PDF when the message has none", async () => {
    const message = await scheduled(NINE, []);
    await refreshStatement(
      fixture.mailbox,
      message,
      { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
      { now: NOW },
    );
    expect(summary().drafts).toEqual([
      `Relevé de compte | compta@motsbleus.example | scheduled ${NINE} | conditions.txt:3+${PDF_NAME}:${String(NEW_PDF.length)} | `,
    ]);
  });

  it.each([
    ["less than 2 minutes away", () => Date.parse(NINE) - 119_000, "too-soon"],
    ["already past", () => Date.parse(NINE) + 1, "in-past"],
  ])("refuses when the send is %s, touching nothing", async (_name, now, reason) => {
    const message = await scheduled();
    const callsBefore = fixture.server.service.calls().length;
    const error = await failure(
      refreshStatement(
        fixture.mailbox,
        message,
        { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
        { now },
      ),
    );
    expect(error).toBeInstanceOf(OperationRefusedError);
    expect((error as OperationRefusedError).reason).toBe(reason);
    expect(fixture.server.service.calls()).toHaveLength(callsBefore);
  });

  it("when replacing the PDF fails, the copy is removed and the original is untouched", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "replaceAttachment", forbidden);
    const error = await failure(
      refreshStatement(
        mailbox,
        message,
        { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
        { now: NOW },
      ),
    );
    expect(error).toBe(forbidden);
    expect(summary()).toEqual({ drafts: [SCHEDULED_LINE], sent: [] });
  });
});

describe("send now", () => {
  it("a waiting message goes at once, exactly once", async () => {
    await sendNow(fixture.mailbox, await scheduled(), { now: NOW });
    fixture.server.service.advance(DAY_MS);
    expect(summary()).toEqual({ drafts: [], sent: [`${PLAIN_LINE}2026-11-30T08:00:00Z`] });
  });

  it("a late one is submitted again and goes now", async () => {
    const message = await scheduled();
    fixture.server.service.forget(message.id);
    fixture.server.service.setNow(Date.parse("2026-11-30T10:00:00Z"));
    await sendNow(fixture.mailbox, message, { now: () => Date.parse("2026-11-30T10:00:00Z") });
    expect(summary().sent.map((line) => line.split(" | ").at(-1))).toEqual(["2026-11-30T10:00:00Z"]);
    expect(summary().drafts).toEqual([]);
  });
});

describe("failures halfway lose nothing and send nothing twice", () => {
  it("delete of the original refused: the copy is removed, the original still scheduled", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "delete", forbidden, (id) => id === message.id);
    expect(await failure(cancel(mailbox, message))).toBe(forbidden);
    expect(summary()).toEqual({ drafts: [SCHEDULED_LINE], sent: [] });
  });

  it("delete of the original unanswered: the copy is kept (a plain draft never sends itself), one send at the time", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "delete", offline, (id) => id === message.id);
    const error = await failure(cancel(mailbox, message));
    expect(error).toBeInstanceOf(UnconfirmedDeleteError);
    expect((error as UnconfirmedDeleteError).problem.kind).toBe("offline");
    expect(summary()).toEqual({ drafts: [PLAIN_LINE, SCHEDULED_LINE], sent: [] });
    fixture.server.service.advance(DAY_MS);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [`${PLAIN_LINE}${NINE}`] });
  });

  it("a 500 on the DELETE over HTTP counts as unanswered too", async () => {
    const message = await scheduled();
    fixture.server.service.fault({ status: 500, method: "DELETE" });
    expect(await failure(cancel(fixture.mailbox, message))).toBeInstanceOf(UnconfirmedDeleteError);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE, SCHEDULED_LINE], sent: [] });
  });

  it("the original goes out between the copy and the delete: the copy is removed, one send, not-found", async () => {
    const message = await scheduled();
    const racing: Mailbox = {
      listScheduled: () => fixture.mailbox.listScheduled(),
      listSentStatements: (since) => fixture.mailbox.listSentStatements(since),
      replaceAttachment: (d, a, r) => fixture.mailbox.replaceAttachment(d, a, r),
      scheduleDraft: (d, at) => fixture.mailbox.scheduleDraft(d, at),
      sendNow: (id) => fixture.mailbox.sendNow(id),
      delete: (id) => fixture.mailbox.delete(id),
      copyAsPlainDraft: async (id) => {
        const copy = await fixture.mailbox.copyAsPlainDraft(id);
        fixture.server.service.advance(2 * 3600 * 1000);
        return copy;
      },
    };
    const error = await failure(reschedule(racing, message, instant("2026-12-01T09:00:00Z"), { now: NOW }));
    expect((error as GraphError).problem.kind).toBe("not-found");
    expect(summary()).toEqual({ drafts: [], sent: [`${PLAIN_LINE}${NINE}`] });
  });

  it("scheduling the copy fails after the delete: kept as an ordinary draft, and the error says so", async () => {
    const message = await scheduled();
    fixture.server.service.fault({ status: 429, retryAfterSeconds: 1, count: 4, method: "PATCH" });
    const error = await failure(reschedule(fixture.mailbox, message, instant("2026-12-01T09:00:00Z"), { now: NOW }));
    expect(error).toBeInstanceOf(KeptAsDraftError);
    const kept = error as KeptAsDraftError;
    expect([kept.problem.kind, kept.mayHaveGoneThrough, kept.intendedAt]).toEqual([
      "throttled",
      false,
      instant("2026-12-01T09:00:00Z"),
    ]);
    expect(kept.message).toMatch(/^kept as an ordinary draft, not scheduled/);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [] });
    expect(fixture.server.service.state().drafts[0]?.id).toBe(kept.draft.id);
    fixture.server.service.advance(3 * DAY_MS);
    expect(summary().sent).toEqual([]);
  });

  it("refresh: scheduling the refreshed copy fails after the delete — it is kept, with the new PDF", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "scheduleDraft", offline);
    const error = await failure(
      refreshStatement(
        mailbox,
        message,
        { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
        { now: NOW },
      ),
    );
    expect(error).toBeInstanceOf(KeptAsDraftError);
    expect((error as KeptAsDraftError).mayHaveGoneThrough).toBe(true);
    expect(summary()).toEqual({
      drafts: [
        `Relevé de compte | compta@motsbleus.example | plain | conditions.txt:3+${PDF_NAME}:${String(NEW_PDF.length)} | `,
      ],
      sent: [],
    });
  });

  it("send now of a waiting message fails after the delete: kept as an ordinary draft, nothing sent", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "sendNow", forbidden);
    const error = await failure(sendNow(mailbox, message, { now: NOW }));
    expect(error).toBeInstanceOf(KeptAsDraftError);
    expect(summary()).toEqual({ drafts: [PLAIN_LINE], sent: [] });
  });

  it("the copy itself fails: nothing was created, the original is untouched", async () => {
    const message = await scheduled();
    const mailbox = failing(fixture.mailbox, "copyAsPlainDraft", offline);
    expect(await failure(cancel(mailbox, message))).toBe(offline);
    expect(summary()).toEqual({ drafts: [SCHEDULED_LINE], sent: [] });
  });

  it("the operations never call sendMail", async () => {
    const message = await scheduled();
    const moved = await reschedule(fixture.mailbox, message, instant("2026-11-30T12:00:00Z"), { now: NOW });
    const { draft, wasAt } = await cancel(fixture.mailbox, moved);
    await undoCancel(fixture.mailbox, draft.id, wasAt);
    const current = (await fixture.mailbox.listScheduled())[0]!;
    await refreshStatement(
      fixture.mailbox,
      current,
      { name: PDF_NAME, bytes: NEW_PDF, contentType: "application/pdf" },
      { now: NOW },
    );
    await sendNow(fixture.mailbox, (await fixture.mailbox.listScheduled())[0]!, { now: NOW });
    const calls = fixture.server.service.calls();
    expect(calls.filter((c) => c.path.toLowerCase().includes("sendmail"))).toEqual([]);
    expect(calls.every((c) => c.hadValidToken)).toBe(true);
    expect(summary().sent).toHaveLength(1);
    expect(summary().drafts).toEqual([]);
  });
});
