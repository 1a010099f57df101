/** `releve schedule`: the next sends for every client under one rule — when, which period, what it would say. */
import { frenchMentionsOf } from "../../../shared/src/profile.js";
import { describe, formatInstant } from "../../../shared/src/recurrence/index.js";
import { formatLocalIso } from "../../../shared/src/recurrence/local-date-time.js";
import { instantToZoned } from "../../../shared/src/recurrence/zone.js";
import { PERIOD_CHOICES, planSends, type PeriodChoice, type Plan } from "../../../shared/src/schedule/index.js";
import { moneyJson } from "../../../shared/src/statement/json.js";
import { loadLedger } from "../context.js";
import { readProfile, UsageError } from "../io.js";
import type { ParsedOptions } from "../options.js";
import { renderTable } from "../table.js";
import type { CommandOutput } from "./output.js";
import { countOption, nowOption, readSendRule, shiftOption, zoneOption } from "./rule-support.js";
import { describeStatement } from "./summary.js";

export function periodOption(values: ParsedOptions): PeriodChoice {
  const period = values.period ?? "send-month";
  if (!(PERIOD_CHOICES as readonly string[]).includes(period)) {
    throw new UsageError(`--period takes ${PERIOD_CHOICES.join(", ")}`);
  }
  return period as PeriodChoice;
}

/** Plain-text rendering of a plan, shared with `npm start`'s "coming sends". */
export function planTable(plan: Plan): string {
  const rows = plan.planned.map(({ send, statement }) => [
    formatLocalIso(instantToZoned(send.sendAt, send.zone)).replace("T", " ").slice(0, 16),
    formatInstant(send.sendAt),
    `${send.period.from} – ${send.period.to}`,
    send.recipients.join(", "),
    describeStatement(statement),
  ]);
  const table = renderTable(
    [
      { title: "When (local)" },
      { title: "UTC" },
      { title: "Period" },
      { title: "To" },
      { title: "The statement would say" },
    ],
    rows,
  );
  const skipped = plan.skipped.map((skip) => `  ${skip.clientName}: ${skip.reason}`);
  return skipped.length === 0 ? table : `${table}\n\nNot planned:\n${[...new Set(skipped)].join("\n")}`;
}

export async function scheduleCommand(values: ParsedOptions): Promise<CommandOutput> {
  if (values.rule === undefined)
    throw new UsageError('give --rule, e.g. --rule "FREQ=MONTHLY;BYMONTHDAY=30;RSCALE=GREGORIAN;SKIP=BACKWARD"');
  const zone = zoneOption(values);
  const now = nowOption(values);
  const count = countOption(values, 3);
  const period = periodOption(values);
  const sendRule = readSendRule(values.rule, zone, now, shiftOption(values), "--rule");
  const profile = readProfile(values.profile);
  const { ledger, problems } = await loadLedger(values, profile.paymentTermsDays);
  const mentions = frenchMentionsOf(profile);
  const plan = planSends({
    ledger,
    schedules: ledger.clients.map((client) => ({
      client: client.key,
      rule: sendRule,
      zone,
      kind: "outstanding",
      period,
    })),
    now,
    count,
    existing: [],
    locale: profile.locale,
    ...(mentions !== undefined ? { frenchMentions: mentions } : {}),
  });
  const words = {
    en: describe(sendRule.rule, "en", sendRule.shift),
    fr: describe(sendRule.rule, "fr", sendRule.shift),
  };
  if (values.json === true) {
    return {
      json: {
        rule: words,
        now: formatInstant(now),
        zone,
        sends: plan.planned.map(({ send, statement }) => ({
          client: send.clientName,
          recipients: send.recipients,
          sendAt: formatInstant(send.sendAt),
          local: formatLocalIso(instantToZoned(send.sendAt, send.zone)),
          zone: send.zone,
          period: send.period,
          key: send.key,
          balances: statement.sections.map((section) => ({
            open: moneyJson(section.openTotal),
            overdue: moneyJson(section.overdueTotal),
          })),
        })),
        skipped: plan.skipped.map((skip) => ({ client: skip.clientName, reason: skip.reason })),
      },
      problems,
    };
  }
  return { text: `${words.en}\n${words.fr}\n\n${planTable(plan)}`, problems };
}
