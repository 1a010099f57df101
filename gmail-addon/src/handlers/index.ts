/** Every handler the registry names: read the event and the user's store → core → a card or an action response. */
import { civilDate, type IsoDate } from "../../../shared/src/date/civil-date.js";
import type { Ledger } from "../../../shared/src/ledger/model.js";
import { formatMoney } from "../../../shared/src/money/format.js";
import { instantFromEpochMilliseconds, type Instant } from "../../../shared/src/recurrence/instant.js";
import { localDateTime } from "../../../shared/src/recurrence/local-date-time.js";
import { monthlyOnDay, type SendRule } from "../../../shared/src/recurrence/presets.js";
import { nextN } from "../../../shared/src/recurrence/collect.js";
import { describe } from "../../../shared/src/recurrence/describe.js";
import { parseCalendarCode, type CalendarCode } from "../../../shared/src/recurrence/business-day.js";
import type { IanaZone } from "../../../shared/src/recurrence/zone.js";
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import { RecurringStore, ScheduleTooLargeError, type RecurringSchedule } from "../gas/recurring.js";
import {
  buildRule,
  defaultRuleForm,
  readStoredRule,
  storeRule,
  type RuleForm,
  type StoredRule,
} from "../app/send-rule.js";
import { scheduleCard } from "../cards/schedule.js";
import { instantToZoned, offsetSecondsAt } from "../../../shared/src/recurrence/zone.js";
import { sendKey, type ScheduledSend } from "../../../shared/src/schedule/model.js";
import { statementPeriodFor } from "../../../shared/src/schedule/period.js";
import { planSends } from "../../../shared/src/schedule/planner.js";
import { addSend, transition, type SendEvent } from "../../../shared/src/schedule/state.js";
import { composeCard } from "../cards/compose.js";
import { homeCard } from "../cards/home.js";
import { settingsCard } from "../cards/settings.js";
import { INPUT, PARAM, type ComposeView, type HomeView, type ScheduleView } from "../cards/views.js";
import { dispatch } from "../app/dispatch.js";
import { outgoingFor, statementOf, subjectAndBody } from "../app/outgoing.js";
import { buildMime, sendRaw, signedBytes } from "../gas/gmail-send.js";
import { JOB_PREFIX, JobTooLargeError } from "../gas/job-store.js";
import { withUserLock } from "../gas/lock.js";
import { dailyLimitFor, RecipientQuota } from "../gas/quota.js";
import { describeProblems, loadSettings, readSettings, saveSettings, type AddonSettings } from "../gas/settings.js";
import { fetchLogo, type StoredLogo } from "../gas/logo.js";
import { readLedgerSheets } from "../gas/ledger-sheets.js";
import { checkSettings, columnsText, profileFields, type SettingsForm } from "../app/settings-form.js";
import { parseProfileJson } from "../../../shared/src/profile-json.js";
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
  const recurring = new RecurringStore(context.properties).list().map((schedule) => {
    const found = settings.ok ? ruleFor(schedule, settings.settings, context.zone, now, context.locale) : undefined;
    const shown =
      typeof found === "object"
        ? { rule: found.words, next: nextDates(found, now, context.locale) }
        : { rule: found ?? "—", next: "—" };
    return { client: schedule.client, clientName: schedule.clientName, ...shown, paused: schedule.paused };
  });
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

/** A client's rule with the zone its times are shown in, and its words. */
interface ClientRule {
  readonly rule: SendRule;
  readonly zone: IanaZone;
  readonly words: string;
  readonly locale: string;
}

