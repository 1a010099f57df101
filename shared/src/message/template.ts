/**
 * The accompanying email: subject and body templates with {{placeholders}}, rendered as plain text and as HTML in
 * which every inserted value is escaped (a client called "<script>" stays text).
 */
import { formatMoney, type LocaleTag } from "../money/format.js";
import { formatCivilDate } from "../date/format.js";
import type { Statement } from "../statement/model.js";

export const PLACEHOLDERS = [
  "client",
  "company",
  "asOf",
  "period",
  "balance",
  "overdueBalance",
  "balanceDetail",
  "overdueCount",
  "nextDueDate",
  "sender",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface MessageTemplate {
  readonly subject: string;
  /** Plain text with blank lines between paragraphs; the HTML form is derived from it. */
  readonly body: string;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type TemplateCheck = { readonly ok: true } | { readonly ok: false; readonly unknown: readonly string[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Lists placeholders a template uses that do not exist, so a typo is caught when the user saves it. */
export function checkTemplate(template: MessageTemplate): TemplateCheck {
  const unknown = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? "")
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  return unknown.length === 0 ? { ok: true } : { ok: false, unknown: [...new Set(unknown)] };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * What the balance is made of, in words that stay true when credits are open: ", dont 3 595,50 € échu", or
 * " (factures échues : 7 632,30 € ; avoirs déduits : 150,00 €)" — an overdue part larger than the balance is
 * never left unexplained.
 */
function balanceDetail(statement: Statement): string {
  const french = statement.locale.toLowerCase().startsWith("fr");
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, statement.locale);
  const sections = statement.sections.filter((s) => s.overdueTotal.minor !== 0 || s.creditsTotal.minor !== 0);
  if (sections.length === 0) return "";
  if (sections.every((s) => s.creditsTotal.minor === 0)) {
    const overdue = sections.map((s) => money(s.overdueTotal)).join(" + ");
    return french ? `, dont ${overdue} échu` : `, of which ${overdue} is overdue`;
  }
  const parts = sections.map((s) => {
    const credits = money({ ...s.creditsTotal, minor: Math.abs(s.creditsTotal.minor) as typeof s.creditsTotal.minor });
    const overdue = s.overdueTotal.minor !== 0 ? money(s.overdueTotal) : undefined;
    if (french) return `${overdue !== undefined ? `factures échues : ${overdue} ; ` : ""}avoirs déduits : ${credits}`;
    return `${overdue !== undefined ? `overdue invoices: ${overdue}; ` : ""}credits deducted: ${credits}`;
  });
  return ` (${parts.join(" — ")})`;
}

/** The values a statement gives its message: amounts per currency joined ("1 234,56 € + 5 050,50 CHF"). */
export function placeholderValues(statement: Statement, company: string, sender: string): Record<Placeholder, string> {
  const locale: LocaleTag = statement.locale;
  const join = (pick: (s: Statement["sections"][number]) => Parameters<typeof formatMoney>[0]) =>
    statement.sections.map((section) => formatMoney(pick(section), locale)).join(" + ");
  const nextDue = statement.sections
    .flatMap((section) => section.openItems)
    .filter((line) => line.kind === "invoice" && line.daysOverdue === 0 && line.open.minor > 0)
    .map((line) => line.dueDate)
    .sort()[0];
  const period =
    statement.period !== undefined
      ? `${formatCivilDate(statement.period.from, locale, "long")} – ${formatCivilDate(statement.period.to, locale, "long")}`
      : formatCivilDate(statement.asOf, locale, "long");
  return {
    balanceDetail: balanceDetail(statement),
    client: statement.client.name,
    company,
    asOf: formatCivilDate(statement.asOf, locale, "long"),
    period,
    balance: join((s) => s.openTotal),
    overdueBalance: join((s) => s.overdueTotal),
    overdueCount: String(statement.sections.reduce((count, s) => count + s.overdueCount, 0)),
    nextDueDate: nextDue === undefined ? "—" : formatCivilDate(nextDue, locale, "long"),
    sender,
  };
}

/**
 * Fills a template. Unknown placeholders are left as written (checkTemplate reports them).
 * @example renderMessage({ subject: "Relevé {{client}}", body: "Solde : {{balance}}" }, values)
 */
export function renderMessage(template: MessageTemplate, values: Record<Placeholder, string>): RenderedMessage {
  const fill = (text: string, escape: (value: string) => string) =>
    text.replace(PLACEHOLDER, (whole, name: string) =>
      (PLACEHOLDERS as readonly string[]).includes(name) ? escape(values[name as Placeholder]) : whole,
    );
  const text = fill(template.body, (value) => value);
  const html = template.body
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${fill(escapeHtml(paragraph), escapeHtml).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return { subject: fill(template.subject, (value) => value).replace(/[\r\n]+/g, " "), text, html };
}

/** Default templates, in the user's words rather than a robot's. */
export const DEFAULT_TEMPLATES: Readonly<Record<"fr" | "en", MessageTemplate>> = {
  fr: {
    subject: "Relevé de factures au {{asOf}} — {{company}}",
    body:
      "Bonjour,\n\nVeuillez trouver ci-joint votre relevé de factures au {{asOf}}. Le solde restant dû est de " +
      "{{balance}}{{balanceDetail}}. Factures en retard de paiement : {{overdueCount}}.\n\n" +
      "N'hésitez pas à nous contacter pour toute question.\n\nBien cordialement,\n{{sender}}\n{{company}}",
  },
  en: {
    subject: "Statement of account as of {{asOf}} — {{company}}",
    body:
      "Hello,\n\nPlease find attached your statement of account as of {{asOf}}. The balance due is " +
      "{{balance}}{{balanceDetail}}. Invoices past due: {{overdueCount}}.\n\n" +
      "Do not hesitate to contact us with any question.\n\nKind regards,\n{{sender}}\n{{company}}",
  },
};

export function defaultTemplate(locale: LocaleTag): MessageTemplate {
  return locale.toLowerCase().startsWith("fr") ? DEFAULT_TEMPLATES.fr : DEFAULT_TEMPLATES.en;
}
