/**
 * The settings card's fields → what the add-on keeps: the company profile (checked by the core's profile reader,
 * plus country, IBAN and BIC checks), the message template (the core's placeholders), the ledger sheets with the
 * core's CSV column mapping, and the default rule. Every refusal names the card field; nothing is kept on a refusal.
 */
import {
  LEDGER_FIELD_NAMES,
  PAYMENT_FIELD_NAMES,
  type ColumnMapping,
  type LedgerField,
  type PaymentField,
} from "../../../shared/src/ledger/import/csv/columns.js";
import type { DateOrder } from "../../../shared/src/ledger/import/csv/dates.js";
import { checkTemplate, PLACEHOLDERS, type MessageTemplate } from "../../../shared/src/message/template.js";
import { parseCurrency, type CurrencyCode } from "../../../shared/src/money/currency.js";
import { DEFAULT_FRENCH_LATE_MENTIONS } from "../../../shared/src/profile.js";
import { parseProfileJson } from "../../../shared/src/profile-json.js";

/** How the ledger sheets are read: the options of the core's CSV import. */
export interface LedgerReading {
  readonly ledgerMapping?: ColumnMapping<LedgerField>;
  readonly paymentMapping?: ColumnMapping<PaymentField>;
  readonly dateOrder?: DateOrder;
  readonly decimalSeparator?: "," | ".";
  readonly defaultCurrency?: CurrencyCode;
}

/** The card's text fields, as typed; `frenchMentions` is the checkbox ("yes" when ticked). */
export interface SettingsForm {
  readonly name: string;
  readonly legalId: string;
  readonly vatId: string;
  readonly addressLines: string;
  readonly country: string;
  readonly locale: string;
  readonly paymentTermsDays: string;
  readonly brandColor: string;
  readonly iban: string;
  readonly bic: string;
  readonly frenchMentions: boolean;
  readonly penaltyRatePercent: string;
  readonly legalFooter: string;
  readonly logo: string;
  readonly subject: string;
  readonly body: string;
  readonly ledgerUrls: string;
  readonly ledgerColumns: string;
  readonly paymentColumns: string;
  readonly dateOrder: string;
  readonly decimalSeparator: string;
  readonly defaultCurrency: string;
  readonly sendDay: string;
  readonly sendHour: string;
}

export interface CheckedSettings {
  readonly profileJson: string;
  readonly template: MessageTemplate | undefined;
  readonly ledgerUrls: readonly string[];
  readonly reading: LedgerReading;
  readonly sendDay: number;
  readonly sendHour: number;
  /** The logo's source as typed ("" for none); fetched by the host. */
  readonly logo: string;
}

export type SettingsCheck =
  { readonly ok: true; readonly value: CheckedSettings } | { readonly ok: false; readonly message: string };

/** The card's label for each profile field the core's reader names. */
export const PROFILE_LABELS: Readonly<Record<string, string>> = {
  name: "Company name",
  legalId: "Company number",
  vatId: "VAT number",
  addressLines: "Address",
  country: "Country",
  locale: "Language of statements",
  paymentTermsDays: "Payment terms (days)",
  brandColor: "Brand colour",
  iban: "IBAN",
  bic: "BIC",
  "frenchLateMentions.penaltyRatePercent": "Late-payment penalty rate (%)",
  frenchLateMentions: "French late-payment mentions",
  legalFooter: "Legal footer",
};

