/** A company profile from JSON (a file, roaming settings, user properties), checked field by field. */
import { problem, type Outcome, type Problem } from "./problem.js";
import type { CompanyProfile, FrenchLateMentions } from "./profile.js";

/** The profile as stored: like CompanyProfile, with the logo as a path or data reference resolved by the host. */
export interface StoredProfile {
  readonly profile: Omit<CompanyProfile, "logo">;
  readonly logoRef: string | undefined;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * @example parseProfileJson('{"name":"Atelier","country":"FR"}', "profile.json")
 */
export function parseProfileJson(text: string, file: string): Outcome<StoredProfile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [problem("error", "profile.json", `not valid JSON (${(error as Error).message})`, { file })],
    };
  }
  const problems: Problem[] = [];
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, problems: [problem("error", "profile.shape", "the profile must be a JSON object", { file })] };
  }
  const record = data as Record<string, unknown>;
  const fail = (field: string, message: string) =>
    problems.push(problem("error", "profile.field", message, { file, field }));
  const text_ = (field: string, required = false): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null || value === "") {
      if (required) fail(field, "is required");
      return undefined;
    }
    if (typeof value !== "string") {
      fail(field, "must be text");
      return undefined;
    }
    return value;
  };
  const name = text_("name", true) ?? "";
  const addressValue = record.addressLines ?? [];
  const addressLines =
    Array.isArray(addressValue) && addressValue.every((line) => typeof line === "string")
      ? addressValue
      : (fail("addressLines", "must be a list of lines"), []);
  const brandColor = text_("brandColor") ?? "#1f5f8b";
  if (!HEX_COLOR.test(brandColor)) fail("brandColor", `"${brandColor}" is not a colour like #1f5f8b`);
  const locale = text_("locale") ?? "fr-FR";
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    fail("locale", `"${locale}" is not a language tag such as fr-FR`);
  }
  const termsValue = record.paymentTermsDays ?? 30;
  const paymentTermsDays =
    typeof termsValue === "number" && Number.isInteger(termsValue) && termsValue >= 0 && termsValue <= 365
      ? termsValue
      : (fail("paymentTermsDays", "must be a whole number of days (0–365)"), 30);
  let frenchLateMentions: FrenchLateMentions | null | undefined;
  const mentions = record.frenchLateMentions;
  if (mentions === false || mentions === null) frenchLateMentions = null;
  else if (typeof mentions === "object" && !Array.isArray(mentions)) {
    const m = mentions as Record<string, unknown>;
    const rate = m.penaltyRatePercent;
    const indemnity = m.indemnityEuroCents ?? 4000;
    if (typeof rate !== "number" || rate <= 0 || rate > 100)
      fail("frenchLateMentions.penaltyRatePercent", "must be a yearly rate in percent, e.g. 12.15");
    if (typeof indemnity !== "number" || !Number.isInteger(indemnity) || indemnity < 0)
      fail("frenchLateMentions.indemnityEuroCents", "must be whole euro cents, e.g. 4000");
    frenchLateMentions = { penaltyRatePercent: Number(rate), indemnityEuroCents: Number(indemnity) };
  } else if (mentions !== undefined && mentions !== true)
    fail("frenchLateMentions", "must be true, false or { penaltyRatePercent, indemnityEuroCents }");
  const optional = (field: string) => {
    const value = text_(field);
    return value === undefined ? {} : { [field]: value };
  };
  const profile: Omit<CompanyProfile, "logo"> = {
    name,
    addressLines,
    // No default: French late-payment mentions follow the company's country, so an unknown country turns them off.
    country: (text_("country") ?? "").toUpperCase(),
    brandColor,
    locale,
    paymentTermsDays,
    ...optional("legalId"),
    ...optional("vatId"),
    ...optional("email"),
    ...optional("phone"),
    ...optional("iban"),
    ...optional("bic"),
    ...optional("bankName"),
    ...optional("legalFooter"),
    ...(frenchLateMentions !== undefined ? { frenchLateMentions } : {}),
  };
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { profile, logoRef: text_("logo") }, problems };
}
