/**
 * Problems a user can cause (a broken CSV, an impossible date, hostile XML) are values, never exceptions:
 * each names what went wrong and where, so the CLI prints `file:line: message` and the panes can show it.
 */
export type ProblemSeverity = "error" | "warning" | "info";

export interface SourceLocation {
  /** File name as the user gave it (or a label such as "payments"). */
  readonly file: string;
  /** 1-based physical line in the file (CSV). */
  readonly line?: number;
  /** 1-based column (CSV field index). */
  readonly column?: number;
  /** XML element path, e.g. "Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount". */
  readonly element?: string;
  /** Logical field, e.g. "due date" or "amount". */
  readonly field?: string;
}

export interface Problem {
  readonly severity: ProblemSeverity;
  /** Stable machine code, e.g. "csv.date.impossible". */
  readonly code: string;
  readonly message: string;
  readonly location: SourceLocation;
}

export function problem(severity: ProblemSeverity, code: string, message: string, location: SourceLocation): Problem {
  return { severity, code, message, location };
}

/** `file:line: message` (or `file: message`, `file (element): message`) — the one format users see everywhere. */
export function formatProblem(p: Problem): string {
  const where = [p.location.file];
  if (p.location.line !== undefined) where.push(String(p.location.line));
  let head = where.join(":");
  if (p.location.element !== undefined) head += ` (${p.location.element})`;
  const field = p.location.field !== undefined ? `${p.location.field}: ` : "";
  const tag = p.severity === "error" ? "" : `${p.severity}: `;
  return `${head}: ${tag}${field}${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** A result that either carries a value (possibly with warnings) or only problems. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };
