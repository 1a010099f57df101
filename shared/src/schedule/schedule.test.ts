import { isoDate } from "../date/civil-date.js";
import { currency } from "../money/currency.js";
import { money } from "../money/money.js";
import type { ClientKey, Ledger } from "../ledger/model.js";
import { calendarCode, formatInstant, instant, ianaZone, localDateTime, monthlyOnDay } from "../recurrence/index.js";
import { sendKey, type ScheduledSend } from "./model.js";
import { statementPeriodFor } from "./period.js";
import { planSends, type ClientSchedule } from "./planner.js";
import { addSend, markLate, transition } from "./state.js";

const EUR = currency("EUR");
const paris = ianaZone("Europe/Paris");
const owing = "email:owing@example.test" as ClientKey;
const paid = "email:paid@example.test" as ClientKey;
const silent = "name:no address" as ClientKey;

const ledger: Ledger = {
  clients: [
    { key: owing, name: "Owing SARL", emails: ["owing@example.test"], currencies: [EUR] },
    { key: paid, name: "Paid SAS", emails: ["paid@example.test"], currencies: [EUR] },
    { key: silent, name: "No Address", emails: [], currencies: [EUR] },
  ],
  documents: [owing, paid, silent].map((clientKey, index) => ({
    kind: "invoice" as const,
    number: `F${index}`,
    clientKey,
    issueDate: isoDate("2026-10-01"),
    dueDate: isoDate("2026-10-31"),
    currency: EUR,
    amount: money(EUR, 100000),
    source: { file: "t" },
  })),
  payments: [
    {
      clientKey: paid,
      amount: money(EUR, 100000),
      date: isoDate("2026-10-15"),
      documentNumber: "F1",
      source: { file: "t" },
    },
  ],
};

const every30th = monthlyOnDay({ from: localDateTime(2026, 1, 1, 9), zone: paris }, 30, true);
const schedule = (client: ClientKey, overrides: Partial<ClientSchedule> = {}): ClientSchedule => ({
  client,
  rule: every30th,
  zone: paris,
  kind: "outstanding",
  period: "send-month",
  ...overrides,
});
const now = instant("2026-12-03T10:00:00Z");

