/**
 * "Scheduled sends": every message waiting in Drafts with a deferred send time (Graph), ours marked with client and
 * period, late ones flagged; cancel (kept as a plain draft, with undo), reschedule, send now, and the statement
 * refreshed from the current ledger. Without Graph it lists what this pane prepared itself and says why.
 * Every change goes through one queue, so clicks in any order never run two changes at once.
 */
import {
  Badge,
  Button,
  Card,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { instantFromEpochMilliseconds } from "../../../shared/src/recurrence/instant.js";
import { isGraphError, type GraphProblem, type MailboxMessage } from "../graph/mailbox.js";
import * as operations from "../graph/operations.js";
import type { PaneData } from "./App.js";
import { usePaneHost } from "./host.js";
import type { LocalSend } from "./local-sends.js";
import { SCHEDULED_STRINGS, type ScheduledStrings } from "./scheduled-strings.js";
import { formatSendTime, periodMonth, whenWords } from "./scheduled-format.js";

type Loaded = Extract<PaneData, { kind: "loaded" }>;

type ListState =
  | { readonly kind: "loading" }
  | {
      readonly kind: "graph";
      readonly scheduled: readonly MailboxMessage[];
      readonly sent: readonly MailboxMessage[];
    }
  | { readonly kind: "unreachable"; readonly problem: GraphProblem; readonly local: readonly LocalSend[] };

type Notice =
  | { readonly kind: "done"; readonly text: string; readonly undo?: () => void }
  | { readonly kind: "warning"; readonly text: string }
  | { readonly kind: "error"; readonly text: string };

/** How long the undo of a cancel stays on screen. */
const UNDO_VISIBLE_MS = 10_000;
const SENT_HISTORY_MS = 31 * 24 * 3600 * 1000;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  when: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXS },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "6px" },
});

function problemOf(error: unknown): GraphProblem {
  if (isGraphError(error)) return error.problem;
  return { kind: "server", status: 0, code: "Error", message: error instanceof Error ? error.message : String(error) };
}

function problemText(problem: GraphProblem, strings: ScheduledStrings): string {
  switch (problem.kind) {
    case "signin-unavailable":
      return strings.signinUnavailable(problem.reason);
    case "signin-refused":
      return strings.signinRefused(problem.reason);
    case "throttled":
      return strings.throttled(problem.retryAfterSeconds);
    case "offline":
      return strings.offline(problem.reason);
    case "not-found":
      return strings.alreadyGone;
    case "too-large":
      return strings.tooLarge(problem.what);
    case "server":
      return strings.serverError(problem.status, problem.code, problem.message);
  }
}

/** What a failed change tells the user: the operations' own errors first (nothing lost, what state it is in). */
function failureNotice(error: unknown, strings: ScheduledStrings): Notice {
  if (error instanceof operations.KeptAsDraftError) return { kind: "warning", text: strings.keptAsDraft };
  if (error instanceof operations.UnconfirmedDeleteError) return { kind: "warning", text: strings.unconfirmed };
  if (error instanceof operations.OperationRefusedError)
    return { kind: "warning", text: strings.refused[error.reason] };
  const problem = problemOf(error);
  return { kind: problem.kind === "not-found" ? "warning" : "error", text: problemText(problem, strings) };
}

