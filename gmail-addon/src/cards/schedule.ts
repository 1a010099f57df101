/** The schedule card: one client's own send rule — a preset or RRULE text — with its time, zone and holiday shift. */
import { RULE_KIND_LABELS, RULE_KINDS, type RuleKind } from "../app/send-rule.js";
import { HANDLER } from "../handlers/names.js";
import { action, INPUT, PARAM, type ScheduleView } from "./views.js";

const WEEKDAY_LABELS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
  ["SA", "Saturday"],
  ["SU", "Sunday"],
] as const;

const SHIFT_LABELS = [
  ["none", "Keep the date"],
  ["previous", "Previous business day"],
  ["next", "Next business day"],
] as const;

export function scheduleCard(view: ScheduleView): GoogleAppsScript.Card_Service.Card {
  const { form } = view;
  const kind = (RULE_KINDS as readonly string[]).includes(form.kind) ? (form.kind as RuleKind) : "day-of-month";
  const section = CardService.newCardSection();
  const parameters: Record<string, string> = view.client !== undefined ? { [PARAM.client]: view.client } : {};
  if (view.problem !== undefined) section.addWidget(CardService.newTextParagraph().setText(view.problem));
  if (view.words !== undefined)
    section.addWidget(
      CardService.newDecoratedText()
        .setTopLabel("Now")
        .setText(view.words)
        .setBottomLabel(`Next: ${view.next ?? "—"}`)
        .setWrapText(true),
    );
  if (view.clients.length > 0) {
    const picker = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.DROPDOWN)
      .setTitle("Client")
      .setFieldName(INPUT.client);
    for (const client of view.clients) picker.addItem(client.name, client.key, client.selected);
    section.addWidget(picker);
  }
  const kinds = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setTitle("Rule")
    .setFieldName(INPUT.ruleKind)
    // Redrawn with the fields this kind of rule needs.
    .setOnChangeAction(action(HANDLER.editSchedule, parameters));
  for (const value of RULE_KINDS) kinds.addItem(RULE_KIND_LABELS[value], value, value === kind);
  section.addWidget(kinds);
  const input = (name: string, title: string, value: string, hint: string) =>
    CardService.newTextInput().setFieldName(name).setTitle(title).setValue(value).setHint(hint);
  const dropdown = (name: string, title: string, items: readonly (readonly [string, string])[], value: string) => {
    const widget = CardService.newSelectionInput()
      .setType(CardService.SelectionInputType.DROPDOWN)
      .setTitle(title)
      .setFieldName(name);
    for (const [key, label] of items) widget.addItem(label, key, key === value);
    return widget;
  };
  if (kind === "day-of-month" || kind === "quarterly")
    section.addWidget(input(INPUT.ruleDay, "Day of the month", form.day, "1–31; the last day of shorter months"));
  if (kind === "nth-weekday")
    section.addWidget(input(INPUT.ruleOrdinal, "Which", form.ordinal, "1 = first … 5 = fifth, -1 = last"));
  if (kind === "every-weeks") section.addWidget(input(INPUT.ruleWeeks, "Every N weeks", form.weeks, "1–52"));
  if (kind === "nth-weekday" || kind === "every-weeks")
    section.addWidget(dropdown(INPUT.ruleWeekday, "Weekday", WEEKDAY_LABELS, form.weekday));
  if (kind === "rrule")
    section.addWidget(
      input(INPUT.ruleText, "RRULE", form.rrule, "e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1").setMultiline(
        true,
      ),
    );
  section
    .addWidget(input(INPUT.ruleTime, "Time", form.time, "HH:MM, in the zone below"))
    .addWidget(input(INPUT.ruleZone, "Time zone", form.zone, "IANA zone, e.g. Europe/Paris"));
  if (kind !== "last-business-day")
    section.addWidget(
      dropdown(INPUT.ruleShift, "On weekends and public holidays (company's country)", SHIFT_LABELS, form.shift),
    );
  section.addWidget(
    CardService.newTextButton()
      .setText("Save schedule")
      .setTextButtonStyle(CardService.TextButtonStyle.FILLED)
      .setOnClickAction(action(HANDLER.saveSchedule, parameters)),
  );
  return CardService.newCardBuilder()
    .setName("schedule")
    .setHeader(
      CardService.newCardHeader().setTitle(
        view.client === undefined || view.clients.length > 0
          ? "New recurring schedule"
          : `Schedule: ${view.clientName}`,
      ),
    )
    .addSection(section)
    .build();
}
