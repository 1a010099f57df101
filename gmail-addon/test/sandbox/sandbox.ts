/**
 * The Apps Script sandbox: the BUILT dist/gmail/Code.js evaluated in a Node `vm` context that holds only what Apps
 * Script provides (no window, self, require, atob, TextEncoder, setTimeout), with in-memory services: CardService
 * (records cards), PropertiesService (9 KB / 500 KB), LockService, ScriptApp (20 triggers, hourly minimum),
 * UrlFetchApp (the Gmail API: records raw MIME into Sent; other URLs from `web`), SpreadsheetApp, Session, Utilities and a clock the test
 * moves. Each call into the sandbox is one "execution": locks it still holds are released when it ends.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Script, createContext, type Context } from "node:vm";
import { fakeCardService } from "./cards.js";

const here = dirname(fileURLToPath(import.meta.url));
export const CODE_JS = resolve(here, "../../../dist/gmail/Code.js");
const GMAIL_SEND = "https://gmail.googleapis.com/gmail/v1/users/me/messages/send";
/** The built manifest's urlFetchWhitelist: all UrlFetchApp may reach. */
const URL_FETCH_ALLOWLIST = (
  JSON.parse(readFileSync(resolve(dirname(CODE_JS), "appsscript.json"), "utf8")) as { urlFetchWhitelist: string[] }
).urlFetchWhitelist;

type Properties = GoogleAppsScript.Properties.Properties;
type Trigger = GoogleAppsScript.Script.Trigger;

export class PropertyLimitError extends Error {}

/** UserProperties with Apps Script's limits: 9 KB per value (key + value), 500 KB per store. */
export class FakeProperties implements Properties {
  readonly data = new Map<string, string>();
  /** Throws on the nth write from now (a run dying between two writes). */
  failWriteIn: number | undefined;
  writes = 0;

  static readonly MAX_VALUE = 9 * 1024;
  static readonly MAX_STORE = 500 * 1024;

  totalBytes(): number {
    let total = 0;
    for (const [key, value] of this.data) total += Buffer.byteLength(key) + Buffer.byteLength(value);
    return total;
  }
  deleteAllProperties(): Properties {
    this.data.clear();
    return this;
  }
  deleteProperty(key: string): Properties {
    this.data.delete(key);
    return this;
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): Properties {
    if (deleteAllOthers === true) this.data.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
  }
  setProperty(key: string, value: string): Properties {
    this.writes++;
    if (this.failWriteIn !== undefined && --this.failWriteIn <= 0) {
      this.failWriteIn = undefined;
      throw new Error("Exceeded maximum execution time");
    }
    if (Buffer.byteLength(key) + Buffer.byteLength(value) > FakeProperties.MAX_VALUE)
      throw new PropertyLimitError(`Argument too large: value (${key})`);
    const before = this.data.get(key);
    this.data.set(key, value);
    if (this.totalBytes() > FakeProperties.MAX_STORE) {
      if (before === undefined) this.data.delete(key);
      else this.data.set(key, before);
      throw new PropertyLimitError("You have exceeded the property storage quota.");
    }
    return this;
  }
}

interface FakeTrigger {
  readonly id: string;
  readonly handler: string;
  readonly at: number | undefined;
  readonly everyMs: number | undefined;
  nextAt: number;
}

export interface SentMessage {
  readonly raw: string;
  readonly at: number;
}

export interface DraftRecord {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string | undefined;
  readonly attachments: readonly { readonly name: string; readonly contentType: string; readonly bytes: Buffer }[];
}

export interface SheetData {
  readonly name: string;
  readonly tabs: readonly { readonly id: number; readonly name: string; readonly values: readonly string[][] }[];
}

