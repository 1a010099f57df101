/** Generates build-time assets (fonts for the PDF text step) into *.generated.ts files; idempotent and quick. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: "truetype"; noHinting?: boolean; noLayoutClosure?: boolean; dropTables?: string[] },
) => Promise<Buffer>;

// subset-font is CommonJS without types: load it through require and give it the slice of its API we use.
const require = createRequire(import.meta.url);
const subsetFont = require("subset-font") as SubsetFont;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fontDir = join(root, "shared", "src", "pdf", "fonts");
const dejavuDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** Bump when the output format or options change, so stale generated files are rebuilt. */
const GENERATOR_VERSION = 2;

/** Code point ranges the statement PDF can show: Latin, Latin Extended, Greek, and the punctuation Intl emits. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement (NBSP, «», é…)
  [0x0100, 0x024f], // Latin Extended-A and -B (ō, ł, ș…)
  [0x0259, 0x0259], // ə (Azerbaijani)
  [0x02bb, 0x02bc], // ʻ ʼ modifier letters used in names
  [0x02c6, 0x02dd], // spacing accents
  [0x0370, 0x03ff], // Greek and Coptic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x1f00, 0x1ffe], // Greek Extended (polytonic)
  [0x2000, 0x206f], // General Punctuation (U+2009 thin space, U+202F NNBSP, – — ' " …)
  [0x20a0, 0x20c0], // Currency symbols (€, ₣, ₤, ₹…)
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // − minus sign (Intl in sv, fi, …)
  [0x2215, 0x2215], // ∕
];

const FONTS = [
  { file: "DejaVuSans.ttf", constant: "DEJAVU_SANS_TTF_BASE64", out: "dejavu-sans.generated.ts" },
  { file: "DejaVuSans-Bold.ttf", constant: "DEJAVU_SANS_BOLD_TTF_BASE64", out: "dejavu-sans-bold.generated.ts" },
] as const;

function charset(): string {
  let text = "";
  for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) text += String.fromCodePoint(cp);
  return text;
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(fontDir, { recursive: true });
  const text = charset();
  let generated = 0;
  for (const font of FONTS) {
    const source = readFileSync(join(dejavuDir, font.file));
    const stamp = createHash("sha256")
      .update(`${GENERATOR_VERSION}\n${text}\n`)
      .update(source)
      .digest("hex")
      .slice(0, 16);
    const outPath = join(fontDir, font.out);
    if (existsSync(outPath) && readFileSync(outPath, "utf8").includes(`stamp: ${stamp}`)) continue;
    // Hinting and layout tables are dropped: the PDF is positioned by widths only (no shaping, no kerning), and
    // viewers rasterise without TrueType instructions, so they would only cost bytes.
    const subset = await subsetFont(source, text, {
      targetFormat: "truetype",
      noHinting: true,
      noLayoutClosure: true,
      dropTables: ["GSUB", "GPOS", "GDEF", "kern", "gasp", "hdmx", "LTSH", "VDMX", "FFTM"],
    });
    const body =
      `/** ${font.file} from npm dejavu-fonts-ttf cut to the statement repertoire by scripts/prepare-assets.ts. ` +
      `stamp: ${stamp} */\n` +
      `export const ${font.constant} =\n  "${subset.toString("base64")}";\n`;
    writeFileSync(outPath, body);
    generated++;
    console.log(`assets: ${font.out} (${subset.length} bytes)`);
  }
  const elapsed = Math.round(performance.now() - started);
  console.log(generated === 0 ? `assets: up to date (${elapsed} ms)` : `assets: generated in ${elapsed} ms`);
}

await main();
