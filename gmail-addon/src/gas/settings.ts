/**
 * The add-on's settings, one JSON value in UserProperties ("settings"): the company profile (as the CLI's
 * profile.json, built from the settings card's fields), how the ledger sheets are read, the default rule, the
 * message template, and which kept logo to draw (its bytes are in "logo:<version>:<i>", see logo.ts).
 */
import type { LedgerReading } from "../app/settings-form.js";
import type { MessageTemplate } from "../../../shared/src/message/template.js";
import { formatProblem, type Problem } from "../../../shared/src/problem.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import { parseProfileJson } from "../../../shared/src/profile-json.js";
import { MAX_PROPERTY_BYTES, MAX_STORE_BYTES, utf8Length } from "./job-store.js";
import { loadLogo, LOGO_PREFIX, type StoredLogo } from "./logo.js";

export const SETTINGS_KEY = "settings";
/** Room kept free in the 500 KB store for jobs when the settings and logo grow. */
const STORE_HEADROOM_BYTES = 64 * 1024;

export interface AddonSettings {
  /** The company profile as the CLI's profile.json, without the logo (kept apart, see `logo`). */
  readonly profileJson: string;
  /** Google Sheets holding the ledger (invoices) and, optionally, dated payments; `#gid=` picks the tab. */
  readonly ledgerUrls: readonly string[];
  /** The core's CSV import options for those sheets (column mapping, date order, decimal mark, currency). */
  readonly reading?: LedgerReading;
  /** Default send rule: this day of every month (the last day of shorter months), at this hour, user's zone. */
  readonly sendDay: number;
  readonly sendHour: number;
  readonly template?: MessageTemplate;
  readonly logo?: StoredLogo;
}

export type LoadedSettings =
  | { readonly ok: true; readonly settings: AddonSettings; readonly profile: CompanyProfile }
  | { readonly ok: false; readonly message: string };

export function readSettings(properties: GoogleAppsScript.Properties.Properties): AddonSettings | undefined {
  const text = properties.getProperty(SETTINGS_KEY);
  return text === null ? undefined : (JSON.parse(text) as AddonSettings);
}

export function loadSettings(properties: GoogleAppsScript.Properties.Properties): LoadedSettings {
  const settings = readSettings(properties);
  if (settings === undefined)
    return { ok: false, message: "Relevé is not set up yet: open Settings and fill in your profile." };
  const parsed = parseProfileJson(settings.profileJson, "profile");
  if (!parsed.ok) return { ok: false, message: describeProblems(parsed.problems) };
  if (settings.ledgerUrls.length === 0)
    return { ok: false, message: "No ledger yet: add the URL of the Google Sheet with your invoices in Settings." };
  const logo = settings.logo === undefined ? undefined : loadLogo(properties, settings.logo);
  const profile: CompanyProfile = { ...parsed.value.profile, ...(logo !== undefined ? { logo } : {}) };
  return { ok: true, settings, profile };
}

/**
 * Keeps the settings (and a new logo's chunks) or nothing: sizes are checked first, the chunks are written before
 * the settings that point to them, and only then the old logo's chunks are deleted. A message when it cannot be kept.
 */
export function saveSettings(
  properties: GoogleAppsScript.Properties.Properties,
  settings: AddonSettings,
  logoEntries: Readonly<Record<string, string>> = {},
): string | undefined {
  const text = JSON.stringify(settings);
  if (utf8Length(SETTINGS_KEY) + utf8Length(text) > MAX_PROPERTY_BYTES)
    return "Message body: the settings are over Apps Script's 9 KB per value: shorten the message template.";
  const all = properties.getProperties();
  const keep = settings.logo === undefined ? "" : `${LOGO_PREFIX}${settings.logo.version}:`;
  const stale = Object.keys(all).filter((key) => key.startsWith(LOGO_PREFIX) && (keep === "" || !key.startsWith(keep)));
  let after = 0;
  for (const [key, value] of Object.entries(all))
    if (key !== SETTINGS_KEY && !stale.includes(key)) after += utf8Length(key) + utf8Length(value);
  for (const [key, value] of Object.entries(logoEntries)) after += utf8Length(key) + utf8Length(value);
  after += utf8Length(SETTINGS_KEY) + utf8Length(text);
  if (after > MAX_STORE_BYTES - STORE_HEADROOM_BYTES)
    return `Logo: the add-on's storage would be ${String(Math.ceil(after / 1024))} KB of Apps Script's 500 KB (jobs need room): use a smaller logo.`;
  if (Object.keys(logoEntries).length > 0) properties.setProperties({ ...logoEntries });
  properties.setProperty(SETTINGS_KEY, text);
  for (const key of stale) properties.deleteProperty(key);
  return undefined;
}

export function describeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  return (errors.length > 0 ? errors : problems).slice(0, 5).map(formatProblem).join("\n");
}
