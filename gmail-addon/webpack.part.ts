/**
 * The Gmail add-on bundle: dist/gmail/Code.js (one file, no chunks — Apps Script loads nothing at run time) plus
 * appsscript.json. The polyfills entry comes first so jsPDF finds atob/btoa, TextEncoder and `self` when it loads;
 * gas-webpack-plugin turns main.ts's `global.name = …` into the top-level functions Apps Script calls.
 */
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyPlugin from "copy-webpack-plugin";
import type { Configuration, WebpackPluginInstance } from "webpack";
import { NO_NODE_BUILTINS } from "../webpack.common.js";

const require = createRequire(import.meta.url);
const GasPlugin = require("gas-webpack-plugin") as new (options?: object) => WebpackPluginInstance;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

export const GMAIL_DIST = resolve(root, "dist/gmail");

export default function gmailConfigurations(mode: Configuration["mode"]): Configuration[] {
  return [
    {
      name: "gmail",
      mode,
      target: ["web", "es2020"],
      entry: { Code: [resolve(here, "src/gas/polyfills.ts"), resolve(here, "src/main.ts")] },
      output: { path: GMAIL_DIST, filename: "[name].js", clean: true, iife: true },
      devtool: false,
      node: { global: true },
      resolve: {
        extensions: [".ts", ".js", ".mjs"],
        extensionAlias: { ".js": [".ts", ".js"] },
        // jsPDF's optional HTML/SVG helpers load these lazily; the add-on never draws HTML, and a chunk could not load.
        alias: {
          html2canvas: false,
          dompurify: false,
          canvg: false,
          "pdfjs-dist": false,
          // Business-day shifts need date-holidays (its data, moment-timezone and astronomia: ~800 KB of Code.js);
          // the add-on offers no shift yet, so the stub throws if one is ever used.
          "date-holidays$": resolve(here, "src/gas/stubs/no-holidays.ts"),
          // jsPDF's PNG decoder (fast-png + pako): no logo is drawn in Gmail yet.
          "fast-png$": resolve(here, "src/gas/stubs/no-png.ts"),
        },
        fallback: NO_NODE_BUILTINS,
      },
      module: {
        parser: { javascript: { dynamicImportMode: "eager" } },
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: "swc-loader", options: { jsc: { parser: { syntax: "typescript" }, target: "es2020" } } },
          },
        ],
      },
      optimization: { splitChunks: false, runtimeChunk: false, concatenateModules: true },
      plugins: [
        new GasPlugin({ comment: false }),
        new CopyPlugin({ patterns: [{ from: resolve(root, "appsscript.json"), to: GMAIL_DIST }] }),
      ],
      performance: { hints: false },
    },
  ];
}
