/**
 * Homepage → compose → schedule → the clock moves → the trigger fires → one message in Sent with the right
 * recipients, subject and a valid PDF with the right balance; the job shows as sent; cancel; no double send.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { assembleLedger } from "../../shared/src/ledger/assemble.js";
import { importLedgerFiles } from "../../shared/src/ledger/import/index.js";
import { formatMoney } from "../../shared/src/money/format.js";
import { buildStatement } from "../../shared/src/statement/build.js";
import { isoDate } from "../../shared/src/date/civil-date.js";
import { buttonAction, texts, walk, type CardNode } from "./sandbox/cards.js";
import type { Sandbox } from "./sandbox/sandbox.js";
import { newSandbox, setUp } from "./fixtures.js";
import { parseMime, pdfText } from "./mime.js";

const CLIENT_EMAIL = "compta@motsbleus.example";
const DEC_30_0900_PARIS = Date.parse("2026-12-30T08:00:00Z");

/** The balance the core computes from the examples' CSV files directly (not through the sheets). */
async function expectedBalance(asOf: string): Promise<string> {
  const files = ["factures.csv", "paiements.csv"].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../examples/ledger", name))),
  }));
  const ledger = assembleLedger(await importLedgerFiles(files), { paymentTermsDays: 30 });
  if (!ledger.ok) throw new Error("examples ledger has errors");
  const client = ledger.value.clients.find((c) => c.emails.includes(CLIENT_EMAIL))!;
  const statement = buildStatement(ledger.value, {
    kind: "outstanding",
    client: client.key,
    asOf: isoDate(asOf),
    locale: "fr-FR",
  });
  return formatMoney(statement.sections[0]!.openTotal, "fr-FR");
}

function composeAndSchedule(sandbox: Sandbox, sendAt?: number): { card: unknown; response: unknown } {
  const compose = sandbox.event({ gmail: { toRecipients: [CLIENT_EMAIL] } });
  const [card] = sandbox.run("onCompose", compose) as unknown[];
  const picker = walk(card).find((node) => node.kind === "DateTimePicker")!;
  const select = walk(card).find((node) => node.kind === "SelectionInput")!;
  const chosen = select.children.find((child) => child.via === "Item" && child.args[2] === true)!;
  const schedule = buttonAction(card, "Schedule");
  const response = sandbox.run(
    schedule.functionName,
    sandbox.event({
      gmail: { toRecipients: [CLIENT_EMAIL] },
      formInputs: {
        client: { stringInputs: { value: [chosen.args[1] as string] } },
        sendAt: {
          dateTimeInput: {
            hasDate: true,
            hasTime: true,
            msSinceEpoch: String(sendAt ?? (picker.props.valueInMsSinceEpoch as number)),
          },
        },
      },
    }),
  );
  return { card, response };
}

function notification(response: unknown): string {
  const node = walk(response).find((n) => n.kind === "Notification");
  return (node?.props.text as string | undefined) ?? "";
}

function updatedCard(response: unknown): CardNode | undefined {
  const navigation = walk(response).find((n) => n.kind === "Navigation");
  return navigation?.children.find((child) => child.via === "updateCard")?.args[0] as CardNode | undefined;
}

