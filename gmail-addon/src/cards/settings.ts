/** The settings card: company profile (JSON, as the CLI's profile.json), ledger sheets, default send rule. */
import { HANDLER } from "../handlers/names.js";
import { action, INPUT, type SettingsView } from "./views.js";

export function settingsCard(view: SettingsView): GoogleAppsScript.Card_Service.Card {
  const section = CardService.newCardSection();
  if (view.problem !== undefined) section.addWidget(CardService.newTextParagraph().setText(view.problem));
  const input = (name: string, title: string, value: string, hint: string, multiline = false) =>
    CardService.newTextInput().setFieldName(name).setTitle(title).setValue(value).setHint(hint).setMultiline(multiline);
  section
    .addWidget(
      input(INPUT.profileJson, "Company profile (JSON)", view.profileJson, "as profile.json in the README", true),
    )
    .addWidget(
      input(
        INPUT.ledgerUrls,
        "Ledger sheets",
        view.ledgerUrls,
        "one Google Sheet URL per line (invoices, payments)",
        true,
      ),
    )
    .addWidget(input(INPUT.sendDay, "Send on day", view.sendDay, "1–31; the last day of shorter months"))
    .addWidget(input(INPUT.sendHour, "At hour", view.sendHour, "0–23, your time zone"))
    .addWidget(CardService.newTextButton().setText("Save").setOnClickAction(action(HANDLER.saveSettings)));
  return CardService.newCardBuilder()
    .setName("settings")
    .setHeader(CardService.newCardHeader().setTitle("Settings"))
    .addSection(section)
    .build();
}
