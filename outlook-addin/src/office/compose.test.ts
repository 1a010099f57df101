/** The compose adapter against office-addin-mock doubles of Office.context.mailbox.item (Outlook host). */
import { OfficeMockObject } from "office-addin-mock";
import { instant } from "../../../shared/src/recurrence/index.js";
import { OfficeError } from "./async.js";
import { versionAtLeast } from "./version.js";
import { MAX_BASE64_CHARS, OutlookCompose, mergeBody, type ComposeHost } from "./compose.js";

type Callback<T> = (result: Office.AsyncResult<T>) => void;

function ok<T>(value: T): Office.AsyncResult<T> {
  return { status: "succeeded" as string, value } as unknown as Office.AsyncResult<T>;
}
function failed<T>(name: string, code: number): Office.AsyncResult<T> {
  return {
    status: "failed",
    value: undefined,
    error: { name, code, message: `${name} (mock)` },
  } as unknown as Office.AsyncResult<T>;
}

interface Draft {
  attachments: { id: string; name: string; content: string }[];
  delay: Date | 0;
  subject: string;
  body: string;
  headers: Record<string, string>;
  calls: string[];
}

/** A mailbox item built with OfficeMockObject; `behaviour` overrides individual methods to inject failures. */
function mockItem(draft: Draft, behaviour: { failAttach?: string; loseDelay?: boolean } = {}): Office.MessageCompose {
  let next = 1;
  const data: unknown = {
    host: "outlook",
    item: {
      to: {
        getAsync: (cb: Callback<{ emailAddress: string }[]>) => {
          cb(ok([{ emailAddress: "Compta@MotsBleus.example" }]));
        },
      },
      cc: {
        getAsync: (cb: Callback<{ emailAddress: string }[]>) => {
          cb(ok([]));
        },
      },
      subject: {
        setAsync: (value: string, cb: Callback<void>) => {
          draft.subject = value;
          cb(ok(undefined));
        },
      },
      body: {
        getAsync: (_type: string, cb: Callback<string>) => {
          cb(ok(draft.body));
        },
        setAsync: (value: string, _options: unknown, cb: Callback<void>) => {
          draft.body = value;
          cb(ok(undefined));
        },
      },
      getAttachmentsAsync: (cb: Callback<{ id: string; name: string }[]>) => {
        cb(ok(draft.attachments.map(({ id, name }) => ({ id, name }))));
      },
      removeAttachmentAsync: (id: string, cb: Callback<void>) => {
        draft.attachments = draft.attachments.filter((a) => a.id !== id);
        cb(ok(undefined));
      },
      addFileAttachmentFromBase64Async: (content: string, name: string, _options: unknown, cb: Callback<string>) => {
        draft.calls.push("addFileAttachmentFromBase64Async");
        if (behaviour.failAttach !== undefined) {
          cb(failed(behaviour.failAttach, 9017));
          return;
        }
        const id = `att-${String(next++)}`;
        draft.attachments.push({ id, name, content });
        cb(ok(id));
      },
      internetHeaders: {
        setAsync: (headers: Record<string, string>, cb: Callback<void>) => {
          Object.assign(draft.headers, headers);
          cb(ok(undefined));
        },
      },
      delayDeliveryTime: {
        setAsync: (at: Date, cb: Callback<void>) => {
          draft.delay = behaviour.loseDelay === true ? 0 : at;
          cb(ok(undefined));
        },
        getAsync: (cb: Callback<Date | 0>) => {
          cb(ok(draft.delay));
        },
      },
    },
  };
  const mock = new OfficeMockObject(data as ConstructorParameters<typeof OfficeMockObject>[0]);
  return (mock as unknown as { item: Office.MessageCompose }).item;
}

function host(item: Office.MessageCompose, sets: Record<string, string>, platform = "OfficeOnline"): ComposeHost {
  return {
    item,
    platform,
    requirements: {
      isSetSupported: (name, version = "1.1") => sets[name] !== undefined && versionAtLeast(sets[name], version),
    },
  };
}

function freshDraft(): Draft {
  return { attachments: [], delay: 0, subject: "", body: "<p>Hello from me</p>", headers: {}, calls: [] };
}

const pdf = {
  name: "Releve-mots-bleus-2026-11-30.pdf",
  bytes: new TextEncoder().encode("%PDF-1.7 test"),
  mimeType: "application/pdf" as const,
};

describe("versionAtLeast", () => {
  it("compares requirement-set versions part by part", () => {
    expect(versionAtLeast("1.13", "1.8")).toBe(true);
    expect(versionAtLeast("1.8", "1.13")).toBe(false);
    expect(versionAtLeast("1.13", "1.13")).toBe(true);
  });
});

