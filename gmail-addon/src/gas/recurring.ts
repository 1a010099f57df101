/** Recurring schedules per client, one UserProperties key each ("recurring:<client>"): who, and paused or not. */
import type { ClientKey } from "../../../shared/src/ledger/model.js";

export const RECURRING_PREFIX = "recurring:";

export interface RecurringSchedule {
  readonly client: ClientKey;
  readonly clientName: string;
  readonly recipients: readonly string[];
  readonly paused: boolean;
}

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

  put(schedule: RecurringSchedule): void {
    this.properties.setProperty(RECURRING_PREFIX + schedule.client, JSON.stringify(schedule));
  }
}
