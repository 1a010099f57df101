/** The words of a statement PDF in French and English, chosen by the statement's locale (fr-* → French). */
import type { LocaleTag } from "../money/format.js";
import type { AgeingBandSpec } from "../statement/model.js";

export type PdfLanguage = "fr" | "en";

export interface PdfTexts {
  readonly language: PdfLanguage;
  readonly outstandingTitle: string;
  readonly activityTitle: string;
  readonly asOf: (date: string) => string;
  readonly period: (from: string, to: string) => string;
  readonly client: string;
  readonly section: (currency: string) => string;
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly amount: string;
  readonly open: string;
  readonly daysOverdue: string;
  readonly penalty: string;
  readonly date: string;
  readonly reference: string;
  readonly due: string;
  readonly debit: string;
  readonly credit: string;
  readonly balance: string;
  readonly openingBalance: (date: string) => string;
  readonly closingBalance: (date: string) => string;
  readonly openTotal: string;
  readonly overdueTotal: (count: number) => string;
  /** The open credits (≤ 0) included in the open total. */
  readonly creditsTotal: string;
  readonly penaltiesTotal: string;
  readonly indemnitiesTotal: string;
  readonly ageing: string;
  readonly band: (band: AgeingBandSpec) => string;
  readonly creditNote: string;
  readonly payment: string;
  readonly dateUnknown: string;
  readonly nothingOpen: string;
  readonly lateMentions: (ratePercent: string, indemnity: string) => string;
  readonly page: (page: number, pages: number) => string;
  readonly vatId: string;
  readonly iban: string;
  readonly bic: string;
  readonly paymentDetails: string;
  readonly continued: string;
}

const FR: PdfTexts = {
  language: "fr",
  outstandingTitle: "Relevé de compte",
  activityTitle: "Relevé d'activité",
  asOf: (date) => `Factures ouvertes au ${date}`,
  period: (from, to) => `Période du ${from} au ${to}`,
  client: "Client",
  section: (currency) => `Compte en ${currency}`,
  number: "N° de pièce",
  issueDate: "Date",
  dueDate: "Échéance",
  amount: "Montant",
  open: "Reste dû",
  daysOverdue: "Jours de retard",
  penalty: "Pénalités",
  date: "Date",
  reference: "Référence",
  due: "Échéance",
  debit: "Débit",
  credit: "Crédit",
  balance: "Solde",
  openingBalance: (date) => `Solde d'ouverture au ${date}`,
  closingBalance: (date) => `Solde de clôture au ${date}`,
  openTotal: "Total restant dû",
  overdueTotal: (count) => `dont échu (${count} ${count > 1 ? "pièces" : "pièce"})`,
  creditsTotal: "dont avoirs et acomptes à déduire",
  penaltiesTotal: "Pénalités de retard courues",
  indemnitiesTotal: "Indemnités forfaitaires de recouvrement",
  ageing: "Antériorité",
  band: (band) =>
    band.toDays === 0 && band.fromDays === null
      ? "Non échu"
      : band.toDays === null
        ? `> ${(band.fromDays ?? 1) - 1} j`
        : `${band.fromDays ?? 1}–${band.toDays} j`,
  creditNote: "Avoir",
  payment: "Règlement",
  dateUnknown: "inconnue",
  nothingOpen: "Aucune pièce ouverte.",
  lateMentions: (rate, indemnity) =>
    `Taux des pénalités de retard : ${rate} l'an ; pénalités exigibles dès le lendemain de la date d'échéance sans ` +
    `rappel, indemnité forfaitaire pour frais de recouvrement de ${indemnity} par facture payée en retard ` +
    `(art. L441-10 et D441-5 du Code de commerce).`,
  page: (page, pages) => `page ${page} / ${pages}`,
  vatId: "TVA",
  iban: "IBAN",
  bic: "BIC",
  paymentDetails: "Règlement par virement",
  continued: "suite",
};

const EN: PdfTexts = {
  language: "en",
  outstandingTitle: "Statement of account",
  activityTitle: "Account activity statement",
  asOf: (date) => `Open items as of ${date}`,
  period: (from, to) => `Period ${from} to ${to}`,
  client: "Bill to",
  section: (currency) => `Account in ${currency}`,
  number: "Number",
  issueDate: "Issue date",
  dueDate: "Due date",
  amount: "Amount",
  open: "Open",
  daysOverdue: "Days overdue",
  penalty: "Penalty",
  date: "Date",
  reference: "Reference",
  due: "Due",
  debit: "Debit",
  credit: "Credit",
  balance: "Balance",
  openingBalance: (date) => `Opening balance on ${date}`,
  closingBalance: (date) => `Closing balance on ${date}`,
  openTotal: "Total open",
  overdueTotal: (count) => `of which overdue (${count} ${count === 1 ? "item" : "items"})`,
  creditsTotal: "of which credit notes and advances to deduct",
  penaltiesTotal: "Late-payment penalties accrued",
  indemnitiesTotal: "Fixed recovery indemnities",
  ageing: "Ageing",
  band: (band) =>
    band.toDays === 0 && band.fromDays === null
      ? "Not yet due"
      : band.toDays === null
        ? `> ${(band.fromDays ?? 1) - 1} days`
        : `${band.fromDays ?? 1}–${band.toDays} days`,
  creditNote: "Credit note",
  payment: "Payment",
  dateUnknown: "unknown",
  nothingOpen: "No open items.",
  lateMentions: (rate, indemnity) =>
    `Late-payment penalties at ${rate} a year are due from the day after the due date without reminder; fixed ` +
    `recovery indemnity of ${indemnity} per late invoice (French Commercial Code, art. L441-10 and D441-5).`,
  page: (page, pages) => `page ${page} / ${pages}`,
  vatId: "VAT",
  iban: "IBAN",
  bic: "BIC",
  paymentDetails: "Pay by bank transfer",
  continued: "continued",
};

/**
 * The catalogue for a locale: French for any fr-* tag, English otherwise.
 * @example textsFor("fr-CH").open // "Reste dû"
 */
export function textsFor(locale: LocaleTag): PdfTexts {
  return /^fr(-|$)/i.test(locale) ? FR : EN;
}

/**
 * A percentage rate for the locale: "12,15 %" in French, "12.15%" in English.
 * @example formatRate(12.15, "fr-FR") // "12,15 %"
 */
export function formatRate(percent: number, locale: LocaleTag): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(percent / 100);
}
