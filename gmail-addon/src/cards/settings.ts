/**
 * The settings card: the company profile field by field, the logo (an https address or a shared Drive file), the
 * message template with the core's placeholders, the ledger sheets with the core's CSV column mapping, and the
 * default rule for new schedules.
 */
import { PLACEHOLDERS } from "../../../shared/src/message/template.js";
import { HANDLER } from "../handlers/names.js";
import { action, type SettingsView } from "./views.js";

export function settingsCard(view: SettingsView): GoogleAppsScript.Card_Service.Card {
  const { form } = view;
  const input = (name: keyof typeof form, title: string, hint: string, multiline = false) =>
    CardService.newTextInput()
      .setFieldName(name)
      .setTitle(title)
      .setValue(String(form[name]))
      .setHint(hint)
      .setMultiline(multiline);
  const dropdown = (name: keyof typeof form, title: string, items: readonly (readonly [string, string])[]) => {
    const widget = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.DROPDOWN)
      .setTitle(title)
      .setFieldName(name);
    for (const [value, label] of items) widget.addItem(label, value, value === (String(form[name]) || items[0]?.[0]));
    return widget;
  };
  const card = CardService.newCardBuilder()
    .setName("settings")
    .setHeader(CardService.newCardHeader().setTitle("Settings"));
  if (view.problem !== undefined)
    card.addSection(CardService.newCardSection().addWidget(CardService.newTextParagraph().setText(view.problem)));
  card.addSection(
    CardService.newCardSection()
      .setHeader("Company")
      .addWidget(input("name", "Company name", "as printed on statements"))
      .addWidget(input("legalId", "Company number", "SIRET, company number… (optional)"))
      .addWidget(input("vatId", "VAT number", "optional"))
      .addWidget(input("addressLines", "Address", "one line per line", true))
      .addWidget(input("country", "Country", "two letters, e.g. FR: holidays and French mentions follow it"))
      .addWidget(input("locale", "Language of statements", "e.g. fr-FR, en-GB (a client's own language wins)"))
      .addWidget(input("paymentTermsDays", "Payment terms (days)", "when an invoice has no due date; 0–365"))
      .addWidget(input("brandColor", "Brand colour", "#RRGGBB, e.g. #1f5f8b"))
      .addWidget(input("iban", "IBAN", "optional"))
      .addWidget(input("bic", "BIC", "optional"))
      .addWidget(
        CardService.newSelectionInput()
          .setType(CardService.SelectionInputType.CHECK_BOX)
          .setFieldName("frenchMentions")
          .addItem("French late-payment mentions (penalties, €40 indemnity)", "yes", form.frenchMentions),
      )
      .addWidget(input("penaltyRatePercent", "Late-payment penalty rate (%)", "yearly, e.g. 12.15"))
      .addWidget(input("legalFooter", "Legal footer", "capital, RCS… (optional)")),
  );
  card.addSection(
    CardService.newCardSection()
      .setHeader("Logo")
      .addWidget(input("logo", "Logo", "https:// address, or a Drive file shared as “Anyone with the link”"))
      .addWidget(CardService.newTextParagraph().setText(view.logoNote ?? "No logo kept.")),
  );
  card.addSection(
    CardService.newCardSection()
      .setHeader("Message")
      .addWidget(input("subject", "Subject", "empty: the default for the statement's language"))
      .addWidget(input("body", "Body", "blank lines between paragraphs", true))
      .addWidget(
        CardService.newTextParagraph().setText(`Placeholders: ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(" ")}`),
      ),
  );
  card.addSection(
    CardService.newCardSection()
      .setHeader("Ledger")
      .addWidget(input("ledgerUrls", "Ledger sheets", "one Google Sheet URL per line (invoices, payments)", true))
      .addWidget(
        input("ledgerColumns", "Invoice columns", "only headers not recognised: one “field: header” a line", true),
      )
      .addWidget(input("paymentColumns", "Payment columns", "e.g. “amount: Encaissé”", true))
      .addWidget(
        dropdown("dateOrder", "Dates in the sheets", [
          ["auto", "Decide from the sheet"],
          ["day-month", "Day/month (31/12/2026)"],
          ["month-day", "Month/day (12/31/2026)"],
        ]),
      )
      .addWidget(
        dropdown("decimalSeparator", "Decimal mark", [
          ["auto", "Decide from the sheet"],
          [",", "Comma (1 234,56)"],
          [".", "Point (1,234.56)"],
        ]),
      )
      .addWidget(input("defaultCurrency", "Currency when the sheet has none", "e.g. EUR (optional)")),
  );
  card.addSection(
    CardService.newCardSection()
      .setHeader("Default rule for new schedules")
      .addWidget(input("sendDay", "Send on day", "1–31; the last day of shorter months"))
      .addWidget(input("sendHour", "At hour", "0–23, your time zone"))
      .addWidget(
        CardService.newTextButton()
          .setText("Save")
          .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
          .setOnClickAction(action(HANDLER.saveSettings)),
      ),
  );
  return card.build();
}