export function ScheduledView({ data }: { data: Loaded }) {
  const host = usePaneHost();
  const strings = SCHEDULED_STRINGS[host.language];
  const locale = host.language === "fr" ? "fr-FR" : "en-GB";
  const styles = useStyles();
  const [list, setList] = useState<ListState>({ kind: "loading" });
  /** Reads in flight, and reads finished (the list's version, which tests and assistive tech can follow). */
  const [reading, setReading] = useState(0);
  const [readsDone, setReadsDone] = useState(0);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [rescheduling, setRescheduling] = useState<{ id: string; value: string } | undefined>();
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** "cancel:<id>"… already waiting in the queue: a second click on the same button adds nothing. */
  const pending = useRef(new Set<string>());
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const noticeRef = useRef<Notice | undefined>(undefined);
  const mailbox = host.mailbox;
  const clockOptions = { now: () => host.clock.now() };
  const { engine } = data;
  const ledger = data.ledger?.kind === "ready" ? data.ledger.ledger : undefined;
  // A queued refresh runs later: it must build from the ledger and profile of that moment, not of the click.
  const latest = useRef(data);
  latest.current = data;

  const reload = useCallback(async (): Promise<void> => {
    setReading((n) => n + 1);
    try {
      // Independent reads: at once, so the list takes one round trip's time, not two.
      const [scheduled, sent] = await Promise.all([
        mailbox.listScheduled(),
        mailbox.listSentStatements(instantFromEpochMilliseconds(host.clock.now() - SENT_HISTORY_MS)),
      ]);
      setList({ kind: "graph", scheduled, sent });
    } catch (error) {
      const local = (await host.localSends.load())?.sends ?? [];
      setList({ kind: "unreachable", problem: problemOf(error), local });
    } finally {
      setReading((n) => n - 1);
      setReadsDone((n) => n + 1);
    }
  }, [mailbox, host]);

  useEffect(() => {
    void reload();
    return () => {
      clearTimeout(undoTimer.current);
    };
  }, [reload]);

  const show = useCallback((next: Notice | undefined) => {
    clearTimeout(undoTimer.current);
    // A change queued behind a cancel may find its message gone: say so without taking the cancel's Undo away.
    const undoing = noticeRef.current;
    if (next?.kind === "warning" && undoing?.kind === "done" && undoing.undo !== undefined) {
      next = { kind: "done", text: `${undoing.text} ${next.text}`, undo: undoing.undo };
    }
    noticeRef.current = next;
    setNotice(next);
    if (next?.kind === "done" && next.undo !== undefined) {
      // The undo goes after a while; the confirmation line itself stays.
      const shown = next;
      undoTimer.current = setTimeout(() => {
        noticeRef.current = { kind: "done", text: shown.text };
        setNotice(noticeRef.current);
      }, UNDO_VISIBLE_MS);
    }
  }, []);

  /**
   * Runs one change after the others. The target is looked up again when its turn comes: a refresh before it may
   * have replaced the message (same statement tag, new id); when it is gone, nothing is done and the user is told.
   * Buttons stay clickable while a change runs (a spinner shows it): a cancel clicked during a refresh waits its turn
   * and then cancels the refreshed message.
   */
  const enqueue = useCallback(
    (action: string, ids: readonly string[], change: () => Promise<Notice | undefined>) => {
      const actionKey = `${action}:${ids.join(",")}`;
      if (pending.current.has(actionKey)) return;
      pending.current.add(actionKey);
      setBusy((current) => new Set([...current, ...ids]));
      const run = async () => {
        try {
          const next = await change();
          if (next !== undefined) show(next);
        } catch (error) {
          show(failureNotice(error, strings));
        } finally {
          pending.current.delete(actionKey);
          setBusy((current) => new Set([...current].filter((id) => !ids.includes(id))));
          await reload();
        }
      };
      queue.current = queue.current.then(run, run);
    },
    [reload, show, strings],
  );

  const current = useCallback(
    async (message: MailboxMessage): Promise<MailboxMessage | undefined> => {
      const fresh = await mailbox.listScheduled();
      return (
        fresh.find((m) => m.id === message.id) ??
        (message.tag !== undefined ? fresh.find((m) => m.tag?.key === message.tag?.key) : undefined)
      );
    },
    [mailbox],
  );

  const when = (atMs: number) => whenWords(atMs, locale, host.clock);

  const cancel = (message: MailboxMessage) => {
    enqueue("cancel", [message.id], async () => {
      const target = await current(message);
      if (target?.deferredUntil === undefined) return { kind: "warning", text: strings.alreadyGone };
      const { draft, wasAt } = await operations.cancel(mailbox, target);
      const undo = () => {
        enqueue("undo", [draft.id], async () => {
          await operations.undoCancel(mailbox, draft.id, wasAt);
          return { kind: "done", text: strings.restored(when(wasAt)) };
        });
      };
      return { kind: "done", text: strings.cancelled(target.tag?.clientName ?? target.subject), undo };
    });
  };

  const sendNow = (message: MailboxMessage) => {
    enqueue("send-now", [message.id], async () => {
      const target = await current(message);
      if (target === undefined) return { kind: "warning", text: strings.alreadyGone };
      await operations.sendNow(mailbox, target, clockOptions);
      return { kind: "done", text: strings.sentNow(target.subject) };
    });
  };

  const reschedule = (message: MailboxMessage, value: string) => {
    const at = engine.instantFromLocalInput(value, host.clock);
    if (at === undefined) return;
    setRescheduling(undefined);
    enqueue("reschedule", [message.id], async () => {
      const target = await current(message);
      if (target === undefined) return { kind: "warning", text: strings.alreadyGone };
      const moved = await operations.reschedule(mailbox, target, at, clockOptions);
      if (moved.tag === undefined) return { kind: "done", text: strings.rescheduled(when(at)) };
      // Ours: the statement follows the new day (its figures are as of the send day), in the same turn of the queue.
      const refreshed = await refreshOne(moved).catch((error: unknown) => failureNotice(error, strings));
      return refreshed === "refreshed"
        ? { kind: "done", text: `${strings.rescheduled(when(at))} ${strings.statementFollows}` }
        : { kind: "warning", text: `${strings.rescheduled(when(at))} ${refreshed.text}` };
    });
  };

  /** Rebuilds the statement of a tagged message from the current ledger; a notice when it cannot or should not. */
  const refreshOne = async (message: MailboxMessage): Promise<Notice | "refreshed"> => {
    const now = latest.current;
    const nowLedger = now.ledger?.kind === "ready" ? now.ledger.ledger : undefined;
    const tag = message.tag;
    if (tag === undefined || nowLedger === undefined) return { kind: "warning", text: strings.needLedger };
    const found = engine.statementForTag(
      nowLedger,
      tag,
      now.profile,
      message.deferredUntil ?? host.clock.now(),
      host.clock,
    );
    if (found.kind === "unknown-client") return { kind: "warning", text: strings.unknownClient(tag.clientName) };
    if (found.statement.nothingToSend) return { kind: "warning", text: strings.nothingOwed(tag.clientName) };
    const bytes = await engine.renderPdf(found.statement, now.profile);
    await operations.refreshStatement(
      mailbox,
      message,
      { name: engine.attachmentName(found.statement), bytes, contentType: "application/pdf" },
      clockOptions,
    );
    return "refreshed";
  };

  const refresh = (message: MailboxMessage) => {
    enqueue("refresh", [message.id], async () => {
      const target = await current(message);
      if (target?.deferredUntil === undefined) return { kind: "warning", text: strings.alreadyGone };
      const result = await refreshOne(target);
      return result === "refreshed"
        ? { kind: "done", text: strings.refreshed(target.tag?.clientName ?? "", when(target.deferredUntil)) }
        : result;
    });
  };

  const refreshAll = (messages: readonly MailboxMessage[]) => {
    const ours = messages.filter((m) => m.tag !== undefined && (m.deferredUntil ?? 0) > host.clock.now());
    enqueue(
      "refresh-all",
      ours.map((m) => m.id),
      async () => {
        let count = 0;
        const skipped: string[] = [];
        for (const message of ours) {
          const target = await current(message);
          if (target === undefined) continue;
          // One that cannot be refreshed does not stop the others; each says why.
          const result = await refreshOne(target).catch((error: unknown) => failureNotice(error, strings));
          if (result === "refreshed") count += 1;
          else skipped.push(result.text);
        }
        const text = [strings.refreshedAll(count), ...skipped].join(" ");
        return { kind: skipped.length > 0 ? "warning" : "done", text };
      },
    );
  };

  const noticeBar =
    notice === undefined ? null : (
      <MessageBar
        intent={notice.kind === "done" ? "success" : notice.kind}
        layout="multiline"
        data-testid="scheduled-notice"
      >
        <MessageBarBody>{notice.text}</MessageBarBody>
        {notice.kind === "done" && notice.undo !== undefined ? (
          <MessageBarActions>
            <Button
              data-testid="undo"
              onClick={() => {
                const undo = notice.undo;
                noticeRef.current = undefined;
                show(undefined);
                undo?.();
              }}
            >
              {strings.undo}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    );

  const classic = host.classicWindows ? (
    <MessageBar intent="info" layout="multiline" data-testid="classic-windows">
      <MessageBarBody>{strings.classicWindows}</MessageBarBody>
    </MessageBar>
  ) : null;

  if (list.kind === "loading") {
    return (
      <div className={styles.stack}>
        {classic}
        <Spinner label={strings.loading} />
      </div>
    );
  }

  if (list.kind === "unreachable") {
    const signin = list.problem.kind === "signin-unavailable" || list.problem.kind === "signin-refused";
    return (
      <div
        className={styles.stack}
        data-testid="scheduled-unreachable"
        data-problem={list.problem.kind}
        data-reads={readsDone}
        aria-busy={reading > 0}
      >
        {classic}
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {signin ? <MessageBarTitle>{strings.signinTitle}</MessageBarTitle> : null}
            {problemText(list.problem, strings)}
          </MessageBarBody>
          {list.problem.kind !== "signin-unavailable" ? (
            <MessageBarActions>
              <Button data-testid="retry" onClick={() => void reload()}>
                {signin ? strings.signIn : strings.retry}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
        <Text weight="semibold">{strings.localTitle}</Text>
        <Text className={styles.muted}>{strings.localHint}</Text>
        {list.local.length === 0 ? (
          <Text>{strings.localEmpty}</Text>
        ) : (
          <ul className={styles.list} data-testid="local-sends">
            {list.local.map((send) => (
              <li key={send.key} data-testid="local-send">
                <Card className={styles.card}>
                  <Text className={styles.when}>{when(send.sendAtMs)}</Text>
                  <Text>{strings.statementOf(send.clientName, periodMonth(send.period, locale))}</Text>
                  <Text className={styles.muted}>
                    {strings.to(send.to.join(", "))} · “{send.subject}” · {send.attachmentName}
                  </Text>
                  {send.sendAtMs <= host.clock.now() ? (
                    <Text className={styles.muted}>{strings.localPassed}</Text>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const now = host.clock.now();
  return (
    <div className={styles.stack} data-testid="scheduled-view" data-reads={readsDone} aria-busy={reading > 0}>
      {classic}
      <div className={styles.toolbar}>
        <Button
          data-testid="reload"
          icon={reading > 0 ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void reload()}
        >
          {strings.refreshList}
        </Button>
        <Button
          data-testid="refresh-all"
          disabled={ledger === undefined || !list.scheduled.some((m) => m.tag !== undefined)}
          onClick={() => {
            refreshAll(list.scheduled);
          }}
        >
          {strings.refreshAll}
        </Button>
      </div>
      {noticeBar}
      {list.scheduled.length === 0 ? <Text data-testid="scheduled-empty">{strings.empty}</Text> : null}
      <ul className={styles.list}>
        {list.scheduled.map((message) => {
          const atMs = message.deferredUntil ?? 0;
          const late = atMs <= now;
          const isBusy = busy.has(message.id);
          const editing = rescheduling?.id === message.id ? rescheduling : undefined;
          return (
            <li key={message.id} data-testid="scheduled-send" data-id={message.id} data-late={String(late)}>
              <Card className={styles.card}>
                <div className={styles.badges}>
                  {late ? (
                    <Badge color="danger" data-testid="late-badge">
                      {strings.late}
                    </Badge>
                  ) : null}
                  {message.tag !== undefined ? (
                    <Badge appearance="tint" color="brand">
                      {strings.ours}
                    </Badge>
                  ) : null}
                </div>
                <Text className={styles.when} data-testid="send-time" data-epoch={String(atMs)}>
                  {when(atMs)}
                </Text>
                {message.tag !== undefined ? (
                  <Text data-testid="send-client">
                    {strings.statementOf(message.tag.clientName, periodMonth(message.tag.period, locale))}
                  </Text>
                ) : null}
                <Text>{message.to.length > 0 ? strings.to(message.to.join(", ")) : strings.noRecipient}</Text>
                <Text className={styles.muted}>“{message.subject}”</Text>
                {message.attachments.length > 0 ? (
                  <Text className={styles.muted}>
                    {strings.attachments(message.attachments.map((a) => a.name).join(", "))}
                  </Text>
                ) : null}
                {late ? <Text className={styles.muted}>{strings.lateHint}</Text> : null}
                {editing !== undefined ? (
                  <div className={styles.actions}>
                    <Input
                      type="datetime-local"
                      aria-label={strings.newTime}
                      data-testid="reschedule-input"
                      value={editing.value}
                      onChange={(_event, field) => {
                        setRescheduling({ id: message.id, value: field.value });
                      }}
                    />
                    <Button
                      appearance="primary"
                      size="small"
                      data-testid="reschedule-confirm"
                      disabled={engine.instantFromLocalInput(editing.value, host.clock) === undefined}
                      onClick={() => {
                        reschedule(message, editing.value);
                      }}
                    >
                      {strings.confirmReschedule}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        setRescheduling(undefined);
                      }}
                    >
                      {strings.closeReschedule}
                    </Button>
                    <Text className={styles.muted}>{strings.inZone(host.clock.zone())}</Text>
                  </div>
                ) : null}
                <div className={styles.actions}>
                  {isBusy ? <Spinner size="tiny" label={strings.working} /> : null}
                  {late ? (
                    <Button
                      appearance="primary"
                      size="small"
                      data-testid="send-now"
                      onClick={() => {
                        sendNow(message);
                      }}
                    >
                      {strings.sendNow}
                    </Button>
                  ) : null}
                  <Button
                    size="small"
                    data-testid="cancel-send"
                    onClick={() => {
                      cancel(message);
                    }}
                  >
                    {strings.cancel}
                  </Button>
                  {!late ? (
                    <Button
                      size="small"
                      data-testid="reschedule"
                      onClick={() => {
                        setRescheduling({
                          id: message.id,
                          value: engine.localInputValue(instantFromEpochMilliseconds(atMs), host.clock),
                        });
                      }}
                    >
                      {strings.reschedule}
                    </Button>
                  ) : null}
                  {!late && message.tag !== undefined ? (
                    <Button
                      size="small"
                      data-testid="refresh-statement"
                      disabled={ledger === undefined}
                      title={ledger === undefined ? strings.needLedger : undefined}
                      onClick={() => {
                        refresh(message);
                      }}
                    >
                      {strings.refresh}
                    </Button>
                  ) : null}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
      <Text weight="semibold">{strings.sentTitle}</Text>
      {list.sent.length === 0 ? (
        <Text className={styles.muted}>{strings.sentEmpty}</Text>
      ) : (
        <ul className={styles.list}>
          {list.sent.map((message) => (
            <li key={message.id} data-testid="sent-send">
              <Card className={styles.card}>
                <div className={styles.badges}>
                  <Badge color="success">
                    {strings.sentAt(formatSendTime(message.sentAt ?? 0, locale, host.clock))}
                  </Badge>
                </div>
                {message.tag !== undefined ? (
                  <Text>{strings.statementOf(message.tag.clientName, periodMonth(message.tag.period, locale))}</Text>
                ) : null}
                <Text className={styles.muted}>
                  {strings.to(message.to.join(", "))} · “{message.subject}”
                </Text>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
