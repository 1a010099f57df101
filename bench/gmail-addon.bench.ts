/** The Gmail add-on's figures, measured in its own process (the Apps Script sandbox): see gmail-addon/bench.ts. */
import { execFileSync } from "node:child_process";

export function run(): Promise<void> {
  execFileSync("npm", ["run", "build:gmail", "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("npx", ["tsx", "gmail-addon/bench.ts"], { stdio: "inherit" });
  return Promise.resolve();
}
