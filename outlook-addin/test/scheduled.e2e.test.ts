/**
 * "Scheduled sends", end to end: the production pane bundle in Debian Chromium beside the workbench's compose
 * window; Send hands each draft to the local mailbox server (Graph shapes over real HTTP), and the pane lists,
 * cancels, restores, refreshes and sends through Graph calls to that server. Time starts at Friday 20 November 2026,
 * 11:00 in Paris, in the browser and in the server alike, and both move together.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, FrameLocator, Locator, Page } from "playwright-core";
import { createMailboxService, type MailboxMessageState, type MailboxService } from "../workbench/mailbox-server.js";
import { artifacts, pdfText, plain, repoRoot, startWorkbench, type Served, type Workbench } from "./harness.js";

const NOW = Date.parse("2026-11-20T10:00:00Z");
/** Gva: "tomorrow at 09:00" Paris; Bristol: picked 25 November 10:00 Paris; Mots Bleus: its rule, 30 November 09:00. */
const GVA_AT = Date.parse("2026-11-21T08:00:00Z");
const BRISTOL_AT = Date.parse("2026-11-25T09:00:00Z");
const MOTS_BLEUS_AT = Date.parse("2026-11-30T08:00:00Z");

let served: Served;
let mailbox: MailboxService;
let context: BrowserContext;
let page: Page;
let pane: FrameLocator;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

async function open(query: string): Promise<void> {
  await page.goto(`${served.url}index.html${query}`);
  pane = page.frameLocator("#pane-frame");
}

/** Moves the server's clock and the browser's together. */
async function setTime(epochMs: number): Promise<void> {
  mailbox.setNow(epochMs);
  await context.clock.setFixedTime(epochMs);
}

/** Graph's form of a SystemTime value: ISO UTC without milliseconds. */
function iso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(".000Z", "Z");
}

function tagOf(message: MailboxMessageState): string | undefined {
  const entry = Object.entries(message.properties).find(([id]) => /x-releve-statement/i.test(id));
  return entry?.[1];
}

function ours(client: string): MailboxMessageState[] {
  const state = mailbox.state();
  return [...state.drafts, ...state.sent].filter((m) => decodeURIComponent(tagOf(m) ?? "").includes(client));
}

function waiting(): MailboxMessageState[] {
  return mailbox.state().drafts.filter((m) => m.submitted);
}

async function scheduleFromCompose(address: string, when: "rule" | "tomorrow" | "pick", pick?: string) {
  await page.getByTestId("to").fill(address);
  await pane.getByTestId("balance").first().waitFor({ timeout: 20_000 });
  // The pane keeps the last choice between clients: set it every time.
  if (when === "rule") await pane.getByRole("radio", { name: /Selon la règle du client/ }).check();
  if (when === "tomorrow") await pane.getByRole("radio", { name: "Demain à 09:00" }).check();
  if (when === "pick" && pick !== undefined) {
    await pane.getByRole("radio", { name: "Choisir une date et une heure" }).check();
    await pane.getByRole("textbox", { name: "Choisir une date et une heure" }).fill(pick);
  }
  await pane.getByTestId("attach").click();
  await pane.getByTestId("result").waitFor({ timeout: 20_000 });
  await page.locator("#send").click();
  await page.getByTestId("send-status").getByText("Scheduled.").waitFor();
}

async function openScheduled(): Promise<void> {
  await pane.getByTestId("tab-scheduled").click();
  await pane.getByTestId("scheduled-view").waitFor({ timeout: 20_000 });
}

/** Clicks Reload and waits for that read to finish (the view counts finished reads in data-reads). */
async function reloadList(): Promise<void> {
  const view = pane.locator("[data-reads]");
  const before = Number(await view.getAttribute("data-reads"));
  await pane.getByTestId("reload").click();
  await pane.locator(`[data-reads="${String(before + 1)}"]`).waitFor({ timeout: 20_000 });
}

function rows(): Locator {
  return pane.getByTestId("scheduled-send");
}

async function rowEpochs(): Promise<number[]> {
  const times = await rows().getByTestId("send-time").all();
  return Promise.all(times.map(async (t) => Number(await t.getAttribute("data-epoch"))));
}