describe("Gmail add-on: schedule from the compose window, sent by the trigger", () => {
  it("sends one message at the time, with the statement attached, and shows it as sent", async () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    expect(texts(sandbox.run("onHomepage", sandbox.event()))).toContain("Upcoming sends (0)");

    const { card, response } = composeAndSchedule(sandbox);
    expect(texts(card).join("\n")).toContain("Balance due");
    expect(notification(response)).toMatch(/^Scheduled: Librairie Les Mots Bleus/);
    const picker = walk(card).find((node) => node.kind === "DateTimePicker")!;
    expect(picker.props.valueInMsSinceEpoch).toBe(DEC_30_0900_PARIS);
    expect(texts(updatedCard(response))).toContain("Upcoming sends (1)");
    expect(sandbox.triggers.map((t) => t.handler).sort()).toEqual(["onDispatchDue", "onDispatchHourly"]);
    expect(sandbox.triggers.find((t) => t.handler === "onDispatchDue")!.at).toBe(DEC_30_0900_PARIS);

    sandbox.advanceTo(DEC_30_0900_PARIS - 60_000);
    expect(sandbox.sent).toHaveLength(0);
    sandbox.advanceTo(DEC_30_0900_PARIS + 3 * 3600_000);
    expect(sandbox.executions.filter((e) => e.error !== undefined)).toEqual([]);
    expect(sandbox.sent).toHaveLength(1);

    const message = parseMime(sandbox.sent[0]!.raw);
    expect(message.to).toBe(CLIENT_EMAIL);
    expect(message.subject).toBe("Relevé de factures au 30 décembre 2026 — Atelier Cassis Conseil SARL");
    expect(message.attachmentName).toBe("Releve-Librairie-Les-Mots-Bleus-2026-12-30.pdf");
    expect(message.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const balance = await expectedBalance("2026-12-30");
    expect(message.text).toContain(balance);
    expect(pdfText(message.pdf).replace(/\s/g, "")).toContain(balance.replace(/\s/g, ""));

    const home = texts(sandbox.run("onHomepage", sandbox.event())).join("\n");
    expect(home).toContain("Upcoming sends (0)");
    expect(home).toMatch(/· sent/);
    // Nothing left to send: only the hourly safety net remains, and it sends nothing more.
    sandbox.advanceTo(DEC_30_0900_PARIS + 48 * 3600_000);
    expect(sandbox.sent).toHaveLength(1);
  });

  it("cancel from the sidebar: the job never sends and the card updates in place with a notification", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    composeAndSchedule(sandbox);
    const home = sandbox.run("onHomepage", sandbox.event());
    const cancel = buttonAction(home, "Cancel");
    const response = sandbox.run(cancel.functionName, sandbox.event({ parameters: cancel.parameters }));
    expect(notification(response)).toMatch(/^Cancelled: Librairie Les Mots Bleus/);
    const card = texts(updatedCard(response)).join("\n");
    expect(card).toContain("Upcoming sends (0)");
    expect(card).toContain("cancelled");
    expect(sandbox.triggers.map((t) => t.handler)).toEqual(["onDispatchHourly"]);
    sandbox.advanceTo(DEC_30_0900_PARIS + 72 * 3600_000);
    expect(sandbox.sent).toHaveLength(0);
  });

  it("opens a new draft with today's statement attached, for Gmail's own Send or Schedule send", async () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const [card] = sandbox.run("onCompose", sandbox.event({ gmail: { toRecipients: [CLIENT_EMAIL] } })) as unknown[];
    const open = buttonAction(card, "Open as a new draft with the statement attached");
    const select = walk(card).find((node) => node.kind === "SelectionInput")!;
    const chosen = select.children.find((child) => child.via === "Item" && child.args[2] === true)!;
    const response = sandbox.run(
      open.functionName,
      sandbox.event({
        gmail: { toRecipients: [CLIENT_EMAIL] },
        formInputs: { client: { stringInputs: { value: [chosen.args[1] as string] } } },
      }),
    );
    expect(walk(response).some((node) => node.kind === "ComposeActionResponseBuilder")).toBe(true);
    expect(sandbox.drafts).toHaveLength(1);
    const draft = sandbox.drafts[0]!;
    expect(draft.to).toBe(CLIENT_EMAIL);
    expect(draft.subject).toBe("Relevé de factures au 3 décembre 2026 — Atelier Cassis Conseil SARL");
    expect(draft.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ["Releve-Librairie-Les-Mots-Bleus-2026-12-03.pdf", "application/pdf"],
    ]);
    const balance = await expectedBalance("2026-12-03");
    expect(pdfText(draft.attachments[0]!.bytes).replace(/\s/g, "")).toContain(balance.replace(/\s/g, ""));
    expect(sandbox.sent).toHaveLength(0);
  });

  it("a recurring schedule plans the next month's statement after each send, until paused", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const key = "email:compta@motsbleus.example";
    sandbox.run(
      "onSchedule",
      sandbox.event({
        gmail: { toRecipients: [CLIENT_EMAIL] },
        formInputs: {
          client: { stringInputs: { value: [key] } },
          sendAt: { dateTimeInput: { hasDate: true, hasTime: true, msSinceEpoch: String(DEC_30_0900_PARIS) } },
          repeat: { stringInputs: { value: ["yes"] } },
        },
      }),
    );
    const home = sandbox.run("onHomepage", sandbox.event());
    expect(texts(home)).toContain("Recurring schedules per client");
    expect(texts(home).join("\n")).toContain("le 30 de chaque mois à 09:00");
    sandbox.advanceTo(DEC_30_0900_PARIS + 3600_000);
    expect(sandbox.sent).toHaveLength(1);
    const next = texts(sandbox.run("onHomepage", sandbox.event())).join("\n");
    expect(next).toContain("Upcoming sends (1)");
    expect(next).toContain("2027-01-01 – 2027-01-30");
    const pause = buttonAction(sandbox.run("onHomepage", sandbox.event()), "Pause");
    const paused = sandbox.run(pause.functionName, sandbox.event({ parameters: pause.parameters }));
    expect(notification(paused)).toMatch(/^Paused/);
    sandbox.advanceTo(Date.parse("2027-01-30T08:00:00Z") + 3600_000);
    expect(sandbox.sent).toHaveLength(2);
    expect(texts(sandbox.run("onHomepage", sandbox.event()))).toContain("Upcoming sends (0)");
    expect(sandbox.executions.filter((e) => e.error !== undefined)).toEqual([]);
  });

  it("refuses to schedule the same statement twice", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    composeAndSchedule(sandbox);
    const { response } = composeAndSchedule(sandbox, DEC_30_0900_PARIS + 3600_000);
    expect(notification(response)).toMatch(/already scheduled/);
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("job:"))).toHaveLength(1);
  });
});