/** A web resource the fake UrlFetchApp serves (logos on https or Drive's public download address). */
export interface WebResource {
  readonly code: number;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface SandboxOptions {
  readonly email?: string;
  readonly zone?: string;
  readonly locale?: string;
  readonly now: number;
  readonly sheets?: Readonly<Record<string, SheetData>>;
  /** What other URLs answer; any other URL fails as an unreachable host does. */
  readonly web?: Readonly<Record<string, WebResource>>;
  /** Prefixes the user added to appsscript.json's urlFetchWhitelist (the built manifest's own are always in). */
  readonly extraUrlFetchPrefixes?: readonly string[];
}

/** What the fake Gmail API does with a send request: deliver, refuse, or deliver and lose the reply. */
export type SendBehaviour = "deliver" | "quota" | "deliver-then-network-error";

export class Sandbox {
  readonly properties = new FakeProperties();
  readonly sent: SentMessage[] = [];
  /** Drafts created through GmailApp (the user's Drafts folder). */
  readonly drafts: DraftRecord[] = [];
  readonly triggers: FakeTrigger[] = [];
  /** The most triggers the user had at any moment. */
  maxTriggers = 0;
  readonly executions: { readonly name: string; readonly error?: unknown }[] = [];
  readonly notes: string[] = [];
  /** Sheets the user lost access to since (openByUrl refuses them). */
  readonly revokedSheets = new Set<string>();
  /** Every URL UrlFetchApp was asked for, in order. */
  readonly fetched: string[] = [];
  now: number;
  sendBehaviour: SendBehaviour = "deliver";
  /** Called inside the Gmail API request, before it answers (to start a second run "at the same time"). */
  duringSend: (() => void) | undefined;
  /** Called when a sheet is opened (the dispatcher reads the ledger before it records "sending"). */
  duringSheetRead: (() => void) | undefined;
  evalMs = 0;
  private readonly context: Context;
  private execution = 0;
  private readonly stack: number[] = [];
  /** Internal: the execution holding the user lock. */
  lockOwner: number | undefined;

  constructor(private readonly options: SandboxOptions) {
    this.now = options.now;
    this.context = createContext(sandboxGlobals(this, options));
    this.installClock();
    const code = readFileSync(CODE_JS, "utf8");
    const started = performance.now();
    new Script(code, { filename: "Code.js" }).runInContext(this.context);
    this.evalMs = performance.now() - started;
  }

  /** The names the sandbox's global scope holds, for the "only Apps Script" test. */
  globalNames(): string[] {
    return new Script("Object.getOwnPropertyNames(globalThis)").runInContext(this.context) as string[];
  }

  typeOf(name: string): string {
    return new Script(`typeof ${name}`).runInContext(this.context) as string;
  }

