/** Apps Script's limits hold with many jobs: two triggers at most, every property ≤ 9 KB, the store < 500 KB. */
import type { Sandbox } from "./sandbox/sandbox.js";
import { MANY_CLIENTS_URL, newSandbox, schedule, setUp, START } from "./fixtures.js";

const DAY = 24 * 3600_000;
const clientKey = (i: number) => `email:client${String(i + 1).padStart(2, "0")}@example.com`;
const address = (i: number) => `client${String(i + 1).padStart(2, "0")}@example.com`;

/** The compose card's Schedule with "Then repeat" ticked: the job and the client's schedule. */
function scheduleRepeating(sandbox: Sandbox, client: string, sendAt: number, recipients: readonly string[]): unknown {
  return sandbox.run(
    "onSchedule",
    sandbox.event({
      gmail: { toRecipients: [...recipients] },
      formInputs: {
        client: { stringInputs: { value: [client] } },
        sendAt: { dateTimeInput: { hasDate: true, hasTime: true, msSinceEpoch: String(sendAt) } },
        repeat: { stringInputs: { value: ["yes"] } },
      },
    }),
  );
}

describe("Gmail add-on limits", () => {
  it("25 jobs for 25 clients over two months never need more than 2 triggers, and all go out once", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
    for (let i = 0; i < 25; i++) {
      const at = START + DAY + Math.floor((i * 60 * DAY) / 25) + (i % 7) * 3600_000;
      expect(schedule(sandbox, clientKey(i), at, [address(i)])).toBeDefined();
      expect(sandbox.triggers.length).toBeLessThanOrEqual(2);
    }
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("job:"))).toHaveLength(25);
    sandbox.advanceTo(START + 62 * DAY);
    expect(sandbox.executions.filter((e) => e.error !== undefined)).toEqual([]);
    expect(sandbox.maxTriggers).toBeLessThanOrEqual(2);
    expect(sandbox.sent).toHaveLength(25);
    expect(new Set(sandbox.sent.map((m) => /^To: (.*)$/m.exec(m.raw)?.[1])).size).toBe(25);
  });

  it("200 jobs: every property ≤ 9 KB and the store under 500 KB", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
    // 25 clients × 8 monthly statements; each with a few recipients, as real drafts have.
    for (let month = 0; month < 8; month++)
      for (let i = 0; i < 25; i++) {
        const at = Date.UTC(2027, month, 10 + (i % 15), 8);
        schedule(sandbox, clientKey(i), at, [address(i), `accounts+${String(i)}@example.com`, "boss@example.com"]);
      }
    const jobs = sandbox.properties.getKeys().filter((key) => key.startsWith("job:"));
    expect(jobs).toHaveLength(200);
    const sizes = [...sandbox.properties.data].map(([key, value]) => Buffer.byteLength(key) + Buffer.byteLength(value));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(9 * 1024);
    expect(sandbox.properties.totalBytes()).toBeLessThan(500 * 1024);
    expect(sandbox.triggers.length).toBeLessThanOrEqual(2);
  });

  it("25 clients with their own schedules and 8 months of jobs: every property ≤ 9 KB, the store under 500 KB", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
    for (let month = 0; month < 8; month++)
      for (let i = 0; i < 25; i++) {
        const at = Date.UTC(2027, month, 10 + (i % 15), 8);
        const recipients = [address(i), `accounts+${String(i)}@example.com`, "boss@example.com"];
        scheduleRepeating(sandbox, clientKey(i), at, recipients);
      }
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("recurring:"))).toHaveLength(25);
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("job:"))).toHaveLength(200);
    const sizes = [...sandbox.properties.data].map(([key, value]) => Buffer.byteLength(key) + Buffer.byteLength(value));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(9 * 1024);
    expect(sandbox.properties.totalBytes()).toBeLessThan(500 * 1024);
  });

  it("a repeating send with too many recipients is refused: neither the job nor the schedule is kept", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
    const many = Array.from({ length: 400 }, (_, i) => `someone.with.a.long.address.${String(i)}@example.com`);
    const before = JSON.stringify([...sandbox.properties.data]);
    const response = scheduleRepeating(sandbox, clientKey(0), START + DAY, many);
    expect(JSON.stringify(response)).toContain("too large to keep");
    expect(JSON.stringify([...sandbox.properties.data])).toBe(before);
  });

  it("a job too large for one property is refused with a message, not half-stored", () => {
    const sandbox = newSandbox();
    setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
    const many = Array.from({ length: 400 }, (_, i) => `someone.with.a.long.address.${String(i)}@example.com`);
    const response = schedule(sandbox, clientKey(0), START + DAY, many);
    expect(JSON.stringify(response)).toContain("too large to keep");
    expect(sandbox.properties.getKeys().filter((key) => key.startsWith("job:"))).toHaveLength(0);
  });
});
