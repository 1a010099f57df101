/** What a user sees when something is wrong: a message that says what and what to do, never a blank card. */
import { texts, walk } from "./sandbox/cards.js";
import { INVOICES_URL, newSandbox, PAYMENTS_URL, setUp } from "./fixtures.js";

function notificationOf(response: unknown): string {
  return (walk(response).find((n) => n.kind === "Notification")?.props.text as string | undefined) ?? "";
}

describe("Gmail add-on: setup and input errors", () => {
  it("a profile that is not valid JSON is saved with the reason shown", () => {
    const sandbox = newSandbox();
    const response = sandbox.run(
      "onSaveSettings",
      sandbox.event({
        formInputs: {
          profileJson: { stringInputs: { value: ["{ name: Atelier"] } },
          ledgerUrls: { stringInputs: { value: [INVOICES_URL] } },
          sendDay: { stringInputs: { value: ["30"] } },
          sendHour: { stringInputs: { value: ["9"] } },
        },
      }),
    );
    expect(notificationOf(response)).toMatch(/^Saved, but: .*not valid JSON/);
    expect(texts(sandbox.run("onHomepage", sandbox.event())).join("\n")).toContain("not valid JSON");
  });

  it("a sheet the user cannot open is named in the message", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, ["https://docs.google.com/spreadsheets/d/someone-elses/edit", PAYMENTS_URL]);
    const [card] = sandbox.run("onCompose", sandbox.event({ gmail: { toRecipients: ["x@example.com"] } })) as unknown[];
    expect(texts(card).join("\n")).toMatch(/Cannot read the ledger sheet: .*someone-elses/);
  });

  it("an impossible send day is refused before saving", () => {
    const sandbox = newSandbox();
    const response = sandbox.run(
      "onSaveSettings",
      sandbox.event({ formInputs: { sendDay: { stringInputs: { value: ["32"] } } } }),
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
