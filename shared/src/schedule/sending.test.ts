/** The states a host that sends itself (Gmail) needs: sending before the hand-over, uncertain after a crash. */
import { isoDate } from "../date/civil-date.js";
import type { ClientKey } from "../ledger/model.js";
import { ianaZone, instant } from "../recurrence/index.js";
import { sendKey, type ScheduledSend } from "./model.js";
import { addSend, transition, type SendEvent } from "./state.js";

const client = "email:owing@example.test" as ClientKey;
const period = { from: isoDate("2026-12-01"), to: isoDate("2026-12-30") };
const at = instant("2026-12-30T08:00:00Z");

function send(status: ScheduledSend["status"]): ScheduledSend {
  return {
    key: sendKey(client, "outstanding", period),
    clientKey: client,
    clientName: "Owing SARL",
    kind: "outstanding",
    period,
    asOf: period.to,
    recipients: ["owing@example.test"],
    sendAt: at,
    zone: ianaZone("Europe/Paris"),
    status,
    history: [{ status, at }],
  };
}

function next(status: ScheduledSend["status"], event: SendEvent): string {
  const result = transition(send(status), event, at);
  return result.ok ? result.send.status : `refused: ${result.reason}`;
}

describe("sending and uncertain", () => {
  it("a scheduled or late send starts sending, then is sent, failed or uncertain", () => {
    expect(next("scheduled", { type: "start-sending" })).toBe("sending");
    expect(next("late", { type: "start-sending" })).toBe("sending");
    expect(next("sending", { type: "sent" })).toBe("sent");
    expect(next("sending", { type: "fail", reason: "refused" })).toBe("failed");
    expect(next("sending", { type: "interrupted", reason: "may have been sent" })).toBe("uncertain");
  });

  it("a sending send cannot start again, nor be cancelled (it may be leaving)", () => {
    expect(next("sending", { type: "start-sending" })).toMatch(/^refused/);
    expect(next("sending", { type: "cancel" })).toMatch(/^refused/);
  });

  it("an uncertain send is never started blindly: the user says sent, send again, or cancel", () => {
    expect(next("uncertain", { type: "start-sending" })).toMatch(/^refused/);
    expect(next("uncertain", { type: "sent" })).toBe("sent");
    expect(next("uncertain", { type: "reschedule", sendAt: at })).toBe("scheduled");
    expect(next("uncertain", { type: "cancel" })).toBe("cancelled");
  });

  it("a cancelled or sent send never starts sending", () => {
    expect(next("cancelled", { type: "start-sending" })).toMatch(/^refused/);
    expect(next("sent", { type: "start-sending" })).toMatch(/^refused/);
  });

  it("an uncertain send blocks planning the same statement again", () => {
    expect(addSend([send("uncertain")], send("planned")).ok).toBe(false);
  });
});