function wordsLocale(locale: string): "fr" | "en" {
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/**
 * The client's own rule when it has a schedule with one, else the add-on's default (Settings: day N at H o'clock,
 * the user's zone); a message when a stored rule can no longer be read.
 */
function ruleFor(
  schedule: RecurringSchedule | undefined,
  settings: AddonSettings,
  zone: IanaZone,
  now: Instant,
  locale = "en",
): ClientRule | string {
  let rule: SendRule = defaultRule(settings, zone, now);
  let ruleZone = zone;
  if (schedule?.ruleText !== undefined) {
    const stored = readStoredRule(schedule as StoredRule);
    if (stored === undefined) return `The rule of ${schedule.clientName} cannot be read any more: edit it.`;
    rule = stored;
    if (stored.rule.start.basis.kind === "zoned") ruleZone = stored.rule.start.basis.zone;
  }
  return { rule, zone: ruleZone, words: describe(rule.rule, wordsLocale(locale), rule.shift), locale };
}

function nextDates(found: ClientRule, now: Instant, locale: string): string {
  return nextN(found.rule.rule, now, 3, found.rule.shift !== undefined ? { shift: found.rule.shift } : {})
    .map((occurrence) => formatWhen(occurrence.instant, found.zone, locale))
    .join(" · ");
}

/** The company's holiday calendar (its country), or undefined when this build has no holidays for it. */
function companyCalendar(country: string): CalendarCode | undefined {
  if (country === "") return undefined;
  try {
    const parsed = parseCalendarCode(country, "profile");
    return parsed.ok ? parsed.value : undefined;
  } catch {
    // The holiday data is not in this bundle at all.
    return undefined;
  }
}

/** The client's next send by its rule after now (skipped with a reason when nothing is due). */
function proposedSend(
  ledger: Ledger,
  rule: Pick<ClientRule, "rule" | "zone">,
  context: Pick<UserContext, "store" | "locale">,
  client: string,
  now: Instant,
  recipients?: readonly string[],
) {
  const plan = planSends({
    ledger,
    schedules: [
      {
        client: client as ClientKey,
        rule: rule.rule,
        zone: rule.zone,
        kind: "outstanding",
        period: "send-month",
        ...(recipients !== undefined ? { recipients } : {}),
      },
    ],
    now,
    // Two, so a first date whose statement is already sent (a rule changed mid-month) gives way to the next one.
    count: 2,
    existing: context.store.list(),
    locale: context.locale,
  });
  return { planned: plan.planned[0], skipped: plan.skipped[0] };
}

const UPCOMING: readonly ScheduledSend["status"][] = ["planned", "scheduled", "late", "sending"];

function hasUpcoming(context: UserContext, client: string): boolean {
  return context.store.list().some((send) => send.clientKey === client && UPCOMING.includes(send.status));
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
    ruleWords: "",
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
  const found = ruleFor(
    new RecurringStore(context.properties).get(client.key),
    settings,
    context.zone,
    now,
    context.locale,
  );
  if (typeof found === "string") return { ...empty, clients, client: client.key, problem: found };
  const { planned, skipped } = proposedSend(ledger, found, context, client.key, now);
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
    whenText: formatWhen(sendAt, found.zone, context.locale),
    ruleWords: found.words,
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
    if (event.commonEventObject.formInputs[INPUT.repeat]?.stringInputs?.value.includes("yes") === true) {
      const problem = keepRepeating(context, workspace, client.key, client.name, job.recipients, now);
      if (problem !== undefined) {
        // Nothing half-saved: the job goes with the schedule it was asked with.
        context.properties.deleteProperty(`${JOB_PREFIX}${job.hostId ?? ""}`);
        return problem;
      }
    }
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
  const result = withUserLock(LOCK_WAIT_MS, () => {
    const schedule = store.get(event.commonEventObject.parameters[PARAM.client] ?? "");
    if (schedule === undefined) return "This schedule no longer exists.";
    store.put({ ...schedule, paused });
    if (paused)
      return `Paused: no further statement is planned for ${schedule.clientName} (a send already upcoming stays: cancel it above).`;
    if (hasUpcoming(context, schedule.client))
      return `Resumed: ${schedule.clientName}'s next statement is planned after the upcoming send.`;
    // Paused past its last send, nothing is waiting: plan the next one now, or nothing would ever be planned.
    return `Resumed: ${planAfterSave(context, schedule)}`;
  });
  if (!result.ok) return notify("Relevé is sending right now: try again in a minute.");
  return notify(result.value, homeCard(homeView(context)));
}

/** Plans the schedule's next send now (under the user lock) and says when, or why not. */
function planAfterSave(context: UserContext, schedule: RecurringSchedule): string {
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return `nothing planned yet: ${workspace.message}`;
  const outcome = planNextFor(context, schedule, workspace, Session.getActiveUser().getEmail());
  if ("reason" in outcome) return `nothing planned for ${schedule.clientName}: ${outcome.reason}.`;
  rearm(context, nowInstant());
  return `next statement to ${schedule.clientName} on ${formatWhen(outcome.send.sendAt, outcome.send.zone, context.locale)}.`;
}

// ---- per-client schedules -------------------------------------------------------------------------------------

function formFromInputs(event: Event, fallback: RuleForm): RuleForm {
  const read = (name: string, current: string) => stringInput(event, name) ?? current;
  return {
    kind: read(INPUT.ruleKind, fallback.kind),
    day: read(INPUT.ruleDay, fallback.day),
    weekday: read(INPUT.ruleWeekday, fallback.weekday),
    ordinal: read(INPUT.ruleOrdinal, fallback.ordinal),
    weeks: read(INPUT.ruleWeeks, fallback.weeks),
    time: read(INPUT.ruleTime, fallback.time),
    zone: read(INPUT.ruleZone, fallback.zone),
    rrule: read(INPUT.ruleText, fallback.rrule),
    shift: read(INPUT.ruleShift, fallback.shift),
  };
}

/** Opens (or, when the rule kind changes, redraws) the schedule card of one client, or of a new schedule. */
function onEditSchedule(event: Event): ActionResponse {
  const context = userContext(event);
  const now = nowInstant();
  const param = event.commonEventObject.parameters[PARAM.client];
  const redraw = stringInput(event, INPUT.ruleKind) !== undefined;
  const schedule = param === undefined ? undefined : new RecurringStore(context.properties).get(param);
  const settings = loadSettings(context.properties);
  const defaults = settings.ok
    ? defaultRuleForm(settings.settings.sendDay, settings.settings.sendHour, context.zone)
    : defaultRuleForm(30, 9, context.zone);
  const form = formFromInputs(event, schedule?.form ?? defaults);
  let clients: ScheduleView["clients"] = [];
  let problem: string | undefined;
  if (param === undefined) {
    const workspace = loadWorkspace(context.properties);
    if (!workspace.ok) problem = workspace.message;
    else {
      const picked = stringInput(event, INPUT.client) ?? workspace.ledger.clients[0]?.key;
      clients = workspace.ledger.clients.map((c) => ({ key: c.key, name: c.name, selected: c.key === picked }));
    }
  }
  const found =
    schedule !== undefined && settings.ok
      ? ruleFor(schedule, settings.settings, context.zone, now, context.locale)
      : undefined;
  const card = scheduleCard({
    clients,
    client: param,
    clientName: schedule?.clientName ?? "",
    form,
    words: typeof found === "object" ? found.words : undefined,
    next: typeof found === "object" ? nextDates(found, now, context.locale) : undefined,
    problem: problem ?? (typeof found === "string" ? found : undefined),
  });
  const navigation = redraw ? CardService.newNavigation().updateCard(card) : CardService.newNavigation().pushCard(card);
  return CardService.newActionResponseBuilder().setNavigation(navigation).build();
}

/**
 * Saves one client's rule (checked first: a bad field is named and nothing is written), then plans its next send
 * when none is waiting.
 */
function onSaveSchedule(event: Event): ActionResponse {
  const context = userContext(event);
  const now = nowInstant();
  const workspace = loadWorkspace(context.properties);
  if (!workspace.ok) return notify(workspace.message);
  const key = event.commonEventObject.parameters[PARAM.client] ?? stringInput(event, INPUT.client);
  const client = workspace.ledger.clients.find((candidate) => candidate.key === key);
  if (client === undefined) return notify("Client: pick a client of the ledger.");
  const store = new RecurringStore(context.properties);
  const existing = store.get(client.key);
  const form = formFromInputs(
    event,
    existing?.form ?? defaultRuleForm(workspace.settings.sendDay, workspace.settings.sendHour, context.zone),
  );
  const built = buildRule(form, now, companyCalendar(workspace.profile.country));
  if (!built.ok) return notify(built.message);
  const recipients = existing?.recipients ?? client.emails;
  if (recipients.length === 0) return notify(`${client.name} has no email address in the ledger: add one first.`);
  const schedule: RecurringSchedule = {
    client: client.key,
    clientName: client.name,
    recipients,
    paused: existing?.paused ?? false,
    form,
    ...storeRule(built.rule),
  };
  const result = withUserLock(LOCK_WAIT_MS, () => {
    try {
      store.put(schedule);
    } catch (error) {
      if (error instanceof ScheduleTooLargeError) return error.message;
      throw error;
    }
    const words = describe(built.rule.rule, wordsLocale(context.locale), built.rule.shift);
    if (schedule.paused) return `Saved (paused): ${client.name}, ${words}.`;
    if (hasUpcoming(context, client.key))
      return `Saved: ${client.name}, ${words}. The upcoming send stays as planned: cancel it to follow the new rule now.`;
    return `Saved: ${client.name}, ${words}; ${planAfterSave(context, schedule)}`;
  });
  if (!result.ok) return notify("Relevé is sending right now: try again in a minute.");
  return notify(result.value, homeCard(homeView(context)));
}

function onPause(event: Event): ActionResponse {
  return setPaused(event, true);
}

function onResume(event: Event): ActionResponse {
  return setPaused(event, false);
}

// ---- settings -------------------------------------------------------------------------------------------------

const SETTINGS_TEXT_FIELDS = [
  "name",
  "legalId",
  "vatId",
  "addressLines",
  "country",
  "locale",
  "paymentTermsDays",
  "brandColor",
  "iban",
  "bic",
  "penaltyRatePercent",
  "legalFooter",
  "logo",
  "subject",
  "body",
  "ledgerUrls",
  "ledgerColumns",
  "paymentColumns",
  "dateOrder",
  "decimalSeparator",
  "defaultCurrency",
  "sendDay",
  "sendHour",
] as const satisfies readonly Exclude<keyof SettingsForm, "frenchMentions">[];

function settingsFormOf(settings: AddonSettings | undefined): SettingsForm {
  const blank = Object.fromEntries(SETTINGS_TEXT_FIELDS.map((field) => [field, ""])) as Record<
    (typeof SETTINGS_TEXT_FIELDS)[number],
    string
  >;
  return {
    ...blank,
    frenchMentions: false,
    ...(settings !== undefined ? profileFields(settings.profileJson) : {}),
    logo: settings?.logo?.source ?? "",
    subject: settings?.template?.subject ?? "",
    body: settings?.template?.body ?? "",
    ledgerUrls: settings?.ledgerUrls.join("\n") ?? "",
    ledgerColumns: columnsText(settings?.reading?.ledgerMapping),
    paymentColumns: columnsText(settings?.reading?.paymentMapping),
    dateOrder: settings?.reading?.dateOrder ?? "auto",
    decimalSeparator: settings?.reading?.decimalSeparator ?? "auto",
    defaultCurrency: settings?.reading?.defaultCurrency ?? "",
    sendDay: String(settings?.sendDay ?? 30),
    sendHour: String(settings?.sendHour ?? 9),
  };
}

function onShowSettings(event: Event): ActionResponse {
  const context = userContext(event);
  const settings = readSettings(context.properties);
  const logo = settings?.logo;
  const card = settingsCard({
    form: settingsFormOf(settings),
    logoNote:
      logo === undefined
        ? undefined
        : `Kept: ${logo.format}, ${String(logo.widthPx)} × ${String(logo.heightPx)} px. Change the address to fetch another.`,
    problem: undefined,
  });
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().pushCard(card)).build();
}

