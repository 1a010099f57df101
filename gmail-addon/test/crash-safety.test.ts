/**
 * Nothing is sent twice: two dispatcher runs at once, a run that dies after sending but before recording it, a
 * lost reply from Gmail; and the daily quota makes jobs wait with a clear message, then go out the next day.
 */
import { buttonAction, texts } from "./sandbox/cards.js";
import { MANY_CLIENTS_URL, newSandbox, schedule, setUp, START } from "./fixtures.js";

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const DUE = START + DAY;
const key = (i: number) => `email:client${String(i + 1).padStart(2, "0")}@example.com`;
const address = (i: number) => `client${String(i + 1).padStart(2, "0")}@example.com`;

function ready() {
  const sandbox = newSandbox();
  setUp(sandbox, 30, 9, [MANY_CLIENTS_URL]);
  return sandbox;
}

function statuses(sandbox: ReturnType<typeof newSandbox>): string[] {
  return [...sandbox.properties.data]
    .filter(([k]) => k.startsWith("job:"))
    .map(([, v]) => (JSON.parse(v) as { status: string }).status);
}

describe("Gmail add-on crash safety and quota", () => {
  it("two dispatcher runs at once send once", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    let inner = 0;
    sandbox.duringSend = () => {
      if (inner++ === 0) sandbox.run("onDispatchHourly"); // a second execution while the first is sending
    };
    sandbox.advanceTo(DUE + 2 * HOUR);
    expect(inner).toBe(1);
    expect(sandbox.sent).toHaveLength(1);
    expect(statuses(sandbox)).toEqual(["sent"]);
    // The second run touched nothing (without the lock it would have seen "sending" and marked it uncertain).
    const [stored] = [...sandbox.properties.data].filter(([k]) => k.startsWith("job:")).map(([, v]) => v);
    const history = (JSON.parse(stored!) as { history: { status: string }[] }).history.map((entry) => entry.status);
    expect(history).toEqual(["planned", "scheduled", "sending", "sent"]);
  });

  it("a second run starting while the first reads the ledger (before it records 'sending') sends nothing", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    let second = 0;
    sandbox.duringSheetRead = () => {
      if (second++ === 0) sandbox.run("onDispatchHourly");
    };
    sandbox.advanceTo(DUE + 2 * HOUR);
    expect(second).toBeGreaterThan(0);
    expect(sandbox.sent).toHaveLength(1);
    expect(statuses(sandbox)).toEqual(["sent"]);
  });

  it("cancel while the dispatcher holds the lock says so and changes nothing", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    const cancel = buttonAction(sandbox.run("onHomepage", sandbox.event()), "Cancel");
    let answer = "";
    sandbox.duringSend = () => {
      answer = JSON.stringify(sandbox.run(cancel.functionName, sandbox.event({ parameters: cancel.parameters })));
    };
    sandbox.advanceTo(DUE + HOUR);
    expect(answer).toContain("sending right now");
    expect(statuses(sandbox)).toEqual(["sent"]);
  });

  it("a run that dies after sending but before recording: never resent, shown as 'may have been sent'", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    sandbox.duringSend = () => {
      sandbox.properties.failWriteIn = 1; // the next write (recording the send) kills the run
    };
    sandbox.advanceTo(DUE + 10 * 60_000);
    expect(sandbox.executions.at(-1)?.error).toBeDefined();
    expect(statuses(sandbox)).toEqual(["sending"]);
    sandbox.duringSend = undefined;
    sandbox.advanceTo(DUE + 3 * DAY); // the hourly safety net runs many times
    expect(sandbox.sent).toHaveLength(1);
    expect(statuses(sandbox)).toEqual(["uncertain"]);
    const home = sandbox.run("onHomepage", sandbox.event());
    expect(texts(home)).toContain("May have been sent — check Sent");
    // The user checks Sent and confirms.
    const confirm = buttonAction(home, "It is in Sent");
    sandbox.run(confirm.functionName, sandbox.event({ parameters: confirm.parameters }));
    expect(statuses(sandbox)).toEqual(["sent"]);
    sandbox.advanceTo(DUE + 5 * DAY);
    expect(sandbox.sent).toHaveLength(1);
  });

  it("a lost reply from Gmail: uncertain, not resent; 'Send again' sends it once more on request", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    sandbox.sendBehaviour = "deliver-then-network-error";
    sandbox.advanceTo(DUE + 2 * DAY);
    expect(sandbox.sent).toHaveLength(1);
    expect(statuses(sandbox)).toEqual(["uncertain"]);
    sandbox.sendBehaviour = "deliver";
    const again = buttonAction(sandbox.run("onHomepage", sandbox.event()), "Send again");
    sandbox.run(again.functionName, sandbox.event({ parameters: again.parameters }));
    sandbox.advanceTo(DUE + 3 * DAY);
    expect(sandbox.sent).toHaveLength(2);
    expect(statuses(sandbox)).toEqual(["sent"]);
  });

  it("the daily recipient quota (100 on gmail.com): jobs wait with a clear message and go out the next day", () => {
    const sandbox = ready();
    const forty = (i: number) => Array.from({ length: 40 }, (_, n) => `r${String(n)}.${address(i)}`);
    for (let i = 0; i < 3; i++) schedule(sandbox, key(i), DUE, forty(i));
    sandbox.advanceTo(DUE + 2 * HOUR);
    expect(sandbox.sent).toHaveLength(2);
    const home = texts(sandbox.run("onHomepage", sandbox.event())).join("\n");
    expect(home).toContain("daily sending limit (100 recipients a day) is reached");
    expect(sandbox.triggers.length).toBeLessThanOrEqual(2);
    sandbox.advanceTo(DUE + DAY + 2 * HOUR);
    expect(sandbox.sent).toHaveLength(3);
    expect(statuses(sandbox).sort()).toEqual(["sent", "sent", "sent"]);
  });

  it("Gmail's own 'limit exceeded' answer: the job waits a day and is sent once", () => {
    const sandbox = ready();
    schedule(sandbox, key(0), DUE, [address(0)]);
    sandbox.sendBehaviour = "quota";
    sandbox.advanceTo(DUE + HOUR);
    expect(sandbox.sent).toHaveLength(0);
    expect(texts(sandbox.run("onHomepage", sandbox.event())).join("\n")).toMatch(/daily sending limit.*is reached/);
    sandbox.sendBehaviour = "deliver";
    sandbox.advanceTo(DUE + 12 * HOUR);
    expect(sandbox.sent).toHaveLength(0);
    sandbox.advanceTo(DUE + DAY + 2 * HOUR);
    expect(sandbox.sent).toHaveLength(1);
    expect(statuses(sandbox)).toEqual(["sent"]);
  });
});
