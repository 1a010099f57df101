/**
 * Where the read-only reference material lives: `../shared` beside the repository (not the repo's own shared/).
 * Conformance tests call this; it fails loudly when the folder is missing instead of letting a suite pass empty.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function referencePath(...parts: string[]): string {
  const root = resolve(repoRoot, "..", "shared");
  if (!existsSync(join(root, "design")) || !existsSync(join(root, "samples"))) {
    throw new Error(
      `Reference material not found at ${root}. The conformance tests read ../shared (beside the repository) in ` +
        `place; check out the repository next to it.`,
    );
  }
  return join(root, ...parts);
}