/** ISO 13616: letters to numbers, the whole modulo 97 is 1. */
function ibanChecks(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const digits = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** "field: Header text" lines → a mapping; fields by key ("total") or by the core's name ("invoice number"). */
function readColumns<F extends string>(
  text: string,
  names: Readonly<Record<F, string>>,
  label: string,
  problems: string[],
): ColumnMapping<F> | undefined {
  const mapping: Partial<Record<F, string>> = {};
  const byName = new Map<string, F>();
  for (const field of Object.keys(names) as F[]) {
    byName.set(field.toLowerCase(), field);
    byName.set(names[field].toLowerCase(), field);
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const match = /^\s*([^:=]+?)\s*[:=]\s*(.+?)\s*$/.exec(line);
    const field = match === null ? undefined : byName.get((match[1] ?? "").toLowerCase());
    if (match === null || field === undefined)
      problems.push(
        `${label}, line ${String(index + 1)}: write "field: column header", the field one of ` +
          `${Object.keys(names).join(", ")} (e.g. "total: Montant TTC").`,
      );
    else mapping[field] = match[2] ?? "";
  });
  return Object.keys(mapping).length > 0 ? mapping : undefined;
}

export function columnsText<F extends string>(mapping: ColumnMapping<F> | undefined): string {
  return Object.entries(mapping ?? {})
    .map(([field, header]) => `${field}: ${String(header)}`)
    .join("\n");
}

/**
 * Checks every field at once and lists each bad one by its card label.
 * @example checkSettings({ ...form, brandColor: "blue" }) // { ok: false, message: 'Brand colour: "blue" is not …' }
 */
