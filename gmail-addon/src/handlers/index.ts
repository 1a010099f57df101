/** Every handler the registry names: read the event and the user's store → core → a card or an action response. */
import { civilDate, type IsoDate } from "../../../shared/src/date/civil-date.js";
import type { Ledger } from "../../../shared/src/ledger/model.js";
import { formatMoney } from "../../../shared/src/money/format.js";
import { instantFromEpochMilliseconds, type Instant } from "../../../shared/src/recurrence/instant.js";
import { localDateTime } from "../../../shared/src/recurrence/local-date-time.js";
import { monthlyOnDay, type SendRule } from "../../../shared/src/recurrence/presets.js";
import { nextN } from "../../../shared/src/recurrence/collect.js";
import { describe } from "../../../shared/src/recurrence/describe.js";
import type { IanaZone } from "../../../shared/src/recurrence/zone.js";
import { RecurringStore } from "../gas/recurring.js";
import { instantToZoned, offsetSecondsAt } from "../../../shared/src/recurrence/zone.js";
import { sendKey, type ScheduledSend } from "../../../shared/src/schedule/model.js";
import { statementPeriodFor } from "../../../shared/src/schedule/period.js";
import { planSends } from "../../../shared/src/schedule/planner.js";
import { addSend, transition, type SendEvent } from "../../../shared/src/schedule/state.js";
import { composeCard } from "../cards/compose.js";
import { homeCard } from "../cards/home.js";
import { settingsCard } from "../cards/settings.js";
import { INPUT, PARAM, type ComposeView, type HomeView } from "../cards/views.js";
import { dispatch } from "../app/dispatch.js";
import { outgoingFor, statementOf, subjectAndBody } from "../app/outgoing.js";
import { buildMime, sendRaw, signedBytes } from "../gas/gmail-send.js";
import { JobTooLargeError } from "../gas/job-store.js";
import { withUserLock } from "../gas/lock.js";
import { dailyLimitFor, RecipientQuota } from "../gas/quota.js";
import { loadSettings, saveSettings, type AddonSettings } from "../gas/settings.js";
import { armTriggers } from "../gas/triggers.js";
import {
  DISPATCH_STATUS_KEY,
  formatWhen,
  jobRow,
  loadWorkspace,
  userContext,
  type DispatchStatus,
  type Workspace,
  type UserContext,
} from "./context.js";
import type { HandlerName } from "./names.js";

type Event = GoogleAppsScript.Addons.EventObject;
type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type DraftResponse = GoogleAppsScript.Card_Service.UpdateDraftActionResponse;

const LOCK_WAIT_MS = 10_000;

function nowInstant(): Instant {
  return instantFromEpochMilliseconds(new Date().getTime());
}

function stringInput(event: Event, name: string): string | undefined {
  return event.commonEventObject.formInputs[name]?.stringInputs?.value[0];
}

function notify(text: string, card?: Card): ActionResponse {
  const builder = CardService.newActionResponseBuilder().setNotification(CardService.newNotification().setText(text));
  if (card !== undefined) builder.setNavigation(CardService.newNavigation().updateCard(card));
  return builder.build();
}

// ---- homepage -------------------------------------------------------------------------------------------------

function homeView(context: UserContext): HomeView {
  const jobs = context.store.list();
  const row = (send: ScheduledSend) => jobRow(send, context.locale);
  const notices: string[] = [];
  const settings = loadSettings(context.properties);
  if (!settings.ok) notices.push(settings.message);
  const status = context.properties.getProperty(DISPATCH_STATUS_KEY);
  const waiting = jobs.some((send) => send.status === "scheduled" || send.status === "late");
  if (status !== null) {
    const { notice } = JSON.parse(status) as DispatchStatus;
    if (notice !== undefined && waiting) notices.push(notice);
  }
  for (const send of jobs)
    if (send.status === "failed" && send.history.at(-1)?.note !== undefined)
      notices.push(`Not sent to ${send.clientName}: ${send.history.at(-1)?.note ?? ""}. Fix it, then schedule again.`);
  const now = nowInstant();
  const rule = settings.ok ? defaultRule(settings.settings, context.zone, now) : undefined;
  const words = context.locale.toLowerCase().startsWith("fr") ? "fr" : "en";
  const recurring = new RecurringStore(context.properties).list().map((schedule) => ({
    client: schedule.client,
    clientName: schedule.clientName,
    rule: rule === undefined ? "—" : describe(rule.rule, words),
    next:
      rule === undefined
        ? "—"
        : nextN(rule.rule, now, 3)
            .map((occurrence) => formatWhen(occurrence.instant, context.zone, context.locale))
            .join(" · "),
    paused: schedule.paused,
  }));
  return {
    upcoming: jobs.filter((s) => ["planned", "scheduled", "late", "sending"].includes(s.status)).map(row),
    recurring,
    attention: jobs.filter((s) => s.status === "uncertain").map(row),
    history: jobs
      .filter((s) => s.status === "sent" || s.status === "cancelled" || s.status === "failed")
      .sort((a, b) => (b.history.at(-1)?.at ?? 0) - (a.history.at(-1)?.at ?? 0))
      .map(row),
    notices: notices.slice(0, 20),
  };
}

