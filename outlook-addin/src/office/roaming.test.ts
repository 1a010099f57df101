/** roamingSettings store: JSON round trip, unreadable values ignored, refused above the 32 KB Outlook roams. */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeError } from "./async.js";
import { ROAMING_LIMIT_CHARS, RoamingSettingsStore, type RoamingSettingsLike } from "./roaming.js";

function settings(): RoamingSettingsLike & { saved: number } {
  const values = new Map<string, unknown>();
  const data: unknown = {
    host: "outlook",
    roamingSettings: {
      saved: 0,
      get: (name: string) => values.get(name),
      set: (name: string, value: unknown) => {
        values.set(name, value);
      },
      saveAsync(callback?: (result: Office.AsyncResult<void>) => void) {
        this.saved++;
        callback?.({ status: "succeeded" as string, value: undefined } as unknown as Office.AsyncResult<void>);
      },
    },
  };
  const mock = new OfficeMockObject(data as ConstructorParameters<typeof OfficeMockObject>[0]);
  return (mock as unknown as { roamingSettings: RoamingSettingsLike & { saved: number } }).roamingSettings;
}

const readName = (value: unknown) =>
  typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
    ? (value as { name: string })
    : undefined;

describe("RoamingSettingsStore", () => {
  it("saves JSON and loads it back", async () => {
    const roaming = settings();
    const store = new RoamingSettingsStore(roaming, "k", readName);
    expect(await store.load()).toBeUndefined();
    await store.save({ name: "Atelier" });
    expect(await store.load()).toEqual({ name: "Atelier" });
  });

  it("ignores what it cannot read", async () => {
    const roaming = settings();
    roaming.set("k", "{not json");
    expect(await new RoamingSettingsStore(roaming, "k", readName).load()).toBeUndefined();
    roaming.set("k", JSON.stringify({ other: 1 }));
    expect(await new RoamingSettingsStore(roaming, "k", readName).load()).toBeUndefined();
  });

  it("refuses settings over the roaming limit before calling Outlook", async () => {
    const roaming = settings();
    const store = new RoamingSettingsStore(roaming, "k", readName);
    const error = await store.save({ name: "x".repeat(ROAMING_LIMIT_CHARS) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect((error as OfficeError).code).toBe("SettingsTooLarge");
    expect(roaming.get("k")).toBeUndefined();
  });
});
