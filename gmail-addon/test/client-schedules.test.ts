/**
 * Per-client schedules: each client its own rule (a preset or RRULE text through the core), time and zone; the
 * sidebar shows it in plain words with its next dates and a Pause/Resume per client; bad fields are named and
 * nothing is written.
 */
import { calendarCode } from "../../shared/src/recurrence/business-day.js";
import { nextN } from "../../shared/src/recurrence/collect.js";
import { gmailCalendars } from "../holiday-table.js";
import { parseRule } from "../../shared/src/recurrence/parse.js";
import { buttonAction, navigatedCard, notificationOf, texts, walk } from "./sandbox/cards.js";
import type { Sandbox } from "./sandbox/sandbox.js";
import { newSandbox, setUp, START } from "./fixtures.js";

const MOTS_BLEUS = "email:compta@motsbleus.example";
const BRISTOL = "email:accounts@bristolprint.example";

type Fields = Partial<
  Record<"kind" | "day" | "weekday" | "ordinal" | "weeks" | "time" | "zone" | "rrule" | "shift", string>
>;

const INPUT_OF: Record<keyof Fields, string> = {
  kind: "ruleKind",
  day: "ruleDay",
  weekday: "ruleWeekday",
  ordinal: "ruleOrdinal",
  weeks: "ruleWeeks",
  time: "ruleTime",
  zone: "ruleZone",
  rrule: "ruleText",
  shift: "ruleShift",
};

function formInputs(fields: Fields, client?: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields))
    inputs[INPUT_OF[field as keyof Fields]] = { stringInputs: { value: [value] } };
  if (client !== undefined) inputs.client = { stringInputs: { value: [client] } };
  return inputs;
}

/** "New schedule" in the sidebar's footer, the client picked in the card, then "Save schedule". */
function newSchedule(sandbox: Sandbox, client: string, fields: Fields): unknown {
  const home = sandbox.run("onHomepage", sandbox.event());
  const open = buttonAction(home, "New schedule");
  const card = navigatedCard(
    sandbox.run(open.functionName, sandbox.event({ parameters: open.parameters })),
    "pushCard",
  );
  const save = buttonAction(card, "Save schedule");
  return sandbox.run(
    save.functionName,
    sandbox.event({ parameters: save.parameters, formInputs: formInputs(fields, client) }),
  );
}

function jobs(sandbox: Sandbox): { clientKey: string; sendAt: number; status: string }[] {
  return sandbox.properties
    .getKeys()
    .filter((key) => key.startsWith("job:"))
    .map(
      (key) =>
        JSON.parse(sandbox.properties.getProperty(key)!) as { clientKey: string; sendAt: number; status: string },
    )
    .sort((a, b) => a.sendAt - b.sendAt);
}

/** The next `count` instants of an RRULE computed by the core directly, outside the sandbox. */
function coreNext(ruleText: string, after: number, count: number, shiftFr?: "previous" | "next"): number[] {
  const parsed = parseRule(ruleText);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  // The full date-holidays package here, in Node: the bundle's own table must agree with it.
  const options = shiftFr !== undefined ? { shift: { calendar: calendarCode("FR"), direction: shiftFr } } : {};
  return nextN(parsed.value, after as never, count, options).map((o) => o.instant as number);
}

/** The "Next:" dates the sidebar shows, back to instants (Paris wall clock, whole minutes). */
function shownNext(sandbox: Sandbox, client: string): string {
  const home = sandbox.run("onHomepage", sandbox.event());
  const rows = walk(home).filter((node) => node.kind === "DecoratedText" && node.props.topLabel === client);
  return (rows[0]?.props.bottomLabel as string | undefined) ?? "";
}

