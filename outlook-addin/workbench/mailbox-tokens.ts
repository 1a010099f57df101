/**
 * The TokenSource for the local mailbox server: tokens from `POST /_mailbox/token`, kept until refused. Browser-safe
 * (the workbench pane uses it in place of Nested App Authentication).
 */
import { GraphError, type TokenSource } from "../src/graph/mailbox.js";

export class MailboxServerTokens implements TokenSource {
  private current: Promise<string> | undefined;
  /** How many tokens were fetched (tests check refreshes). */
  issuedCount = 0;

  constructor(
    /** The server's origin, e.g. "http://127.0.0.1:3001" (no trailing slash). */
    private readonly origin: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  token(options?: { readonly forceRefresh?: boolean }): Promise<string> {
    if (this.current === undefined || options?.forceRefresh === true) {
      const next = this.fetchToken();
      // A failed fetch must not stick: the next call tries again.
      next.catch(() => {
        if (this.current === next) this.current = undefined;
      });
      this.current = next;
    }
    return this.current;
  }

  private async fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.origin}/_mailbox/token`, { method: "POST" });
    } catch (error) {
      throw new GraphError({ kind: "signin-unavailable", reason: (error as Error).message });
    }
    const body = (await response.json().catch(() => undefined)) as { access_token?: unknown } | undefined;
    if (!response.ok || typeof body?.access_token !== "string") {
      throw new GraphError({ kind: "signin-refused", reason: `token endpoint answered ${String(response.status)}` });
    }
    this.issuedCount++;
    return body.access_token;
  }
}
