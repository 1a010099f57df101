/** NAA token source over a stand-in of MSAL's nestable client (the outermost edge), typed against msal-browser. */
import type { AuthenticationResult, IPublicClientApplication, PopupRequest, SilentRequest } from "@azure/msal-browser";
import { NaaTokenSource } from "./auth.js";
import { GraphError } from "./mailbox.js";

class MsalError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    name = "BrowserAuthError",
  ) {
    super(message);
    this.name = name;
  }
}

interface Script {
  silent: (request: SilentRequest) => string | Error;
  popup?: (request: PopupRequest) => string | Error;
}

function fakeMsal(script: Script) {
  const calls: string[] = [];
  const answer = (value: string | Error): Promise<AuthenticationResult> =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve({ accessToken: value } as AuthenticationResult);
  const pca: Pick<IPublicClientApplication, "acquireTokenSilent" | "acquireTokenPopup"> = {
    acquireTokenSilent: (request) => {
      calls.push(`silent ${request.scopes.join(" ")}${request.forceRefresh === true ? " force" : ""}`);
      return answer(script.silent(request));
    },
    acquireTokenPopup: (request) => {
      calls.push(`popup ${request.scopes.join(" ")}`);
      return answer(script.popup?.(request) ?? new MsalError("user_cancelled", "no popup scripted"));
    },
  };
  let created = 0;
  return {
    calls,
    created: () => created,
    loadMsal: () =>
      Promise.resolve({
        createNestablePublicClientApplication: () => {
          created += 1;
          return Promise.resolve(pca as IPublicClientApplication);
        },
      }),
  };
}

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error.problem;
    throw error;
  }
  throw new Error("expected a GraphError");
}

describe("NaaTokenSource", () => {
  it("gets a token silently, for Mail.ReadWrite and Mail.Send, and creates the MSAL client once", async () => {
    const msal = fakeMsal({ silent: () => "token-1" });
    const source = new NaaTokenSource({ clientId: "app", nestedAppAuthSupported: true, loadMsal: msal.loadMsal });
    expect(await source.token()).toBe("token-1");
    expect(await source.token({ forceRefresh: true })).toBe("token-1");
    expect(msal.calls).toEqual(["silent Mail.ReadWrite Mail.Send", "silent Mail.ReadWrite Mail.Send force"]);
    expect(msal.created()).toBe(1);
  });

  it("falls back to a popup when consent is needed", async () => {
    const msal = fakeMsal({
      silent: () => new MsalError("consent_required", "AADSTS65001", "InteractionRequiredAuthError"),
      popup: () => "token-2",
    });
    const source = new NaaTokenSource({ clientId: "app", nestedAppAuthSupported: true, loadMsal: msal.loadMsal });
    expect(await source.token()).toBe("token-2");
    expect(msal.calls).toEqual(["silent Mail.ReadWrite Mail.Send", "popup Mail.ReadWrite Mail.Send"]);
  });

  it("reports a closed popup as sign-in refused, with MSAL's code", async () => {
    const msal = fakeMsal({
      silent: () => new MsalError("interaction_required", "sign in"),
      popup: () => new MsalError("user_cancelled", "User cancelled the flow."),
    });
    const source = new NaaTokenSource({ clientId: "app", nestedAppAuthSupported: true, loadMsal: msal.loadMsal });
    expect(await problemOf(source.token())).toEqual({
      kind: "signin-refused",
      reason: "user_cancelled: User cancelled the flow.",
    });
  });

  it("does not open a popup for errors a popup cannot fix", async () => {
    const msal = fakeMsal({ silent: () => new MsalError("network_error", "offline") });
    const source = new NaaTokenSource({ clientId: "app", nestedAppAuthSupported: true, loadMsal: msal.loadMsal });
    expect((await problemOf(source.token())).kind).toBe("signin-refused");
    expect(msal.calls).toEqual(["silent Mail.ReadWrite Mail.Send"]);
  });

  it("says sign-in is unavailable without NestedAppAuth 1.1 or without an app registration, loading nothing", async () => {
    const msal = fakeMsal({ silent: () => "never" });
    const old = new NaaTokenSource({ clientId: "app", nestedAppAuthSupported: false, loadMsal: msal.loadMsal });
    expect(await problemOf(old.token())).toMatchObject({ kind: "signin-unavailable", reason: /NestedAppAuth 1\.1/ });
    const unregistered = new NaaTokenSource({ clientId: "", nestedAppAuthSupported: true, loadMsal: msal.loadMsal });
    expect(await problemOf(unregistered.token())).toMatchObject({ kind: "signin-unavailable" });
    expect(msal.created()).toBe(0);
  });
});
