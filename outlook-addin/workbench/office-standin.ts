/**
 * A stand-in for the slice of Office.js the pane uses, loaded instead of Microsoft's office.js by the workbench's
 * pane page (the CDN is out of reach offline and in tests). The pane bundle runs against it unchanged. Each piece is
 * typed against @types/office-js, so a call the pane makes that is missing here is a compile error in this file.
 */
import { GraphError, type TokenSource } from "../src/graph/mailbox.js";
import type { Draft, HostProfile, Workbench } from "./draft.js";
import { MailboxServerTokens } from "./mailbox-tokens.js";

/** office.js limits, mirrored so the pane meets the same refusals. */
const MAX_BASE64 = 27_892_122;
const MAX_ATTACHMENTS = 499;

// The enums' values as office.js defines them (its enums are string enums; the stand-in provides them at run time).
const SUCCEEDED = "succeeded" as unknown as Office.AsyncResultStatus;
const FAILED = "failed" as unknown as Office.AsyncResultStatus;

type AnyCallback = (result: Office.AsyncResult<unknown>) => void;

function succeeded<T>(value: T): Office.AsyncResult<T> {
  return {
    status: SUCCEEDED,
    value,
    error: undefined as unknown as Office.Error,
    asyncContext: undefined,
    diagnostics: undefined,
  };
}

function failed(name: string, code: number, message: string): Office.AsyncResult<never> {
  return {
    status: FAILED,
    value: undefined as never,
    error: { name, code, message },
    asyncContext: undefined,
    diagnostics: undefined,
  };
}

/** Office calls back asynchronously; so do we, after the last argument that is a function. */
function reply(args: readonly unknown[], result: Office.AsyncResult<unknown>): void {
  const callback = [...args].reverse().find((arg): arg is AnyCallback => typeof arg === "function");
  setTimeout(() => callback?.(result), 5);
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function workbench(): Workbench {
  const parent = window.parent;
  const found = parent.releveWorkbench;
  if (found === undefined) throw new Error("the Office stand-in runs only inside the workbench page");
  return found;
}

function recipients(pick: (draft: Draft) => string[]): Pick<Office.Recipients, "getAsync"> {
  return {
    getAsync: (...args: unknown[]) => {
      const list = pick(workbench().draft).map((emailAddress) => ({
        emailAddress,
        displayName: emailAddress,
        recipientType: "externalUser" as unknown as Office.MailboxEnums.RecipientType,
      }));
      reply(args, succeeded(list));
    },
  };
}

let nextId = 1;

function item(bench: Workbench): Office.MessageCompose {
  const draft = bench.draft;
  const canDefer = versionAtLeast(bench.profile.mailbox, "1.13");
  const slice: Pick<
    Office.MessageCompose,
    | "to"
    | "cc"
    | "subject"
    | "body"
    | "getAttachmentsAsync"
    | "removeAttachmentAsync"
    | "addFileAttachmentFromBase64Async"
    | "addHandlerAsync"
    | "removeHandlerAsync"
    | "internetHeaders"
  > &
    Partial<Pick<Office.MessageCompose, "delayDeliveryTime">> = {
    to: recipients((d) => d.to) as Office.Recipients,
    cc: recipients((d) => d.cc) as Office.Recipients,
    subject: {
      getAsync: (...args: unknown[]) => {
        reply(args, succeeded(draft.subject));
      },
      setAsync: (value: string, ...args: unknown[]) => {
        draft.subject = value;
        bench.changed();
        reply(args, succeeded(undefined));
      },
    },
    body: {
      getAsync: (_type: unknown, ...args: unknown[]) => {
        reply(args, succeeded(draft.bodyHtml));
      },
      setAsync: (value: string, ...args: unknown[]) => {
        draft.bodyHtml = value;
        bench.changed();
        reply(args, succeeded(undefined));
      },
    } as Office.Body,
    getAttachmentsAsync: (...args: unknown[]) => {
      const list = draft.attachments.map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        attachmentType: "file" as unknown as Office.MailboxEnums.AttachmentType,
        isInline: false,
        contentType: "application/pdf",
      }));
      reply(args, succeeded(list));
    },
    removeAttachmentAsync: (id: string, ...args: unknown[]) => {
      const before = draft.attachments.length;
      draft.attachments = draft.attachments.filter((a) => a.id !== id);
      bench.changed();
      reply(
        args,
        before === draft.attachments.length
          ? failed("InvalidAttachmentId", 9002, "The attachment ID doesn't exist.")
          : succeeded(undefined),
      );
    },
    addFileAttachmentFromBase64Async: (base64: string, name: string, ...args: unknown[]) => {
      if (base64.length > MAX_BASE64) {
        reply(args, failed("AttachmentSizeExceeded", 9000, "The attachment is larger than allowed."));
        return;
      }
      if (draft.attachments.length >= MAX_ATTACHMENTS) {
        reply(args, failed("NumberOfAttachmentsExceeded", 9001, "The message contains too many attachments."));
        return;
      }
      const id = `standin-attachment-${String(nextId++)}`;
      draft.attachments.push({ id, name, base64, size: Math.floor((base64.length * 3) / 4) });
      bench.changed();
      reply(args, succeeded(id));
    },
    addHandlerAsync: ((_type: unknown, handler: () => void, ...args: unknown[]) => {
      bench.onRecipientsChanged(handler);
      reply(args, succeeded(undefined));
    }) as Office.MessageCompose["addHandlerAsync"],
    removeHandlerAsync: (...args: unknown[]) => {
      bench.onRecipientsChanged(undefined);
      reply(args, succeeded(undefined));
    },
    internetHeaders: {
      getAsync: (names: string[], ...args: unknown[]) => {
        reply(args, succeeded(Object.fromEntries(names.map((name) => [name, draft.headers[name.toLowerCase()]]))));
      },
      setAsync: (headers: Record<string, string>, ...args: unknown[]) => {
        for (const [name, value] of Object.entries(headers)) draft.headers[name.toLowerCase()] = value;
        reply(args, succeeded(undefined));
      },
      removeAsync: (names: string[], ...args: unknown[]) => {
        for (const name of names) Reflect.deleteProperty(draft.headers, name.toLowerCase());
        reply(args, succeeded(undefined));
      },
    },
  };
  if (canDefer) {
    slice.delayDeliveryTime = {
      getAsync: (...args: unknown[]) => {
        reply(args, succeeded(draft.delayDeliveryTime === 0 ? 0 : new Date(draft.delayDeliveryTime)));
      },
      setAsync: (at: Date, ...args: unknown[]) => {
        draft.delayDeliveryTime = at.getTime();
        bench.changed();
        reply(args, succeeded(undefined));
      },
    };
  }
  return slice as Office.MessageCompose;
}

