/** appsscript.json: V8, the add-on's triggers named from the handler registry, and no restricted Gmail scope. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HANDLER_NAMES } from "../src/handlers/names.js";

interface Manifest {
  runtimeVersion: string;
  urlFetchWhitelist: string[];
  oauthScopes: string[];
  addOns: {
    common: { homepageTrigger: { runFunction: string }; useLocaleFromApp: boolean };
    gmail: { composeTrigger: { selectActions: { text: string; runFunction: string }[]; draftAccess: string } };
  };
}

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../appsscript.json"), "utf8")) as Manifest;

/** Scopes Google classes as restricted (a security assessment before publishing). */
const RESTRICTED = [
  "https://mail.google.com/",
  "https://www.googleapis.com/auth/gmail.compose",
  "https://www.googleapis.com/auth/gmail.modify",
  "https://www.googleapis.com/auth/gmail.readonly",
  "https://www.googleapis.com/auth/gmail.insert",
  "https://www.googleapis.com/auth/gmail.metadata",
  "https://www.googleapis.com/auth/gmail.settings.basic",
  "https://www.googleapis.com/auth/gmail.settings.sharing",
  "https://www.googleapis.com/auth/drive",
  "https://www.googleapis.com/auth/drive.readonly",
];

describe("appsscript.json", () => {
  it("runs on V8 with the locale from Gmail", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.addOns.common.useLocaleFromApp).toBe(true);
  });

  it("asks for no restricted scope", () => {
    expect(manifest.oauthScopes.filter((scope) => RESTRICTED.includes(scope))).toEqual([]);
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/gmail.send");
  });

  it("has one compose action with metadata access", () => {
    const compose = manifest.addOns.gmail.composeTrigger;
    expect(compose.draftAccess).toBe("METADATA");
    expect(compose.selectActions.map((action) => action.text)).toEqual(["Attach this month's statement"]);
  });

  it("names only handlers of the registry", () => {
    const named = [
      manifest.addOns.common.homepageTrigger.runFunction,
      ...manifest.addOns.gmail.composeTrigger.selectActions.map((action) => action.runFunction),
    ];
    for (const name of named) expect(HANDLER_NAMES).toContain(name);
  });

  it("fetches only the Gmail API and Drive's public download addresses (valid allowlist prefixes)", () => {
    expect(manifest.urlFetchWhitelist).toEqual([
      "https://gmail.googleapis.com/",
      "https://drive.google.com/uc",
      "https://drive.usercontent.google.com/",
    ]);
    // Apps Script's rules: https, a full domain, a non-empty path.
    for (const prefix of manifest.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/\S*$/);
  });
});