describe("OutlookCompose", () => {
  it("reads To and Cc, lower-cased", async () => {
    const compose = new OutlookCompose(host(mockItem(freshDraft()), { Mailbox: "1.13" }));
    expect(await compose.recipients()).toEqual(["compta@motsbleus.example"]);
  });

  it("attaches once: a second run replaces our earlier attachment and keeps the user's", async () => {
    const draft = freshDraft();
    draft.attachments.push({ id: "user-1", name: "contrat.pdf", content: "" });
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.13" }));
    await compose.attach(pdf);
    await compose.attach({ ...pdf, name: "Releve-mots-bleus-2026-12-31.pdf" });
    expect(draft.attachments.map((a) => a.name)).toEqual(["contrat.pdf", "Releve-mots-bleus-2026-12-31.pdf"]);
    expect(atob(draft.attachments[1]!.content)).toBe("%PDF-1.7 test");
  });

  it("AttachmentSizeExceeded from Outlook becomes an OfficeError with that code", async () => {
    const compose = new OutlookCompose(
      host(mockItem(freshDraft(), { failAttach: "AttachmentSizeExceeded" }), { Mailbox: "1.13" }),
    );
    const error = await compose.attach(pdf).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect((error as OfficeError).code).toBe("AttachmentSizeExceeded");
    expect((error as OfficeError).officeNumber).toBe(9017);
  });

  it("refuses an over-size PDF before calling Outlook", async () => {
    const draft = freshDraft();
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.13" }));
    const huge = { ...pdf, bytes: new Uint8Array((MAX_BASE64_CHARS / 4) * 3 + 3) };
    const error = await compose.attach(huge).catch((e: unknown) => e);
    expect((error as OfficeError).code).toBe("PdfTooLarge");
    expect(draft.calls).toEqual([]);
  });

  it("sets the deferred time and returns what Outlook reads back", async () => {
    const draft = freshDraft();
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.13" }));
    const at = instant("2026-11-30T08:00:00Z");
    expect(await compose.deferUntil(at)).toBe(at);
    expect(draft.delay).toEqual(new Date("2026-11-30T08:00:00Z"));
  });

  it("a deferred time that reads back as 0 was lost: an error, not 'scheduled'", async () => {
    const compose = new OutlookCompose(host(mockItem(freshDraft(), { loseDelay: true }), { Mailbox: "1.13" }));
    const error = await compose.deferUntil(instant("2026-11-30T08:00:00Z")).catch((e: unknown) => e);
    expect((error as OfficeError).code).toBe("DeferredTimeLost");
  });

  it("without Mailbox 1.13 it does not defer (and says it cannot)", async () => {
    const draft = freshDraft();
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.8" }));
    expect(compose.capabilities().canDefer).toBe(false);
    expect(await compose.deferUntil(instant("2026-11-30T08:00:00Z"))).toBeUndefined();
    expect(draft.delay).toBe(0);
    await compose.attach(pdf);
    expect(draft.attachments).toHaveLength(1);
  });

  it("on classic Outlook for Windows a deferred send is flagged as not cancellable", () => {
    const compose = new OutlookCompose(host(mockItem(freshDraft()), { Mailbox: "1.13" }, "PC"));
    expect(compose.capabilities()).toEqual({ canDefer: true, deferredIsFinal: true });
  });

  it("fills subject and body, keeping the user's text and replacing our earlier block", async () => {
    const draft = freshDraft();
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.13" }));
    await compose.fill("Relevé", "<p>Solde : 1 €</p>");
    await compose.fill("Relevé", "<p>Solde : 2 €</p>");
    expect(draft.subject).toBe("Relevé");
    expect(draft.body).toContain("<p>Solde : 2 €</p>");
    expect(draft.body).not.toContain("1 €");
    expect(draft.body).toContain("<p>Hello from me</p>");
  });

  it("mergeBody recognises the block after Outlook renamed its id", () => {
    const merged = mergeBody(
      '<div id="x_releve-statement"><p>old</p><!--/releve-statement--></div><p>mine</p>',
      "<p>new</p>",
    );
    expect(merged).toBe('<div id="releve-statement"><p>new</p><!--/releve-statement--></div><p>mine</p>');
  });

  it("tags the message with our internet header, replacing an earlier value", async () => {
    const draft = freshDraft();
    const compose = new OutlookCompose(host(mockItem(draft), { Mailbox: "1.13" }));
    await compose.tag("x-releve-statement", "v1;first");
    await compose.tag("x-releve-statement", "v1;second");
    expect(draft.headers).toEqual({ "x-releve-statement": "v1;second" });
  });
});