/** roamingSettings, kept in the workbench origin's localStorage (per browser, like a mailbox's per user). */
function roamingSettings(): Pick<Office.RoamingSettings, "get" | "set" | "remove" | "saveAsync"> {
  const key = "releve-workbench.roamingSettings";
  const values = JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, unknown>;
  return {
    get: (name) => values[name],
    set: (name, value) => {
      values[name] = value;
    },
    remove: (name) => {
      values[name] = undefined;
    },
    saveAsync: (...args: unknown[]) => {
      localStorage.setItem(key, JSON.stringify(values));
      reply(args, succeeded(undefined));
    },
  };
}

/** Graph through the local mailbox server; sign-in behaves as the workbench toolbar says. */
function graphTokens(profile: HostProfile): TokenSource {
  if (profile.signin === "ok") return new MailboxServerTokens(window.location.origin);
  const problem =
    profile.signin === "refused"
      ? ({ kind: "signin-refused", reason: "the workbench toolbar says sign-in is refused" } as const)
      : ({ kind: "signin-unavailable", reason: "the workbench toolbar says NestedAppAuth is missing" } as const);
  return { token: () => Promise.reject(new GraphError(problem)) };
}

/** The message being read, when the pane opens from the read-mode button: no compose methods at all. */
function readItem(): Office.MessageRead {
  const slice: Pick<Office.MessageRead, "subject" | "itemType"> = {
    subject: "Re: relevé d'octobre",
    itemType: "message",
  };
  return slice as Office.MessageRead;
}

function install(): void {
  const bench = workbench();
  const profile = bench.profile;
  window.releveGraphAccess = { baseUrl: `${window.location.origin}/graph/v1.0`, tokens: graphTokens(profile) };
  const context = {
    mailbox: {
      item: profile.mode === "read" ? readItem() : item(bench),
      userProfile: {
        displayName: "Camille Martin",
        emailAddress: "compta@atelier-cassis.example",
        timeZone: profile.timeZone,
      } as Office.UserProfile,
    },
    requirements: {
      isSetSupported: (name: string, minVersion?: string) =>
        (name === "Mailbox" && versionAtLeast(profile.mailbox, minVersion ?? "1.1")) ||
        (name === "NestedAppAuth" && profile.signin !== "unavailable"),
    },
    roamingSettings: roamingSettings(),
    diagnostics: { platform: profile.platform, version: "workbench", hostName: "Outlook" },
    displayLanguage: profile.displayLanguage,
    officeTheme: {
      bodyBackgroundColor: "#ffffff",
      bodyForegroundColor: "#242424",
      controlBackgroundColor: "#ffffff",
      controlForegroundColor: "#242424",
    },
  };
  const office = {
    context,
    onReady: (callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => void) => {
      const info = {
        host: "Outlook" as unknown as Office.HostType,
        platform: profile.platform as unknown as Office.PlatformType,
      };
      return new Promise<typeof info>((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    EventType: { RecipientsChanged: "olkRecipientsChanged" },
  };
  (window as unknown as { Office: unknown }).Office = office;
}

install();
