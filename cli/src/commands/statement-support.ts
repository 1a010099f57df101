/** Building and rendering one client's statement, shared by `statement` and `batch`. */
import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import type { Client, Ledger } from "../../../shared/src/ledger/model.js";
import { renderStatementPdf, PdfTextError, type PageSize } from "../../../shared/src/pdf/render.js";
import { frenchMentionsOf, type CompanyProfile } from "../../../shared/src/profile.js";
import { buildStatement, sliceLedger } from "../../../shared/src/statement/build.js";
import type { Statement, StatementKind, StatementPeriod } from "../../../shared/src/statement/model.js";
import { ProblemsError, UsageError } from "../io.js";
import type { ParsedOptions } from "../options.js";

export function pageSizeOption(values: ParsedOptions): PageSize {
  const size = (values["page-size"] ?? "A4").toLowerCase();
  if (size === "a4") return "A4";
  if (size === "letter") return "Letter";
  throw new UsageError("--page-size takes A4 or Letter");
}

export function kindOption(values: ParsedOptions): StatementKind {
  const kind = values.kind ?? (values.from !== undefined ? "activity" : "outstanding");
  if (kind !== "outstanding" && kind !== "activity") throw new UsageError("--kind takes outstanding or activity");
  return kind;
}

/** The client's language unless `--locale` says otherwise; else the company's. */
export function localeFor(client: Client, profile: CompanyProfile, override: string | undefined): string {
  return override !== undefined ? statementLocaleOption(override) : (client.locale ?? profile.locale);
}

/** Statements speak French or English; a bare "fr"/"en" means France/the UK (our users write to Europe). */
export function statementLocaleOption(text: string): string {
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(text.replace("_", "-"))[0];
  } catch {
    tag = undefined;
  }
  const language = tag?.split("-")[0];
  if (tag === undefined || (language !== "fr" && language !== "en")) {
    throw new UsageError(
      `--locale ${text}: statements are written in French or English (fr-FR, fr-CH, fr-BE, en-GB, en-US…)`,
    );
  }
  return tag === "fr" ? "fr-FR" : tag === "en" ? "en-GB" : tag;
}

export interface StatementJob {
  readonly kind: StatementKind;
  readonly asOf: IsoDate;
  readonly period: StatementPeriod | undefined;
  readonly locale: string | undefined;
}

export function makeStatement(
  ledger: Ledger,
  client: Client,
  profile: CompanyProfile,
  job: StatementJob,
  slices?: ReturnType<typeof sliceLedger>,
): Statement {
  const mentions = frenchMentionsOf(profile);
  return buildStatement(
    ledger,
    {
      kind: job.kind,
      client: client.key,
      asOf: job.asOf,
      ...(job.period !== undefined ? { period: job.period } : {}),
      locale: localeFor(client, profile, job.locale),
      ...(mentions !== undefined ? { frenchMentions: mentions } : {}),
    },
    slices,
  );
}

/** Renders, turning "this text cannot be drawn" into a located problem rather than a crash. */
export function renderPdf(statement: Statement, profile: CompanyProfile, pageSize: PageSize): Uint8Array {
  try {
    return renderStatementPdf(statement, profile, { pageSize });
  } catch (error) {
    if (error instanceof PdfTextError) {
      throw new ProblemsError([
        { ...error.problem, location: { ...error.problem.location, file: statement.client.name } },
      ]);
    }
    throw error;
  }
}
