/**
 * The Outlook add-in's bundles: the task pane (production page with Microsoft's CDN office.js, as the store
 * requires), and the workbench (compose-window stand-in + the same pane bundle with an Office.js stand-in).
 * The PDF engine (jsPDF + fonts) is a chunk of its own, loaded on the first attach.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack, { type Configuration } from "webpack";
import { NO_NODE_BUILTINS } from "../webpack.common.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

export const OUTLOOK_DIST = resolve(root, "dist/outlook");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const swc = {
  loader: "swc-loader",
  options: {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      target: "es2022",
      transform: { react: { runtime: "automatic" } },
    },
  },
};

export interface OutlookBuildOptions {
  readonly mode: "production" | "development";
  readonly outputPath?: string;
}

export function outlookConfigurations(options: OutlookBuildOptions): Configuration[] {
  const { mode } = options;
  const officeScript = `<script src="${OFFICE_JS_CDN}"></script>`;
  const pane: Configuration = {
    name: "outlook",
    mode,
    target: "web",
    entry: {
      taskpane: resolve(here, "src/index.tsx"),
      "office-standin": resolve(here, "workbench/office-standin.ts"),
      workbench: resolve(here, "workbench/main.ts"),
    },
    output: {
      path: options.outputPath ?? OUTLOOK_DIST,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    devtool: mode === "development" ? "source-map" : false,
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".mjs"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      fallback: NO_NODE_BUILTINS,
    },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: swc }] },
    performance: { hints: false },
    optimization: { splitChunks: false },
    plugins: [
      // The Entra app registration for Graph sign-in (README: "Graph sign-in"); without it the pane says so and
      // lists what it scheduled itself.
      new webpack.DefinePlugin({
        RELEVE_GRAPH_CLIENT_ID: JSON.stringify(process.env.RELEVE_GRAPH_CLIENT_ID ?? ""),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: resolve(here, "src/taskpane.html"),
        chunks: ["taskpane"],
        officeScript,
      }),
      new HtmlWebpackPlugin({
        filename: "workbench-pane.html",
        template: resolve(here, "src/taskpane.html"),
        chunks: ["office-standin", "taskpane"],
        chunksSortMode: "manual",
        officeScript: "<!-- workbench: the Office.js stand-in replaces the CDN office.js -->",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: resolve(here, "workbench/index.html"),
        chunks: ["workbench"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: resolve(here, "assets"), to: "assets" },
          { from: resolve(root, "examples"), to: "examples" },
          { from: resolve(root, "manifest.xml"), to: "manifest.xml" },
        ],
      }),
    ],
  };
  return [pane];
}
