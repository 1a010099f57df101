/** The compose card: which client, what the statement says, when it goes, and the actions. */
import { HANDLER } from "../handlers/names.js";
import { action, INPUT, type ComposeView } from "./views.js";

export function composeCard(view: ComposeView): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder()
    .setName("compose")
    .setHeader(CardService.newCardHeader().setTitle("This month's statement"));
  const section = CardService.newCardSection();
  if (view.problem !== undefined) section.addWidget(CardService.newTextParagraph().setText(view.problem));
  const picker = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setTitle("Client")
    .setFieldName(INPUT.client)
    .setOnChangeAction(action(HANDLER.pickClient));
  for (const client of view.clients) picker.addItem(client.name, client.key, client.selected);
  if (view.clients.length > 0) section.addWidget(picker);
  if (view.client !== undefined) {
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel("Balance due")
        .setText(view.balance ?? "—")
        .setBottomLabel(`To ${view.recipients.join(", ")}`)
        .setWrapText(true),
    );
    for (const line of view.overdueLines) section.addWidget(CardService.newTextParagraph().setText(line));
    section.addWidget(
      CardService.newDateTimePicker()
        .setTitle("Send at")
        .setFieldName(INPUT.sendAt)
        .setValueInMsSinceEpoch(view.sendAtMs)
        .setTimeZoneOffsetInMins(view.zoneOffsetMinutes),
    );
    section.addWidget(CardService.newTextParagraph().setText(`Proposed: ${view.whenText}`));
    section.addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.CHECK_BOX)
        .setFieldName(INPUT.repeat)
        .addItem(`Then repeat: ${view.ruleWords}`, "yes", true),
    );
    section.addWidget(
      CardService.newButtonSet()
        .addButton(
          CardService.newTextButton()
            .setText("Schedule")
            .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
            .setOnClickAction(action(HANDLER.schedule)),
        )
        .addButton(
          CardService.newTextButton().setText("Insert summary").setOnClickAction(action(HANDLER.insertSummary)),
        ),
    );
    // For users who prefer Gmail's own Send or Schedule send: a new draft with the PDF already attached.
    section.addWidget(
      CardService.newTextButton()
        .setText("Open as a new draft with the statement attached")
        .setComposeAction(action(HANDLER.openDraft), CardService.ComposedEmailType.STANDALONE_DRAFT),
    );
  }
  card.addSection(section);
  return card.build();
}
