import { instantFromEpochMilliseconds, type Instant } from "../../../shared/src/recurrence/instant.js";
import type { OutgoingMessage } from "../../../shared/src/ports.js";
import type { ScheduledSend, SendKey } from "../../../shared/src/schedule/model.js";
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import type { IsoDate } from "../../../shared/src/date/civil-date.js";
import type { IanaZone } from "../../../shared/src/recurrence/zone.js";
import type { SendOutcome } from "../gas/gmail-send.js";
import { dispatch, MAY_HAVE_BEEN_SENT, type DispatchPorts } from "./dispatch.js";

const T0 = Date.parse("2026-12-30T08:00:00Z");

function job(id: string, at: number, status: ScheduledSend["status"] = "scheduled"): ScheduledSend {
  return {
    key: `email:${id}@x.example|outstanding|2026-12-01..2026-12-30` as SendKey,
    clientKey: `email:${id}@x.example` as ClientKey,
    clientName: id,
    kind: "outstanding",
    period: { from: "2026-12-01" as IsoDate, to: "2026-12-30" as IsoDate },
    asOf: "2026-12-30" as IsoDate,
    recipients: [`${id}@x.example`],
    sendAt: instantFromEpochMilliseconds(at),
    zone: "Europe/Paris" as IanaZone,
    status,
    history: [{ status, at: instantFromEpochMilliseconds(at - 1000) }],
    hostId: id,
  };
}

const MESSAGE = { to: [], cc: [], subject: "s", text: "t", html: "h" } as unknown as OutgoingMessage;

function ports(jobs: ScheduledSend[], outcome: (send: ScheduledSend) => SendOutcome, now = T0) {
  const store = new Map(jobs.map((send) => [send.hostId ?? "", send]));
  const sent: string[] = [];
  const p: DispatchPorts = {
    now: () => now as Instant,
    elapsedMs: () => 0,
    list: () => [...store.values()],
    put: (send) => store.set(send.hostId ?? "", send),
    content: (send) => {
      if (send.clientName === "broken") throw new Error("no such client");
      return MESSAGE;
    },
    send: (_message, send) => {
      sent.push(send.clientName);
      return outcome(send);
    },
    quotaWaitUntil: () => undefined,
    quotaRecord: () => undefined,
    quotaBlock: () => undefined,
    quotaLimit: 100,
  };
  return { p, store, sent };
}

describe("dispatch", () => {
  it("sends due jobs once and leaves future ones, reporting the next time", () => {
    const { p, store, sent } = ports([job("a", T0 - 60_000), job("b", T0 + 3600_000)], () => ({
      kind: "sent",
      messageId: "m",
    }));
    const report = dispatch(p);
    expect(sent).toEqual(["a"]);
    expect(store.get("a")?.status).toBe("sent");
    expect(store.get("b")?.status).toBe("scheduled");
    expect(report.next).toBe(T0 + 3600_000);
    expect(dispatch(p).sent).toBe(0);
  });

  it("records 'sending' before handing the message over", () => {
    const seen: string[] = [];
    const { p, store } = ports([job("a", T0)], () => {
      seen.push(store.get("a")?.status ?? "");
      return { kind: "sent", messageId: "m" };
    });
    dispatch(p);
    expect(seen).toEqual(["sending"]);
  });

  it("turns a job left 'sending' into 'uncertain' without sending it", () => {
    const { p, store, sent } = ports([job("a", T0 - 3600_000, "sending")], () => ({ kind: "sent", messageId: "m" }));
    expect(dispatch(p).uncertain).toBe(1);
    expect(sent).toEqual([]);
    expect(store.get("a")?.status).toBe("uncertain");
    expect(store.get("a")?.history.at(-1)?.note).toBe(MAY_HAVE_BEEN_SENT);
  });

  it("fails a job whose statement cannot be built, with the reason, and goes on", () => {
    const { p, store, sent } = ports([job("broken", T0), job("b", T0)], () => ({ kind: "sent", messageId: "m" }));
    dispatch(p);
    expect(store.get("broken")?.status).toBe("failed");
    expect(store.get("broken")?.history.at(-1)?.note).toContain("no such client");
    expect(sent).toEqual(["b"]);
  });

  it("a refusal fails the job; a lost reply makes it uncertain; a quota answer puts it back to wait", () => {
    const outcomes: Record<string, SendOutcome> = {
      a: { kind: "rejected", reason: "Invalid To header" },
      b: { kind: "unknown", reason: "timeout" },
      c: { kind: "quota", reason: "limit" },
    };
    const { p, store } = ports(
      [job("a", T0), job("b", T0), job("c", T0), job("d", T0)],
      (s) => outcomes[s.clientName]!,
    );
    const report = dispatch(p);
    expect([...store.values()].map((s) => s.status)).toEqual(["failed", "uncertain", "scheduled", "scheduled"]);
    expect(report.notice).toContain("daily sending limit");
    expect(report.next).toBe(T0 + 24 * 3600_000);
  });

  it("never sends a cancelled job", () => {
    const { p, sent } = ports([job("a", T0 - 1000, "cancelled")], () => ({ kind: "sent", messageId: "m" }));
    dispatch(p);
    expect(sent).toEqual([]);
  });
});
