/**
 * Gmail's daily recipient limit (100 for gmail.com accounts, 1,500 for Workspace), counted by the add-on over a
 * rolling 24 hours in one UserProperties value; a "limit exceeded" answer from Gmail closes the day early.
 */
const QUOTA_KEY = "quota";
const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface QuotaRecord {
  /** [start of the hour in epoch ms, recipients sent in that hour] for the last 24 h: at most 25 small entries. */
  readonly sends: readonly (readonly [number, number])[];
  /** Gmail said the limit is reached: nothing before this instant. */
  readonly blockedUntil?: number;
}

export function dailyLimitFor(email: string): number {
  return /@(gmail|googlemail)\.com$/i.test(email) ? 100 : 1500;
}

export class RecipientQuota {
  constructor(
    private readonly properties: GoogleAppsScript.Properties.Properties,
    readonly limit: number,
  ) {}

  private read(now: number): QuotaRecord {
    const text = this.properties.getProperty(QUOTA_KEY);
    const record: QuotaRecord = text === null ? { sends: [] } : (JSON.parse(text) as QuotaRecord);
    return { ...record, sends: record.sends.filter(([at]) => at + HOUR_MS > now - DAY_MS) };
  }

  used(now: number): number {
    return this.read(now).sends.reduce((sum, [, count]) => sum + count, 0);
  }

  /** undefined when `recipients` may go now; otherwise the instant they may. */
  waitUntil(recipients: number, now: number): number | undefined {
    const record = this.read(now);
    if (record.blockedUntil !== undefined && record.blockedUntil > now) return record.blockedUntil;
    let used = record.sends.reduce((sum, [, count]) => sum + count, 0);
    if (used + recipients <= this.limit) return undefined;
    for (const [at, count] of record.sends) {
      used -= count;
      if (used + recipients <= this.limit) return at + HOUR_MS + DAY_MS;
    }
    return now + DAY_MS;
  }

  record(recipients: number, now: number): void {
    const record = this.read(now);
    const hour = now - (now % HOUR_MS);
    const current = record.sends.find(([at]) => at === hour);
    const others = record.sends.filter(([at]) => at !== hour);
    this.write({ ...record, sends: [...others, [hour, (current?.[1] ?? 0) + recipients]] });
  }

  block(now: number): void {
    this.write({ ...this.read(now), blockedUntil: now + DAY_MS });
  }

  private write(record: QuotaRecord): void {
    this.properties.setProperty(QUOTA_KEY, JSON.stringify(record));
  }
}
