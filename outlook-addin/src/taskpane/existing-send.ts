/**
 * Is this client's statement for this period already on its way? Asked before attaching, so the same statement is
 * not scheduled twice: Graph first (waiting in Drafts, then Sent Items), else what this pane recorded itself.
 */
import type { SendKey } from "../../../shared/src/schedule/model.js";
import type { PaneHost } from "./host.js";

export interface ExistingSend {
  readonly kind: "scheduled" | "sent" | "prepared";
  /** Its send time, or when it was sent. */
  readonly atMs: number;
}

/** Sent Items are searched this far back: a statement period is a month. */
const SENT_LOOKBACK_MS = 62 * 24 * 3600 * 1000;

export async function findExistingSend(
  host: Pick<PaneHost, "mailbox" | "localSends" | "clock">,
  key: SendKey,
): Promise<ExistingSend | undefined> {
  try {
    const waiting = (await host.mailbox.listScheduled()).find((m) => m.tag?.key === key);
    if (waiting?.deferredUntil !== undefined) return { kind: "scheduled", atMs: waiting.deferredUntil };
    const since = (host.clock.now() - SENT_LOOKBACK_MS) as Parameters<PaneHost["mailbox"]["listSentStatements"]>[0];
    const sent = (await host.mailbox.listSentStatements(since)).find((m) => m.tag?.key === key);
    return sent?.sentAt !== undefined ? { kind: "sent", atMs: sent.sentAt } : undefined;
  } catch {
    // No Graph (no sign-in, offline): fall back to what this pane prepared, which may not have been sent.
    const local = (await host.localSends.load())?.sends.find((s) => s.key === key);
    return local !== undefined ? { kind: "prepared", atMs: local.sendAtMs } : undefined;
  }
}
