import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { SendKey } from "../../../shared/src/schedule/model.js";
import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import { decodeStatementTag, encodeStatementTag, MAX_TAG_CHARS } from "./tag.js";
import type { StatementTag } from "./mailbox.js";

const tag: StatementTag = {
  key: "email:compta@motsbleus.example|outstanding|2026-11-01..2026-11-30" as SendKey,
  client: "email:compta@motsbleus.example" as ClientKey,
  clientName: "Librairie Les Mots Bleus — Ł & “quotes”; semicolons",
  period: { from: "2026-11-01" as IsoDate, to: "2026-11-30" as IsoDate },
};

describe("statement tag", () => {
  it("round-trips as one ASCII header line", () => {
    const text = encodeStatementTag(tag);
    expect(text).toMatch(/^v1;[\x21-\x7e]+$/);
    expect(decodeStatementTag(text)).toEqual(tag);
  });

  it("stays under the header budget for a very long client name, keeping the key", () => {
    const long = { ...tag, clientName: "Ä".repeat(2000) };
    const text = encodeStatementTag(long);
    expect(text?.length).toBeLessThanOrEqual(MAX_TAG_CHARS);
    expect(decodeStatementTag(text)?.key).toBe(tag.key);
  });

  it("never cuts an emoji in half when it shortens the name, and gives up (untagged) on an absurd key", () => {
    const emoji = { ...tag, clientName: "😀".repeat(400) };
    const text = encodeStatementTag(emoji);
    expect(text).toBeDefined();
    const name = decodeStatementTag(text)?.clientName ?? "";
    expect(text?.length).toBeLessThanOrEqual(MAX_TAG_CHARS);
    expect(name.length).toBeGreaterThan(0);
    expect(name).toBe("😀".repeat(Array.from(name).length)); // whole emoji only
    expect(encodeStatementTag({ ...tag, key: "k".repeat(1000) as SendKey })).toBeUndefined();
  });

  it("reads anything else as not ours, never throwing", () => {
    for (const value of [
      undefined,
      42,
      "",
      "v1;",
      "v1;%E0%A4%A",
      "v1;" + encodeURIComponent("[]"),
      "v2;{}",
      "v1;" + encodeURIComponent(JSON.stringify({ ...tag, period: { from: "2026-11", to: "x" } })),
    ]) {
      expect(decodeStatementTag(value)).toBeUndefined();
    }
  });
});