function row(client: RegExp): Locator {
  return rows().filter({ has: pane.getByTestId("send-client").filter({ hasText: client }) });
}

let bench: Workbench;

beforeAll(async () => {
  mailbox = createMailboxService({ now: NOW, pageSize: 2 });
  bench = await startWorkbench({ nowMs: NOW, mailbox });
  ({ served, context, page } = bench);
}, 240_000);

afterAll(async () => {
  await bench.close();
});

describe("Scheduled sends", () => {
  it("lists three statements scheduled from the compose pane, by time, with their clients", async () => {
    await open("");
    await pane.getByTestId("client-picker").waitFor({ timeout: 20_000 });
    await scheduleFromCompose("comptabilite@horlogerie-gva.example", "tomorrow");
    await scheduleFromCompose("accounts@bristolprint.example", "pick", "2026-11-25T10:00");
    await scheduleFromCompose("compta@motsbleus.example", "rule");
    expect(waiting().map((m) => m.deferredUntil)).toEqual(
      expect.arrayContaining([GVA_AT, BRISTOL_AT, MOTS_BLEUS_AT].map(iso)),
    );
    // The same client and period again: the pane says it is already scheduled before it could go twice.
    await page.getByTestId("to").fill("compta@motsbleus.example");
    const twice = pane.getByTestId("already-scheduled");
    await twice.waitFor({ timeout: 20_000 });
    expect(plain(await twice.innerText())).toContain("déjà programmé (lundi 30 novembre 2026 à 09:00");
    expect(await pane.getByTestId("attach").innerText()).toBe("Joindre quand même");
    // A time already past is refused before anything is attached.
    await pane.getByRole("radio", { name: "Choisir une date et une heure" }).check();
    await pane.getByRole("textbox", { name: "Choisir une date et une heure" }).fill("2026-11-19T09:00");
    await pane.getByTestId("time-passed").waitFor();
    expect(await pane.getByTestId("attach").isDisabled()).toBe(true);
    await openScheduled();
    await rows().nth(2).waitFor();
    expect(await rowEpochs()).toEqual([GVA_AT, BRISTOL_AT, MOTS_BLEUS_AT]);
    const clients = await rows().getByTestId("send-client").allInnerTexts();
    expect(clients.map(plain)).toEqual([
      expect.stringMatching(/Horlogerie.*relevé de novembre 2026/),
      expect.stringMatching(/Bristol.*relevé de novembre 2026/),
      "Librairie Les Mots Bleus — relevé de novembre 2026",
    ]);
    const first = plain(await rows().nth(0).innerText());
    expect(first).toContain("demain — samedi 21 novembre 2026 à 09:00");
    expect(first).toContain("comptabilite@horlogerie-gva.example");
    expect(first).toMatch(/Pièces jointes : Releve-.*\.pdf/);
    await shot("10-scheduled-list");
  });

  it("moves a send to Sent when the server's clock passes it, and flags a late one", async () => {
    await setTime(GVA_AT + 10 * 60_000);
    await reloadList();
    expect(await rowEpochs()).toEqual([BRISTOL_AT, MOTS_BLEUS_AT]);
    const sent = pane.getByTestId("sent-send");
    expect(await sent.count()).toBe(1);
    expect(plain(await sent.first().innerText())).toMatch(/Envoyé samedi 21 novembre 2026 à 09:00/);

    const bristol = ours("bristolprint").find((m) => m.submitted);
    mailbox.forget(bristol!.id);
    await setTime(BRISTOL_AT + 60 * 60_000);
    await reloadList();
    const late = rows().first();
    expect(await late.getAttribute("data-late")).toBe("true");
    expect(await late.getByTestId("late-badge").innerText()).toBe("en retard");
    expect(await late.getByTestId("send-now").isVisible()).toBe(true);
    await shot("11-late");
  });

  it("sends a late one now through /send, never sendMail", async () => {
    await rows().first().getByTestId("send-now").click();
    await pane.getByTestId("scheduled-notice").getByText("confié à Outlook").waitFor();
    expect(ours("bristolprint").map((m) => m.folder)).toEqual(["sentitems"]);
    expect(await rowEpochs()).toEqual([MOTS_BLEUS_AT]);
  });

  it("cancels one: kept as a plain draft, nothing scheduled, and undo restores it with its time", async () => {
    const target = row(/Mots Bleus/);
    // Two clicks in a row: the second is the same change, already queued.
    await target.getByTestId("cancel-send").click();
    await target
      .getByTestId("cancel-send")
      .click({ timeout: 2000 })
      .catch(() => undefined);
    const notice = pane.getByTestId("scheduled-notice");
    await notice.getByText("Envoi annulé").waitFor();
    await pane.getByTestId("scheduled-empty").waitFor();
    let mine = ours("motsbleus");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.submitted).toBe(false);
    expect(mine[0]!.deferredUntil).toBeUndefined();
    expect(mine[0]!.attachments.map((a) => a.name)).toEqual(["Releve-librairie-les-mots-bleus-2026-11-30.pdf"]);
    expect(mine[0]!.to).toEqual(["compta@motsbleus.example"]);
    await shot("12-after-cancel");

    await notice.getByTestId("undo").click();
    await notice.getByText("Envoi rétabli").waitFor();
    mine = ours("motsbleus");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.submitted).toBe(true);
    expect(mine[0]!.deferredUntil).toBe(iso(MOTS_BLEUS_AT));
    await rows().first().waitFor();
    expect(await rowEpochs()).toEqual([MOTS_BLEUS_AT]);
  });

  it("refreshes the statement from the changed ledger: one new PDF, same send time; a cancel clicked meanwhile waits", async () => {
    // A payment of AC-2026-063 arrives: the balance drops from 7 482,30 € to 6 206,80 €.
    const ledger = join(repoRoot, "examples/ledger");
    const payments = `${readFileSync(join(ledger, "paiements.csv"), "utf8").trimEnd()}\n18/11/2026;AC-2026-063;1 275,50;Virement\n`;
    await pane.getByRole("tab", { name: "Réglages" }).click();
    await pane.getByTestId("ledger-input").setInputFiles([
      { name: "factures.csv", mimeType: "text/csv", buffer: readFileSync(join(ledger, "factures.csv")) },
      { name: "paiements.csv", mimeType: "text/csv", buffer: Buffer.from(payments) },
      { name: "AC-2026-093.xml", mimeType: "application/xml", buffer: readFileSync(join(ledger, "AC-2026-093.xml")) },
    ]);
    await pane.getByTestId("import-report").waitFor();
    expect(plain(await pane.getByTestId("import-report").innerText())).toContain("documents pour");
    await openScheduled();
    await rows().first().waitFor();
    await rows().first().getByTestId("refresh-statement").click();
    await pane.getByTestId("scheduled-notice").waitFor({ timeout: 20_000 });
    await rows().first().getByTestId("cancel-send").click();
    await pane.getByTestId("scheduled-notice").getByText("Envoi annulé").waitFor({ timeout: 20_000 });
    const mine = ours("motsbleus");
    // The refresh ran first (new PDF), then the cancel found the refreshed message by its tag and kept it as a draft.
    expect(mine).toHaveLength(1);
    const after = mine[0]!;
    expect(after.submitted).toBe(false);
    expect(after.attachments).toHaveLength(1);
    await pane.getByTestId("undo").click();
    await pane.getByTestId("scheduled-notice").getByText("Envoi rétabli").waitFor();
    const restored = ours("motsbleus")[0]!;
    expect(restored.deferredUntil).toBe(iso(MOTS_BLEUS_AT));
    const pdf = await fetch(
      `${served.url}graph/v1.0/me/messages/${encodeURIComponent(restored.id)}/attachments/${encodeURIComponent(restored.attachments[0]!.id)}`,
      { headers: { authorization: `Bearer ${mailbox.issueToken().access_token}` } },
    ).then((r) => r.json() as Promise<{ contentBytes: string }>);
    const text = pdfText(Buffer.from(pdf.contentBytes, "base64"));
    expect(text).toContain("6 206,80");
    expect(text).not.toContain("7 482,30");
  });

  it("reschedules: a new time picked in the user's zone, same message, nothing left behind", async () => {
    const target = row(/Mots Bleus/);
    await target.getByTestId("reschedule").click();
    await target.getByTestId("reschedule-input").fill("2026-11-27T14:30");
    await target.getByTestId("reschedule-confirm").click();
    await pane.getByTestId("scheduled-notice").getByText("Son relevé a été refait").waitFor({ timeout: 20_000 });
    const mine = ours("motsbleus");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.submitted).toBe(true);
    expect(mine[0]!.deferredUntil).toBe("2026-11-27T13:30:00Z");
    expect(await rowEpochs()).toEqual([Date.parse("2026-11-27T13:30:00Z")]);
    // Ours: the statement now carries figures as of the new send day.
    expect(mine[0]!.attachments.map((a) => a.name)).toEqual(["Releve-librairie-les-mots-bleus-2026-11-27.pdf"]);
  });

  it("updates all statements at once, keeping each send time", async () => {
    const before = ours("motsbleus")[0]!;
    await pane.getByTestId("refresh-all").click();
    await pane.getByTestId("scheduled-notice").getByText("1 relevé(s) mis à jour").waitFor({ timeout: 20_000 });
    const after = ours("motsbleus");
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before.id);
    expect(after[0]!.submitted).toBe(true);
    expect(after[0]!.deferredUntil).toBe("2026-11-27T13:30:00Z");
    expect(after[0]!.attachments).toHaveLength(1);
  });

  it("rides out a 429 and an expired token, and says so when throttling lasts", async () => {
    mailbox.fault({ status: 429, retryAfterSeconds: 1, count: 1 });
    mailbox.expireTokens();
    await reloadList();
    expect(await rowEpochs()).toEqual([Date.parse("2026-11-27T13:30:00Z")]);
    // Both listings (Drafts and Sent Items, read at once) get their first try and three retries throttled.
    mailbox.fault({ status: 429, retryAfterSeconds: 1, count: 8 });
    await reloadList();
    const unreachable = pane.getByTestId("scheduled-unreachable");
    await unreachable.waitFor();
    expect(await unreachable.getAttribute("data-problem")).toBe("throttled");
    expect(plain(await unreachable.innerText())).toContain("Outlook limite les requêtes");
  });

  it("never called sendMail, and every Graph call carried a token", () => {
    const calls = mailbox.calls();
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((c) => /sendMail/i.test(c.path))).toEqual([]);
    // The only refused tokens are those the test expired, each followed by a successful retry.
    const refused = calls.filter((c) => !c.hadValidToken);
    expect(refused.every((c) => c.status === 401 || c.status === 429)).toBe(true);
    expect(calls.some((c) => c.status === 401)).toBe(true);
  });

  it("without sign-in lists what the pane scheduled itself, and explains what sign-in adds", async () => {
    await open("?signin=unavailable");
    await pane.getByTestId("tab-scheduled").click();
    const unreachable = pane.getByTestId("scheduled-unreachable");
    await unreachable.waitFor({ timeout: 20_000 });
    expect(await unreachable.getAttribute("data-problem")).toBe("signin-unavailable");
    const explanation = plain(await unreachable.innerText());
    expect(explanation).toContain("Voici les envois préparés depuis ce volet");
    expect(explanation).toContain("(the workbench toolbar says NestedAppAuth is missing)");
    const local = pane.getByTestId("local-send");
    expect(await local.count()).toBe(3);
    expect(plain(await local.first().innerText())).toContain("samedi 21 novembre 2026 à 09:00");
    await shot("13-no-signin");
  });

  it("opens on Scheduled sends from a message being read, with no Statement tab", async () => {
    await open("?mode=read");
    await pane.getByTestId("scheduled-view").waitFor({ timeout: 20_000 });
    expect(await pane.getByRole("tab", { name: "Relevé" }).count()).toBe(0);
    await shot("14-read-mode");
  });

  it("on classic Outlook for Windows says Outlook itself holds what was scheduled there", async () => {
    await open("?mode=read&host=classic");
    await pane.getByTestId("scheduled-view").waitFor({ timeout: 20_000 });
    expect(plain(await pane.getByTestId("classic-windows").innerText())).toContain(
      "un complément ne peut pas les annuler",
    );
  });
});