  /** One execution: a handler called by Gmail (card, action) or by a trigger. */
  run(name: string, event?: unknown): unknown {
    const fn = (this.context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
    const id = ++this.execution;
    this.stack.push(id);
    try {
      return (fn as (e: unknown) => unknown)(event);
    } finally {
      this.stack.pop();
      if (this.lockOwner === id) this.lockOwner = undefined;
    }
  }

  /** Moves the clock to `to`, firing every trigger due on the way, in time order. */
  advanceTo(to: number): void {
    for (;;) {
      const next = [...this.triggers].sort((a, b) => a.nextAt - b.nextAt)[0];
      if (next === undefined || next.nextAt > to) break;
      this.now = Math.max(this.now, next.nextAt);
      if (next.everyMs === undefined) this.triggers.splice(this.triggers.indexOf(next), 1);
      else next.nextAt += next.everyMs;
      try {
        this.run(next.handler);
        this.executions.push({ name: next.handler });
      } catch (error) {
        this.executions.push({ name: next.handler, error });
      }
    }
    this.now = to;
  }

  event(
    overrides: {
      parameters?: Record<string, string>;
      formInputs?: Record<string, unknown>;
      gmail?: { toRecipients?: string[]; ccRecipients?: string[] };
    } = {},
  ): GoogleAppsScript.Addons.EventObject {
    const zone = this.options.zone ?? "Europe/Paris";
    return {
      commonEventObject: {
        hostApp: "GMAIL",
        platform: "WEB",
        userLocale: this.options.locale ?? "fr",
        timeZone: { id: zone, offset: String(3600_000) },
        parameters: overrides.parameters ?? {},
        formInputs: (overrides.formInputs ?? {}) as GoogleAppsScript.Addons.CommonEventObject["formInputs"],
      },
      ...(overrides.gmail !== undefined
        ? { gmail: { accessToken: "token", messageId: "", threadId: "", ...overrides.gmail } }
        : {}),
    };
  }

  private installClock(): void {
    const install = new Script(`(function (now) {
      const RealDate = Date;
      function FakeDate(...args) {
        if (!new.target) return new RealDate(now()).toString();
        return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
      }
      FakeDate.prototype = RealDate.prototype;
      FakeDate.now = () => now();
      FakeDate.UTC = RealDate.UTC;
      FakeDate.parse = RealDate.parse;
      globalThis.Date = FakeDate;
    })`).runInContext(this.context) as (now: () => number) => void;
    install(() => this.now);
  }

  /** Internal: the id of the execution calling a service now. */
  currentExecution(): number {
    const id = this.stack.at(-1);
    if (id === undefined) throw new Error("Apps Script service called outside an execution");
    return id;
  }
}

function sandboxGlobals(sandbox: Sandbox, options: SandboxOptions): Record<string, unknown> {
  const email = options.email ?? "freelance@gmail.com";
  const lock: Pick<GoogleAppsScript.Lock.Lock, "tryLock" | "releaseLock" | "hasLock" | "waitLock"> = {
    tryLock: () => {
      const me = sandbox.currentExecution();
      if (sandbox.lockOwner !== undefined && sandbox.lockOwner !== me) return false;
      sandbox.lockOwner = me;
      return true;
    },
    waitLock: (timeout: number) => {
      if (!lock.tryLock(timeout)) throw new Error("Lock timeout: another process was holding the lock for too long.");
    },
    hasLock: () => sandbox.lockOwner === sandbox.currentExecution(),
    releaseLock: () => {
      if (sandbox.lockOwner === sandbox.currentExecution()) sandbox.lockOwner = undefined;
    },
  };
  const lockService: Pick<GoogleAppsScript.Lock.LockService, "getUserLock"> = {
    getUserLock: () => lock,
  };
  const propertiesService: Pick<GoogleAppsScript.Properties.PropertiesService, "getUserProperties"> = {
    getUserProperties: () => sandbox.properties,
  };
  const triggerOf = (t: FakeTrigger): Trigger =>
    ({
      getHandlerFunction: () => t.handler,
      getUniqueId: () => t.id,
      getEventType: () => "CLOCK",
      getTriggerSource: () => "CLOCK",
    }) as unknown as Trigger;
  const create = (handler: string, at: number | undefined, everyMs: number | undefined): Trigger => {
    if (sandbox.triggers.length >= 20)
      throw new Error(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    const trigger: FakeTrigger = {
      id: randomUUID(),
      handler,
      at,
      everyMs,
      nextAt: at ?? sandbox.now + (everyMs ?? 0),
    };
    sandbox.triggers.push(trigger);
    sandbox.maxTriggers = Math.max(sandbox.maxTriggers, sandbox.triggers.length);
    return triggerOf(trigger);
  };
  const scriptApp = {
    getOAuthToken: () => "ya29.fake-token",
    getProjectTriggers: () => sandbox.triggers.map(triggerOf),
    deleteTrigger: (trigger: Trigger) => {
      const index = sandbox.triggers.findIndex((t) => t.id === trigger.getUniqueId());
      if (index >= 0) sandbox.triggers.splice(index, 1);
    },
    newTrigger: (handler: string) => ({
      timeBased: () => {
        let at: number | undefined;
        let everyMs: number | undefined;
        const builder = {
          at: (date: Date) => {
            at = date.getTime();
            return builder;
          },
          after: (ms: number) => {
            at = sandbox.now + ms;
            return builder;
          },
          everyMinutes: () => {
            throw new Error("The recurrence interval for an Add-on trigger must be at least one hour.");
          },
          everyHours: (hours: number) => {
            if (!Number.isInteger(hours) || hours < 1)
              throw new Error("The recurrence interval for an Add-on trigger must be at least one hour.");
            everyMs = hours * 3600_000;
            return builder;
          },
          create: () => create(handler, at, everyMs),
        };
        return builder;
      },
    }),
  };
  const utilities = {
    Charset: { UTF_8: "UTF_8", US_ASCII: "US_ASCII" },
    getUuid: () => randomUUID(),
    base64Encode: (data: string | number[]) =>
      (typeof data === "string"
        ? Buffer.from(data, "utf8")
        : Buffer.from(Uint8Array.from(data, (b) => b & 0xff))
      ).toString("base64"),
    base64EncodeWebSafe: (data: string | number[]) =>
      (typeof data === "string"
        ? Buffer.from(data, "utf8")
        : Buffer.from(Uint8Array.from(data, (b) => b & 0xff))
      ).toString("base64url"),
    newBlob: (data: number[], contentType: string, name: string) => {
      const bytes = Buffer.from(Uint8Array.from(data, (b) => b & 0xff));
      return { getBytes: () => [...bytes], getContentType: () => contentType, getName: () => name, bytes };
    },
    base64Decode: (text: string) => Array.from(Buffer.from(text, "base64"), (b) => (b << 24) >> 24),
    sleep: () => {
      throw new Error("the sandbox does not sleep");
    },
  };
  type Response = Pick<
    GoogleAppsScript.URL_Fetch.HTTPResponse,
    "getResponseCode" | "getContentText" | "getContent" | "getHeaders"
  >;
  const webReply = (resource: WebResource): Response => ({
    getResponseCode: () => resource.code,
    getContentText: () => Buffer.from(resource.bytes).toString("utf8"),
    // Apps Script bytes are signed.
    getContent: () => Array.from(resource.bytes, (b) => (b << 24) >> 24),
    getHeaders: () => ({ "Content-Type": resource.contentType }),
  });
  const urlFetchApp = {
    fetch: (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) => {
      sandbox.fetched.push(url);
      // Apps Script refuses any URL the manifest's allowlist does not start.
      if (![...URL_FETCH_ALLOWLIST, ...(options.extraUrlFetchPrefixes ?? [])].some((prefix) => url.startsWith(prefix)))
        throw new Error(`Exception: ${url} is not allowed by the urlFetchWhitelist of the script's manifest`);
      if (url !== GMAIL_SEND) {
        const resource = options.web?.[url];
        if (resource === undefined) throw new Error(`Address unavailable: ${url}`);
        if (resource.code !== 200 && params.muteHttpExceptions !== true)
          throw new Error(`Request failed for ${url} returned code ${String(resource.code)}`);
        return webReply(resource);
      }
      const headers = (params.headers ?? {}) as Record<string, string>;
      if (headers.Authorization !== "Bearer ya29.fake-token") throw new Error("no OAuth token");
      sandbox.duringSend?.();
      const reply = (code: number, body: object) => ({
        getResponseCode: () => code,
        getContentText: () => JSON.stringify(body),
      });
      if (sandbox.sendBehaviour === "quota")
        return reply(429, {
          error: { message: "User-rate limit exceeded", errors: [{ reason: "rateLimitExceeded" }] },
        });
      const { raw } = JSON.parse(typeof params.payload === "string" ? params.payload : "{}") as { raw: string };
      sandbox.sent.push({ raw: Buffer.from(raw, "base64url").toString("utf8"), at: sandbox.now });
      if (sandbox.sendBehaviour === "deliver-then-network-error")
        throw new Error("Address unavailable: https://gmail.googleapis.com");
      return reply(200, { id: `msg-${sandbox.sent.length}`, threadId: "t" });
    },
  };
  const gmailApp = {
    createDraft: (
      to: string,
      subject: string,
      body: string,
      advanced: {
        htmlBody?: string;
        attachments?: { getName(): string; getContentType(): string; bytes: Buffer }[];
      } = {},
    ) => {
      sandbox.drafts.push({
        to,
        subject,
        body,
        htmlBody: advanced.htmlBody,
        attachments: (advanced.attachments ?? []).map((blob) => ({
          name: blob.getName(),
          contentType: blob.getContentType(),
          bytes: blob.bytes,
        })),
      });
      return { getId: () => `draft-${String(sandbox.drafts.length)}` };
    },
  };
  const spreadsheetApp = {
    openByUrl: (url: string) => {
      sandbox.duringSheetRead?.();
      const base = url.replace(/#.*$/, "");
      const data = sandbox.revokedSheets.has(base) ? undefined : options.sheets?.[base];
      if (data === undefined) throw new Error(`You do not have permission to access the requested document (${url}).`);
      return {
        getName: () => data.name,
        getSheets: () =>
          data.tabs.map((tab) => ({
            getSheetId: () => tab.id,
            getName: () => tab.name,
            getDataRange: () => ({ getDisplayValues: () => tab.values.map((row) => [...row]) }),
          })),
      };
    },
  };
  const session = {
    getActiveUser: () => ({ getEmail: () => email }),
    getEffectiveUser: () => ({ getEmail: () => email }),
    getScriptTimeZone: () => options.zone ?? "Europe/Paris",
    getActiveUserLocale: () => options.locale ?? "fr",
  };
  const logger = {
    log: (...args: unknown[]) => {
      sandbox.notes.push(args.map(String).join(" "));
    },
  };
  return {
    CardService: fakeCardService(),
    PropertiesService: propertiesService,
    LockService: lockService,
    ScriptApp: scriptApp,
    Utilities: utilities,
    UrlFetchApp: urlFetchApp,
    SpreadsheetApp: spreadsheetApp,
    GmailApp: gmailApp,
    Session: session,
    Logger: logger,
    console: { log: logger.log, info: logger.log, warn: logger.log, error: logger.log },
  };
}
