/**
 * `releve rule`: a rule's occurrences in UTC and local time and its plain-words description; with no rule text, many
 * rules from standard input (separated by blank lines), one JSON result per line.
 */
import {
  all,
  describe,
  formatInstant,
  nextN,
  type Occurrence,
  type SendRule,
} from "../../../shared/src/recurrence/index.js";
import { formatLocalIso } from "../../../shared/src/recurrence/local-date-time.js";
import { instantToZoned, offsetSecondsAt } from "../../../shared/src/recurrence/zone.js";
import { formatProblem } from "../../../shared/src/problem.js";
import { ProblemsError, UsageError } from "../io.js";
import type { CommandContext } from "../run.js";
import { renderTable } from "../table.js";
import type { CommandOutput } from "./output.js";
import { countOption, nowOption, readSendRule, shiftOption, zoneOption } from "./rule-support.js";

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const minutes = Math.abs(seconds) / 60;
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function occurrenceJson(sendRule: SendRule, occurrence: Occurrence) {
  const basis = sendRule.rule.start.basis;
  const zone = basis.kind === "zoned" ? basis.zone : undefined;
  return {
    utc: basis.kind === "floating" ? null : formatInstant(occurrence.instant),
    local: formatLocalIso(zone !== undefined ? instantToZoned(occurrence.instant, zone) : occurrence.local),
    nominal: formatLocalIso(occurrence.nominal ?? occurrence.local),
    zone: zone ?? (basis.kind === "utc" ? "UTC" : null),
    offset: zone !== undefined ? offsetText(offsetSecondsAt(zone, occurrence.instant)) : null,
    shifted: occurrence.nominal !== undefined,
  };
}

function occurrencesOf(
  sendRule: SendRule,
  count: number,
  after: ReturnType<typeof nowOption> | undefined,
): Occurrence[] {
  const options = sendRule.shift !== undefined ? { shift: sendRule.shift } : {};
  return after !== undefined
    ? nextN(sendRule.rule, after, count, options)
    : all(sendRule.rule, { ...options, limit: count });
}

function ruleResult(sendRule: SendRule, count: number, after: ReturnType<typeof nowOption> | undefined) {
  return {
    ok: true as const,
    description: {
      fr: describe(sendRule.rule, "fr", sendRule.shift),
      en: describe(sendRule.rule, "en", sendRule.shift),
    },
    occurrences: occurrencesOf(sendRule, count, after).map((occurrence) => occurrenceJson(sendRule, occurrence)),
  };
}

async function readAll(stdin: NonNullable<CommandContext["streams"]["stdin"]>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

export async function ruleCommand({ values, args, streams }: CommandContext): Promise<CommandOutput> {
  const count = countOption(values, 10);
  const zone = zoneOption(values);
  const shift = shiftOption(values);
  const after = values.now !== undefined ? nowOption(values) : undefined;
  const now = nowOption(values);
  if (args.length === 0) {
    if (streams.stdin === undefined || streams.stdin.isTTY === true) {
      throw new UsageError(
        'give a rule, e.g. releve rule "DTSTART;TZID=Europe/Paris:20261230T090000" "RRULE:FREQ=MONTHLY"',
      );
    }
    const blocks = (await readAll(streams.stdin)).split(/\r?\n\s*\r?\n/).filter((block) => block.trim() !== "");
    const lines = blocks.map((block, index) => {
      try {
        return JSON.stringify({
          index,
          text: block.trim(),
          ...ruleResult(readSendRule(block, zone, now, shift, `rule ${index + 1}`), count, after),
        });
      } catch (error) {
        if (error instanceof ProblemsError) {
          return JSON.stringify({ index, text: block.trim(), ok: false, problems: error.problems.map(formatProblem) });
        }
        if (error instanceof UsageError)
          return JSON.stringify({ index, text: block.trim(), ok: false, problems: [error.message] });
        throw error;
      }
    });
    return { text: lines.join("\n"), problems: [], failed: lines.some((line) => line.includes('"ok":false')) };
  }
  const sendRule = readSendRule(args.join("\n"), zone, now, shift, "rule");
  const result = ruleResult(sendRule, count, after);
  if (values.json === true) return { json: result, problems: [] };
  const table = renderTable(
    [{ title: "#", align: "right" }, { title: "UTC" }, { title: "Local" }, { title: "" }],
    result.occurrences.map((occurrence, index) => [
      String(index + 1),
      occurrence.utc ?? "(floating)",
      `${occurrence.local.replace("T", " ")}${occurrence.zone !== null ? ` ${occurrence.zone}` : ""}${occurrence.offset !== null ? ` (${occurrence.offset})` : ""}`,
      occurrence.shifted ? `moved from ${occurrence.nominal.slice(0, 10)}` : "",
    ]),
  );
  return { text: `${result.description.en}\n${result.description.fr}\n\n${table}`, problems: [] };
}
