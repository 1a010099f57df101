/** The Clock port in Apps Script: Date for "now", the user's zone from the event or the script's zone. */
import type { Clock } from "../../../shared/src/ports.js";
import { instantFromEpochMilliseconds } from "../../../shared/src/recurrence/instant.js";
import { parseIanaZone, type IanaZone } from "../../../shared/src/recurrence/zone.js";

export function userZone(event?: GoogleAppsScript.Addons.EventObject): IanaZone {
  const fromEvent = event?.commonEventObject.timeZone?.id;
  return parseIanaZone(fromEvent ?? "") ?? parseIanaZone(Session.getScriptTimeZone()) ?? ("UTC" as IanaZone);
}

export function gasClock(zone: IanaZone): Clock {
  return { now: () => instantFromEpochMilliseconds(new Date().getTime()), zone: () => zone };
}
