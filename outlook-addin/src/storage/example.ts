/** The built-in example (examples/ of the repository, copied beside the pane by the build), fetched on request. */
import { readLogo } from "../../../shared/src/image.js";
import { parseProfileJson } from "../../../shared/src/profile-json.js";
import { formatProblem } from "../../../shared/src/problem.js";
import type { BuiltInExample } from "../taskpane/host.js";

export const EXAMPLE_LEDGER_FILES = ["factures.csv", "paiements.csv", "AC-2026-093.xml"] as const;

async function bytesOf(url: URL): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${String(response.status)}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function loadExample(base: URL): Promise<BuiltInExample> {
  const files = await Promise.all(
    EXAMPLE_LEDGER_FILES.map(async (name) => ({
      name,
      bytes: await bytesOf(new URL(`examples/ledger/${name}`, base)),
    })),
  );
  const parsed = parseProfileJson(
    new TextDecoder().decode(await bytesOf(new URL("examples/profile.json", base))),
    "profile.json",
  );
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  const { profile, logoRef } = parsed.value;
  if (logoRef === undefined) return { files, profile };
  const logo = readLogo(await bytesOf(new URL(`examples/${logoRef}`, base)));
  return { files, profile: logo.ok ? { ...profile, logo: logo.image } : profile };
}
