// `releve rule` and `releve schedule` end to end: the send rule in words, its instants, and the coming sends.
import { join } from "node:path";
import { repoRoot } from "../../test/reference.js";
import { releve, releveWithInput, STACK_TRACE } from "./harness.js";

const paris30th = [
  "DTSTART;TZID=Europe/Paris:20260130T090000",
  "RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD",
];

interface RuleJson {
  ok: boolean;
  description: { fr: string; en: string };
  occurrences: { utc: string; local: string; zone: string; offset: string; shifted: boolean }[];
  problems?: string[];
}

describe("releve rule", () => {
  it("lists occurrences in UTC and Paris time, with the words of the rule", async () => {
    const result = await releve("rule", ...paris30th, "--count", "4", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as RuleJson;
    expect(json.description.fr).toBe(
      "le 30 de chaque mois à 09:00 (heure de Paris), ou le dernier jour du mois s'il est plus court",
    );
    expect(json.occurrences.map((o) => [o.utc, o.local, o.offset])).toEqual([
      ["2026-01-30T08:00:00Z", "2026-01-30T09:00:00", "UTC+01:00"],
      ["2026-02-28T08:00:00Z", "2026-02-28T09:00:00", "UTC+01:00"],
      ["2026-03-30T07:00:00Z", "2026-03-30T09:00:00", "UTC+02:00"],
      ["2026-04-30T07:00:00Z", "2026-04-30T09:00:00", "UTC+02:00"],
    ]);
  });

  it("moves a holiday to the previous business day and says so", async () => {
    const result = await releve(
      "rule",
      "DTSTART;TZID=Europe/Paris:20260401T090000",
      "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
      "--calendar",
      "FR",
      "--count",
      "2",
      "--json",
    );
    const json = JSON.parse(result.stdout) as RuleJson;
    expect(json.occurrences.map((o) => [o.local, o.shifted])).toEqual([
      ["2026-04-01T09:00:00", false],
      ["2026-04-30T09:00:00", true],
    ]);
  });

  it("reads many rules from standard input, one JSON result per line, errors included", async () => {
    const input = `${paris30th.join("\n")}\n\nDTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=32\n\n\nFREQ=WEEKLY;BYDAY=FR\n`;
    const result = await releveWithInput(
      input,
      "rule",
      "--count",
      "2",
      "--tz",
      "Europe/Paris",
      "--now",
      "2026-12-03T10:00:00Z",
    );
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as RuleJson & { index: number });
    expect(lines.map((line) => [line.index, line.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(lines[1]?.problems?.join(" ")).toMatch(/BYMONTHDAY=32: out of range/);
    expect(lines[2]?.occurrences.map((o) => o.local)).toEqual(["2026-12-04T09:00:00", "2026-12-11T09:00:00"]);
    expect(result.code).toBe(1);
  });

  it("refuses a broken rule with the part at fault, no stack", async () => {
    const result = await releve("rule", "DTSTART;TZID=Mars/Olympus:20260101T090000", "RRULE:FREQ=MONTHLY");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Mars\/Olympus/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("releve schedule", () => {
  it("plans the example clients' next sends and skips the fully paid one", async () => {
    const result = await releve(
      "schedule",
      "--ledger",
      join(repoRoot, "examples", "ledger"),
      "--rule",
      "FREQ=MONTHLY;BYMONTHDAY=30;RSCALE=GREGORIAN;SKIP=BACKWARD",
      "--tz",
      "Europe/Paris",
      "--calendar",
      "FR",
      "--now",
      "2026-12-03T10:00:00Z",
      "--count",
      "2",
      "--json",
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      sends: { client: string; sendAt: string; period: { from: string; to: string } }[];
      skipped: { client: string; reason: string }[];
    };
    const mots = json.sends.filter((send) => send.client === "Librairie Les Mots Bleus");
    // 30 January 2027 is a Saturday: Friday 29th, still January's statement.
    expect(mots.map((send) => [send.sendAt, send.period.from])).toEqual([
      ["2026-12-30T08:00:00Z", "2026-12-01"],
      ["2027-01-29T08:00:00Z", "2027-01-01"],
    ]);
    expect(json.skipped.map((skip) => skip.client)).toContain("Maison Verdier & Fils");
  });
});
