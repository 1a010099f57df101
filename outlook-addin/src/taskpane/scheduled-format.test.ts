import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import type { Clock } from "../../../shared/src/ports.js";
import { instantFromEpochMilliseconds } from "../../../shared/src/recurrence/instant.js";
import { ianaZone } from "../../../shared/src/recurrence/zone.js";
import { periodMonth, relativeWords, whenWords } from "./scheduled-format.js";

const at = (iso: string) => Date.parse(iso);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("relativeWords", () => {
  it("says tomorrow for 09:00 the next day, whatever the hours between", () => {
    const now = at("2026-11-20T10:00:00Z"); // 11:00 in Paris
    expect(relativeWords(at("2026-11-21T08:00:00Z"), now, "fr-FR", ianaZone("Europe/Paris"))).toBe("demain");
    expect(relativeWords(at("2026-11-21T08:00:00Z"), now, "en-GB", ianaZone("Europe/Paris"))).toBe("tomorrow");
    expect(relativeWords(at("2026-11-30T08:00:00Z"), now, "fr-FR", ianaZone("Europe/Paris"))).toBe("dans 10 jours");
  });

  it("counts days in the user's zone, not UTC: 23:30 UTC is already tomorrow in Paris", () => {
    const now = at("2026-11-20T10:00:00Z");
    expect(relativeWords(at("2026-11-20T23:30:00Z"), now, "en-GB", ianaZone("Europe/Paris"))).toBe("tomorrow");
    expect(relativeWords(at("2026-11-20T23:30:00Z"), now, "en-GB", ianaZone("UTC"))).toBe("in 14 hours");
  });

  it("uses hours and minutes within the day, and speaks of the past for late sends", () => {
    const now = at("2026-11-20T10:00:00Z");
    expect(relativeWords(at("2026-11-20T10:20:00Z"), now, "en-GB", ianaZone("UTC"))).toBe("in 20 minutes");
    expect(relativeWords(at("2026-11-20T07:00:00Z"), now, "en-GB", ianaZone("UTC"))).toBe("3 hours ago");
    expect(relativeWords(at("2026-11-19T09:00:00Z"), now, "fr-FR", ianaZone("UTC"))).toBe("hier");
  });

  it("keeps calendar days across the end of summer time (25 hours is still one day)", () => {
    const now = at("2026-10-24T07:00:00Z"); // 09:00 CEST
    expect(relativeWords(at("2026-10-25T08:00:00Z"), now, "en-GB", ianaZone("Europe/Paris"))).toBe("tomorrow");
  });
});

describe("whenWords and periodMonth", () => {
  const clock: Clock = {
    now: () => instantFromEpochMilliseconds(at("2026-11-20T10:00:00Z")),
    zone: () => ianaZone(ianaZone("Europe/Paris")),
  };

  it("gives the words then the full date and time in the user's zone", () => {
    expect(plain(whenWords(at("2026-11-30T08:00:00Z"), "fr-FR", clock))).toBe(
      "dans 10 jours — lundi 30 novembre 2026 à 09:00",
    );
  });

  it("names the month a period ends in, in the pane's language", () => {
    const period = { from: "2026-11-01" as IsoDate, to: "2026-11-30" as IsoDate };
    expect(periodMonth(period, "fr-FR")).toBe("novembre 2026");
    expect(periodMonth(period, "en-GB")).toBe("November 2026");
  });
});
