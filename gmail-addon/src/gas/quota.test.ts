import { dailyLimitFor, RecipientQuota } from "./quota.js";

function memoryProperties(): GoogleAppsScript.Properties.Properties {
  const data = new Map<string, string>();
  return {
    getProperty: (key: string) => data.get(key) ?? null,
    setProperty(key: string, value: string) {
      data.set(key, value);
      return this;
    },
  } as unknown as GoogleAppsScript.Properties.Properties;
}

const HOUR = 3600_000;
const T0 = Date.parse("2026-12-30T08:00:00Z");

describe("RecipientQuota", () => {
  it("is 100 a day on gmail.com and 1,500 on Workspace", () => {
    expect(dailyLimitFor("me@gmail.com")).toBe(100);
    expect(dailyLimitFor("me@googlemail.com")).toBe(100);
    expect(dailyLimitFor("me@atelier.example")).toBe(1500);
  });

  it("lets recipients go until the limit, then says when they may", () => {
    const quota = new RecipientQuota(memoryProperties(), 100);
    expect(quota.waitUntil(60, T0)).toBeUndefined();
    quota.record(60, T0);
    quota.record(30, T0 + 2 * HOUR);
    expect(quota.waitUntil(10, T0 + 3 * HOUR)).toBeUndefined();
    const wait = quota.waitUntil(20, T0 + 3 * HOUR);
    expect(wait).toBeDefined();
    expect(wait!).toBeGreaterThan(T0 + 24 * HOUR);
    expect(wait!).toBeLessThanOrEqual(T0 + 25 * HOUR);
    expect(quota.waitUntil(20, wait!)).toBeUndefined();
  });

  it("stays small: one entry per hour, whatever the number of sends", () => {
    const properties = memoryProperties();
    const quota = new RecipientQuota(properties, 1500);
    for (let i = 0; i < 1500; i++) quota.record(1, T0 + i * 60_000);
    expect((properties.getProperty("quota") ?? "").length).toBeLessThan(1200);
    expect(quota.used(T0 + 1500 * 60_000)).toBeLessThanOrEqual(1500);
  });

  it("a 'limit exceeded' answer blocks the next 24 hours", () => {
    const quota = new RecipientQuota(memoryProperties(), 100);
    quota.block(T0);
    expect(quota.waitUntil(1, T0 + HOUR)).toBe(T0 + 24 * HOUR);
    expect(quota.waitUntil(1, T0 + 24 * HOUR + 1)).toBeUndefined();
  });
});
