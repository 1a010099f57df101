/** What a command hands back to main: text or JSON for stdout, and the warnings/notes for stderr. */
import type { Problem } from "../../../shared/src/problem.js";

export interface CommandOutput {
  readonly text?: string;
  readonly json?: unknown;
  readonly problems: readonly Problem[];
  /** Some of the work could not be done (exit 1), though what could was written. */
  readonly failed?: boolean;
}
