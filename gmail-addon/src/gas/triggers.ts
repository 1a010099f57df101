/**
 * The dispatcher's triggers, re-armed after every run: one one-off trigger at the earliest due job and one hourly
 * safety net (add-on triggers recur at most hourly; 20 triggers per user per script), so any number of jobs needs
 * two triggers at most.
 */
import { HANDLER } from "../handlers/names.js";

/** Apps Script only promises a minimum delay for `.at()`; never arm in the past. */
const MIN_DELAY_MS = 60_000;

export function armTriggers(earliest: number | undefined, now: number): void {
  let hourly = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const handler = trigger.getHandlerFunction();
    if (handler === HANDLER.dispatchDue) ScriptApp.deleteTrigger(trigger);
    else if (handler === HANDLER.dispatchHourly && ++hourly > 1) ScriptApp.deleteTrigger(trigger);
  }
  if (earliest !== undefined)
    ScriptApp.newTrigger(HANDLER.dispatchDue)
      .timeBased()
      .at(new Date(Math.max(earliest, now + MIN_DELAY_MS)))
      .create();
  if (hourly === 0) ScriptApp.newTrigger(HANDLER.dispatchHourly).timeBased().everyHours(1).create();
}
