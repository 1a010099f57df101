/**
 * The workbench page: an Outlook compose window stand-in with the real pane bundle in an iframe beside it. The
 * draft lives here (window.releveWorkbench); the Office stand-in inside the iframe reads and changes it. Send hands
 * the draft to the local mailbox server; the panel below shows that mailbox and moves its clock.
 */
import type { Draft, HostProfile, Workbench } from "./draft.js";
import type { MailboxMessageState, MailboxState } from "./mailbox-server.js";
import { submitDraft } from "./submit.js";

const HOSTS: Readonly<Record<string, Pick<HostProfile, "mailbox" | "platform">>> = {
  web: { mailbox: "1.13", platform: "OfficeOnline" },
  classic: { mailbox: "1.13", platform: "PC" },
  old: { mailbox: "1.8", platform: "OfficeOnline" },
};

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`workbench: #${id} missing`);
  return found;
}

function addresses(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

const SIGNIN = ["ok", "refused", "unavailable"] as const;
const MODES = ["compose", "read"] as const;

function oneOf<T extends string>(value: string | null, options: readonly T[]): T {
  return options.find((option) => option === value) ?? (options[0] as T);
}

const params = new URLSearchParams(window.location.search);
const hostKey = params.get("host") ?? "web";
const language = params.get("lang") ?? "fr-FR";
const profile: HostProfile = {
  ...(HOSTS[hostKey] ?? HOSTS.web ?? { mailbox: "1.13", platform: "OfficeOnline" }),
  displayLanguage: language,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  signin: oneOf(params.get("signin"), SIGNIN),
  mode: oneOf(params.get("mode"), MODES),
};

const draft: Draft = { to: [], cc: [], subject: "", bodyHtml: "", attachments: [], headers: {}, delayDeliveryTime: 0 };
let recipientsListener: (() => void) | undefined;

const to = element("to", HTMLInputElement);
const cc = element("cc", HTMLInputElement);
const subject = element("subject", HTMLInputElement);
const body = element("body", HTMLDivElement);
const attachmentBar = element("attachments", HTMLDivElement);
const deferred = element("deferred", HTMLSpanElement);
const mailboxList = element("mailbox", HTMLOListElement);
const mailboxClock = element("mailbox-clock", HTMLSpanElement);
const sendStatus = element("send-status", HTMLSpanElement);
const frame = element("pane-frame", HTMLIFrameElement);
const pane = element("pane", HTMLElement);

const timeFormat = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short" });

function kilobytes(size: number): string {
  return `${String(Math.max(1, Math.round(size / 1024)))} KB`;
}

function render(): void {
  if (document.activeElement !== subject) subject.value = draft.subject;
  if (document.activeElement !== body) body.innerHTML = draft.bodyHtml;
  attachmentBar.replaceChildren(
    ...draft.attachments.map((attachment) => {
      const chip = document.createElement("div");
      chip.className = "chip";
      chip.dataset.testid = "attachment";
      const badge = document.createElement("span");
      badge.className = "pdf";
      badge.textContent = "PDF";
      const name = document.createElement("span");
      name.textContent = `${attachment.name} · ${kilobytes(attachment.size)}`;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Remove ${attachment.name}`);
      remove.addEventListener("click", () => {
        draft.attachments = draft.attachments.filter((a) => a.id !== attachment.id);
        render();
      });
      chip.append(badge, name, remove);
      return chip;
    }),
  );
  deferred.hidden = draft.delayDeliveryTime === 0;
  deferred.textContent =
    draft.delayDeliveryTime === 0 ? "" : `Send later: ${timeFormat.format(new Date(draft.delayDeliveryTime))}`;
  deferred.dataset.epoch = String(draft.delayDeliveryTime);
}

let recipientsTimer: ReturnType<typeof setTimeout> | undefined;
function recipientsEdited(): void {
  draft.to = addresses(to.value);
  draft.cc = addresses(cc.value);
  clearTimeout(recipientsTimer);
  recipientsTimer = setTimeout(() => recipientsListener?.(), 150);
}

function mailboxLine(message: MailboxMessageState): HTMLLIElement {
  const item = document.createElement("li");
  item.dataset.testid = `mailbox-${message.folder}`;
  const state =
    message.folder === "sentitems"
      ? `Sent ${timeFormat.format(new Date(message.sentDateTime ?? 0))}`
      : message.deferredUntil !== undefined && message.submitted
        ? `${message.late ? "LATE, still waiting since" : "Waiting for"} ${timeFormat.format(new Date(message.deferredUntil))}${message.forgotten ? " (forgotten by the server)" : ""}`
        : "Draft";
  item.textContent = `${state} → ${message.to.join(", ")} · “${message.subject}” · ${message.attachments.map((a) => a.name).join(", ")}`;
  return item;
}

/** The local mailbox as the server holds it (GET /_mailbox/state): Drafts then Sent Items. */
async function showMailbox(): Promise<void> {
  const response = await fetch("/_mailbox/state");
  if (!response.ok) {
    mailboxClock.textContent = `mailbox server unavailable (${String(response.status)})`;
    return;
  }
  const state = (await response.json()) as MailboxState;
  mailboxClock.textContent = timeFormat.format(new Date(state.nowMs));
  mailboxClock.dataset.epoch = String(state.nowMs);
  mailboxList.replaceChildren(...[...state.drafts, ...state.sent].map(mailboxLine));
}

async function moveClock(advanceMs: number): Promise<void> {
  await fetch("/_mailbox/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMs }),
  });
  await showMailbox();
}

const bench: Workbench = {
  draft,
  profile,
  changed: render,
  onRecipientsChanged: (listener) => {
    recipientsListener = listener;
  },
};
window.releveWorkbench = bench;

to.addEventListener("input", recipientsEdited);
cc.addEventListener("input", recipientsEdited);
subject.addEventListener("input", () => {
  draft.subject = subject.value;
});
body.addEventListener("input", () => {
  draft.bodyHtml = body.innerHTML;
});
element("send", HTMLButtonElement).addEventListener("click", () => {
  sendStatus.textContent = "Sending…";
  submitDraft(window.location.origin, draft).then(
    (id) => {
      sendStatus.textContent = draft.delayDeliveryTime !== 0 ? "Scheduled." : "Sent.";
      sendStatus.dataset.lastId = id;
      Object.assign(draft, {
        to: [],
        cc: [],
        subject: "",
        bodyHtml: "",
        attachments: [],
        headers: {},
        delayDeliveryTime: 0,
      });
      to.value = "";
      cc.value = "";
      render();
      recipientsListener?.();
      void showMailbox();
    },
    (error: unknown) => {
      // Like Outlook: the draft stays as it was when the send fails.
      sendStatus.textContent = `Not sent: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
});
element("clock-hour", HTMLButtonElement).addEventListener("click", () => void moveClock(3600 * 1000));
element("clock-day", HTMLButtonElement).addEventListener("click", () => void moveClock(24 * 3600 * 1000));
element("mailbox-reload", HTMLButtonElement).addEventListener("click", () => void showMailbox());
element("discard", HTMLButtonElement).addEventListener("click", () => {
  Object.assign(draft, { subject: "", bodyHtml: "", attachments: [], headers: {}, delayDeliveryTime: 0 });
  render();
});
element("open-pane", HTMLButtonElement).addEventListener("click", () => {
  pane.hidden = false;
});
element("close-pane", HTMLButtonElement).addEventListener("click", () => {
  pane.hidden = true;
});

const hostSelect = element("host-profile", HTMLSelectElement);
const languageSelect = element("language", HTMLSelectElement);
const signinSelect = element("signin", HTMLSelectElement);
const modeSelect = element("mode", HTMLSelectElement);
hostSelect.value = hostKey;
languageSelect.value = language;
signinSelect.value = profile.signin;
modeSelect.value = profile.mode;
const reloadWith = () => {
  const next = new URLSearchParams({
    host: hostSelect.value,
    lang: languageSelect.value,
    signin: signinSelect.value,
    mode: modeSelect.value,
  });
  window.location.search = next.toString();
};
for (const select of [hostSelect, languageSelect, signinSelect, modeSelect])
  select.addEventListener("change", reloadWith);
element("reset", HTMLButtonElement).addEventListener("click", () => {
  localStorage.removeItem("releve-workbench.roamingSettings");
  indexedDB.deleteDatabase("releve-outlook");
  frame.contentWindow?.location.reload();
});

// The pane page of the workbench: the same taskpane bundle, with the Office stand-in instead of the CDN office.js.
const paneQuery = new URLSearchParams();
if (params.get("example") !== "0") paneQuery.set("example", "auto");
if (profile.mode === "read") paneQuery.set("view", "scheduled");
frame.src = `workbench-pane.html${paneQuery.size > 0 ? `?${paneQuery.toString()}` : ""}`;
render();
void showMailbox();
// The pane changes the mailbox too (cancel, refresh…): keep the panel current.
setInterval(() => void showMailbox(), 2000);