function onHomepage(event: Event): Card {
  return homeCard(homeView(userContext(event)));
}

// ---- compose --------------------------------------------------------------------------------------------------

function draftRecipients(event: Event): string[] {
  const gmail = event.gmail;
  return [...(gmail?.toRecipients ?? []), ...(gmail?.ccRecipients ?? [])].map((address) =>
    address
      .replace(/^.*<([^>]+)>.*$/, "$1")
      .trim()
      .toLowerCase(),
  );
}

/** The default rule: day N of every month (the last day of shorter months) at H o'clock in the user's zone. */
function defaultRule(settings: AddonSettings, zone: IanaZone, now: Instant): SendRule {
  const local = instantToZoned(now, zone);
  return monthlyOnDay(
    { from: localDateTime(local.year, local.month, local.day, settings.sendHour, 0, 0), zone },
    settings.sendDay,
    true,
  );
}

/** The client's next send by the default rule after now (skipped with a reason when nothing is due). */
function proposedSend(
  ledger: Ledger,
  settings: AddonSettings,
  context: Pick<UserContext, "zone" | "store" | "locale">,
  client: string,
  now: Instant,
  recipients?: readonly string[],
) {
  const rule = defaultRule(settings, context.zone, now);
  const plan = planSends({
    ledger,
    schedules: [
      {
        client: client as ScheduledSend["clientKey"],
        rule,
        zone: context.zone,
        kind: "outstanding",
        period: "send-month",
        ...(recipients !== undefined ? { recipients } : {}),
      },
    ],
    now,
    count: 1,
    existing: context.store.list(),
    locale: context.locale,
  });
  return { planned: plan.planned[0], skipped: plan.skipped[0] };
}

function composeView(event: Event, context: UserContext, picked: string | undefined): ComposeView {
  const now = nowInstant();
  const offsetMinutes = Math.round(offsetSecondsAt(context.zone, now) / 60);
  const empty: ComposeView = {
    clients: [],
    client: undefined,
    recipients: [],
    balance: undefined,
    overdueLines: [],
    sendAtMs: now,
    zoneOffsetMinutes: offsetMinutes,
    whenText: "",
    problem: undefined,
  };
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return { ...empty, problem: workspace.message };
  const { ledger, settings, profile } = workspace;
  const recipients = draftRecipients(event);
  const matched =
    picked ?? ledger.clients.find((client) => client.emails.some((email) => recipients.includes(email)))?.key;
  const clients = ledger.clients.map((client) => ({
    key: client.key,
    name: client.name,
    selected: client.key === matched,
  }));
  const client = ledger.clients.find((candidate) => candidate.key === matched);
  if (client === undefined)
    return { ...empty, clients, problem: "No client of the ledger matches the draft's recipients: pick one." };
  const { planned, skipped } = proposedSend(ledger, settings, context, client.key, now);
  const today = instantToZoned(now, context.zone);
  const asOf = civilDate(today.year, today.month, today.day) as IsoDate;
  const statement =
    planned?.statement ??
    statementOf(
      { clientKey: client.key, kind: "outstanding", asOf, period: { from: asOf, to: asOf } },
      {
        ledger,
        profile,
        template: settings.template,
        sender: "",
      },
    );
  const overdueLines = statement.sections.flatMap((section) =>
    section.openItems
      .filter((line) => line.daysOverdue > 0)
      .map((line) => `${line.number}: ${formatMoney(line.open, statement.locale)} · ${line.daysOverdue} days late`),
  );
  const sendAt = planned?.send.sendAt ?? now + 24 * 3600 * 1000;
  return {
    ...empty,
    clients,
    client: client.key,
    recipients: recipients.length > 0 ? recipients : [...client.emails],
    balance: statement.sections.map((section) => formatMoney(section.openTotal, statement.locale)).join(" + "),
    overdueLines: overdueLines.slice(0, 20),
    sendAtMs: sendAt,
    whenText: formatWhen(sendAt, context.zone, context.locale),
    problem: planned === undefined ? skipped?.reason : undefined,
  };
}

