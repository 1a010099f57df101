/** End-to-end harness: the built pane + workbench served over http from a temp folder, in Debian Chromium. */
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildOutlook } from "../build.js";
import type { MailboxService } from "../workbench/mailbox-server.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Screenshots of each state, for people to look at (out/ is gitignored). */
export const artifacts = join(repoRoot, "out/outlook-workbench");

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".csv": "text/csv",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the built files; with a mailbox service, /graph/v1.0 and /_mailbox go to it (same origin, as npm start). */
export function serve(folder: string, mailbox?: MailboxService): Promise<Served> {
  const server: Server = createServer((request, response) => {
    if (mailbox?.handle(request, response) === true) return;
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(folder, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${String(port)}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}

/** CHROME_PATH, then the usual install paths (scripts/outlook-chromium.sh; npm test installs Debian's chromium). */
export function chromiumPath(): string {
  return execFileSync("bash", [join(repoRoot, "scripts/outlook-chromium.sh")], { encoding: "utf8" }).trim();
}

export async function launch(options: { timezoneId: string; locale: string }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "releve-chromium-")), {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
    viewport: { width: 1280, height: 900 },
    timezoneId: options.timezoneId,
    locale: options.locale,
  });
}

/** The text a PDF shows (pdftotext from poppler-utils), with the spaces Intl puts in amounts made plain. */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8" }).replace(
    /[\u00a0\u202f]/g,
    " ",
  );
}

export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

export interface Workbench {
  readonly served: Served;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * The production pane + workbench built into a temp folder, served with `mailbox` on the same origin, and a Chromium
 * page in Paris time with the browser clock fixed at `nowMs` (each e2e file builds once: jest runs files apart).
 */
export async function startWorkbench(options: { nowMs: number; mailbox: MailboxService }): Promise<Workbench> {
  mkdirSync(artifacts, { recursive: true });
  const out = mkdtempSync(join(tmpdir(), "releve-outlook-build-"));
  await buildOutlook({ mode: "production", outputPath: out });
  const served = await serve(out, options.mailbox);
  const context = await launch({ timezoneId: "Europe/Paris", locale: "fr-FR" });
  await context.clock.setFixedTime(options.nowMs);
  const page = await context.newPage();
  return {
    served,
    context,
    page,
    close: async () => {
      await context.close();
      await served.close();
    },
  };
}
