/** The Clock port in the pane: the real time, and the user's zone (Outlook's when it is an IANA name). */
import type { Clock } from "../../../shared/src/ports.js";
// Direct modules, not the recurrence index: the index brings the holiday calendars, which the first paint must not wait for.
import { instantFromEpochMilliseconds } from "../../../shared/src/recurrence/instant.js";
import { ianaZone, parseIanaZone } from "../../../shared/src/recurrence/zone.js";

export function paneClock(outlookZone: string | undefined): Clock {
  // Outlook on the web reports IANA names; desktop may report Windows names ("Romance Standard Time"), which we
  // cannot map without a table, so the browser's zone (the same machine's setting) is used then.
  const zone =
    (outlookZone !== undefined ? parseIanaZone(outlookZone) : undefined) ??
    parseIanaZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ??
    ianaZone("UTC");
  return { now: () => instantFromEpochMilliseconds(Date.now()), zone: () => zone };
}
