/** The homepage / sidebar card: upcoming sends with Cancel, sends that need a look, history, notices. */
import { HANDLER } from "../handlers/names.js";
import { action, PARAM, type HomeView, type JobRow } from "./views.js";

/** CardService allows 100 widgets per section. */
const MAX_ROWS = 90;

function row(job: JobRow): GoogleAppsScript.Card_Service.DecoratedText {
  return CardService.newDecoratedText()
    .setTopLabel(`${job.when} · ${job.status}`)
    .setText(`${job.client} — ${job.subject}`)
    .setBottomLabel(`To ${job.to} · ${job.period}${job.note !== undefined ? ` · ${job.note}` : ""}`)
    .setWrapText(true);
}

export function homeCard(view: HomeView): GoogleAppsScript.Card_Service.Card {
  const card = CardService.newCardBuilder().setName("home").setHeader(CardService.newCardHeader().setTitle("Relevé"));
  if (view.notices.length > 0) {
    const notices = CardService.newCardSection().setHeader("Needs your attention");
    for (const notice of view.notices) notices.addWidget(CardService.newTextParagraph().setText(notice));
    card.addSection(notices);
  }
  const upcoming = CardService.newCardSection().setHeader(`Upcoming sends (${view.upcoming.length})`);
  if (view.upcoming.length === 0) upcoming.addWidget(CardService.newTextParagraph().setText("Nothing scheduled."));
  for (const job of view.upcoming.slice(0, MAX_ROWS))
    upcoming.addWidget(
      row(job).setButton(
        CardService.newTextButton()
          .setText("Cancel")
          .setOnClickAction(action(HANDLER.cancel, { [PARAM.job]: job.id })),
      ),
    );
  card.addSection(upcoming);
  if (view.recurring.length > 0) {
    const recurring = CardService.newCardSection().setHeader("Recurring schedules per client");
    // Two widgets per schedule (the row, then its Edit button): half the section's rows.
    for (const schedule of view.recurring.slice(0, MAX_ROWS / 2)) {
      recurring.addWidget(
        CardService.newDecoratedText()
          .setTopLabel(schedule.clientName)
          .setText(schedule.rule)
          .setBottomLabel(schedule.paused ? "Paused: no further statement is planned" : `Next: ${schedule.next}`)
          .setWrapText(true)
          .setButton(
            CardService.newTextButton()
              .setText(schedule.paused ? "Resume" : "Pause")
              .setOnClickAction(
                action(schedule.paused ? HANDLER.resume : HANDLER.pause, { [PARAM.client]: schedule.client }),
              ),
          ),
      );
      recurring.addWidget(
        CardService.newButtonSet().addButton(
          CardService.newTextButton()
            .setText("Edit rule")
            .setOnClickAction(action(HANDLER.editSchedule, { [PARAM.client]: schedule.client })),
        ),
      );
    }
    card.addSection(recurring);
  }
  if (view.attention.length > 0) {
    const attention = CardService.newCardSection().setHeader("May have been sent — check Sent");
    for (const job of view.attention.slice(0, MAX_ROWS / 2)) {
      attention.addWidget(row(job));
      attention.addWidget(
        CardService.newButtonSet()
          .addButton(
            CardService.newTextButton()
              .setText("It is in Sent")
              .setOnClickAction(action(HANDLER.confirmSent, { [PARAM.job]: job.id })),
          )
          .addButton(
            CardService.newTextButton()
              .setText("Send again")
              .setOnClickAction(action(HANDLER.sendAgain, { [PARAM.job]: job.id })),
          ),
      );
    }
    card.addSection(attention);
  }
  const history = CardService.newCardSection()
    .setHeader("History")
    .setCollapsible(view.history.length > 5);
  if (view.history.length === 0) history.addWidget(CardService.newTextParagraph().setText("Nothing sent yet."));
  for (const job of view.history.slice(0, MAX_ROWS)) history.addWidget(row(job));
  card.addSection(history);
  card.setFixedFooter(
    CardService.newFixedFooter()
      .setPrimaryButton(CardService.newTextButton().setText("Settings").setOnClickAction(action(HANDLER.showSettings)))
      .setSecondaryButton(
        CardService.newTextButton().setText("New schedule").setOnClickAction(action(HANDLER.editSchedule)),
      ),
  );
  return card.build();
}
