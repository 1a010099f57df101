/** The Statement tab: which client, what the statement says, when it goes, and the one button that does it. */
import {
  Badge,
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatCivilDate } from "../../../shared/src/date/format.js";
import type { ClientKey } from "../../../shared/src/ledger/model.js";
import { formatMoney } from "../../../shared/src/money/format.js";
import { formatProblem } from "../../../shared/src/problem.js";
import type { Instant } from "../../../shared/src/recurrence/index.js";
import { OfficeError } from "../office/async.js";
import type { PaneData } from "./App.js";
import { encodeStatementTag } from "../graph/tag.js";
import { STATEMENT_HEADER } from "../graph/mailbox.js";
import { usePaneHost, type PaneCompose } from "./host.js";
import { recordLocalSend } from "./local-sends.js";
import { findExistingSend, type ExistingSend } from "./existing-send.js";
import { formatSendTime } from "./scheduled-format.js";
import type { SendPlan } from "./statement-service.js";
import { STRINGS } from "./strings.js";

type Loaded = Extract<PaneData, { kind: "loaded" }>;
type When = "rule" | "tomorrow" | "pick";

type AttachState =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | { readonly kind: "done"; readonly name: string; readonly scheduled: Instant | undefined }
  | { readonly kind: "failed"; readonly message: string; readonly code: string | undefined };

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  amount: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  lines: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "4px" },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  attach: { alignSelf: "stretch" },
});

