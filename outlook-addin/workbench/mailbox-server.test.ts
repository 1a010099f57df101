/** The local Graph mailbox over real HTTP: Exchange's deferred delivery, auth, faults and hostile requests. */
import { DEFERRED_SEND_PROPERTY } from "../src/graph/mailbox.js";
import { MAX_REQUEST_BYTES, startMailboxServer, type RunningMailboxServer } from "./mailbox-server.js";

const START_MS = Date.parse("2026-11-30T08:00:00Z");
const NINE = "2026-11-30T09:00:00Z";
/** Long enough that moving the clock in a test does not expire its token (the auth test moves past it). */
const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;

let server: RunningMailboxServer;
let token: string;

beforeEach(async () => {
  server = await startMailboxServer(0, { now: START_MS, tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS });
  token = server.service.issueToken().access_token;
});

afterEach(async () => {
  await server.close();
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

async function call(method: string, path: string, body?: unknown, bearer: string | null = token): Promise<Answer> {
  const response = await fetch(`${server.graphUrl}${path}`, {
    method,
    headers: {
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}

function errorCode(answer: Answer): string | undefined {
  return (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
}

async function control(name: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${server.url}/_mailbox/${name}`, { method: "POST", body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return response.json();
}

const pdfBase64 = Buffer.from("%PDF-1.7 statement").toString("base64");

async function createDraft(extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await call("POST", "/me/messages", {
    subject: "Relevé novembre",
    body: { contentType: "html", content: "<p>Bonjour</p>" },
    toRecipients: [{ emailAddress: { address: "compta@motsbleus.fr", name: "Les Mots Bleus" } }],
    attachments: [
      {
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: "Releve-mots-bleus-2026-11-30.pdf",
        contentType: "application/pdf",
        contentBytes: pdfBase64,
      },
    ],
    ...extra,
  });
  expect(answer.status).toBe(201);
  return (answer.body as { id: string }).id;
}

const deferredAt = (iso: string): Record<string, unknown> => ({
  singleValueExtendedProperties: [{ id: DEFERRED_SEND_PROPERTY, value: iso }],
});

describe("deferred delivery", () => {
  it("holds a submitted draft in Drafts until its time, then delivers it to Sent Items at that time", async () => {
    const id = await createDraft(deferredAt(NINE));
    expect((await call("POST", `/me/messages/${id}/send`)).status).toBe(202);
    let state = server.service.state();
    expect(state.drafts.map((d) => [d.id, d.submitted, d.late])).toEqual([[id, true, false]]);
    expect(state.sent).toEqual([]);

    server.service.advance(60 * 60 * 1000 - 1);
    expect(server.service.state().sent).toEqual([]);
    await control("clock", { advanceMs: 1 });
    state = server.service.state();
    expect(state.drafts).toEqual([]);
    expect(state.sent.map((s) => [s.subject, s.sentDateTime, s.attachments.length])).toEqual([
      ["Relevé novembre", NINE, 1],
    ]);
    // The Sent Items copy has its own id: the draft's id is gone.
    expect(state.sent[0]?.id).not.toBe(id);
    expect((await call("GET", `/me/messages/${id}`)).status).toBe(404);
  });

  it("sends at once without the property or with a past one; a plain draft with the property never goes", async () => {
    const plain = await createDraft();
    const past = await createDraft(deferredAt("2026-11-30T07:00:00Z"));
    const unsent = await createDraft(deferredAt(NINE));
    await call("POST", `/me/messages/${plain}/send`);
    await call("POST", `/me/messages/${past}/send`);
    server.service.advance(24 * 60 * 60 * 1000);
    const state = server.service.state();
    expect(state.sent.map((s) => s.sentDateTime)).toEqual(["2026-11-30T08:00:00Z", "2026-11-30T08:00:00Z"]);
    expect(state.drafts.map((d) => [d.id, d.submitted, d.deferredUntil])).toEqual([[unsent, false, NINE]]);
  });

  it("a forgotten message stays in Drafts past its time and is late; /send then delivers it now", async () => {
    const id = await createDraft(deferredAt(NINE));
    await call("POST", `/me/messages/${id}/send`);
    await control("forget", { id });
    await control("clock", { now: "2026-11-30T10:00:00Z" });
    const late = server.service.state().drafts[0];
    expect([late?.forgotten, late?.late]).toEqual([true, true]);
    expect((await call("POST", `/me/messages/${id}/send`)).status).toBe(202);
    expect(server.service.state().sent.map((s) => s.sentDateTime)).toEqual(["2026-11-30T10:00:00Z"]);
  });

  it("deleting a submitted message cancels it", async () => {
    const id = await createDraft(deferredAt(NINE));
    await call("POST", `/me/messages/${id}/send`);
    expect((await call("DELETE", `/me/messages/${id}`)).status).toBe(204);
    server.service.advance(2 * 60 * 60 * 1000);
    expect(server.service.state()).toMatchObject({ drafts: [], sent: [] });
    expect(errorCode(await call("DELETE", `/me/messages/${id}`))).toBe("ErrorItemNotFound");
  });

  it("PATCH adds or replaces an extended property (SystemTime normalised to UTC), never removes one", async () => {
    const id = await createDraft();
    await call("PATCH", `/me/messages/${id}`, deferredAt("2026-11-30T10:00:00+01:00"));
    await call("PATCH", `/me/messages/${id}`, { subject: "Autre" });
    const answer = await call(
      "GET",
      `/me/messages/${id}?$select=subject&$expand=singleValueExtendedProperties($filter=id eq '${DEFERRED_SEND_PROPERTY}')`,
    );
    expect(answer.body).toEqual({
      id,
      subject: "Autre",
      singleValueExtendedProperties: [{ id: DEFERRED_SEND_PROPERTY, value: NINE }],
    });
  });

  it("sendMail sends at once even with the property (the pitfall) and is in the call log", async () => {
    const answer = await call("POST", "/me/sendMail", {
      message: { subject: "x", toRecipients: [{ emailAddress: { address: "a@b.fr" } }], ...deferredAt(NINE) },
    });
    expect(answer.status).toBe(202);
    expect(server.service.state().sent.map((s) => [s.viaSendMail, s.sentDateTime])).toEqual([
      [true, "2026-11-30T08:00:00Z"],
    ]);
    expect(server.service.calls().map((c) => `${c.method} ${c.path}`)).toEqual(["POST /me/sendMail"]);
  });
});

describe("listing", () => {
  it("pages with @odata.nextLink, filters and orders Sent Items, and expands both navigations at once", async () => {
    for (let i = 0; i < 12; i++) {
      const id = await createDraft({ subject: `S${String(i).padStart(2, "0")}` });
      server.service.advance(60_000);
      await call("POST", `/me/messages/${id}/send`);
    }
    const query =
      "$select=subject,sentDateTime&$orderby=sentDateTime desc&$filter=sentDateTime ge 2026-11-30T08:02:00Z" +
      `&$expand=singleValueExtendedProperties($filter=id eq '${DEFERRED_SEND_PROPERTY}'),attachments($select=id,name,size)`;
    const first = await call("GET", `/me/mailFolders/sentitems/messages?${encodeURI(query)}`);
    const firstBody = first.body as {
      value: { subject: string; attachments: unknown[] }[];
      "@odata.nextLink"?: string;
    };
    expect(firstBody.value).toHaveLength(10);
    expect(firstBody.value[0]?.subject).toBe("S11");
    expect(firstBody.value[0]?.attachments).toEqual([
      {
        "@odata.type": "#microsoft.graph.fileAttachment",
        id: expect.any(String) as string,
        name: "Releve-mots-bleus-2026-11-30.pdf",
        size: 18,
      },
    ]);
    const next = firstBody["@odata.nextLink"]!;
    expect(next.startsWith(server.graphUrl)).toBe(true);
    const second = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    const secondBody = (await second.json()) as { value: { subject: string }[]; "@odata.nextLink"?: string };
    // S00 was sent at 08:01, before the filter's bound: 11 match.
    expect(secondBody.value.map((m) => m.subject)).toEqual(["S01"]);
    expect(secondBody["@odata.nextLink"]).toBeUndefined();
  });
});

describe("auth and faults", () => {
  it("refuses a missing, unknown or expired token with InvalidAuthenticationToken, and logs it", async () => {
    expect((await call("GET", "/me/mailFolders/drafts/messages", undefined, null)).status).toBe(401);
    expect(errorCode(await call("GET", "/me/mailFolders/drafts/messages", undefined, "forged"))).toBe(
      "InvalidAuthenticationToken",
    );
    server.service.advance(TOKEN_LIFETIME_SECONDS * 1000);
    expect((await call("GET", "/me/mailFolders/drafts/messages")).status).toBe(401);
    const fresh = (await control("token")) as { access_token: string; expires_in: number };
    expect(fresh.expires_in).toBe(TOKEN_LIFETIME_SECONDS);
    expect((await call("GET", "/me/mailFolders/drafts/messages", undefined, fresh.access_token)).status).toBe(200);
    await control("fault", { expireTokens: true });
    expect((await call("GET", "/me/mailFolders/drafts/messages", undefined, fresh.access_token)).status).toBe(401);
    expect(server.service.calls().map((c) => [c.status, c.hadValidToken])).toEqual([
      [401, false],
      [401, false],
      [401, false],
      [200, true],
      [401, false],
    ]);
  });

  it("answers the next `count` calls (matching the method) with 429 and Retry-After", async () => {
    await control("fault", { status: 429, retryAfterSeconds: 7, count: 2, method: "GET" });
    const id = await createDraft();
    const first = await call("GET", `/me/messages/${id}`);
    expect([first.status, first.headers.get("retry-after"), errorCode(first)]).toEqual([429, "7", "TooManyRequests"]);
    expect((await call("GET", `/me/messages/${id}`)).status).toBe(429);
    expect((await call("GET", `/me/messages/${id}`)).status).toBe(200);
  });

  it("answers OPTIONS and sets CORS headers that expose Retry-After", async () => {
    const preflight = await fetch(`${server.graphUrl}/me/messages`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
    const fromPane = await fetch(`${server.graphUrl}/me/mailFolders/drafts/messages`, {
      headers: { authorization: `Bearer ${token}`, origin: "http://localhost:3000" },
    });
    expect(fromPane.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(fromPane.headers.get("access-control-expose-headers")).toContain("Retry-After");
    // Any other web page open in the same browser must not read the local mailbox (the token needs no credentials).
    const fromElsewhere = await fetch(`${server.url}/_mailbox/token`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(fromElsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("hostile requests get Graph-shaped errors", () => {
  it.each([
    ["bad JSON", "POST", "/me/messages", "{not json", 400, "BadRequest"],
    ["a JSON array", "POST", "/me/messages", "[]", 400, "BadRequest"],
    ["an unknown property", "POST", "/me/messages", { subjekt: "x" }, 400, "BadRequest"],
    [
      "a bad recipient",
      "POST",
      "/me/messages",
      { toRecipients: [{ emailAddress: { address: "nope" } }] },
      400,
      "BadRequest",
    ],
    [
      "a bad property id",
      "POST",
      "/me/messages",
      { singleValueExtendedProperties: [{ id: "x", value: "y" }] },
      400,
      "ErrorInvalidProperty",
    ],
    ["a bad SystemTime", "POST", "/me/messages", deferredAt("tomorrow"), 400, "ErrorInvalidExtendedPropertyValue"],
    ["an unknown $expand", "GET", "/me/mailFolders/drafts/messages?$expand=extensions", undefined, 400, "BadRequest"],
    [
      "an unfiltered property expansion",
      "GET",
      "/me/mailFolders/drafts/messages?$expand=singleValueExtendedProperties",
      undefined,
      400,
      "BadRequest",
    ],
    [
      "an unknown $select field",
      "GET",
      "/me/mailFolders/drafts/messages?$select=password",
      undefined,
      400,
      "RequestBroker--ParseUri",
    ],
    ["an unknown option", "GET", "/me/mailFolders/drafts/messages?$search=x", undefined, 400, "BadRequest"],
    ["$top out of range", "GET", "/me/mailFolders/drafts/messages?$top=0", undefined, 400, "BadRequest"],
    [
      "a bad filter",
      "GET",
      "/me/mailFolders/sentitems/messages?$filter=subject eq 'x'",
      undefined,
      400,
      "ErrorInvalidUrlQueryFilter",
    ],
    [
      "unbalanced parentheses",
      "GET",
      "/me/mailFolders/drafts/messages?$expand=attachments($select=id",
      undefined,
      400,
      "BadRequest",
    ],
    ["another folder", "GET", "/me/mailFolders/inbox/messages", undefined, 400, "BadRequest"],
    ["an unknown message", "GET", "/me/messages/AAMkNOPE", undefined, 404, "ErrorItemNotFound"],
    ["bad percent-encoding", "GET", "/me/messages/%E0%A4%A", undefined, 400, "BadRequest"],
  ])("%s", async (_name, method, path, body, status, code) => {
    const answer = await call(method, encodeURI(path).replaceAll("%25", "%"), body);
    expect([answer.status, errorCode(answer)]).toEqual([status, code]);
    expect(typeof (answer.body as { error: { message: unknown } }).error.message).toBe("string");
  });

  it("refuses a body over 10 MB with 413 and still answers", async () => {
    const answer = await call("POST", "/me/messages", { subject: "x".repeat(MAX_REQUEST_BYTES) });
    expect([answer.status, errorCode(answer)]).toEqual([413, "RequestEntityTooLarge"]);
    expect(server.service.state().drafts).toEqual([]);
  });

  it("refuses an attachment over 3 MB with 413, and one to a sent message with 400", async () => {
    const id = await createDraft();
    const big = {
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "big.pdf",
      contentBytes: Buffer.alloc(3 * 1024 * 1024 + 1).toString("base64"),
    };
    expect(errorCode(await call("POST", `/me/messages/${id}/attachments`, big))).toBe("ErrorRequestEntityTooLarge");
    const small = { ...big, contentBytes: pdfBase64 };
    expect((await call("POST", `/me/messages/${id}/attachments`, small)).status).toBe(201);
    await call("POST", `/me/messages/${id}/send`);
    const sentId = server.service.state().sent[0]!.id;
    expect((await call("POST", `/me/messages/${sentId}/attachments`, small)).status).toBe(400);
  });
});
