/**
 * The workbench page: an Outlook compose window stand-in with the real pane bundle in an iframe beside it. The
 * draft lives here (window.releveWorkbench); the Office stand-in inside the iframe reads and changes it.
 */
import type { Draft, HostProfile, OutboxEntry, Workbench } from "./draft.js";

const HOSTS: Readonly<Record<string, Omit<HostProfile, "displayLanguage" | "timeZone">>> = {
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

const params = new URLSearchParams(window.location.search);
const hostKey = params.get("host") ?? "web";
const language = params.get("lang") ?? "fr-FR";
const profile: HostProfile = {
  ...(HOSTS[hostKey] ?? HOSTS.web ?? { mailbox: "1.13", platform: "OfficeOnline" }),
  displayLanguage: language,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};

const draft: Draft = { to: [], cc: [], subject: "", bodyHtml: "", attachments: [], headers: {}, delayDeliveryTime: 0 };
const outbox: OutboxEntry[] = [];
let recipientsListener: (() => void) | undefined;

const to = element("to", HTMLInputElement);
const cc = element("cc", HTMLInputElement);
const subject = element("subject", HTMLInputElement);
const body = element("body", HTMLDivElement);
const attachmentBar = element("attachments", HTMLDivElement);
const deferred = element("deferred", HTMLSpanElement);
const outboxList = element("outbox", HTMLOListElement);
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
  outboxList.replaceChildren(
    ...outbox.map((entry) => {
      const item = document.createElement("li");
      item.textContent = `${entry.deferred ? "Scheduled for" : "Sent"} ${timeFormat.format(new Date(entry.sendAt))} → ${entry.to.join(", ")} · “${entry.subject}” · ${entry.attachments.map((a) => a.name).join(", ")}`;
      return item;
    }),
  );
}

let recipientsTimer: ReturnType<typeof setTimeout> | undefined;
function recipientsEdited(): void {
  draft.to = addresses(to.value);
  draft.cc = addresses(cc.value);
  clearTimeout(recipientsTimer);
  recipientsTimer = setTimeout(() => recipientsListener?.(), 150);
}

const bench: Workbench = {
  draft,
  outbox,
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
  const deferredSend = draft.delayDeliveryTime !== 0;
  outbox.push({
    to: [...draft.to],
    cc: [...draft.cc],
    subject: draft.subject,
    bodyHtml: draft.bodyHtml,
    attachments: draft.attachments.map(({ name, size }) => ({ name, size })),
    sendAt: deferredSend ? draft.delayDeliveryTime : Date.now(),
    deferred: deferredSend,
  });
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
});
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
hostSelect.value = hostKey;
languageSelect.value = language;
const reloadWith = () => {
  const next = new URLSearchParams({ host: hostSelect.value, lang: languageSelect.value });
  window.location.search = next.toString();
};
hostSelect.addEventListener("change", reloadWith);
languageSelect.addEventListener("change", reloadWith);
element("reset", HTMLButtonElement).addEventListener("click", () => {
  localStorage.removeItem("releve-workbench.roamingSettings");
  indexedDB.deleteDatabase("releve-outlook");
  frame.contentWindow?.location.reload();
});

// The pane page of the workbench: the same taskpane bundle, with the Office stand-in instead of the CDN office.js.
frame.src = `workbench-pane.html${params.get("example") === "0" ? "" : "?example=auto"}`;
render();