export function StatementView({
  data,
  compose,
  onUseExample,
}: {
  data: Loaded;
  compose: PaneCompose;
  onUseExample: () => Promise<void>;
}) {
  const host = usePaneHost();
  const engine = data.engine;
  const strings = STRINGS[host.language];
  const uiLocale = host.language === "fr" ? "fr-FR" : "en-GB";
  const styles = useStyles();
  const [recipients, setRecipients] = useState<readonly string[]>([]);
  const [picked, setPicked] = useState<ClientKey | undefined>(undefined);
  const [when, setWhen] = useState<When>("rule");
  const [pickValue, setPickValue] = useState(() =>
    engine.localInputValue(engine.tomorrowAtNine(host.clock), host.clock),
  );
  const [attach, setAttach] = useState<AttachState>({ kind: "idle" });
  const capabilities = compose.capabilities();
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attach.kind === "done" || attach.kind === "failed") outcome.current?.scrollIntoView({ block: "nearest" });
  }, [attach.kind]);

  useEffect(() => {
    let live = true;
    const read = () => {
      void compose.recipients().then((list) => {
        if (live) setRecipients(list);
      });
    };
    read();
    const stop = host.onRecipientsChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, [host]);

  const ledger = data.ledger?.kind === "ready" ? data.ledger.ledger : undefined;
  const matched = ledger !== undefined ? engine.matchClient(ledger, recipients, data.settings.clients) : undefined;
  const client = ledger?.clients.find((c) => c.key === (picked ?? matched?.key));
  const clientSettings = client !== undefined ? data.settings.clients[client.key] : undefined;
  const rule = useMemo(
    () => engine.clientRule(clientSettings, data.profile, host.clock),
    [engine, clientSettings, data.profile, host.clock],
  );

  const plan: SendPlan | undefined = useMemo(() => {
    if (ledger === undefined || client === undefined) return undefined;
    if (when === "rule") {
      return rule.ok ? engine.planByRule(ledger, client, rule.rule, data.profile, host.clock) : undefined;
    }
    const at =
      when === "tomorrow" ? engine.tomorrowAtNine(host.clock) : engine.instantFromLocalInput(pickValue, host.clock);
    return at === undefined ? undefined : engine.planAt(ledger, client, at, data.profile, host.clock);
  }, [engine, ledger, client, when, rule, pickValue, data.profile, host.clock]);

  useEffect(() => {
    setAttach({ kind: "idle" });
  }, [client?.key, when, pickValue]);

  // The same client and period already waiting, sent, or prepared here: say so before it goes twice.
  const planKey = plan?.kind === "send" ? plan.key : undefined;
  const [existing, setExisting] = useState<ExistingSend | undefined>(undefined);
  useEffect(() => {
    setExisting(undefined);
    if (planKey === undefined) return;
    let live = true;
    void findExistingSend(host, planKey).then((found) => {
      if (live) setExisting(found);
    });
    return () => {
      live = false;
    };
  }, [host, planKey]);
  const passed = plan?.kind === "send" && plan.sendAt <= host.clock.now();

  if (data.ledger === undefined) {
    return (
      <Card data-testid="no-ledger">
        <CardHeader header={<Text weight="semibold">{strings.noLedgerTitle}</Text>} />
        <Text>{strings.noLedger}</Text>
        <Button appearance="primary" onClick={() => void onUseExample()}>
          {strings.useExample}
        </Button>
      </Card>
    );
  }
  if (data.ledger.kind === "failed") {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="ledger-problems">
        <MessageBarBody>
          <MessageBarTitle>{strings.ledgerFailed}</MessageBarTitle>
          <ul className={styles.problems}>
            {data.ledger.problems
              .filter((p) => p.severity === "error")
              .map((p, index) => (
                <li key={index}>{formatProblem(p)}</li>
              ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const clients = data.ledger.ledger.clients;

  const run = async () => {
    if (plan?.kind !== "send") return;
    setAttach({ kind: "working" });
    try {
      const name = engine.attachmentName(plan.statement);
      const bytes = await engine.renderPdf(plan.statement, data.profile);
      await compose.attach({ name, bytes, mimeType: "application/pdf" });
      const message = engine.messageFor(plan.statement, clientSettings?.template, data.profile, host.sender);
      await compose.fill(message.subject, message.html);
      const tag = encodeStatementTag(engine.tagFor(plan));
      if (tag !== undefined) await compose.tag(STATEMENT_HEADER, tag);
      const scheduled = await compose.deferUntil(plan.sendAt);
      if (scheduled !== undefined) {
        const recipientsNow = await compose.recipients();
        const current = await host.localSends.load();
        await host.localSends.save(
          recordLocalSend(
            current,
            {
              key: plan.key,
              clientName: plan.statement.client.name,
              period: plan.period,
              sendAtMs: scheduled,
              to: recipientsNow,
              subject: message.subject,
              attachmentName: name,
            },
            host.clock.now(),
          ),
        );
      }
      setAttach({ kind: "done", name, scheduled });
    } catch (error) {
      setAttach({
        kind: "failed",
        message: error instanceof Error ? error.message : String(error),
        code: error instanceof OfficeError ? error.code : undefined,
      });
    }
  };

  return (
    <div className={styles.stack}>
      <Field
        label={strings.client}
        hint={
          matched !== undefined && picked === undefined
            ? strings.matchedFrom(recipients.find((r) => matched.emails.includes(r)) ?? matched.emails[0] ?? "")
            : client === undefined
              ? strings.noMatch
              : undefined
        }
      >
        <Dropdown
          data-testid="client-picker"
          placeholder={strings.pickClient}
          value={client?.name ?? ""}
          selectedOptions={client !== undefined ? [client.key] : []}
          onOptionSelect={(_event, option) => {
            const key = clients.find((c) => c.key === option.optionValue)?.key;
            setPicked(key);
          }}
        >
          {clients.map((c) => (
            <Option key={c.key} value={c.key} text={c.name}>
              {c.name}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {!rule.ok && client !== undefined ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.ruleError}</MessageBarTitle>
            {rule.problems.map((p) => formatProblem(p)).join("; ")}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {plan !== undefined && plan.kind !== "no-date" ? (
        <Card data-testid="preview">
          {plan.statement.sections.map((section) => (
            <div key={section.currency} className={styles.stack}>
              <div className={styles.row}>
                <Text className={styles.muted}>{strings.balance}</Text>
                {section.overdueCount > 0 ? (
                  <Badge appearance="tint" color="danger">
                    {formatMoney(section.overdueTotal, plan.statement.locale)} {strings.overdue}
                  </Badge>
                ) : null}
              </div>
              <Text className={styles.amount} data-testid="balance">
                {formatMoney(section.openTotal, plan.statement.locale)}
              </Text>
              {section.overdueCount > 0 ? (
                <>
                  <Text weight="semibold">{strings.overdueLines}</Text>
                  <ul className={styles.lines}>
                    {section.openItems
                      .filter((line) => line.daysOverdue > 0)
                      .map((line) => (
                        <li key={line.number} className={styles.row}>
                          <span>
                            <Text weight="semibold">{line.number}</Text>{" "}
                            <Text size={200} className={styles.muted}>
                              {strings.dueOn(formatCivilDate(line.dueDate, uiLocale, "short"))} ·{" "}
                              {strings.daysLate(line.daysOverdue)}
                            </Text>
                          </span>
                          <Text>{formatMoney(line.open, plan.statement.locale)}</Text>
                        </li>
                      ))}
                  </ul>
                </>
              ) : (
                <Text className={styles.muted}>{strings.noOverdue}</Text>
              )}
            </div>
          ))}
          <Text size={200} className={styles.muted} data-testid="as-of">
            {strings.asOf(formatCivilDate(plan.asOf, uiLocale, "long"))}
          </Text>
        </Card>
      ) : null}

      {plan?.kind === "nothing-to-send" ? (
        <MessageBar intent="info" data-testid="nothing-to-send">
          <MessageBarBody>
            {strings.nothingToSend} {formatCivilDate(plan.asOf, uiLocale, "long")}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {plan?.kind === "no-date" ? (
        <MessageBar intent="warning">
          <MessageBarBody>{plan.reason}</MessageBarBody>
        </MessageBar>
      ) : null}

      {client !== undefined ? (
        <Field label={strings.sendWhen} hint={strings.zone(host.clock.zone())}>
          <RadioGroup
            value={when}
            onChange={(_event, selected) => {
              setWhen(selected.value === "tomorrow" ? "tomorrow" : selected.value === "pick" ? "pick" : "rule");
            }}
          >
            <Radio
              value="rule"
              label={`${strings.byRule}${rule.ok ? ` — ${engine.describeRule(rule.rule, host.language)}` : ""}`}
            />
            <Radio value="tomorrow" label={strings.tomorrow} />
            <Radio value="pick" label={strings.pickTime} />
          </RadioGroup>
          {when === "pick" ? (
            <Input
              type="datetime-local"
              aria-label={strings.pickTime}
              value={pickValue}
              onChange={(_event, next) => {
                setPickValue(next.value);
              }}
            />
          ) : null}
        </Field>
      ) : null}

      {plan?.kind === "send" ? (
        <Text>
          {capabilities.canDefer ? strings.plannedSend : strings.suggestedSend}{" "}
          <Text weight="semibold" data-testid="send-at">
            {formatSendTime(plan.sendAt, uiLocale, host.clock)}
          </Text>
        </Text>
      ) : null}

      {passed ? (
        <MessageBar intent="warning" data-testid="time-passed">
          <MessageBarBody>{strings.timePassed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {existing !== undefined && attach.kind !== "done" ? (
        <MessageBar intent="warning" layout="multiline" data-testid="already-scheduled">
          <MessageBarBody>
            {(existing.kind === "scheduled"
              ? strings.alreadyScheduled
              : existing.kind === "sent"
                ? strings.alreadySent
                : strings.alreadyPrepared)(formatSendTime(existing.atMs, uiLocale, host.clock))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!capabilities.canDefer ? (
        <MessageBar intent="warning" layout="multiline" data-testid="no-defer">
          <MessageBarBody>{strings.noDefer}</MessageBarBody>
        </MessageBar>
      ) : capabilities.deferredIsFinal ? (
        <MessageBar intent="warning" layout="multiline" data-testid="classic-windows">
          <MessageBarBody>{strings.classicWindows}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Button
        size="large"
        className={styles.attach}
        appearance={existing !== undefined ? "secondary" : "primary"}
        disabled={plan?.kind !== "send" || passed || attach.kind === "working"}
        icon={attach.kind === "working" ? <Spinner size="tiny" /> : undefined}
        onClick={() => void run()}
        data-testid="attach"
      >
        {attach.kind === "working" ? strings.attaching : existing !== undefined ? strings.attachAnyway : strings.attach}
      </Button>

      <div ref={outcome} />
      {attach.kind === "done" ? (
        <MessageBar
          intent={attach.scheduled !== undefined ? "success" : "warning"}
          layout="multiline"
          data-testid="result"
        >
          <MessageBarBody>
            {strings.attached(attach.name)}{" "}
            {attach.scheduled !== undefined
              ? `${strings.scheduledFor(formatSendTime(attach.scheduled, uiLocale, host.clock))} ${strings.readBack} ${plan !== undefined && plan.kind !== "no-date" ? strings.asOf(formatCivilDate(plan.asOf, uiLocale, "long")) : ""}`
              : strings.notDeferred}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {attach.kind === "failed" ? (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
            {attach.message}
            {attach.code !== undefined ? ` (${strings.errorCode(attach.code)})` : ""}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
