/**
 * Stands in for date-holidays in the Gmail bundle: its data, moment-timezone and astronomia weigh ~800 KB minified,
 * and the add-on offers no business-day shift yet. `new Holidays()` fails loudly rather than shifting without holidays.
 */
export default function Holidays(): never {
  throw new Error("business-day calendars (public holidays) are not available in the Gmail add-on yet");
}