/** Every field is checked, the logo fetched and the ledger read with the new settings before anything is kept. */
function onSaveSettings(event: Event): ActionResponse {
  const context = userContext(event);
  const typed = Object.fromEntries(SETTINGS_TEXT_FIELDS.map((field) => [field, stringInput(event, field) ?? ""]));
  const form = {
    ...typed,
    frenchMentions: event.commonEventObject.formInputs.frenchMentions?.stringInputs?.value.includes("yes") === true,
  } as SettingsForm;
  const checked = checkSettings(form);
  if (!checked.ok) return notify(checked.message);
  const { profileJson, template, ledgerUrls, reading, sendDay, sendHour } = checked.value;
  const previous = readSettings(context.properties);
  let logo: StoredLogo | undefined;
  let logoEntries: Record<string, string> = {};
  if (checked.value.logo !== "") {
    if (previous?.logo?.source === checked.value.logo) logo = previous.logo;
    else {
      const fetched = fetchLogo(checked.value.logo, Utilities.getUuid().replace(/-/g, "").slice(0, 8));
      if (!fetched.ok) return notify(fetched.message);
      logo = fetched.logo;
      logoEntries = fetched.entries;
    }
  }
  const settings: AddonSettings = {
    profileJson,
    ledgerUrls,
    reading,
    sendDay,
    sendHour,
    ...(template !== undefined ? { template } : {}),
    ...(logo !== undefined ? { logo } : {}),
  };
  let clients: number | undefined;
  if (ledgerUrls.length > 0) {
    const parsed = parseProfileJson(profileJson, "profile");
    const terms = parsed.ok ? parsed.value.profile.paymentTermsDays : 30;
    let outcome: ReturnType<typeof readLedgerSheets>;
    try {
      outcome = readLedgerSheets(ledgerUrls, terms, reading);
    } catch (error) {
      return notify(`Ledger sheets: cannot read the sheet: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!outcome.ok) return notify(`Ledger sheets: the ledger has errors:\n${describeProblems(outcome.problems)}`);
    clients = outcome.value.clients.length;
  }
  const refused = saveSettings(context.properties, settings, logoEntries);
  if (refused !== undefined) return notify(refused);
  return notify(
    clients === undefined
      ? "Saved. Add the URL of the Google Sheet with your invoices to start."
      : `Saved: ${String(clients)} clients in the ledger.`,
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

/** After a send of a recurring, unpaused client: its next statement by its rule, as a new job. */
function planNext(context: UserContext, sent: ScheduledSend, workspace: Workspace | undefined, sender: string): void {
  const schedule = new RecurringStore(context.properties).get(sent.clientKey);
  if (schedule === undefined || schedule.paused || workspace === undefined || !workspace.ok) return;
  planNextFor(context, schedule, workspace, sender);
}

/** The schedule's next statement by its rule, stored as a scheduled job; the reason when there is none. */
function planNextFor(
  context: UserContext,
  schedule: RecurringSchedule,
  workspace: Extract<Workspace, { ok: true }>,
  sender: string,
): { send: ScheduledSend } | { reason: string } {
  const now = nowInstant();
  const found = ruleFor(schedule, workspace.settings, context.zone, now, context.locale);
  if (typeof found === "string") return { reason: found };
  const { planned, skipped } = proposedSend(
    workspace.ledger,
    found,
    context,
    schedule.client,
    now,
    schedule.recipients,
  );
  if (planned === undefined) return { reason: skipped?.reason ?? "the rule gives no further date" };
  const scheduled = transition(planned.send, { type: "schedule", hostId: Utilities.getUuid() }, now);
  if (!scheduled.ok) return { reason: scheduled.reason };
  const request = {
    ledger: workspace.ledger,
    profile: workspace.profile,
    template: workspace.settings.template,
    sender,
  };
  const send = { ...scheduled.send, subject: subjectAndBody(planned.statement, request).subject } as ScheduledSend;
  context.store.put(send);
  return { send };
}

/**
 * "Then repeat" from the compose card: the client's schedule, unpaused, with the draft's recipients — its own rule
 * kept when it has one, else the default rule. A message when it cannot be kept (nothing written then).
 */
function keepRepeating(
  context: UserContext,
  workspace: Extract<Workspace, { ok: true }>,
  client: ClientKey,
  clientName: string,
  recipients: readonly string[],
  now: Instant,
): string | undefined {
  const store = new RecurringStore(context.properties);
  const existing = store.get(client);
  const form = existing?.form ?? defaultRuleForm(workspace.settings.sendDay, workspace.settings.sendHour, context.zone);
  let rule: StoredRule | undefined = existing?.ruleText !== undefined ? (existing as StoredRule) : undefined;
  if (rule === undefined) {
    const built = buildRule(form, now, companyCalendar(workspace.profile.country));
    if (!built.ok) return built.message;
    rule = storeRule(built.rule);
  }
  try {
    store.put({ client, clientName, recipients, paused: false, form, ...rule });
  } catch (error) {
    if (error instanceof ScheduleTooLargeError) return error.message;
    throw error;
  }
  return undefined;
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
  onEditSchedule,
  onSaveSchedule,
  onConfirmSent,
  onSendAgain,
  onShowSettings,
  onSaveSettings,
  onDispatchDue,
  onDispatchHourly,
} as const satisfies Record<HandlerName, (event: Event) => unknown>;
