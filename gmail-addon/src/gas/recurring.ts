/**
 * Recurring schedules per client, one UserProperties key each ("recurring:<client>"): who, the client's own rule
 * (its canonical text with time and zone, plus the business-day shift), the card fields it came from, paused or not.
 */
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { RuleForm, StoredRule } from "../app/send-rule.js";
import { MAX_PROPERTY_BYTES, utf8Length } from "./job-store.js";

export const RECURRING_PREFIX = "recurring:";

export interface RecurringSchedule extends Partial<StoredRule> {
  readonly client: ClientKey;
  readonly clientName: string;
  readonly recipients: readonly string[];
  readonly paused: boolean;
  /** The schedule card's fields, shown again when editing. Absent on schedules saved before per-client rules. */
  readonly form?: RuleForm;
}

export class ScheduleTooLargeError extends Error {}

export class RecurringStore {
  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  list(): RecurringSchedule[] {
    const all = this.properties.getProperties();
    return Object.keys(all)
      .filter((key) => key.startsWith(RECURRING_PREFIX))
      .map((key) => JSON.parse(all[key] ?? "") as RecurringSchedule)
      .sort((a, b) => a.clientName.localeCompare(b.clientName));
  }

  get(client: string): RecurringSchedule | undefined {
    const text = this.properties.getProperty(RECURRING_PREFIX + client);
    return text === null ? undefined : (JSON.parse(text) as RecurringSchedule);
  }

  /** Writes one schedule; throws ScheduleTooLargeError over Apps Script's 9 KB per value (nothing written). */
  put(schedule: RecurringSchedule): void {
    const key = RECURRING_PREFIX + schedule.client;
    const text = JSON.stringify(schedule);
    if (utf8Length(key) + utf8Length(text) > MAX_PROPERTY_BYTES)
      throw new ScheduleTooLargeError(
        `the schedule of ${schedule.clientName} is too large to keep (${String(schedule.recipients.length)} ` +
          "recipients, or a very long rule): use fewer recipients or a shorter rule",
      );
    this.properties.setProperty(key, text);
  }
}
