import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import type { SendKey } from "../../../shared/src/schedule/model.js";
import { KEEP_AFTER_SEND_MS, MAX_LOCAL_SENDS, readLocalSends, recordLocalSend, type LocalSend } from "./local-sends.js";

function send(key: string, sendAtMs: number): LocalSend {
  return {
    key: key as SendKey,
    clientName: `Client ${key}`,
    period: { from: "2026-11-01" as IsoDate, to: "2026-11-30" as IsoDate },
    sendAtMs,
    to: ["a@b.example"],
    subject: "Relevé",
    attachmentName: "Releve-x-2026-11-30.pdf",
  };
}

const NOW = Date.parse("2026-11-20T10:00:00Z");

describe("local sends", () => {
  it("replaces the same statement instead of listing it twice, sorted by time", () => {
    let list = recordLocalSend(undefined, send("b", NOW + 2000), NOW);
    list = recordLocalSend(list, send("a", NOW + 1000), NOW);
    list = recordLocalSend(list, send("b", NOW + 3000), NOW);
    expect(list.sends.map((s) => [s.key, s.sendAtMs - NOW])).toEqual([
      ["a", 1000],
      ["b", 3000],
    ]);
  });

  it("drops sends more than 35 days past and keeps at most 40", () => {
    let list = recordLocalSend(undefined, send("old", NOW - KEEP_AFTER_SEND_MS - 1), NOW - KEEP_AFTER_SEND_MS - 2);
    for (let i = 0; i < 50; i++) list = recordLocalSend(list, send(`k${String(i)}`, NOW + i), NOW);
    expect(list.sends).toHaveLength(MAX_LOCAL_SENDS);
    expect(list.sends.some((s) => s.key === "old")).toBe(false);
    expect(list.sends.at(-1)?.key).toBe("k49");
    // 40 sends stay far under the 32 KB roamingSettings holds for everything.
    expect(JSON.stringify(list).length).toBeLessThan(12 * 1024);
  });

  it("reads back what it stored and drops entries that do not read", () => {
    const stored = JSON.parse(JSON.stringify(recordLocalSend(undefined, send("a", NOW), NOW))) as unknown;
    expect(readLocalSends(stored)?.sends).toHaveLength(1);
    expect(readLocalSends({ sends: [{ key: 1 }, send("b", NOW)] })?.sends.map((s) => s.key)).toEqual(["b"]);
    expect(readLocalSends("nonsense")).toBeUndefined();
  });
});
