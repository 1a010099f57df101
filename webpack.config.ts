/**
 * Bundles for the browser. Today: the core alone (proof that shared/ needs no Node built-in, and the module the
 * workbench loads); the Outlook task pane and the Gmail add-on join here as their own entries.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Configuration } from "webpack";
import { NO_NODE_BUILTINS } from "./webpack.common.js";
import { outlookConfigurations } from "./outlook-addin/webpack.part.js";
import gmailConfigurations from "./gmail-addon/webpack.part.js";

const root = dirname(fileURLToPath(import.meta.url));

const swc = {
  loader: "swc-loader",
  options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } },
};

export default function config(_env: unknown, argv: { mode?: Configuration["mode"] }): Configuration[] {
  const mode = argv.mode ?? "production";
  const core: Configuration = {
    name: "core",
    mode,
    target: "web",
    entry: { "releve-core": resolve(root, "shared/src/index.ts") },
    output: {
      path: resolve(root, "dist/web"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      library: { type: "module" },
      clean: true,
    },
    experiments: { outputModule: true },
    devtool: mode === "development" ? "source-map" : false,
    resolve: {
      extensions: [".ts", ".js", ".mjs"],
      // Sources import "./x.js" as NodeNext requires; the file on disk is x.ts.
      extensionAlias: { ".js": [".ts", ".js"] },
      fallback: NO_NODE_BUILTINS,
    },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swc }] },
    performance: { hints: false },
  };
  return [
    core,
    ...gmailConfigurations(mode),
    ...outlookConfigurations({ mode: mode === "development" ? "development" : "production" }),
  ];
}