export function checkSettings(form: SettingsForm): SettingsCheck {
  const problems: string[] = [];
  const text = (value: string) => (value.trim() === "" ? undefined : value.trim());
  const country = form.country.trim().toUpperCase();
  if (country !== "" && !/^[A-Z]{2}$/.test(country))
    problems.push(`Country: "${form.country}" is not a two-letter country code such as FR.`);
  const terms = form.paymentTermsDays.trim();
  const rate = form.penaltyRatePercent.trim();
  const profile: Record<string, unknown> = {
    name: form.name.trim(),
    addressLines: form.addressLines
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    country,
    ...(text(form.locale) !== undefined ? { locale: text(form.locale) } : {}),
    // A number when it reads as one; else the text, so the core says what is wrong with it.
    paymentTermsDays: terms === "" ? 30 : /^-?\d+(\.\d+)?$/.test(terms) ? Number(terms) : terms,
    ...(text(form.brandColor) !== undefined ? { brandColor: text(form.brandColor) } : {}),
    ...(text(form.legalId) !== undefined ? { legalId: text(form.legalId) } : {}),
    ...(text(form.vatId) !== undefined ? { vatId: text(form.vatId) } : {}),
    ...(text(form.legalFooter) !== undefined ? { legalFooter: text(form.legalFooter) } : {}),
    frenchLateMentions: form.frenchMentions
      ? {
          penaltyRatePercent:
            rate === "" ? DEFAULT_FRENCH_LATE_MENTIONS.penaltyRatePercent : Number(rate.replace(",", ".")),
          indemnityEuroCents: DEFAULT_FRENCH_LATE_MENTIONS.indemnityEuroCents,
        }
      : false,
  };
  const iban = text(form.iban);
  if (iban !== undefined) {
    if (!ibanChecks(iban)) problems.push(`IBAN: "${iban}" is not a valid IBAN (its check digits do not match).`);
    profile.iban = iban
      .replace(/\s+/g, "")
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, "$1 ");
  }
  const bic = text(form.bic)?.toUpperCase();
  if (bic !== undefined) {
    if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
      problems.push(`BIC: "${bic}" is not a BIC such as BNPAFRPPMAR (8 or 11 letters and digits).`);
    profile.bic = bic;
  }
  const profileJson = JSON.stringify(profile);
  const parsed = parseProfileJson(profileJson, "profile");
  for (const p of parsed.problems.filter((q) => q.severity === "error")) {
    const field = p.location.field ?? "";
    problems.push(`${PROFILE_LABELS[field] ?? field}: ${p.message}.`);
  }
  const logo = form.logo.trim();
  if (logo !== "" && !/^https:\/\//i.test(logo) && !/^[A-Za-z0-9_-]{20,}$/.test(logo))
    problems.push("Logo: an https:// address, a Google Drive file link, or a Drive file id.");
  let template: MessageTemplate | undefined;
  const subject = form.subject.trim();
  const body = form.body.trim();
  if (subject !== "" || body !== "") {
    if (subject === "")
      problems.push("Message subject: write one, or leave both subject and body empty for the default.");
    if (body === "") problems.push("Message body: write one, or leave both subject and body empty for the default.");
    template = { subject, body };
    const checked = checkTemplate(template);
    if (!checked.ok)
      problems.push(
        `Message template: unknown placeholder${checked.unknown.length > 1 ? "s" : ""} ` +
          `${checked.unknown.map((name) => `{{${name}}}`).join(", ")}; use ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ")}.`,
      );
  }
  const ledgerUrls = form.ledgerUrls.split(/\s+/).filter((url) => url !== "");
  for (const url of ledgerUrls)
    if (!/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+/.test(url))
      problems.push(
        `Ledger sheets: "${url}" is not a Google Sheets address (https://docs.google.com/spreadsheets/d/…).`,
      );
  const ledgerMapping = readColumns(form.ledgerColumns, LEDGER_FIELD_NAMES, "Invoice columns", problems);
  const paymentMapping = readColumns(form.paymentColumns, PAYMENT_FIELD_NAMES, "Payment columns", problems);
  const dateOrder = form.dateOrder.trim();
  if (!["", "auto", "day-month", "month-day"].includes(dateOrder))
    problems.push("Dates in the sheets: automatic, day/month or month/day.");
  const separator = form.decimalSeparator.trim();
  if (!["", "auto", ",", "."].includes(separator)) problems.push("Decimal mark: automatic, comma or point.");
  const currencyText = form.defaultCurrency.trim();
  const defaultCurrency = currencyText === "" ? undefined : parseCurrency(currencyText);
  if (currencyText !== "" && defaultCurrency === undefined)
    problems.push(`Currency when the sheet has none: "${currencyText}" is not an ISO 4217 code such as EUR.`);
  const sendDay = Number(form.sendDay.trim() === "" ? "30" : form.sendDay);
  const sendHour = Number(form.sendHour.trim() === "" ? "9" : form.sendHour);
  if (!Number.isInteger(sendDay) || sendDay < 1 || sendDay > 31) problems.push("Send on day: a number from 1 to 31.");
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) problems.push("At hour: a number from 0 to 23.");
  if (problems.length > 0) return { ok: false, message: problems.slice(0, 8).join("\n") };
  const reading: LedgerReading = {
    ...(ledgerMapping !== undefined ? { ledgerMapping } : {}),
    ...(paymentMapping !== undefined ? { paymentMapping } : {}),
    ...(dateOrder === "day-month" || dateOrder === "month-day" ? { dateOrder } : {}),
    ...(separator === "," || separator === "." ? { decimalSeparator: separator } : {}),
    ...(defaultCurrency !== undefined ? { defaultCurrency } : {}),
  };
  return { ok: true, value: { profileJson, template, ledgerUrls, reading, sendDay, sendHour, logo } };
}

/** The stored profile JSON back to the card's fields. */
export function profileFields(profileJson: string): Partial<SettingsForm> {
  const parsed = parseProfileJson(profileJson, "profile");
  if (!parsed.ok) return {};
  const p = parsed.value.profile;
  return {
    name: p.name,
    legalId: p.legalId ?? "",
    vatId: p.vatId ?? "",
    addressLines: p.addressLines.join("\n"),
    country: p.country,
    locale: p.locale,
    paymentTermsDays: String(p.paymentTermsDays),
    brandColor: p.brandColor,
    iban: p.iban ?? "",
    bic: p.bic ?? "",
    frenchMentions: p.frenchLateMentions === undefined ? p.country === "FR" : p.frenchLateMentions !== null,
    penaltyRatePercent: String(
      p.frenchLateMentions?.penaltyRatePercent ?? DEFAULT_FRENCH_LATE_MENTIONS.penaltyRatePercent,
    ),
    legalFooter: p.legalFooter ?? "",
  };
}
