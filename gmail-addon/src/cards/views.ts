/** What the cards show, as plain data: handlers compute these, card builders only draw them. */
import type { RuleForm } from "../app/send-rule.js";
import type { SettingsForm } from "../app/settings-form.js";
import type { HandlerName } from "../handlers/names.js";

export interface JobRow {
  readonly id: string;
  /** "Wed 30 Dec 2026, 09:00 (Europe/Paris)". */
  readonly when: string;
  readonly to: string;
  readonly subject: string;
  readonly client: string;
  readonly period: string;
  readonly status: string;
  readonly note: string | undefined;
}

export interface RecurringRow {
  readonly client: string;
  readonly clientName: string;
  /** The rule in plain words. */
  readonly rule: string;
  readonly next: string;
  readonly paused: boolean;
}

/** The schedule card: one client's own rule (a preset or RRULE text), time and zone. */
export interface ScheduleView {
  /** Clients to pick from when the schedule is new; empty when editing one client's schedule. */
  readonly clients: readonly ClientChoice[];
  readonly client: string | undefined;
  readonly clientName: string;
  readonly form: RuleForm;
  /** The saved rule in plain words and its next dates, when there is one. */
  readonly words: string | undefined;
  readonly next: string | undefined;
  readonly problem: string | undefined;
}

export interface HomeView {
  readonly upcoming: readonly JobRow[];
  readonly recurring: readonly RecurringRow[];
  /** "uncertain" jobs: may have been sent. */
  readonly attention: readonly JobRow[];
  readonly history: readonly JobRow[];
  /** Errors and waits, each with what to do. */
  readonly notices: readonly string[];
}

export interface ClientChoice {
  readonly key: string;
  readonly name: string;
  readonly selected: boolean;
}

export interface ComposeView {
  readonly clients: readonly ClientChoice[];
  readonly client: string | undefined;
  readonly recipients: readonly string[];
  readonly balance: string | undefined;
  readonly overdueLines: readonly string[];
  /** The send time proposed (the client's rule, or the default rule). */
  readonly sendAtMs: number;
  readonly zoneOffsetMinutes: number;
  readonly whenText: string;
  /** The client's rule in plain words, for the "repeat" choice. */
  readonly ruleWords: string;
  readonly problem: string | undefined;
}

export interface SettingsView {
  readonly form: SettingsForm;
  /** "Kept: JPEG, 480 × 160 px" when a logo is kept. */
  readonly logoNote: string | undefined;
  readonly problem: string | undefined;
}

/** Form input ids shared by the card builders and the handlers that read them. */
export const INPUT = {
  client: "client",
  sendAt: "sendAt",
  repeat: "repeat",
  ruleKind: "ruleKind",
  ruleDay: "ruleDay",
  ruleWeekday: "ruleWeekday",
  ruleOrdinal: "ruleOrdinal",
  ruleWeeks: "ruleWeeks",
  ruleTime: "ruleTime",
  ruleZone: "ruleZone",
  ruleText: "ruleText",
  ruleShift: "ruleShift",
} as const;

/** Action parameter names. */
export const PARAM = { job: "job", client: "client" } as const;

export function action(
  name: HandlerName,
  parameters: Record<string, string> = {},
): GoogleAppsScript.Card_Service.Action {
  return CardService.newAction().setFunctionName(name).setParameters(parameters);
}
