/** The add-on's settings, one JSON value in UserProperties: company profile, ledger sheets, default rule, template. */
import type { MessageTemplate } from "../../../shared/src/message/template.js";
import { formatProblem, type Problem } from "../../../shared/src/problem.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import { parseProfileJson } from "../../../shared/src/profile-json.js";

export const SETTINGS_KEY = "settings";

export interface AddonSettings {
  /** The company profile as the CLI's profile.json (the logo is not used in Gmail yet). */
  readonly profileJson: string;
  /** Google Sheets holding the ledger (invoices) and, optionally, dated payments; `#gid=` picks the tab. */
  readonly ledgerUrls: readonly string[];
  /** Default send rule: this day of every month (the last day of shorter months), at this hour, user's zone. */
  readonly sendDay: number;
  readonly sendHour: number;
  readonly template?: MessageTemplate;
}

export type LoadedSettings =
  | { readonly ok: true; readonly settings: AddonSettings; readonly profile: CompanyProfile }
  | { readonly ok: false; readonly message: string };

export function loadSettings(properties: GoogleAppsScript.Properties.Properties): LoadedSettings {
  const text = properties.getProperty(SETTINGS_KEY);
  if (text === null) return { ok: false, message: "Relevé is not set up yet: open Settings and fill in your profile." };
  const settings = JSON.parse(text) as AddonSettings;
  const parsed = parseProfileJson(settings.profileJson, "profile");
  if (!parsed.ok) return { ok: false, message: describeProblems(parsed.problems) };
  if (settings.ledgerUrls.length === 0)
    return { ok: false, message: "No ledger yet: add the URL of the Google Sheet with your invoices in Settings." };
  return { ok: true, settings, profile: parsed.value.profile };
}

export function saveSettings(properties: GoogleAppsScript.Properties.Properties, settings: AddonSettings): void {
  properties.setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

export function describeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  return (errors.length > 0 ? errors : problems).slice(0, 5).map(formatProblem).join("\n");
}
