/**
 * Graph tokens in Outlook by Nested App Authentication (MSAL's nestable client): Outlook signs the user in for us,
 * silently when it can, with a popup when consent is needed. MSAL is loaded on first use (its own chunk): the pane's
 * first paint never waits for it, and a pane that never lists scheduled sends never loads it.
 */
import type { IPublicClientApplication } from "@azure/msal-browser";
import { GraphError, type TokenSource } from "./mailbox.js";

/** Mail.ReadWrite: list Drafts, copy, delete, attach. Mail.Send: `/send` (schedule, undo, send now). */
export const GRAPH_SCOPES: readonly string[] = ["Mail.ReadWrite", "Mail.Send"];

/** What the entry file hands the views: where Graph is and how to get a token for it. */
export interface GraphAccess {
  readonly baseUrl: string;
  readonly tokens: TokenSource;
}

declare global {
  interface Window {
    /** Set by the workbench's Office stand-in: its local mailbox server instead of graph.microsoft.com. */
    releveGraphAccess?: GraphAccess;
  }
}

type Msal = Pick<typeof import("@azure/msal-browser"), "createNestablePublicClientApplication">;

export interface NaaOptions {
  /** The Entra app registration's client id (README: "Graph sign-in"); empty when the build was given none. */
  readonly clientId: string;
  /** Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"). */
  readonly nestedAppAuthSupported: boolean;
  readonly loadMsal?: () => Promise<Msal>;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { errorCode?: unknown }).errorCode;
    return typeof code === "string" && code !== "" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Errors after which a popup may help: consent or sign-in needed (MSAL's InteractionRequiredAuthError family). */
function needsInteraction(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { errorCode?: unknown }).errorCode;
  return (
    error.name === "InteractionRequiredAuthError" ||
    code === "interaction_required" ||
    code === "consent_required" ||
    code === "login_required" ||
    code === "no_tokens_found" ||
    code === "no_account_error"
  );
}

export class NaaTokenSource implements TokenSource {
  private client: Promise<IPublicClientApplication> | undefined;

  constructor(private readonly options: NaaOptions) {}

  private application(): Promise<IPublicClientApplication> {
    this.client ??= (this.options.loadMsal ?? (() => import(/* webpackChunkName: "msal" */ "@azure/msal-browser")))()
      .then((msal) =>
        msal.createNestablePublicClientApplication({
          auth: { clientId: this.options.clientId, authority: "https://login.microsoftonline.com/common" },
        }),
      )
      .catch((error: unknown) => {
        this.client = undefined;
        throw new GraphError({ kind: "signin-unavailable", reason: reasonOf(error) });
      });
    return this.client;
  }

  async token(options?: { readonly forceRefresh?: boolean }): Promise<string> {
    if (!this.options.nestedAppAuthSupported) {
      throw new GraphError({
        kind: "signin-unavailable",
        reason: "this Outlook does not offer nested app authentication (NestedAppAuth 1.1)",
      });
    }
    if (this.options.clientId === "") {
      throw new GraphError({
        kind: "signin-unavailable",
        reason: "this build has no app registration (RELEVE_GRAPH_CLIENT_ID)",
      });
    }
    const pca = await this.application();
    const request = { scopes: [...GRAPH_SCOPES] };
    try {
      const result = await pca.acquireTokenSilent({ ...request, forceRefresh: options?.forceRefresh === true });
      return result.accessToken;
    } catch (silentError) {
      if (!needsInteraction(silentError)) {
        throw new GraphError({ kind: "signin-refused", reason: reasonOf(silentError) });
      }
    }
    try {
      const result = await pca.acquireTokenPopup(request);
      return result.accessToken;
    } catch (popupError) {
      throw new GraphError({ kind: "signin-refused", reason: reasonOf(popupError) });
    }
  }
}
