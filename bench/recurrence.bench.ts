/**
 * Recurrence: rules per second for "parse the text + first 12 occurrences" over the zoned conformance vectors,
 * ours against rrule-temporal (on temporal-polyfill) and rrule.js, all measured in the same run, each with its
 * correctness count against the same vectors (a library that is fast but wrong is not faster).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import rrulePackage from "rrule";
import { RRuleTemporal } from "rrule-temporal";
import { Temporal } from "temporal-polyfill";
import { all } from "../shared/src/recurrence/collect.js";
import { formatInstant } from "../shared/src/recurrence/instant.js";
import { parseRule } from "../shared/src/recurrence/parse.js";
import { referencePath } from "../test/reference.js";

interface Vector {
  readonly id: string;
  readonly text: string;
  readonly limit: number;
  readonly expected: readonly string[];
  readonly expected_local?: readonly string[];
}

const OCCURRENCES = 12;

type Engine = (text: string, count: number) => string[];

const ours: Engine = (text, count) => {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return all(parsed.value, { limit: count }).map((o) => formatInstant(o.instant));
};

const rruleTemporal: Engine = (text, count) => {
  const rule = new RRuleTemporal({ rruleString: text, cache: false });
  return rule.all((_date, index) => index < count).map((date) => date.toInstant().toString());
};

const rruleJs: Engine = (text, count) =>
  rrulePackage
    .rrulestr(text)
    .all((_date, index) => index < count)
    .map((date) => date.toISOString().replace(".000Z", "Z"));

function correctCount(engine: Engine, vectors: readonly Vector[]): number {
  let correct = 0;
  for (const vector of vectors) {
    const count = Math.min(vector.limit, vector.expected.length);
    try {
      const got = engine(vector.text, count);
      if (got.length === count && got.every((value, index) => value === vector.expected[index])) correct += 1;
    } catch {
      // A rule the library rejects counts as wrong.
    }
  }
  return correct;
}

/** Rules per second: warm-up, then whole passes over the vectors for at least `seconds`; median of 3 rounds. */
function rulesPerSecond(engine: Engine, vectors: readonly Vector[], seconds: number): number {
  const pass = (): void => {
    for (const vector of vectors) {
      try {
        engine(vector.text, OCCURRENCES);
      } catch {
        // Rejected rules still cost their parse time.
      }
    }
  };
  pass();
  const rounds: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    let rules = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      pass();
      rules += vectors.length;
      elapsed = (performance.now() - started) / 1000;
    } while (elapsed < seconds);
    rounds.push(rules / elapsed);
  }
  return rounds.sort((a, b) => a - b)[1] ?? 0;
}

export async function run(): Promise<void> {
  // rrule-temporal needs a global Temporal on Node 20/22.
  const globals = globalThis as { Temporal?: unknown };
  globals.Temporal ??= Temporal;
  const data = JSON.parse(readFileSync(referencePath("vectors", "rrule", "dateutil-generated.json"), "utf8")) as {
    vectors: Vector[];
  };
  const zoned = data.vectors.filter((vector) => vector.expected_local !== undefined);
  const seconds = Number(process.env.BENCH_SECONDS ?? "1");
  const engines: [string, Engine][] = [
    ["releve recurrence", ours],
    ["rrule-temporal", rruleTemporal],
    ["rrule.js", rruleJs],
  ];
  const rows = engines.map(([name, engine]) => ({
    name,
    correct: correctCount(engine, zoned),
    rate: rulesPerSecond(engine, zoned, seconds),
  }));
  const reference = rows.find((row) => row.name === "rrule-temporal")?.rate ?? 1;
  console.log(
    `recurrence: parse + ${OCCURRENCES} occurrences, ${zoned.length} zoned vectors, host TZ=${process.env.TZ ?? "(unset)"}`,
  );
  console.log("| library | correct | rules/s | vs rrule-temporal |");
  console.log("|---|---|---|---|");
  for (const row of rows)
    console.log(
      `| ${row.name} | ${row.correct}/${zoned.length} | ${Math.round(row.rate)} | ${(row.rate / reference).toFixed(1)}× |`,
    );
  await Promise.resolve();
}
