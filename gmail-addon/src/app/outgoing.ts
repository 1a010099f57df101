/** A job → the statement as of its date, rebuilt from today's ledger, and the email that carries it. */
import type { Ledger } from "../../../shared/src/ledger/model.js";
import { defaultTemplate, placeholderValues, renderMessage } from "../../../shared/src/message/template.js";
import type { MessageTemplate } from "../../../shared/src/message/template.js";
import { renderStatementPdf } from "../../../shared/src/pdf/render.js";
import type { OutgoingMessage } from "../../../shared/src/ports.js";
import { frenchMentionsOf, type CompanyProfile } from "../../../shared/src/profile.js";
import type { ScheduledSend } from "../../../shared/src/schedule/model.js";
import { buildStatement } from "../../../shared/src/statement/build.js";
import type { Statement } from "../../../shared/src/statement/model.js";

export interface StatementRequestOf {
  readonly ledger: Ledger;
  readonly profile: CompanyProfile;
  readonly template: MessageTemplate | undefined;
  readonly sender: string;
}

export function statementOf(
  send: Pick<ScheduledSend, "clientKey" | "kind" | "asOf" | "period">,
  context: StatementRequestOf,
): Statement {
  const client = context.ledger.clients.find((candidate) => candidate.key === send.clientKey);
  if (client === undefined) throw new StatementUnavailable(`the client is no longer in the ledger (${send.clientKey})`);
  const mentions = frenchMentionsOf(context.profile);
  return buildStatement(context.ledger, {
    kind: send.kind,
    client: client.key,
    asOf: send.asOf,
    ...(send.kind === "activity" ? { period: send.period } : {}),
    locale: client.locale ?? context.profile.locale,
    ...(mentions !== undefined ? { frenchMentions: mentions } : {}),
  });
}

/** A user-fixable reason the statement cannot be built now (shown on the job, never thrown past the dispatcher). */
export class StatementUnavailable extends Error {}

export function subjectAndBody(statement: Statement, context: StatementRequestOf): ReturnType<typeof renderMessage> {
  const template = context.template ?? defaultTemplate(statement.locale);
  return renderMessage(template, placeholderValues(statement, context.profile.name, context.sender));
}

export function outgoingFor(send: ScheduledSend, context: StatementRequestOf): OutgoingMessage {
  const statement = statementOf(send, context);
  const message = subjectAndBody(statement, context);
  const bytes = renderStatementPdf(statement, context.profile, { pageSize: "A4" });
  const safeName = statement.client.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  return {
    to: send.recipients,
    cc: [],
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachment: { name: `Releve-${safeName}-${statement.asOf}.pdf`, bytes, mimeType: "application/pdf" },
  };
}
