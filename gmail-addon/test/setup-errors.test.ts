/** What a user sees when something is wrong: a message that says what and what to do, never a blank card. */
import { notificationOf, texts, walk } from "./sandbox/cards.js";
import { examplesSettings, inputs, INVOICES_URL, newSandbox, PAYMENTS_URL, setUp } from "./fixtures.js";

describe("Gmail add-on: setup and input errors", () => {
  it("every bad settings field is named in one message, and nothing is saved", () => {
    const sandbox = newSandbox();
    const response = sandbox.run(
      "onSaveSettings",
      sandbox.event({
        formInputs: inputs({
          ...examplesSettings(),
          name: "",
          country: "France",
          paymentTermsDays: "thirty",
          brandColor: "blue",
          iban: "FR76 3000 4000 0312 3456 7890 144",
          bic: "BNP",
          locale: "fr_FR!",
          subject: "Relevé {{clinet}}",
          body: "Solde : {{balance}}",
          ledgerUrls: "https://example.com/ledger.csv",
          ledgerColumns: "amont: Montant",
          defaultCurrency: "EURO",
        }),
      }),
    );
    const message = notificationOf(response);
    for (const expected of [
      'Country: "France" is not a two-letter country code such as FR.',
      'IBAN: "FR76 3000 4000 0312 3456 7890 144" is not a valid IBAN (its check digits do not match).',
      'BIC: "BNP" is not a BIC',
      "Company name: is required.",
      'Brand colour: "blue" is not a colour like #1f5f8b.',
      'Language of statements: "fr_FR!" is not a language tag such as fr-FR.',
      "Payment terms (days): must be a whole number of days (0–365).",
      "Message template: unknown placeholder {{clinet}}",
    ])
      expect(message).toContain(expected);
    expect(sandbox.properties.data.size).toBe(0);
    // Only the first eight problems are listed; the rest are found on the next save.
    const next = notificationOf(
      sandbox.run(
        "onSaveSettings",
        sandbox.event({
          formInputs: inputs({
            ...examplesSettings(),
            ledgerUrls: "https://example.com/ledger.csv",
            ledgerColumns: "amont: Montant",
            defaultCurrency: "EURO",
          }),
        }),
      ),
    );
    expect(next).toContain('Ledger sheets: "https://example.com/ledger.csv" is not a Google Sheets address');
    expect(next).toContain('Invoice columns, line 1: write "field: column header"');
    expect(next).toContain('Currency when the sheet has none: "EURO" is not an ISO 4217 code such as EUR.');
    expect(sandbox.properties.data.size).toBe(0);
  });

  it("a sheet the user cannot open is named, and the settings are not saved", () => {
    const sandbox = newSandbox();
    const response = setUp(sandbox, 30, 9, ["https://docs.google.com/spreadsheets/d/someone-elses/edit", PAYMENTS_URL]);
    expect(notificationOf(response)).toMatch(/^Ledger sheets: cannot read the sheet: .*someone-elses/);
    expect(sandbox.properties.getProperty("settings")).toBeNull();
  });

  it("a sheet that becomes unreadable after setup is named on the compose card", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    sandbox.revokedSheets.add(INVOICES_URL);
    const [card] = sandbox.run("onCompose", sandbox.event({ gmail: { toRecipients: ["x@example.com"] } })) as unknown[];
    expect(texts(card).join("\n")).toMatch(/Cannot read the ledger sheet: .*invoices-sheet/);
  });

  it("an impossible send day is refused before saving", () => {
    const sandbox = newSandbox();
    const response = sandbox.run(
      "onSaveSettings",
      sandbox.event({ formInputs: inputs({ ...examplesSettings(), sendDay: "32" }) }),
    );
    expect(notificationOf(response)).toBe("Send on day: a number from 1 to 31.");
    expect(sandbox.properties.getProperty("settings")).toBeNull();
  });

  it("a draft to nobody of the ledger offers the clients to pick from", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const [card] = sandbox.run(
      "onCompose",
      sandbox.event({ gmail: { toRecipients: ["stranger@example.com"] } }),
    ) as unknown[];
    expect(texts(card).join("\n")).toContain("No client of the ledger matches the draft's recipients: pick one.");
    const select = walk(card).find((node) => node.kind === "SelectionInput")!;
    expect(select.children.filter((child) => child.via === "Item").length).toBe(5);
  });

  it("a send time in the past is refused", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const response = sandbox.run(
      "onSchedule",
      sandbox.event({
        formInputs: {
          client: { stringInputs: { value: ["email:compta@motsbleus.example"] } },
          sendAt: { dateTimeInput: { hasDate: true, hasTime: true, msSinceEpoch: String(sandbox.now - 3600_000) } },
        },
      }),
    );
    expect(notificationOf(response)).toBe("Pick a send time in the future.");
    expect(sandbox.triggers).toHaveLength(0);
  });
});
