/**
 * The settings card, field by field: the profile, a logo fetched once (https or a Drive file shared by link) and
 * drawn in the PDF, the message template, and the core's CSV column mapping for the ledger sheets.
 */
import { buttonAction, navigatedCard, notificationOf, walk } from "./sandbox/cards.js";
import type { WebResource } from "./sandbox/sandbox.js";
import { examplesSettings, INVOICES_URL, newSandbox, PAYMENTS_URL, schedule, setUp, START } from "./fixtures.js";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { greyJpeg } from "./jpeg.js";
import { encodePng, noise } from "./png.js";
import { parseMime } from "./mime.js";

const LOGO_URL = "https://atelier-cassis.example/logo.jpg";
const DRIVE_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz012345";
const DRIVE_LINK = `https://drive.google.com/file/d/${DRIVE_ID}/view?usp=sharing`;
const DRIVE_DOWNLOAD = `https://drive.google.com/uc?export=download&id=${DRIVE_ID}`;
const PRIVATE_ID = "1PrivateFileIdNotSharedWithAnyone00";
const CLIENT = "email:compta@motsbleus.example";
const ODD_URL = "https://docs.google.com/spreadsheets/d/odd-headers/edit";

/** The prefix a user adds to appsscript.json's urlFetchWhitelist for a logo on their own site. */
const OWN_SITE = ["https://atelier-cassis.example/"];

const jpeg = (width: number, height: number): WebResource => ({
  code: 200,
  bytes: greyJpeg(width, height),
  contentType: "image/jpeg",
});
const signIn: WebResource = {
  code: 200,
  bytes: new TextEncoder().encode("<!DOCTYPE html><html><title>Google Drive - Sign in</title></html>"),
  contentType: "text/html",
};

/** One invoice under headers the core does not know ("Pièce" for the number, "Somme due" for the total). */
function oddHeadersSheet() {
  return {
    name: "Odd",
    tabs: [
      {
        id: 0,
        name: "Feuille 1",
        values: [
          ["Pièce", "Client", "E-mail client", "Date", "Échéance", "Somme due", "Payé", "Devise"],
          [
            "X-1",
            "Librairie Les Mots Bleus",
            "compta@motsbleus.example",
            "10/11/2026",
            "10/12/2026",
            "1 200,00",
            "0,00",
            "EUR",
          ],
        ],
      },
    ],
  };
}

function sandboxWithWeb() {
  return newSandbox({
    extraUrlFetchPrefixes: [...OWN_SITE, "https://unreachable.example/"],
    web: {
      [LOGO_URL]: jpeg(64, 16),
      "https://atelier-cassis.example/other.jpg": jpeg(32, 32),
      "https://atelier-cassis.example/huge.jpg": {
        code: 200,
        bytes: new Uint8Array(40 * 1024),
        contentType: "image/jpeg",
      },
      "https://atelier-cassis.example/gone.jpg": { code: 404, bytes: new Uint8Array(), contentType: "text/html" },
    },
  });
}

