import { isoDate } from "../date/civil-date.js";
import { currency } from "../money/currency.js";
import { money } from "../money/money.js";
import type { ClientKey, Ledger } from "../ledger/model.js";
import { buildStatement } from "../statement/build.js";
import { checkTemplate, defaultTemplate, placeholderValues, renderMessage } from "./template.js";

const EUR = currency("EUR");
const key = "name:x" as ClientKey;

function statementFor(name: string, locale = "fr-FR") {
  const ledger: Ledger = {
    clients: [{ key, name, emails: ["a@b.test"], currencies: [EUR] }],
    documents: [
      {
        kind: "invoice",
        number: "F1",
        clientKey: key,
        issueDate: isoDate("2026-09-01"),
        dueDate: isoDate("2026-10-01"),
        currency: EUR,
        amount: money(EUR, 123456),
        source: { file: "t" },
      },
      {
        kind: "invoice",
        number: "F2",
        clientKey: key,
        issueDate: isoDate("2026-11-20"),
        dueDate: isoDate("2026-12-20"),
        currency: EUR,
        amount: money(EUR, 10000),
        source: { file: "t" },
      },
    ],
    payments: [],
  };
  return buildStatement(ledger, { kind: "outstanding", client: key, asOf: isoDate("2026-11-30"), locale });
}

describe("message templates", () => {
  it("fills the French default with the balance, overdue count and dates", () => {
    const values = placeholderValues(statementFor("Atelier Lumière"), "Cassis Conseil", "Marie");
    const message = renderMessage(defaultTemplate("fr-FR"), values);
    expect(message.subject).toBe("Relevé de factures au 30 novembre 2026 — Cassis Conseil");
    expect(message.text).toContain(
      "Le solde restant dû est de 1\u202f334,56\u00a0€, dont 1\u202f234,56\u00a0€ échu. Factures en retard de paiement : 1.",
    );
    expect(values.nextDueDate).toBe("20 décembre 2026");
  });

  it("escapes every inserted value in the HTML form, and the template text too", () => {
    const values = placeholderValues(statementFor('<img src=x onerror="alert(1)"> & Co'), "A&B <Conseil>", "Marie");
    const message = renderMessage(
      { subject: "Relevé {{client}}", body: "Bonjour {{client}} <b>,\n\nSolde : {{balance}}" },
      values,
    );
    expect(message.html).toBe(
      "<p>Bonjour &#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; Co &#60;b&#62;,</p>\n<p>Solde : 1\u202f334,56\u00a0€</p>",
    );
    expect(message.text).toContain('Bonjour <img src=x onerror="alert(1)"> & Co');
    expect(message.subject).toBe('Relevé <img src=x onerror="alert(1)"> & Co');
  });

  it("keeps the subject on one line whatever a value holds", () => {
    const values = placeholderValues(statementFor("Evil\r\nBcc: victim@example.test"), "Co", "Me");
    expect(renderMessage({ subject: "{{client}}", body: "" }, values).subject).toBe("Evil Bcc: victim@example.test");
  });

  it("explains an overdue part larger than the balance by the credits deducted", () => {
    const base = statementFor("Atelier");
    const section = base.sections[0]!;
    const withCredit = {
      ...base,
      sections: [{ ...section, openTotal: money(EUR, 118456), creditsTotal: money(EUR, -15000) }],
    };
    const message = renderMessage(defaultTemplate("fr-FR"), placeholderValues(withCredit, "Co", "Me"));
    expect(message.text).toContain(
      "Le solde restant dû est de 1\u202f184,56\u00a0€ (factures échues : 1\u202f234,56\u00a0€ ; avoirs déduits : 150,00\u00a0€).",
    );
    const english = placeholderValues({ ...withCredit, locale: "en-GB" }, "Co", "Me");
    expect(english.balanceDetail).toBe(" (overdue invoices: €1,234.56; credits deducted: €150.00)");
  });

  it("reports unknown placeholders", () => {
    expect(checkTemplate({ subject: "{{client}} {{balanse}}", body: "{{ overdueCount }} {{foo}}" })).toEqual({
      ok: false,
      unknown: ["balanse", "foo"],
    });
    expect(checkTemplate(defaultTemplate("en-GB"))).toEqual({ ok: true });
  });

  it("speaks English for English clients", () => {
    const values = placeholderValues(statementFor("Bristol Print", "en-GB"), "Cassis", "Marie");
    expect(renderMessage(defaultTemplate("en-GB"), values).subject).toBe(
      "Statement of account as of 30 November 2026 — Cassis",
    );
  });
});
