/** The user's company profile: who the statement is from, how it looks, how to pay, which legal mentions apply. */
import type { LocaleTag } from "./money/format.js";

export interface LogoImage {
  readonly format: "PNG" | "JPEG";
  /** Raw image bytes. */
  readonly bytes: Uint8Array;
  /** Pixel size, so the PDF keeps the aspect ratio without decoding the image. */
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface FrenchLateMentions {
  /** Annual late-payment penalty rate in percent (ECB main refinancing rate + 10 points by default). */
  readonly penaltyRatePercent: number;
  /** Fixed recovery indemnity per late invoice, in euro cents (art. D441-5: €40). */
  readonly indemnityEuroCents: number;
}

export interface CompanyProfile {
  readonly name: string;
  /** SIREN/SIRET, company number, UID… as printed. */
  readonly legalId?: string;
  readonly vatId?: string;
  readonly addressLines: readonly string[];
  /** ISO 3166 alpha-2; "FR" turns the French late-payment mentions on by default. */
  readonly country: string;
  readonly email?: string;
  readonly phone?: string;
  readonly logo?: LogoImage;
  /** "#RRGGBB". */
  readonly brandColor: string;
  readonly iban?: string;
  readonly bic?: string;
  readonly bankName?: string;
  /** Default locale of statements (a client's own locale wins). */
  readonly locale: LocaleTag;
  /** Payment terms used when a document has no due date. */
  readonly paymentTermsDays: number;
  /** `undefined` → on for country FR with the defaults below, off otherwise; `null` → explicitly off. */
  readonly frenchLateMentions?: FrenchLateMentions | null;
  /** Free legal text for the footer (capital, RCS…). */
  readonly legalFooter?: string;
}

/** ECB main refinancing rate (2.15 % since June 2025) + 10 points. A setting, not a law of nature. */
export const DEFAULT_FRENCH_LATE_MENTIONS: FrenchLateMentions = { penaltyRatePercent: 12.15, indemnityEuroCents: 4000 };

export function frenchMentionsOf(profile: CompanyProfile): FrenchLateMentions | undefined {
  if (profile.frenchLateMentions === null) return undefined;
  if (profile.frenchLateMentions !== undefined) return profile.frenchLateMentions;
  return profile.country.toUpperCase() === "FR" ? DEFAULT_FRENCH_LATE_MENTIONS : undefined;
}
