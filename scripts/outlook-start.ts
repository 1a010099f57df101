/**
 * `npm start`: builds the Outlook pane + workbench and serves them on port 3000 — https with office-addin-dev-certs
 * when a certificate can be had (Outlook itself requires https; sideload manifest.xml against it), else http (the
 * workbench needs no certificate). Open /index.html for the workbench, /taskpane.html is what Outlook loads. The
 * local mailbox server (outlook-addin/workbench/mailbox-server.ts) answers /graph/v1.0 and /_mailbox on the same port.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import { createMailboxService } from "../outlook-addin/workbench/mailbox-server.js";
import { outlookConfigurations } from "../outlook-addin/webpack.part.js";

interface HttpsOptions {
  ca: Buffer;
  key: Buffer;
  cert: Buffer;
}

async function httpsOptions(): Promise<HttpsOptions | undefined> {
  if (process.env.RELEVE_HTTP === "1") return undefined;
  try {
    const certs = (await import("office-addin-dev-certs")) as {
      getHttpsServerOptions(days?: number): Promise<HttpsOptions>;
    };
    return await certs.getHttpsServerOptions();
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not provide a certificate (${(error as Error).message}); serving over http. ` +
        "The workbench works over http; Outlook needs https (run `npx office-addin-dev-certs install` once).",
    );
    return undefined;
  }
}

const [configuration] = outlookConfigurations({ mode: "development" });
if (configuration === undefined) throw new Error("no Outlook configuration");
const https = await httpsOptions();
// The workbench's mailbox: Graph shapes over HTTP on the same origin (/graph/v1.0, /_mailbox), following real time.
const mailbox = createMailboxService();
const server = new WebpackDevServer(
  {
    setupMiddlewares: (middlewares) => {
      middlewares.unshift({
        name: "releve-mailbox",
        middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => {
          if (!mailbox.handle(request, response)) next();
        },
      });
      return middlewares;
    },
    port: 3000,
    host: "localhost",
    hot: false,
    liveReload: true,
    static: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    ...(https !== undefined ? { server: { type: "https", options: https } } : { server: "http" }),
  },
  webpack(configuration),
);
await server.start();
const scheme = https !== undefined ? "https" : "http";
console.log(
  `Relevé workbench: ${scheme}://localhost:3000/index.html  ·  Outlook pane: ${scheme}://localhost:3000/taskpane.html`,
);
