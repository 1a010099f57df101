/** What every handler reads first: the user's store, zone and locale, settings and ledger, time formatting. */
import type { Ledger } from "../../../shared/src/ledger/model.js";
import type { Instant } from "../../../shared/src/recurrence/instant.js";
import type { IanaZone } from "../../../shared/src/recurrence/zone.js";
import type { ScheduledSend } from "../../../shared/src/schedule/model.js";
import { userZone } from "../gas/clock.js";
import { JobStore } from "../gas/job-store.js";
import { readLedgerSheets } from "../gas/ledger-sheets.js";
import { describeProblems, loadSettings, type AddonSettings } from "../gas/settings.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import type { JobRow } from "../cards/views.js";

export const DISPATCH_STATUS_KEY = "dispatch";

export interface DispatchStatus {
  readonly at: number;
  readonly notice: string | undefined;
}

export interface UserContext {
  readonly properties: GoogleAppsScript.Properties.Properties;
  readonly store: JobStore;
  readonly zone: IanaZone;
  readonly locale: string;
}

export function userContext(event?: GoogleAppsScript.Addons.EventObject): UserContext {
  const properties = PropertiesService.getUserProperties();
  return {
    properties,
    store: new JobStore(properties),
    zone: userZone(event),
    locale: event?.commonEventObject.userLocale?.replace("_", "-") ?? Session.getActiveUserLocale().replace("_", "-"),
  };
}

export type Workspace =
  | {
      readonly ok: true;
      readonly settings: AddonSettings;
      readonly profile: CompanyProfile;
      readonly ledger: Ledger;
    }
  | { readonly ok: false; readonly message: string };

/** Settings and the ledger read from the user's sheets, or the message saying what to fix. */
export function loadWorkspace(properties: GoogleAppsScript.Properties.Properties): Workspace {
  const loaded = loadSettings(properties);
  if (!loaded.ok) return loaded;
  let outcome: ReturnType<typeof readLedgerSheets>;
  try {
    outcome = readLedgerSheets(loaded.settings.ledgerUrls, loaded.profile.paymentTermsDays, loaded.settings.reading);
  } catch (error) {
    return {
      ok: false,
      message: `Cannot read the ledger sheet: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!outcome.ok) return { ok: false, message: `The ledger has errors:\n${describeProblems(outcome.problems)}` };
  return { ok: true, settings: loaded.settings, profile: loaded.profile, ledger: outcome.value };
}

export function formatWhen(at: Instant | number, zone: IanaZone, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(at));
  return `${text} (${zone})`;
}

export function subjectOf(send: ScheduledSend): string {
  const subject = (send as ScheduledSend & { readonly subject?: unknown }).subject;
  return typeof subject === "string" ? subject : "Statement";
}

const STATUS_WORDS: Readonly<Record<ScheduledSend["status"], string>> = {
  planned: "planned",
  scheduled: "scheduled",
  late: "late — waiting to go out",
  sending: "sending",
  uncertain: "may have been sent — check Sent",
  sent: "sent",
  cancelled: "cancelled",
  failed: "failed",
};

export function jobRow(send: ScheduledSend, locale: string): JobRow {
  const last = send.history.at(-1);
  const shownAt = send.status === "sent" || send.status === "failed" ? (last?.at ?? send.sendAt) : send.sendAt;
  return {
    id: send.hostId ?? send.key,
    when: formatWhen(shownAt, send.zone, locale),
    to: send.recipients.join(", "),
    subject: subjectOf(send),
    client: send.clientName,
    period: `${send.period.from} – ${send.period.to}`,
    status: STATUS_WORDS[send.status],
    note: last?.note,
  };
}
