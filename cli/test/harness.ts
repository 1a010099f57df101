/** Test support: run the CLI in-process with captured streams, in a fresh temporary folder per test. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../test/reference.js";
import { runCli } from "../src/run.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function releve(...argv: string[]): Promise<CliResult> {
  return releveWithInput(undefined, ...argv);
}

/** Runs the CLI with `input` on standard input (undefined: a terminal, as when nothing is piped). */
export async function releveWithInput(input: string | undefined, ...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const chunks = input === undefined ? [] : [input];
  const stdin = {
    isTTY: input === undefined,
    [Symbol.asyncIterator]: (): AsyncIterator<string> => {
      let next = 0;
      return {
        next: () => {
          const value = chunks[next++];
          return Promise.resolve(value === undefined ? { value: undefined, done: true } : { value, done: false });
        },
      };
    },
  };
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
  });
  return { code, stdout, stderr };
}

/** The committed bad inputs of test/fixtures/csv. */
export function fixture(name: string): string {
  return join(repoRoot, "test", "fixtures", "csv", name);
}

/** A fresh folder, removed after the test; `files()` lists what is in it (dot files included). */
export function useTempDir(): { readonly path: () => string; readonly files: () => string[] } {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "releve-cli-"));
  });
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const path = () => {
    if (dir === undefined) throw new Error("useTempDir: only inside a test");
    return dir;
  };
  return { path, files: () => readdirSync(path()).sort() };
}

/** What a crash would look like on stderr: a JavaScript stack or an error class name. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Error: /;

export function pdfHeader(path: string): string {
  return existsSync(path) ? readFileSync(path).subarray(0, 5).toString("latin1") : "";
}
