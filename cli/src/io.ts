/** The CLI's edge: files and folders on disk → core inputs; outputs written atomically (never a half-written PDF). */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { readLogo } from "../../shared/src/image.js";
import type { InputFile } from "../../shared/src/ledger/import/index.js";
import { parseProfileJson } from "../../shared/src/profile-json.js";
import type { CompanyProfile } from "../../shared/src/profile.js";
import { problem, type Problem } from "../../shared/src/problem.js";

/** What a folder contributes: ledger exports and e-invoices (a named file of any extension is read as given). */
const LEDGER_EXTENSIONS = /\.(csv|tsv|xml|pdf)$/i;
/** Excel's lock files ("~$ledger.csv" while the workbook is open) and hidden files are never ledgers. */
const NOT_A_LEDGER = /^(~\$|\.)/;

/** A usage mistake (exit 2) as opposed to a data problem (exit 1). */
export class UsageError extends Error {}

/** Problems found; the CLI prints them as `file:line: message` and exits 1. */
export class ProblemsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s)`);
  }
}

/** Reads `--ledger` paths: files, or folders (their ledger files, sorted, not recursive). */
export function readLedgerInputs(paths: readonly string[]): { files: InputFile[]; notes: Problem[] } {
  if (paths.length === 0) throw new UsageError("give at least one --ledger PATH (a CSV, an e-invoice, or a folder)");
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      problems.push(problem("error", "io.missing", "no such file or folder", { file: path }));
      continue;
    }
    let names = [path];
    if (stats.isDirectory()) {
      const entries = readdirSync(path, { withFileTypes: true });
      names = entries
        .filter((entry) => entry.isFile() && LEDGER_EXTENSIONS.test(entry.name) && !NOT_A_LEDGER.test(entry.name))
        .map((entry) => join(path, entry.name))
        .sort();
      const folders = entries.filter((entry) => entry.isDirectory() && !NOT_A_LEDGER.test(entry.name));
      if (folders.length > 0) {
        notes.push(
          problem(
            "warning",
            "io.subfolders",
            `subfolders not read: ${folders.map((f) => f.name).join(", ")} (give them as --ledger too)`,
            { file: path },
          ),
        );
      }
    }
    if (stats.isDirectory() && names.length === 0) {
      problems.push(problem("error", "io.empty-folder", "no .csv, .xml or .pdf files in this folder", { file: path }));
    }
    for (const name of names) {
      // A folder and a file inside it, or one path given twice: read once.
      const key = resolve(name);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ name: displayName(name), bytes: new Uint8Array(readFileSync(name)) });
    }
  }
  if (problems.length > 0) throw new ProblemsError(problems);
  return { files, notes };
}

function displayName(path: string): string {
  const relativePath = relative(process.cwd(), resolve(path));
  return relativePath.startsWith("..") ? path : relativePath;
}

/** A profile file; its logo path is relative to the profile file. Without one, a neutral profile. */
export function readProfile(path: string | undefined): CompanyProfile {
  if (path === undefined) {
    return { name: "", addressLines: [], country: "", brandColor: "#1f5f8b", locale: "fr-FR", paymentTermsDays: 30 };
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ProblemsError([problem("error", "io.missing", "cannot read the profile file", { file: path })]);
  }
  const parsed = parseProfileJson(text, displayName(path));
  if (!parsed.ok) throw new ProblemsError(parsed.problems);
  const { profile, logoRef } = parsed.value;
  if (logoRef === undefined) return profile;
  const logoPath = resolve(dirname(path), logoRef);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(logoPath));
  } catch {
    throw new ProblemsError([
      problem("error", "profile.logo", `cannot read the logo ${logoRef}`, { file: displayName(path), field: "logo" }),
    ]);
  }
  const logo = readLogo(bytes);
  if (!logo.ok)
    throw new ProblemsError([
      problem("error", "profile.logo", `${logoRef}: ${logo.message}`, { file: displayName(path), field: "logo" }),
    ]);
  return { ...profile, logo: logo.image };
}

/**
 * Creates the missing folders one level at a time. Not `mkdirSync(…, { recursive: true })`: under a path it cannot
 * create (/proc/x on Linux) Node's recursive mkdir never returns, spinning a core; one level at a time fails at once.
 */
function ensureFolder(folder: string): void {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(folder);
  } catch {
    existing = undefined;
  }
  if (existing !== undefined) {
    if (!existing.isDirectory()) throw Object.assign(new Error(`${folder} is a file`), { code: "ENOTDIR" });
    return;
  }
  const parent = dirname(folder);
  if (parent !== folder) ensureFolder(parent);
  mkdirSync(folder);
}

/** Writes next to the target then renames: a reader never sees a partial file, a failure leaves none. */
export function writeFileAtomically(path: string, bytes: Uint8Array | string): void {
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    ensureFolder(dirname(resolve(path)));
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is not there or not a folder: there is no temporary file to remove.
    }
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EISDIR"
        ? "it is a folder; give a file name such as statement.pdf"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "ENOTDIR"
            ? "a part of the path is a file, not a folder"
            : code === "ENOSPC"
              ? "the disk is full"
              : (error as Error).message;
    throw new ProblemsError([problem("error", "io.write", `cannot write: ${why}`, { file: path })]);
  }
}