function onCompose(event: Event): Card[] {
  const context = userContext(event);
  return [composeCard(composeView(event, context, undefined))];
}

function onPickClient(event: Event): ActionResponse {
  const context = userContext(event);
  const card = composeCard(composeView(event, context, stringInput(event, INPUT.client)));
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().updateCard(card)).build();
}

function onSchedule(event: Event): ActionResponse {
  const context = userContext(event);
  const now = nowInstant();
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return notify(workspace.message);
  const client = workspace.ledger.clients.find((candidate) => candidate.key === stringInput(event, INPUT.client));
  const picked = Number(event.commonEventObject.formInputs[INPUT.sendAt]?.dateTimeInput?.msSinceEpoch);
  if (client === undefined) return notify("Pick the client first.");
  if (!Number.isSafeInteger(picked) || picked < now - 60_000) return notify("Pick a send time in the future.");
  const sendAt = instantFromEpochMilliseconds(picked);
  const local = instantToZoned(sendAt, context.zone);
  const period = statementPeriodFor(civilDate(local.year, local.month, local.day) as IsoDate, "send-month", undefined);
  const recipients = draftRecipients(event);
  const planned: ScheduledSend = {
    key: sendKey(client.key, "outstanding", period),
    clientKey: client.key,
    clientName: client.name,
    kind: "outstanding",
    period,
    asOf: period.to,
    recipients: recipients.length > 0 ? recipients : [...client.emails],
    sendAt,
    zone: context.zone,
    status: "planned",
    history: [{ status: "planned", at: now }],
  };
  if (planned.recipients.length === 0) return notify(`${client.name} has no email address: add one to the draft.`);
  const scheduled = transition(planned, { type: "schedule", hostId: Utilities.getUuid() }, now);
  if (!scheduled.ok) return notify(scheduled.reason);
  const statement = statementOf(planned, {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender: Session.getActiveUser().getEmail(),
  });
  const subject = subjectAndBody(statement, {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender: Session.getActiveUser().getEmail(),
  }).subject;
  const job: ScheduledSend = { ...scheduled.send, subject } as ScheduledSend;
  const result = withUserLock(LOCK_WAIT_MS, () => {
    const added = addSend(context.store.list(), job);
    if (!added.ok) return added.reason;
    try {
      context.store.put(job);
    } catch (error) {
      if (error instanceof JobTooLargeError) return error.message;
      throw error;
    }
    context.store.prune();
    if (event.commonEventObject.formInputs[INPUT.repeat]?.stringInputs?.value.includes("yes") === true)
      new RecurringStore(context.properties).put({
        client: client.key,
        clientName: client.name,
        recipients: job.recipients,
        paused: false,
      });
    rearm(context, now);
    return undefined;
  });
  if (!result.ok) return notify("Relevé is busy sending: try again in a minute.");
  if (result.value !== undefined) return notify(result.value);
  return notify(
    `Scheduled: ${client.name}, ${formatWhen(sendAt, context.zone, context.locale)}, to ${job.recipients.join(", ")}`,
    homeCard(homeView(context)),
  );
}

function onInsertSummary(event: Event): DraftResponse | ActionResponse {
  const context = userContext(event);
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return notify(workspace.message);
  const client = workspace.ledger.clients.find((candidate) => candidate.key === stringInput(event, INPUT.client));
  if (client === undefined) return notify("Pick the client first.");
  const today = instantToZoned(nowInstant(), context.zone);
  const asOf = civilDate(today.year, today.month, today.day) as IsoDate;
  const request = {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender: Session.getActiveUser().getEmail(),
  };
  const statement = statementOf(
    { clientKey: client.key, kind: "outstanding", asOf, period: { from: asOf, to: asOf } },
    request,
  );
  const message = subjectAndBody(statement, request);
  return CardService.newUpdateDraftActionResponseBuilder()
    .setUpdateDraftBodyAction(
      CardService.newUpdateDraftBodyAction()
        .addUpdateContent(message.html, CardService.ContentType.MUTABLE_HTML)
        .setUpdateType(CardService.UpdateDraftBodyType.IN_PLACE_INSERT),
    )
    .setUpdateDraftSubjectAction(CardService.newUpdateDraftSubjectAction().addUpdateSubject(message.subject))
    .build();
}

/** A new draft holding the statement as of today, PDF attached, for Gmail's own Send or Schedule send. */
function onOpenDraft(event: Event): GoogleAppsScript.Card_Service.ComposeActionResponse | ActionResponse {
  const context = userContext(event);
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return notify(workspace.message);
  const client = workspace.ledger.clients.find((candidate) => candidate.key === stringInput(event, INPUT.client));
  if (client === undefined) return notify("Pick the client first.");
  const today = instantToZoned(nowInstant(), context.zone);
  const asOf = civilDate(today.year, today.month, today.day) as IsoDate;
  const recipients = draftRecipients(event);
  const send: ScheduledSend = {
    key: sendKey(client.key, "outstanding", { from: asOf, to: asOf }),
    clientKey: client.key,
    clientName: client.name,
    kind: "outstanding",
    period: { from: asOf, to: asOf },
    asOf,
    recipients: recipients.length > 0 ? recipients : [...client.emails],
    sendAt: nowInstant(),
    zone: context.zone,
    status: "planned",
    history: [],
  };
  const message = outgoingFor(send, {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender: Session.getActiveUser().getEmail(),
  });
  const pdf = Utilities.newBlob(
    signedBytes(message.attachment.bytes),
    message.attachment.mimeType,
    message.attachment.name,
  );
  const draft = GmailApp.createDraft(message.to.join(","), message.subject, message.text, {
    htmlBody: message.html,
    attachments: [pdf],
  });
  return CardService.newComposeActionResponseBuilder().setGmailDraft(draft).build();
}

// ---- job actions from the sidebar -----------------------------------------------------------------------------

function rearm(context: UserContext, now: number): void {
  const waiting = context.store
    .list()
    .filter((send) => send.status === "scheduled" || send.status === "late")
    .map((send) => send.sendAt as number);
  armTriggers(waiting.length === 0 ? undefined : Math.min(...waiting), now);
}

function jobAction(event: Event, makeEvent: (now: Instant) => SendEvent, done: string): ActionResponse {
  const context = userContext(event);
  const id = event.commonEventObject.parameters[PARAM.job] ?? "";
  const now = nowInstant();
  const result = withUserLock(LOCK_WAIT_MS, () => {
    const send = context.store.get(id);
    if (send === undefined) return "This send no longer exists.";
    const next = transition(send, makeEvent(now), now);
    if (!next.ok) return next.reason;
    context.store.put(next.send);
    rearm(context, now);
    return `${done}: ${send.clientName}, ${formatWhen(send.sendAt, send.zone, context.locale)}`;
  });
  if (!result.ok) return notify("Relevé is sending right now: try again in a minute.");
  return notify(result.value, homeCard(homeView(context)));
}

function onCancel(event: Event): ActionResponse {
  return jobAction(event, () => ({ type: "cancel", reason: "cancelled by the user" }), "Cancelled");
}

function onConfirmSent(event: Event): ActionResponse {
  return jobAction(event, () => ({ type: "sent" }), "Marked as sent");
}

function onSendAgain(event: Event): ActionResponse {
  return jobAction(event, (now) => ({ type: "reschedule", sendAt: now }), "Will be sent again in the next minutes");
}

function setPaused(event: Event, paused: boolean): ActionResponse {
  const context = userContext(event);
  const store = new RecurringStore(context.properties);
  const schedule = store.get(event.commonEventObject.parameters[PARAM.client] ?? "");
  if (schedule === undefined) return notify("This schedule no longer exists.");
  store.put({ ...schedule, paused });
  return notify(
    paused
      ? `Paused: no further statement is planned for ${schedule.clientName} (a send already upcoming stays: cancel it above).`
      : `Resumed: ${schedule.clientName}'s next statement is planned after the upcoming send.`,
    homeCard(homeView(context)),
  );
}

function onPause(event: Event): ActionResponse {
  return setPaused(event, true);
}

function onResume(event: Event): ActionResponse {
  return setPaused(event, false);
}

// ---- settings -------------------------------------------------------------------------------------------------

function onShowSettings(event: Event): ActionResponse {
  const context = userContext(event);
  const text = context.properties.getProperty("settings");
  const settings = text === null ? undefined : (JSON.parse(text) as AddonSettings);
  const card = settingsCard({
    profileJson: settings?.profileJson ?? "",
    ledgerUrls: settings?.ledgerUrls.join("\n") ?? "",
    sendDay: String(settings?.sendDay ?? 30),
    sendHour: String(settings?.sendHour ?? 9),
    problem: undefined,
  });
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().pushCard(card)).build();
}