describe("Gmail add-on: settings card", () => {
  it("shows the saved profile in its fields again", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const response = sandbox.run("onShowSettings", sandbox.event());
    const card = navigatedCard(response, "pushCard");
    const values = Object.fromEntries(
      walk(card)
        .filter((node) => node.kind === "TextInput")
        .map((node) => [node.props.fieldName as string, node.props.value as string]),
    );
    const typed: Record<string, string> = examplesSettings();
    // A checkbox, not a text field: checked below.
    delete typed.frenchMentions;
    expect(values).toMatchObject({
      ...typed,
      sendDay: "30",
      sendHour: "9",
      ledgerUrls: `${INVOICES_URL}\n${PAYMENTS_URL}`,
    });
    const box = walk(card).find((node) => node.props.fieldName === "frenchMentions")!;
    expect(box.children[0]!.args).toEqual(["French late-payment mentions (penalties, €40 indemnity)", "yes", true]);
    expect(buttonAction(card, "Save").functionName).toBe("onSaveSettings");
  });

  it("a JPEG logo by https address is fetched once, kept in chunks ≤ 9 KB, and drawn in the sent PDF", () => {
    const sandbox = newSandbox({ extraUrlFetchPrefixes: OWN_SITE, web: { [LOGO_URL]: jpeg(64, 16) } });
    expect(notificationOf(setUp(sandbox, 30, 9, undefined, { logo: LOGO_URL }))).toBe(
      "Saved: 5 clients in the ledger.",
    );
    const chunks = sandbox.properties.getKeys().filter((key) => key.startsWith("logo:"));
    expect(chunks.length).toBeGreaterThan(0);
    for (const key of chunks)
      expect(Buffer.byteLength(key) + Buffer.byteLength(sandbox.properties.getProperty(key)!)).toBeLessThanOrEqual(
        9 * 1024,
      );
    // Saving again with the same address does not fetch it again.
    setUp(sandbox, 30, 9, undefined, { logo: LOGO_URL });
    expect(sandbox.fetched.filter((url) => url === LOGO_URL)).toHaveLength(1);

    schedule(sandbox, CLIENT, START + 3600_000, ["compta@motsbleus.example"]);
    sandbox.advanceTo(START + 2 * 3600_000);
    const pdf = parseMime(sandbox.sent[0]!.raw).pdf.toString("latin1");
    expect(pdf).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 64[\s\S]*?\/Height 16[\s\S]*?\/Filter \/DCTDecode/);
  });

  it("a Drive file shared by link is read from Drive's public download address; a private one is refused", () => {
    const sandbox = newSandbox({
      web: { [DRIVE_DOWNLOAD]: jpeg(48, 24), [`https://drive.google.com/uc?export=download&id=${PRIVATE_ID}`]: signIn },
    });
    expect(notificationOf(setUp(sandbox, 30, 9, undefined, { logo: DRIVE_LINK }))).toBe(
      "Saved: 5 clients in the ledger.",
    );
    expect(sandbox.fetched).toContain(DRIVE_DOWNLOAD);
    const kept = sandbox.properties.getProperty("settings");
    const refused = notificationOf(setUp(sandbox, 30, 9, undefined, { logo: PRIVATE_ID, name: "Changed SARL" }));
    expect(refused).toBe(
      'Logo: the logo must be a PNG or JPEG image. Share the Drive file as "Anyone with the link" (the add-on has no Drive access).',
    );
    expect(sandbox.properties.getProperty("settings")).toBe(kept);
  });

  it("a logo that cannot be kept is refused with what to do, and nothing changes", () => {
    const sandbox = sandboxWithWeb();
    const cases: [string, RegExp][] = [
      [
        "https://atelier-cassis.example/gone.jpg",
        /^Logo: https:\/\/atelier-cassis\.example\/gone\.jpg answered HTTP 404\.$/,
      ],
      ["https://atelier-cassis.example/huge.jpg", /^Logo: 40 KB is over 32 KB/],
      ["https://unreachable.example/logo.jpg", /^Logo: cannot fetch https:\/\/unreachable\.example\/logo\.jpg/],
      [
        "ftp://atelier-cassis.example/logo.jpg",
        /^Logo: an https:\/\/ address, a Google Drive file link, or a Drive file id\.$/,
      ],
    ];
    for (const [logo, message] of cases) {
      expect(notificationOf(setUp(sandbox, 30, 9, undefined, { logo }))).toMatch(message);
      expect(sandbox.properties.data.size).toBe(0);
    }
  });

  it("a new logo replaces the old one's chunks", () => {
    const sandbox = sandboxWithWeb();
    const extra = {};
    setUp(sandbox, 30, 9, undefined, { ...extra, logo: LOGO_URL });
    const first = sandbox.properties.getKeys().filter((key) => key.startsWith("logo:"));
    setUp(sandbox, 30, 9, undefined, { ...extra, logo: "https://atelier-cassis.example/other.jpg" });
    const second = sandbox.properties.getKeys().filter((key) => key.startsWith("logo:"));
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((key) => first.includes(key))).toEqual([]);
    setUp(sandbox, 30, 9, undefined, { ...extra, logo: "" });
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("logo:"))).toEqual([]);
  });

  it("the message template: the core's placeholders in the subject and body of what is sent", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, undefined, {
      subject: "Votre relevé au {{asOf}} — {{company}}",
      body: "Bonjour {{client}},\n\nSolde : {{balance}}{{balanceDetail}}.\n\n{{sender}}",
    });
    schedule(sandbox, CLIENT, START + 3600_000, ["compta@motsbleus.example"]);
    sandbox.advanceTo(START + 2 * 3600_000);
    const message = parseMime(sandbox.sent[0]!.raw);
    expect(message.subject).toBe("Votre relevé au 3 décembre 2026 — Atelier Cassis Conseil SARL");
    expect(message.text).toMatch(
      /^Bonjour Librairie Les Mots Bleus,\n\nSolde : 6[\s\u202f]858,30[\s\u202f]€ \(factures échues/,
    );
    expect(message.text).toContain("freelance@gmail.com");
  });

  it("the core's column mapping reads a sheet with headers it does not know; without it, the save is refused", () => {
    const sandbox = newSandbox({ sheets: { [ODD_URL.replace(/#.*$/, "")]: oddHeadersSheet() } });
    const refused = notificationOf(setUp(sandbox, 30, 9, [ODD_URL]));
    expect(refused).toMatch(/^Ledger sheets: the ledger has errors:\n.*Odd › Feuille 1/);
    expect(sandbox.properties.getProperty("settings")).toBeNull();
    const saved = setUp(sandbox, 30, 9, [ODD_URL], {
      ledgerColumns: "number: Pièce\ntotal: Somme due",
      dateOrder: "day-month",
      decimalSeparator: ",",
    });
    expect(notificationOf(saved)).toBe("Saved: 1 clients in the ledger.");
    const card = navigatedCard(sandbox.run("onShowSettings", sandbox.event()), "pushCard");
    const columns = walk(card).find((node) => node.props.fieldName === "ledgerColumns");
    expect(columns?.props.value).toBe("number: Pièce\ntotal: Somme due");
  });

  it("a PNG logo (the examples' RGBA logo) is drawn in the sent PDF with its transparency", () => {
    const png = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../examples/logo.png")));
    const sandbox = newSandbox({
      extraUrlFetchPrefixes: OWN_SITE,
      web: { "https://atelier-cassis.example/logo.png": { code: 200, bytes: png, contentType: "image/png" } },
    });
    expect(notificationOf(setUp(sandbox, 30, 9, undefined, { logo: "https://atelier-cassis.example/logo.png" }))).toBe(
      "Saved: 5 clients in the ledger.",
    );
    schedule(sandbox, CLIENT, START + 3600_000, ["compta@motsbleus.example"]);
    sandbox.advanceTo(START + 2 * 3600_000);
    expect(sandbox.executions.filter((e) => e.error !== undefined)).toEqual([]);
    const pdf = parseMime(sandbox.sent[0]!.raw).pdf.toString("latin1");
    expect(pdf).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 480[\s\S]*?\/Height 160[\s\S]*?\/SMask/);
  });

  it("an interlaced PNG logo is refused before anything is kept", () => {
    const spec = { width: 8, height: 8, depth: 8, colorType: 2, interlaced: true } as const;
    const png = encodePng({ ...spec, rows: noise(8 * 8 * 3) });
    const sandbox = newSandbox({
      extraUrlFetchPrefixes: OWN_SITE,
      web: { "https://atelier-cassis.example/i.png": { code: 200, bytes: png, contentType: "image/png" } },
    });
    expect(notificationOf(setUp(sandbox, 30, 9, undefined, { logo: "https://atelier-cassis.example/i.png" }))).toBe(
      "Logo: interlaced PNG images are not supported: save the logo without interlacing (or as JPEG).",
    );
    expect(sandbox.properties.data.size).toBe(0);
  });

  it("an https logo outside the manifest's urlFetchWhitelist is refused with where to add it", () => {
    const sandbox = newSandbox({ web: { [LOGO_URL]: jpeg(64, 16) } });
    const message = notificationOf(setUp(sandbox, 30, 9, undefined, { logo: LOGO_URL }));
    expect(message).toMatch(/^Logo: cannot fetch https:\/\/atelier-cassis\.example\/logo\.jpg \(.*urlFetchWhitelist/);
    expect(message).toContain("must be listed in appsscript.json's urlFetchWhitelist (then deploy again).");
    expect(sandbox.properties.data.size).toBe(0);
  });
});
