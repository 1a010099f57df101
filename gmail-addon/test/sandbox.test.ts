/** The built Code.js in the Apps Script sandbox: only Apps Script's globals, every handler exposed, the homepage. */
import { statSync } from "node:fs";
import { HANDLER_NAMES } from "../src/handlers/names.js";
import { texts } from "./sandbox/cards.js";
import { newSandbox, setUp } from "./fixtures.js";
import { CODE_JS } from "./sandbox/sandbox.js";

describe("Code.js in the Apps Script sandbox", () => {
  it("stays within 700 KB", () => {
    expect(statSync(CODE_JS).size).toBeLessThanOrEqual(700 * 1024);
  });

  it("evaluates without window, self, require, atob, TextEncoder or setTimeout being provided", () => {
    const sandbox = newSandbox();
    // The polyfills define some of these for jsPDF; the sandbox itself provided none.
    for (const name of ["window", "require", "setTimeout", "setInterval", "process", "Buffer", "module"])
      expect(`${name}: ${sandbox.typeOf(name)}`).toBe(`${name}: undefined`);
    expect(sandbox.typeOf("TextEncoder")).toBe("function");
  });

  it("exposes exactly the registry's handlers as top-level functions", () => {
    const sandbox = newSandbox();
    for (const name of HANDLER_NAMES) expect(`${name}: ${sandbox.typeOf(name)}`).toBe(`${name}: function`);
    const functions = sandbox.globalNames().filter((name) => /^on[A-Z]/.test(name));
    expect(functions.sort()).toEqual([...HANDLER_NAMES].sort());
  });

  it("shows the homepage before setup with what to do", () => {
    const sandbox = newSandbox();
    const card = sandbox.run("onHomepage", sandbox.event());
    expect(texts(card).join("\n")).toContain("not set up yet");
    expect(texts(card)).toContain("Upcoming sends (0)");
  });

  it("shows the homepage after setup", () => {
    const sandbox = newSandbox();
    setUp(sandbox);
    const card = sandbox.run("onHomepage", sandbox.event());
    expect(texts(card).join("\n")).not.toContain("not set up yet");
    expect(texts(card)).toContain("Nothing scheduled.");
  });
});
