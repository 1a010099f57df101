/** The Clock port in the pane: the real time, and the user's zone (Outlook's when it is an IANA name). */
import type { Clock } from "../../../shared/src/ports.js";
import { ianaZone, instantFromEpochMilliseconds, parseIanaZone } from "../../../shared/src/recurrence/index.js";

export function paneClock(outlookZone: string | undefined): Clock {
  // Outlook on the web reports IANA names; desktop may report Windows names ("Romance Standard Time"), which we
  // cannot map without a table, so the browser's zone (the same machine's setting) is used then.
  const zone =
    (outlookZone !== undefined ? parseIanaZone(outlookZone) : undefined) ??
    parseIanaZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ??
    ianaZone("UTC");
  return { now: () => instantFromEpochMilliseconds(Date.now()), zone: () => zone };
}
