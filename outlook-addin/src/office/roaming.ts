/** SettingsStore on Office.context.roamingSettings: JSON under one key, refused above the 32 KB the mailbox keeps. */
import type { SettingsStore } from "../../../shared/src/ports.js";
import { OfficeError, officeDone } from "./async.js";

/** roamingSettings holds 32 KB in total (all keys, as JSON); we keep a margin for Office's own framing. */
export const ROAMING_LIMIT_CHARS = 32 * 1024 - 512;

export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export class RoamingSettingsStore<T> implements SettingsStore<T> {
  constructor(
    private readonly settings: RoamingSettingsLike,
    private readonly key: string,
    /** Checks what was stored (an older version, a hand edit): undefined when it is not a T. */
    private readonly read: (value: unknown) => T | undefined,
  ) {}

  load(): Promise<T | undefined> {
    const raw = this.settings.get(this.key);
    if (typeof raw !== "string") return Promise.resolve(undefined);
    try {
      return Promise.resolve(this.read(JSON.parse(raw)));
    } catch {
      return Promise.resolve(undefined);
    }
  }

  async save(value: T): Promise<void> {
    const text = JSON.stringify(value);
    if (text.length > ROAMING_LIMIT_CHARS) {
      throw new OfficeError(
        "SettingsTooLarge",
        `settings are ${String(text.length)} characters; Outlook roams at most ${String(ROAMING_LIMIT_CHARS)}`,
        "roamingSettings.set",
      );
    }
    this.settings.set(this.key, text);
    await officeDone("roamingSettings.saveAsync", (done) => {
      this.settings.saveAsync(done);
    });
  }
}
