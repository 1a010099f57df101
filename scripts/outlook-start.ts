/**
 * `npm start`: builds the Outlook pane + workbench and serves them on port 3000 — https with office-addin-dev-certs
 * when a certificate can be had (Outlook itself requires https; sideload manifest.xml against it), else http (the
 * workbench needs no certificate). Open /index.html for the workbench, /taskpane.html is what Outlook loads.
 */
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
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
const server = new WebpackDevServer(
  {
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
