// RFC 5545 §3.8.5.3 "Recurrence Rule" examples, America/New_York DTSTARTs, expected dates written from the RFC text.
import { all } from "./collect.js";
import { formatInstant } from "./instant.js";
import { formatLocalIso } from "./local-date-time.js";
import { parseRule } from "./parse.js";

function expand(text: string, limit = 500): { local: string[]; utc: string[] } {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  const occurrences = all(parsed.value, { limit });
  return {
    local: occurrences.map((o) => formatLocalIso(o.local)),
    utc: occurrences.map((o) => formatInstant(o.instant)),
  };
}

const NY = "DTSTART;TZID=America/New_York:";

/** "1997-09-02" + time → local ISO; times default to 09:00. */
function at(dates: string[], time = "09:00:00"): string[] {
  return dates.map((date) => `${date}T${time}`);
}

function days(yearMonth: string, list: number[]): string[] {
  return list.map((day) => `${yearMonth}-${String(day).padStart(2, "0")}`);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

describe("RFC 5545 §3.8.5.3 examples", () => {
  it("daily for 10 occurrences, in EDT (UTC−4)", () => {
    const result = expand(`${NY}19970902T090000\nRRULE:FREQ=DAILY;COUNT=10`);
    expect(result.local).toEqual(at(days("1997-09", range(2, 11))));
    expect(result.utc[0]).toBe("1997-09-02T13:00:00Z");
  });

  it("daily until December 24, 1997: 113 days, the winter ones in EST (UTC−5)", () => {
    const result = expand(`${NY}19970902T090000\nRRULE:FREQ=DAILY;UNTIL=19971224T000000Z`);
    expect(result.local).toHaveLength(113);
    expect(result.local[0]).toBe("1997-09-02T09:00:00");
    expect(result.local[112]).toBe("1997-12-23T09:00:00");
    expect(result.utc[112]).toBe("1997-12-23T14:00:00Z");
  });

  it("every other day, forever", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=DAILY;INTERVAL=2`, 5).local).toEqual(
      at(days("1997-09", [2, 4, 6, 8, 10])),
    );
  });

  it("every 10 days, 5 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=DAILY;INTERVAL=10;COUNT=5`).local).toEqual(
      at([...days("1997-09", [2, 12, 22]), ...days("1997-10", [2, 12])]),
    );
  });

  it("every day in January, for 3 years (yearly and daily forms agree)", () => {
    const expected = at(["1998", "1999", "2000"].flatMap((year) => days(`${year}-01`, range(1, 31))));
    expect(
      expand(`${NY}19980101T090000\nRRULE:FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA`)
        .local,
    ).toEqual(expected);
    expect(expand(`${NY}19980101T090000\nRRULE:FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1`).local).toEqual(expected);
  });

  it("weekly for 10 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;COUNT=10`).local).toEqual(
      at([...days("1997-09", [2, 9, 16, 23, 30]), ...days("1997-10", [7, 14, 21, 28]), "1997-11-04"]),
    );
  });

  it("weekly until December 24, 1997", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;UNTIL=19971224T000000Z`).local).toEqual(
      at([
        ...days("1997-09", [2, 9, 16, 23, 30]),
        ...days("1997-10", [7, 14, 21, 28]),
        ...days("1997-11", [4, 11, 18, 25]),
        ...days("1997-12", [2, 9, 16, 23]),
      ]),
    );
  });

  it("every other week, forever, weeks starting on Sunday", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU`, 13).local).toEqual(
      at([
        ...days("1997-09", [2, 16, 30]),
        ...days("1997-10", [14, 28]),
        ...days("1997-11", [11, 25]),
        ...days("1997-12", [9, 23]),
        ...days("1998-01", [6, 20]),
        ...days("1998-02", [3, 17]),
      ]),
    );
  });

  it("weekly on Tuesday and Thursday for five weeks (UNTIL and COUNT forms agree)", () => {
    const expected = at([...days("1997-09", [2, 4, 9, 11, 16, 18, 23, 25, 30]), "1997-10-02"]);
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH`).local).toEqual(
      expected,
    );
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH`).local).toEqual(expected);
  });

  it("every other week on Monday, Wednesday and Friday until December 24, 1997", () => {
    expect(
      expand(`${NY}19970901T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR`).local,
    ).toEqual(
      at([
        ...days("1997-09", [1, 3, 5, 15, 17, 19, 29]),
        ...days("1997-10", [1, 3, 13, 15, 17, 27, 29, 31]),
        ...days("1997-11", [10, 12, 14, 24, 26, 28]),
        ...days("1997-12", [8, 10, 12, 22]),
      ]),
    );
  });

  it("every other week on Tuesday and Thursday, for 8 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH`).local).toEqual(
      at([...days("1997-09", [2, 4, 16, 18, 30]), ...days("1997-10", [2, 14, 16])]),
    );
  });

  it("monthly on the first Friday for 10 occurrences", () => {
    expect(expand(`${NY}19970905T090000\nRRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR`).local).toEqual(
      at([
        "1997-09-05",
        "1997-10-03",
        "1997-11-07",
        "1997-12-05",
        "1998-01-02",
        "1998-02-06",
        "1998-03-06",
        "1998-04-03",
        "1998-05-01",
        "1998-06-05",
      ]),
    );
  });

  it("every other month on the first and last Sunday, for 10 occurrences", () => {
    expect(expand(`${NY}19970907T090000\nRRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU`).local).toEqual(
      at([
        "1997-09-07",
        "1997-09-28",
        "1997-11-02",
        "1997-11-30",
        "1998-01-04",
        "1998-01-25",
        "1998-03-01",
        "1998-03-29",
        "1998-05-03",
        "1998-05-31",
      ]),
    );
  });

  it("monthly on the second-to-last Monday, for 6 months", () => {
    expect(expand(`${NY}19970922T090000\nRRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-2MO`).local).toEqual(
      at(["1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16"]),
    );
  });

  it("monthly on the third-to-the-last day, forever", () => {
    expect(expand(`${NY}19970928T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-3`, 6).local).toEqual(
      at(["1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26"]),
    );
  });

  it("monthly on the 2nd and 15th, for 10 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15`).local).toEqual(
      at(["1997-09", "1997-10", "1997-11", "1997-12", "1998-01"].flatMap((month) => days(month, [2, 15]))),
    );
  });

  it("monthly on the first and last day, for 10 occurrences", () => {
    expect(expand(`${NY}19970930T090000\nRRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1`).local).toEqual(
      at([
        "1997-09-30",
        "1997-10-01",
        "1997-10-31",
        "1997-11-01",
        "1997-11-30",
        "1997-12-01",
        "1997-12-31",
        "1998-01-01",
        "1998-01-31",
        "1998-02-01",
      ]),
    );
  });

  it("every 18 months on the 10th thru 15th, for 10 occurrences", () => {
    expect(
      expand(`${NY}19970910T090000\nRRULE:FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15`).local,
    ).toEqual(at([...days("1997-09", range(10, 15)), ...days("1999-03", range(10, 13))]));
  });

  it("every Tuesday, every other month", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU`, 13).local).toEqual(
      at([
        ...days("1997-09", [2, 9, 16, 23, 30]),
        ...days("1997-11", [4, 11, 18, 25]),
        ...days("1998-01", [6, 13, 20, 27]),
      ]),
    );
  });

  it("yearly in June and July for 10 occurrences", () => {
    expect(expand(`${NY}19970610T090000\nRRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7`).local).toEqual(
      at(["1997", "1998", "1999", "2000", "2001"].flatMap((year) => [`${year}-06-10`, `${year}-07-10`])),
    );
  });

  it("every other year on January, February and March for 10 occurrences", () => {
    expect(expand(`${NY}19970310T090000\nRRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3`).local).toEqual(
      at([
        "1997-03-10",
        ...["1999", "2001", "2003"].flatMap((year) => [`${year}-01-10`, `${year}-02-10`, `${year}-03-10`]),
      ]),
    );
  });

  it("every third year on the 1st, 100th and 200th day for 10 occurrences", () => {
    expect(expand(`${NY}19970101T090000\nRRULE:FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200`).local).toEqual(
      at([
        "1997-01-01",
        "1997-04-10",
        "1997-07-19",
        "2000-01-01",
        "2000-04-09",
        "2000-07-18",
        "2003-01-01",
        "2003-04-10",
        "2003-07-19",
        "2006-01-01",
      ]),
    );
  });

  it("every 20th Monday of the year, forever", () => {
    expect(expand(`${NY}19970519T090000\nRRULE:FREQ=YEARLY;BYDAY=20MO`, 3).local).toEqual(
      at(["1997-05-19", "1998-05-18", "1999-05-17"]),
    );
  });

  it("Monday of week number 20, forever", () => {
    expect(expand(`${NY}19970512T090000\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO`, 3).local).toEqual(
      at(["1997-05-12", "1998-05-11", "1999-05-17"]),
    );
  });

  it("every Thursday in March, forever", () => {
    expect(expand(`${NY}19970313T090000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=TH`, 11).local).toEqual(
      at([...days("1997-03", [13, 20, 27]), ...days("1998-03", [5, 12, 19, 26]), ...days("1999-03", [4, 11, 18, 25])]),
    );
  });

  it("every Thursday, but only during June, July and August, forever", () => {
    expect(expand(`${NY}19970605T090000\nRRULE:FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8`, 17).local).toEqual(
      at([
        ...days("1997-06", [5, 12, 19, 26]),
        ...days("1997-07", [3, 10, 17, 24, 31]),
        ...days("1997-08", [7, 14, 21, 28]),
        ...days("1998-06", [4, 11, 18, 25]),
      ]),
    );
  });

  it("every Friday the 13th, forever, except DTSTART", () => {
    expect(
      expand(
        `${NY}19970902T090000\nEXDATE;TZID=America/New_York:19970902T090000\nRRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13`,
        5,
      ).local,
    ).toEqual(at(["1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"]));
  });

  it("the first Saturday that follows the first Sunday of the month, forever", () => {
    expect(expand(`${NY}19970913T090000\nRRULE:FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13`, 10).local).toEqual(
      at([
        "1997-09-13",
        "1997-10-11",
        "1997-11-08",
        "1997-12-13",
        "1998-01-10",
        "1998-02-07",
        "1998-03-07",
        "1998-04-11",
        "1998-05-09",
        "1998-06-13",
      ]),
    );
  });

  it("every 4 years, the first Tuesday after a Monday in November (U.S. presidential election day)", () => {
    expect(
      expand(`${NY}19961105T090000\nRRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8`, 3)
        .local,
    ).toEqual(at(["1996-11-05", "2000-11-07", "2004-11-02"]));
  });

  it("the third instance of Tuesday, Wednesday or Thursday, for the next 3 months", () => {
    expect(expand(`${NY}19970904T090000\nRRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3`).local).toEqual(
      at(["1997-09-04", "1997-10-07", "1997-11-06"]),
    );
  });

  it("the second-to-last weekday of the month", () => {
    expect(expand(`${NY}19970929T090000\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2`, 7).local).toEqual(
      at(["1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30"]),
    );
  });

  it("every 3 hours from 09:00 to 17:00 on a specific day", () => {
    // The RFC prints UNTIL=19970902T170000Z (13:00 EDT) yet lists 15:00: its own erratum. 21:00Z is 17:00 EDT.
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z`).local).toEqual(
      ["09:00:00", "12:00:00", "15:00:00"].map((time) => `1997-09-02T${time}`),
    );
  });

  it("every 15 minutes for 6 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=MINUTELY;INTERVAL=15;COUNT=6`).local).toEqual(
      ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].map((time) => `1997-09-02T${time}:00`),
    );
  });

  it("every hour and a half for 4 occurrences", () => {
    expect(expand(`${NY}19970902T090000\nRRULE:FREQ=MINUTELY;INTERVAL=90;COUNT=4`).local).toEqual(
      ["09:00", "10:30", "12:00", "13:30"].map((time) => `1997-09-02T${time}:00`),
    );
  });

  it("every 20 minutes from 09:00 to 16:40 every day (daily and minutely forms agree)", () => {
    const times = range(9, 16).flatMap((hour) =>
      [0, 20, 40].map((minute) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00`),
    );
    const expected = ["1997-09-02", "1997-09-03"].flatMap((date) => times.map((time) => `${date}T${time}`));
    expect(
      expand(`${NY}19970902T090000\nRRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40`, 48).local,
    ).toEqual(expected);
    expect(
      expand(`${NY}19970902T090000\nRRULE:FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16`, 48).local,
    ).toEqual(expected);
  });

  it("WKST changes which weeks an every-other-week rule uses", () => {
    expect(expand(`${NY}19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO`).local).toEqual(
      at(days("1997-08", [5, 10, 19, 24])),
    );
    expect(expand(`${NY}19970805T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU`).local).toEqual(
      at(days("1997-08", [5, 17, 19, 31])),
    );
  });

  it("an invalid date (30 February) is skipped and not counted", () => {
    expect(expand(`${NY}20070115T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5`).local).toEqual(
      at(["2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"]),
    );
  });
});