describe("statementPeriodFor", () => {
  it("gives the send date's month, the previous month, or since the last statement", () => {
    expect(statementPeriodFor(isoDate("2026-12-30"), "send-month", undefined)).toEqual({
      from: "2026-12-01",
      to: "2026-12-30",
    });
    expect(statementPeriodFor(isoDate("2027-01-02"), "previous-month", undefined)).toEqual({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(statementPeriodFor(isoDate("2026-12-30"), "since-last-statement", isoDate("2026-11-30"))).toEqual({
      from: "2026-12-01",
      to: "2026-12-30",
    });
  });
});

describe("planSends", () => {
  it("plans the next sends on the 30th (28 February in February) with the month's period", () => {
    const plan = planSends({ ledger, schedules: [schedule(owing)], now, count: 3, existing: [], locale: "fr-FR" });
    expect(plan.planned.map(({ send }) => [formatInstant(send.sendAt), send.period.from, send.period.to])).toEqual([
      ["2026-12-30T08:00:00Z", "2026-12-01", "2026-12-30"],
      ["2027-01-30T08:00:00Z", "2027-01-01", "2027-01-30"],
      ["2027-02-28T08:00:00Z", "2027-02-01", "2027-02-28"],
    ]);
    expect(plan.planned[0]!.send.recipients).toEqual(["owing@example.test"]);
    expect(plan.planned[0]!.statement.sections[0]!.openTotal.minor).toBe(100000);
  });

  it("skips, and says why, clients with nothing to send or no address", () => {
    const plan = planSends({
      ledger,
      schedules: [schedule(paid), schedule(silent)],
      now,
      count: 1,
      existing: [],
      locale: "fr-FR",
    });
    expect(plan.planned).toEqual([]);
    expect(plan.skipped.map((skip) => [skip.clientName, skip.reason])).toEqual([
      ["Paid SAS", "nothing to send: the balance is zero as of 2026-12-30"],
      ["No Address", "no email address to send to"],
    ]);
  });

  it("never plans a period twice, but plans again what was cancelled", () => {
    const first = planSends({ ledger, schedules: [schedule(owing)], now, count: 2, existing: [], locale: "fr-FR" });
    const again = planSends({
      ledger,
      schedules: [schedule(owing)],
      now,
      count: 2,
      existing: first.planned.map((p) => p.send),
      locale: "fr-FR",
    });
    expect(again.planned).toEqual([]);
    const cancelled = first.planned.map((p) => ({ ...p.send, status: "cancelled" as const }));
    expect(
      planSends({ ledger, schedules: [schedule(owing)], now, count: 2, existing: cancelled, locale: "fr-FR" }).planned,
    ).toHaveLength(2);
  });

  it("keeps the rule's period when a business-day shift moves the send, and never dates figures after the send", () => {
    // 1 May 2027 is a Saturday (and a French public holiday): the send moves to Friday 30 April, yet it is still
    // May's statement for the idempotency key, and its figures are as of the day it leaves.
    const firstOfMonth = monthlyOnDay({ from: localDateTime(2027, 4, 1, 9), zone: paris }, 1, false);
    const plan = planSends({
      ledger,
      schedules: [
        schedule(owing, { rule: { ...firstOfMonth, shift: { calendar: calendarCode("FR"), direction: "previous" } } }),
      ],
      now: instant("2027-04-15T00:00:00Z"),
      count: 2,
      existing: [],
      locale: "fr-FR",
    });
    expect(plan.planned.map(({ send }) => [formatInstant(send.sendAt), send.period.from, send.asOf])).toEqual([
      ["2027-04-30T07:00:00Z", "2027-05-01", "2027-04-30"],
      ["2027-06-01T07:00:00Z", "2027-06-01", "2027-06-01"],
    ]);
    expect(new Set(plan.planned.map(({ send }) => send.key)).size).toBe(2);
  });
});

describe("the send state machine", () => {
  const planned = (): ScheduledSend =>
    planSends({ ledger, schedules: [schedule(owing)], now, count: 1, existing: [], locale: "fr-FR" }).planned[0]!.send;
  const later = instant("2026-12-31T00:00:00Z");

  it("goes planned → scheduled → sent, recording each step", () => {
    const scheduled = transition(planned(), { type: "schedule", hostId: "msg-1" }, now);
    if (!scheduled.ok) throw new Error(scheduled.reason);
    const sent = transition(scheduled.send, { type: "sent" }, later);
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.send.status).toBe("sent");
    expect(sent.send.hostId).toBe("msg-1");
    expect(sent.send.history.map((entry) => entry.status)).toEqual(["planned", "scheduled", "sent"]);
  });

  it("never sends a cancelled send, and never sends twice", () => {
    const cancelled = transition(planned(), { type: "cancel", reason: "cancelled by the user" }, now);
    if (!cancelled.ok) throw new Error(cancelled.reason);
    expect(transition(cancelled.send, { type: "sent" }, later)).toEqual({
      ok: false,
      reason: "cannot sent the send for Owing SARL: it was cancelled, so it must not be sent",
    });
    const scheduled = transition(planned(), { type: "schedule" }, now);
    if (!scheduled.ok) throw new Error(scheduled.reason);
    const sent = transition(scheduled.send, { type: "sent" }, later);
    if (!sent.ok) throw new Error(sent.reason);
    const twice = transition(sent.send, { type: "sent" }, later);
    expect(twice.ok ? "sent twice" : twice.reason).toMatch(/already been sent/);
  });

  it("reports a scheduled send whose time has passed as late, and lets it still go", () => {
    const scheduled = transition(planned(), { type: "schedule" }, now);
    if (!scheduled.ok) throw new Error(scheduled.reason);
    const [late] = markLate([scheduled.send], instant("2026-12-30T09:00:00Z"), 15 * 60);
    expect(late!.status).toBe("late");
    expect(markLate([scheduled.send], instant("2026-12-30T08:10:00Z"), 15 * 60)[0]!.status).toBe("scheduled");
    expect(transition(late!, { type: "sent" }, later)).toMatchObject({ ok: true, send: { status: "sent" } });
  });

  it("refuses to add a second send for the same key", () => {
    const send = planned();
    const once = addSend([], send);
    if (!once.ok) throw new Error(once.reason);
    const again = addSend(once.sends, { ...send });
    expect(again.ok ? "added twice" : again.reason).toMatch(/already planned/);
    expect(send.key).toBe(sendKey(owing, "outstanding", { from: isoDate("2026-12-01"), to: isoDate("2026-12-30") }));
  });
});
