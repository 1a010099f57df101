/**
 * Jobs in the user's own UserProperties: one key per job ("job:<id>"), a ScheduledSend as JSON, never the PDF (it
 * is rebuilt from the ledger at send time). Apps Script allows 9 KB per value and 500 KB per store: a job over the
 * value limit is refused with a message, and old finished jobs are pruned so the store stays well under the total.
 */
import type { ScheduledSend } from "../../../shared/src/schedule/model.js";

export const JOB_PREFIX = "job:";
/** Apps Script's per-value limit (9 KB), counted on the key and the value as UTF-8. */
export const MAX_PROPERTY_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
/** Finished jobs kept for the history card; older ones are deleted. */
export const KEPT_FINISHED_JOBS = 120;
const KEPT_HISTORY_ENTRIES = 12;

export class JobTooLargeError extends Error {}

export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

function jobId(send: ScheduledSend): string {
  if (send.hostId === undefined) throw new Error(`job for ${send.clientName} has no id`);
  return send.hostId;
}

export class JobStore {
  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  list(): ScheduledSend[] {
    const all = this.properties.getProperties();
    return Object.keys(all)
      .filter((key) => key.startsWith(JOB_PREFIX))
      .map((key) => JSON.parse(all[key] ?? "") as ScheduledSend)
      .sort((a, b) => a.sendAt - b.sendAt);
  }

  get(id: string): ScheduledSend | undefined {
    const text = this.properties.getProperty(JOB_PREFIX + id);
    return text === null ? undefined : (JSON.parse(text) as ScheduledSend);
  }

  /** Writes one job (its history trimmed to the latest entries); throws JobTooLargeError over 9 KB. */
  put(send: ScheduledSend): void {
    const history =
      send.history.length > KEPT_HISTORY_ENTRIES
        ? [send.history[0], ...send.history.slice(-(KEPT_HISTORY_ENTRIES - 1))]
        : send.history;
    const key = JOB_PREFIX + jobId(send);
    const text = JSON.stringify({ ...send, history });
    if (utf8Length(key) + utf8Length(text) > MAX_PROPERTY_BYTES)
      throw new JobTooLargeError(
        `the send to ${send.clientName} is too large to keep (${send.recipients.length} recipients): ` +
          "use fewer recipients",
      );
    this.properties.setProperty(key, text);
  }

  /** Deletes the oldest finished jobs beyond KEPT_FINISHED_JOBS (sent, cancelled, failed). */
  prune(): number {
    const finished = this.list()
      .filter((send) => send.status === "sent" || send.status === "cancelled" || send.status === "failed")
      .sort((a, b) => (a.history.at(-1)?.at ?? a.sendAt) - (b.history.at(-1)?.at ?? b.sendAt));
    const extra = finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED_JOBS));
    for (const send of extra) this.properties.deleteProperty(JOB_PREFIX + jobId(send));
    return extra.length;
  }
}
