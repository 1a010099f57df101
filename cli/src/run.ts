/** The CLI run: parse the command line, run one command, print, return the exit code (0 ok, 1 data, 2 usage). */
import { formatProblem, type Problem } from "../../shared/src/problem.js";
import { batchCommand } from "./commands/batch.js";
import { clientsCommand } from "./commands/clients.js";
import { invoicesCommand } from "./commands/invoices.js";
import type { CommandOutput } from "./commands/output.js";
import { ruleCommand } from "./commands/rule.js";
import { scheduleCommand } from "./commands/schedule.js";
import { statementCommand } from "./commands/statement.js";
import { cliHint } from "./hints.js";
import { USAGE } from "./usage.js";
import { ProblemsError, UsageError } from "./io.js";
import { parseCommandLine, type ParsedOptions } from "./options.js";

export interface Streams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Standard input, for `releve rule` reading many rules; absent (or a terminal) means none. */
  readonly stdin?: { readonly isTTY?: boolean; [Symbol.asyncIterator](): AsyncIterator<string | Uint8Array> };
}

export interface CommandContext {
  readonly values: ParsedOptions;
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  readonly streams: Streams;
}

type Command = (context: CommandContext) => Promise<CommandOutput>;

/** Commands that take no positional argument refuse stray ones (a forgotten `--ledger` before a path). */
const withoutArgs =
  (command: (values: ParsedOptions) => Promise<CommandOutput>): Command =>
  ({ values, args }) => {
    if (args.length > 0) throw new UsageError(`unexpected argument "${args.join(" ")}"`);
    return command(values);
  };

const COMMANDS: Readonly<Record<string, Command>> = {
  clients: withoutArgs(clientsCommand),
  invoices: withoutArgs(invoicesCommand),
  statement: withoutArgs(statementCommand),
  batch: withoutArgs(batchCommand),
  rule: ruleCommand,
  schedule: withoutArgs(scheduleCommand),
};

export async function runCli(argv: readonly string[], streams: Streams): Promise<number> {
  let verbose = false;
  const printProblems = (problems: readonly Problem[]) => {
    for (const p of problems) {
      if (p.severity === "info" && !verbose) continue;
      const hint = cliHint(p);
      streams.stderr.write(`${formatProblem(p)}${hint !== undefined ? ` (${hint})` : ""}\n`);
    }
  };
  try {
    const { values, positionals } = parseCommandLine(argv);
    verbose = values.verbose === true;
    const [name, ...extra] = positionals;
    if (values.help === true || name === undefined || name === "help") {
      streams.stdout.write(USAGE);
      return name === undefined && values.help !== true ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (command === undefined)
      throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
    const output = await command({ values, args: extra, streams });
    printProblems(output.problems);
    if (output.json !== undefined) streams.stdout.write(`${JSON.stringify(output.json, null, 2)}\n`);
    else if (output.text !== undefined) streams.stdout.write(`${output.text}\n`);
    return output.failed === true ? 1 : 0;
  } catch (error) {
    if (error instanceof ProblemsError) {
      printProblems(error.problems);
      const errors = error.problems.filter((p) => p.severity === "error").length;
      streams.stderr.write(`releve: stopped, ${errors} error(s); nothing was written\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      streams.stderr.write(`releve: ${error.message}\n(run "releve --help" for usage)\n`);
      return 2;
    }
    throw error;
  }
}