function parisWhen(instants: readonly number[]): string {
  const format = new Intl.DateTimeFormat("fr", {
    timeZone: "Europe/Paris",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `Next: ${instants.map((at) => `${format.format(new Date(at))} (Europe/Paris)`).join(" · ")}`;
}

describe("Gmail add-on: per-client schedules", () => {
  it("two clients, two rules in their own zones: jobs at the core's instants, words and next dates in the sidebar", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const first = newSchedule(sandbox, MOTS_BLEUS, {
      kind: "nth-weekday",
      ordinal: "1",
      weekday: "MO",
      time: "08:30",
      zone: "America/New_York",
      shift: "none",
    });
    expect(notificationOf(first)).toMatch(
      /^Saved: Librairie Les Mots Bleus, le premier lundi de chaque mois à 08:30 \(heure de New York\); next statement/,
    );
    const second = newSchedule(sandbox, BRISTOL, {
      kind: "rrule",
      rrule: "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
      time: "17:00",
      zone: "Europe/London",
      shift: "none",
    });
    expect(notificationOf(second)).toMatch(/^Saved: Bristol Print Works Ltd, /);

    const mondays = coreNext("DTSTART;TZID=America/New_York:20261207T083000\nRRULE:FREQ=MONTHLY;BYDAY=1MO", START, 3);
    const fridays = coreNext(
      "DTSTART;TZID=Europe/London:20261225T170000\nRRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
      START,
      3,
    );
    expect(new Date(mondays[0]!).toISOString()).toBe("2026-12-07T13:30:00.000Z");
    expect(new Date(fridays[0]!).toISOString()).toBe("2026-12-25T17:00:00.000Z");
    expect(jobs(sandbox).map((job) => [job.clientKey, job.sendAt, job.status])).toEqual([
      [MOTS_BLEUS, mondays[0], "scheduled"],
      [BRISTOL, fridays[0], "scheduled"],
    ]);

    const home = texts(sandbox.run("onHomepage", sandbox.event())).join("\n");
    expect(home).toContain("Recurring schedules per client");
    expect(home).toContain("le premier lundi de chaque mois à 08:30 (heure de New York)");
    expect(home).toContain("le dernier vendredi de chaque mois à 17:00 (heure de London)");
    expect(home).toMatch(
      /Next: lun\. 7 déc\. 2026, 08:30 \(America\/New_York\) · lun\. 4 janv\. 2027, 08:30 .*· lun\. 1 févr\. 2027, 08:30/,
    );

    // The clock passes both: each client is sent at its own time, and its next statement follows its own rule.
    sandbox.advanceTo(fridays[0]! + 2 * 3600_000);
    expect(sandbox.executions.filter((e) => e.error !== undefined)).toEqual([]);
    expect(sandbox.sent.map((m) => m.at)).toEqual([mondays[0], fridays[0]]);
    expect(
      jobs(sandbox)
        .filter((job) => job.status === "scheduled")
        .map((job) => [job.clientKey, job.sendAt]),
    ).toEqual([
      [MOTS_BLEUS, mondays[1]],
      [BRISTOL, fridays[1]],
    ]);
  });

  it("every bad field is refused with its name, and nothing is written", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const before = JSON.stringify([...sandbox.properties.data]);
    const base: Fields = { kind: "day-of-month", day: "15", time: "09:00", zone: "Europe/Paris", shift: "none" };
    const cases: [Fields, string][] = [
      [{ day: "32" }, "Day of the month: a number from 1 to 31."],
      [{ day: "" }, "Day of the month: a number from 1 to 31."],
      [{ time: "25:00" }, 'Time: "25:00" is not a time such as 09:00.'],
      [{ zone: "Mars/Olympus" }, 'Time zone: "Mars/Olympus" is not an IANA zone such as Europe/Paris.'],
      [{ kind: "hourly" }, "Rule: choose one of"],
      [{ kind: "nth-weekday", ordinal: "0", weekday: "MO" }, "Which: 1 to 5"],
      [{ kind: "every-weeks", weeks: "60", weekday: "FR" }, "Every N weeks: a number from 1 to 52."],
      [{ kind: "rrule", rrule: "FREQ=MONTHLY;BYMONTHDAY=40" }, "RRULE: "],
      [{ kind: "rrule", rrule: "" }, "RRULE: write a rule"],
      [{ shift: "sideways" }, "Weekends and holidays: choose"],
    ];
    for (const [change, message] of cases) {
      const response = newSchedule(sandbox, MOTS_BLEUS, { ...base, ...change });
      expect(notificationOf(response)).toContain(message);
      expect(navigatedCard(response)).toBeUndefined();
    }
    expect(JSON.stringify([...sandbox.properties.data])).toBe(before);
    expect(sandbox.triggers).toHaveLength(0);
  });

  it("pause and resume one client: the other goes on; resuming after a paused send plans the next one", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    newSchedule(sandbox, MOTS_BLEUS, {
      kind: "day-of-month",
      day: "10",
      time: "09:00",
      zone: "Europe/Paris",
      shift: "none",
    });
    newSchedule(sandbox, BRISTOL, {
      kind: "day-of-month",
      day: "20",
      time: "09:00",
      zone: "Europe/London",
      shift: "none",
    });
    const home = sandbox.run("onHomepage", sandbox.event());
    // Rows sort by client name: Bristol first, then Mots Bleus.
    const pause = buttonAction(home, "Pause", 1);
    expect(pause.parameters).toEqual({ client: MOTS_BLEUS });
    expect(notificationOf(sandbox.run(pause.functionName, sandbox.event({ parameters: pause.parameters })))).toMatch(
      /^Paused/,
    );
    expect(texts(sandbox.run("onHomepage", sandbox.event())).join("\n")).toContain(
      "Paused: no further statement is planned",
    );

    // Mots Bleus' 10 Dec send was already upcoming: it goes, but nothing follows it; Bristol goes on.
    sandbox.advanceTo(Date.parse("2027-01-25T00:00:00Z"));
    expect(sandbox.sent).toHaveLength(3);
    expect(
      jobs(sandbox)
        .filter((job) => job.status === "scheduled")
        .map((job) => job.clientKey),
    ).toEqual([BRISTOL]);

    const resume = buttonAction(sandbox.run("onHomepage", sandbox.event()), "Resume");
    const resumed = sandbox.run(resume.functionName, sandbox.event({ parameters: resume.parameters }));
    expect(notificationOf(resumed)).toMatch(
      /^Resumed: next statement to Librairie Les Mots Bleus on mer\. 10 févr\. 2027, 09:00/,
    );
    expect(
      jobs(sandbox)
        .filter((job) => job.status === "scheduled")
        .map((job) => job.clientKey)
        .sort(),
    ).toEqual([BRISTOL, MOTS_BLEUS].sort());
  });

  it("edit rule: the card shows the saved fields, redraws for another kind of rule, and the new rule is kept", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    newSchedule(sandbox, MOTS_BLEUS, {
      kind: "day-of-month",
      day: "12",
      time: "07:45",
      zone: "Europe/Paris",
      shift: "none",
    });
    const edit = buttonAction(sandbox.run("onHomepage", sandbox.event()), "Edit rule");
    const card = navigatedCard(
      sandbox.run(edit.functionName, sandbox.event({ parameters: edit.parameters })),
      "pushCard",
    );
    const values = Object.fromEntries(
      walk(card)
        .filter((node) => node.kind === "TextInput")
        .map((node) => [node.props.fieldName as string, node.props.value as string]),
    );
    expect(values).toMatchObject({ ruleDay: "12", ruleTime: "07:45", ruleZone: "Europe/Paris" });
    expect(texts(card).join("\n")).toContain("le 12 de chaque mois à 07:45");

    const redrawn = navigatedCard(
      sandbox.run(
        "onEditSchedule",
        sandbox.event({ parameters: edit.parameters, formInputs: formInputs({ kind: "every-weeks" }) }),
      ),
    );
    const fields = walk(redrawn).map((node) => node.props.fieldName);
    expect(fields).toContain("ruleWeeks");
    expect(fields).toContain("ruleWeekday");
    expect(fields).not.toContain("ruleDay");

    const save = buttonAction(redrawn, "Save schedule");
    const saved = sandbox.run(
      save.functionName,
      sandbox.event({
        parameters: save.parameters,
        formInputs: formInputs({
          kind: "every-weeks",
          weeks: "2",
          weekday: "TH",
          time: "07:45",
          zone: "Europe/Paris",
          shift: "none",
        }),
      }),
    );
    // The 12 Dec send planned by the old rule stays until cancelled.
    expect(notificationOf(saved)).toContain("toutes les 2 semaines le jeudi à 07:45");
    expect(notificationOf(saved)).toContain("The upcoming send stays as planned");
    expect(texts(sandbox.run("onHomepage", sandbox.event())).join("\n")).toContain("toutes les 2 semaines le jeudi");
    expect(jobs(sandbox)).toHaveLength(1);
    expect(new Date(jobs(sandbox)[0]!.sendAt).toISOString()).toBe("2026-12-12T06:45:00.000Z");
  });

  it("business days of the company's country (FR, from the bundle's holiday table): the core's dates", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    // 25 December 2026 is a Friday and a public holiday: the previous business day is Thursday 24.
    const saved = newSchedule(sandbox, MOTS_BLEUS, {
      kind: "day-of-month",
      day: "25",
      time: "09:00",
      zone: "Europe/Paris",
      shift: "previous",
    });
    expect(notificationOf(saved)).toContain("avancé au jour ouvré précédent les week-ends et jours fériés (FR)");
    const expected = coreNext(
      "DTSTART;TZID=Europe/Paris:20261225T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=25;SKIP=BACKWARD",
      START,
      3,
      "previous",
    );
    expect(new Date(expected[0]!).toISOString()).toBe("2026-12-24T08:00:00.000Z");
    expect(jobs(sandbox).map((job) => job.sendAt)).toEqual([expected[0]]);
    expect(shownNext(sandbox, "Librairie Les Mots Bleus")).toBe(parisWhen(expected));

    const last = newSchedule(sandbox, BRISTOL, { kind: "last-business-day", time: "16:00", zone: "Europe/Paris" });
    expect(notificationOf(last)).toContain("le dernier jour ouvré de chaque mois à 16:00");
    const lastDays = coreNext(
      "DTSTART;TZID=Europe/Paris:20261231T160000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      START,
      3,
      "previous",
    );
    expect(shownNext(sandbox, "Bristol Print Works Ltd")).toBe(parisWhen(lastDays));
  });

  it("a company country whose holidays this build lacks: the shift is refused with what to do", () => {
    const sandbox = newSandbox();
    // A real country left out of this build (RELEVE_GMAIL_CALENDARS may add some).
    const missing = ["ES", "IT", "NZ", "JP"].find((code) => !gmailCalendars().includes(code)) ?? "ZZ";
    setUp(sandbox, 30, 9, undefined, { country: missing, frenchMentions: "" });
    const response = newSchedule(sandbox, MOTS_BLEUS, {
      kind: "day-of-month",
      day: "25",
      time: "09:00",
      zone: "Europe/Madrid",
      shift: "next",
    });
    expect(notificationOf(response)).toMatch(
      /^Weekends and holidays: this build has no public holidays for the company's country/,
    );
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("recurring:"))).toEqual([]);
  });

  it("a rule too large for one property (9 KB) is refused, and nothing is written", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const before = JSON.stringify([...sandbox.properties.data]);
    // A full rule with 300 excluded dates: valid for the core, but its text (kept twice: as typed and canonical) is too big.
    const exdates = Array.from({ length: 300 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 0, 15) + i * 86_400_000 * 30);
      return `EXDATE;TZID=Europe/Paris:${day.toISOString().slice(0, 10).replace(/-/g, "")}T090000`;
    });
    const rrule = ["DTSTART;TZID=Europe/Paris:20261215T090000", "RRULE:FREQ=MONTHLY;BYMONTHDAY=15", ...exdates].join(
      "\n",
    );
    const response = newSchedule(sandbox, MOTS_BLEUS, {
      kind: "rrule",
      rrule,
      time: "09:00",
      zone: "Europe/Paris",
      shift: "none",
    });
    expect(notificationOf(response)).toMatch(/^the schedule of Librairie Les Mots Bleus is too large to keep/);
    expect(JSON.stringify([...sandbox.properties.data])).toBe(before);
  });
});
