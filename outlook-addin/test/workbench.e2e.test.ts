/**
 * The acceptance of "Attach this month's statement", end to end: the production pane bundle in Debian Chromium,
 * beside the workbench's compose window, against the Office.js stand-in. Time is fixed at Friday 20 November 2026,
 * 11:00 in Paris, so the example client's next send (last business day of the month, 09:00) is 30 November 08:00Z.
 */
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import type { Draft } from "../workbench/draft.js";
import { createMailboxService } from "../workbench/mailbox-server.js";
import { artifacts, pdfText, plain, startWorkbench, type Served, type Workbench } from "./harness.js";

const NOW = new Date("2026-11-20T10:00:00Z");
const NEXT_SEND = Date.parse("2026-11-30T08:00:00Z");

let served: Served;
let page: Page;
let pane: FrameLocator;

async function open(query: string): Promise<void> {
  await page.goto(`${served.url}index.html${query}`);
  pane = page.frameLocator("#pane-frame");
  await pane.getByTestId("client-picker").waitFor({ timeout: 20_000 });
}

async function draft(): Promise<Draft> {
  return page.evaluate(() => {
    const bench = window.releveWorkbench;
    if (bench === undefined) throw new Error("no workbench");
    return JSON.parse(JSON.stringify(bench.draft)) as Draft;
  });
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

async function setTo(address: string): Promise<void> {
  await page.getByTestId("to").fill(address);
}

let bench: Workbench;

beforeAll(async () => {
  bench = await startWorkbench({ nowMs: NOW.getTime(), mailbox: createMailboxService({ now: NOW.getTime() }) });
  ({ served, page } = bench);
}, 240_000);

afterAll(async () => {
  await bench.close();
});

describe("workbench: Attach this month's statement", () => {
  it("loads the example ledger and asks for a client when no recipient matches", async () => {
    await open("");
    await pane.getByText("Aucun destinataire de ce message n'est un client").waitFor();
    await shot("01-no-recipient");
  });

  it("picks the client from the recipient and previews its balance and next send", async () => {
    await setTo("compta@motsbleus.example");
    const balance = pane.getByTestId("balance");
    await balance.waitFor();
    expect(plain(await balance.innerText())).toBe("7 482,30 €");
    expect(plain(await pane.getByTestId("client-picker").innerText())).toContain("Librairie Les Mots Bleus");
    expect(await pane.getByTestId("send-at").innerText()).toBe("lundi 30 novembre 2026 à 09:00");
    expect(await pane.getByTestId("as-of").innerText()).toBe("Chiffres au 30 novembre 2026");
    await shot("02-preview");
  });

  it("attaches one PDF with the balance, fills subject and body, and defers to the client's next send", async () => {
    await page.evaluate(() => {
      const bench = window.releveWorkbench;
      if (bench === undefined) return;
      bench.draft.bodyHtml = "<p>Mot personnel de Camille</p>";
      bench.changed();
    });
    await pane.getByTestId("attach").click();
    const result = pane.getByTestId("result");
    await result.waitFor({ timeout: 20_000 });
    expect(await result.innerText()).toContain("Outlook l'enverra le lundi 30 novembre 2026 à 09:00");
    const state = await draft();
    expect(state.attachments).toHaveLength(1);
    const [attachment] = state.attachments;
    expect(attachment!.name).toBe("Releve-librairie-les-mots-bleus-2026-11-30.pdf");
    const bytes = Buffer.from(attachment!.base64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-8).toString("latin1")).toContain("%%EOF");
    const text = pdfText(bytes);
    expect(text).toContain("Librairie Les Mots Bleus");
    expect(text).toContain("7 482,30");
    expect(text).toMatch(/30 novembre 2026|30\/11\/2026/);
    expect(state.subject).toBe("Relevé de factures au 30 novembre 2026 — Atelier Cassis Conseil SARL");
    expect(plain(state.bodyHtml)).toContain("Le solde restant dû est de 7 482,30 €");
    expect(state.bodyHtml).toContain("Mot personnel de Camille");
    expect(state.delayDeliveryTime).toBe(NEXT_SEND);
    expect(await page.getByTestId("deferred").innerText()).toContain("30 novembre 2026");
    await shot("03-attached");
  });

  it("a second click still leaves one attachment and one statement block", async () => {
    await pane.getByTestId("attach").click();
    await pane.getByTestId("result").waitFor();
    await page.waitForTimeout(300);
    const state = await draft();
    expect(state.attachments).toHaveLength(1);
    expect(state.bodyHtml.match(/Le solde restant dû/g)).toHaveLength(1);
    expect(state.bodyHtml).toContain("Mot personnel de Camille");
  });

  it("a recipient with no balance says nothing to send", async () => {
    await setTo("factures@verdier.example");
    await pane.getByTestId("nothing-to-send").waitFor();
    expect(await pane.getByTestId("nothing-to-send").innerText()).toContain("Rien à envoyer");
    expect(await pane.getByTestId("attach").isDisabled()).toBe(true);
    await shot("04-nothing-to-send");
  });

  it("a ledger import error shows the file and the line", async () => {
    await pane.getByRole("tab", { name: "Réglages" }).click();
    await pane.getByTestId("where-data").waitFor();
    const csv =
      "N° facture;Client;E-mail client;Date;Échéance;Montant TTC;Payé;Devise\n" +
      "F-1;Client A;a@example.com;03/07/2026;02/08/2026;100,00;0,00;EUR\n" +
      "F-2;Client B;b@example.com;31/02/2026;02/08/2026;100,00;0,00;EUR\n";
    await pane
      .getByTestId("ledger-input")
      .setInputFiles({ name: "mauvais.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const report = pane.getByTestId("import-report");
    await report.waitFor();
    expect(await report.innerText()).toMatch(/mauvais\.csv:3: /);
    await shot("05-import-error");
    await pane.getByRole("tab", { name: "Relevé" }).click();
    await pane.getByTestId("client-picker").waitFor();
  });

  it("without Mailbox 1.13 it attaches and explains why the send is not deferred", async () => {
    await open("?host=old");
    await setTo("compta@motsbleus.example");
    await pane.getByTestId("no-defer").waitFor();
    await pane.getByTestId("attach").click();
    await pane.getByTestId("result").waitFor();
    expect(await pane.getByTestId("result").innerText()).toContain("Mailbox 1.13");
    const state = await draft();
    expect(state.attachments).toHaveLength(1);
    expect(state.delayDeliveryTime).toBe(0);
    await shot("06-no-mailbox-1-13");
  });

  it("on classic Outlook for Windows it warns that a deferred message cannot be cancelled", async () => {
    await open("?host=classic");
    await pane.getByTestId("classic-windows").waitFor();
    await shot("07-classic-windows");
  });

  it("speaks English when Outlook does", async () => {
    await open("?lang=en-US");
    await setTo("accounts@bristolprint.example");
    await pane.getByTestId("balance").waitFor();
    expect(await pane.getByTestId("attach").innerText()).toBe("Attach this month's statement");
    expect(await pane.getByTestId("balance").innerText()).toBe("£4,410.00");
    await shot("08-english");
  });
});
