/**
 * What Outlook does when the user presses Send on a draft with "send later": the message is saved with its
 * deferred time (0x3FEF) and our header's named property, then submitted; the server holds it in Drafts until due.
 * The workbench's Send goes through here to the local mailbox server, in Graph shapes over HTTP.
 */
import type { FileAttachment, Message, SingleValueLegacyExtendedProperty } from "@microsoft/microsoft-graph-types";
import { DEFERRED_SEND_PROPERTY, STATEMENT_HEADER, STATEMENT_TAG_PROPERTY } from "../src/graph/mailbox.js";
import type { Draft } from "./draft.js";

export function graphMessageOf(
  draft: Draft,
): Message & { attachments: (FileAttachment & { "@odata.type": string })[] } {
  const properties: SingleValueLegacyExtendedProperty[] = [];
  if (draft.delayDeliveryTime !== 0) {
    properties.push({ id: DEFERRED_SEND_PROPERTY, value: new Date(draft.delayDeliveryTime).toISOString() });
  }
  const tag = draft.headers[STATEMENT_HEADER];
  if (tag !== undefined) properties.push({ id: STATEMENT_TAG_PROPERTY, value: tag });
  const recipients = (list: readonly string[]) => list.map((address) => ({ emailAddress: { address } }));
  return {
    subject: draft.subject,
    body: { contentType: "html", content: draft.bodyHtml },
    toRecipients: recipients(draft.to),
    ccRecipients: recipients(draft.cc),
    ...(properties.length > 0 ? { singleValueExtendedProperties: properties } : {}),
    attachments: draft.attachments.map((attachment) => ({
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: attachment.name,
      contentType: "application/pdf",
      contentBytes: attachment.base64,
    })),
  };
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  throw new Error(`${what}: ${String(response.status)} ${body?.error?.message ?? response.statusText}`);
}

/** Saves the draft in the mailbox and submits it; returns the message id. */
export async function submitDraft(origin: string, draft: Draft): Promise<string> {
  const tokenResponse = await expectOk(await fetch(`${origin}/_mailbox/token`, { method: "POST" }), "token");
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const created = await expectOk(
    await fetch(`${origin}/graph/v1.0/me/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify(graphMessageOf(draft)),
    }),
    "create the message",
  );
  const { id } = (await created.json()) as { id: string };
  await expectOk(
    await fetch(`${origin}/graph/v1.0/me/messages/${encodeURIComponent(id)}/send`, { method: "POST", headers }),
    "send",
  );
  return id;
}