function onSaveSettings(event: Event): ActionResponse {
  const context = userContext(event);
  const sendDay = Number(stringInput(event, INPUT.sendDay) ?? "30");
  const sendHour = Number(stringInput(event, INPUT.sendHour) ?? "9");
  if (!Number.isInteger(sendDay) || sendDay < 1 || sendDay > 31) return notify("Send on day: a number from 1 to 31.");
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) return notify("At hour: a number from 0 to 23.");
  const settings: AddonSettings = {
    profileJson: stringInput(event, INPUT.profileJson) ?? "",
    ledgerUrls: (stringInput(event, INPUT.ledgerUrls) ?? "").split(/\s+/).filter((url) => url !== ""),
    sendDay,
    sendHour,
  };
  saveSettings(context.properties, settings);
  const workspace = loadWorkspace(context.properties);
  return notify(
    workspace.ok
      ? `Saved: ${workspace.ledger.clients.length} clients in the ledger.`
      : `Saved, but: ${workspace.message}`,
    homeCard(homeView(context)),
  );
}

// ---- dispatcher -----------------------------------------------------------------------------------------------

function runDispatcher(): void {
  const started = new Date().getTime();
  const context = userContext();
  const email = Session.getActiveUser().getEmail();
  const quota = new RecipientQuota(context.properties, dailyLimitFor(email));
  let workspace: Workspace | undefined;
  withUserLock(LOCK_WAIT_MS, () => {
    let next: number | undefined;
    try {
      const report = dispatch({
        now: nowInstant,
        elapsedMs: () => new Date().getTime() - started,
        list: () => context.store.list(),
        put: (send) => {
          context.store.put(send);
        },
        content: (send) => {
          workspace ??= loadWorkspace(context.properties);
          if (!workspace.ok) throw new Error(workspace.message);
          return outgoingFor(send, {
            ledger: workspace.ledger,
            profile: workspace.profile,
            template: workspace.settings.template,
            sender: email,
          });
        },
        send: (message, send) => sendRaw(buildMime(message, (send.hostId ?? "job").replace(/[^A-Za-z0-9]/g, ""))),
        quotaWaitUntil: (recipients, now) => quota.waitUntil(recipients, now),
        quotaRecord: (recipients, now) => {
          quota.record(recipients, now);
        },
        quotaBlock: (now) => {
          quota.block(now);
        },
        quotaLimit: quota.limit,
        afterSent: (send) => {
          planNext(context, send, workspace, email);
        },
      });
      next = report.next;
      const status: DispatchStatus = { at: nowInstant(), notice: report.notice };
      context.properties.setProperty(DISPATCH_STATUS_KEY, JSON.stringify(status));
      context.store.prune();
    } finally {
      // Re-armed even when the run dies: the hourly safety net finds what was left.
      const waiting = context.store
        .list()
        .filter((send) => send.status === "scheduled" || send.status === "late")
        .map((send) => send.sendAt as number);
      armTriggers(next ?? (waiting.length === 0 ? undefined : Math.min(...waiting)), new Date().getTime());
    }
  });
  // Not locked: another run holds the lock and re-arms the triggers itself.
}

/** After a send of a recurring, unpaused client: its next statement by the rule, as a new job. */
function planNext(context: UserContext, sent: ScheduledSend, workspace: Workspace | undefined, sender: string): void {
  const schedule = new RecurringStore(context.properties).get(sent.clientKey);
  if (schedule === undefined || schedule.paused || workspace === undefined || !workspace.ok) return;
  const now = nowInstant();
  const zoned = { zone: sent.zone, store: context.store, locale: context.locale };
  const { planned } = proposedSend(
    workspace.ledger,
    workspace.settings,
    zoned,
    sent.clientKey,
    now,
    schedule.recipients,
  );
  if (planned === undefined) return;
  const scheduled = transition(planned.send, { type: "schedule", hostId: Utilities.getUuid() }, now);
  if (!scheduled.ok) return;
  const request = {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender,
  };
  context.store.put({
    ...scheduled.send,
    subject: subjectAndBody(planned.statement, request).subject,
  } as ScheduledSend);
}

function onDispatchDue(): void {
  runDispatcher();
}

function onDispatchHourly(): void {
  runDispatcher();
}

export const handlers = {
  onHomepage,
  onCompose,
  onPickClient,
  onSchedule,
  onInsertSummary,
  onOpenDraft,
  onCancel,
  onPause,
  onResume,
  onConfirmSent,
  onSendAgain,
  onShowSettings,
  onSaveSettings,
  onDispatchDue,
  onDispatchHourly,
} as const satisfies Record<HandlerName, (event: Event) => unknown>;
