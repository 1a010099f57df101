/**
 * What the pane keeps: small settings (profile without its logo, per-client rule, recipients, template) roam with
 * the mailbox; the ledger files and the logo are too big for that and stay in the pane's IndexedDB.
 */
import type { MessageTemplate } from "../../../shared/src/message/template.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";

/** How a client's send day is chosen; built into a rule at use time, starting from "now". */
export type RuleChoice =
  | { readonly kind: "last-business-day" }
  | { readonly kind: "day-of-month"; readonly day: number }
  | { readonly kind: "rrule"; readonly text: string };

export interface ClientSettings {
  readonly rule?: RuleChoice;
  /** Local time of day of the send, "HH:MM". */
  readonly time?: string;
  /** Overrides the ledger's addresses. */
  readonly recipients?: readonly string[];
  readonly template?: MessageTemplate;
}

export type StoredCompanyProfile = Omit<CompanyProfile, "logo">;

export interface PaneSettings {
  readonly version: 1;
  readonly profile: StoredCompanyProfile | undefined;
  /** Keyed by the ledger's client key. */
  readonly clients: Readonly<Record<string, ClientSettings>>;
}

export const EMPTY_SETTINGS: PaneSettings = { version: 1, profile: undefined, clients: {} };

export const DEFAULT_SEND_TIME = "09:00";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks roamed JSON (an older version, another device): what is not understood is dropped, not trusted. */
export function readSettings(value: unknown): PaneSettings | undefined {
  if (!isRecord(value) || value.version !== 1) return undefined;
  const profile = isRecord(value.profile) && typeof value.profile.name === "string" ? value.profile : undefined;
  const clients: Record<string, ClientSettings> = {};
  if (isRecord(value.clients)) {
    for (const [key, entry] of Object.entries(value.clients)) if (isRecord(entry)) clients[key] = entry;
  }
  return { version: 1, profile: profile as StoredCompanyProfile | undefined, clients };
}

export function withClient(settings: PaneSettings, key: string, client: ClientSettings): PaneSettings {
  return { ...settings, clients: { ...settings.clients, [key]: client } };
}
