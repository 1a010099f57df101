/**
 * The Gmail add-on bundle: dist/gmail/Code.js (one file, no chunks — Apps Script loads nothing at run time) plus
 * appsscript.json. The polyfills entry comes first so jsPDF finds atob/btoa, TextEncoder and `self` when it loads;
 * gas-webpack-plugin turns main.ts's `global.name = …` into the top-level functions Apps Script calls.
 */
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import CopyPlugin from "copy-webpack-plugin";
import webpack, { type Configuration, type WebpackPluginInstance } from "webpack";
import { NO_NODE_BUILTINS } from "../webpack.common.js";
import { gmailCalendars, holidayTable } from "./holiday-table.js";

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
          // date-holidays with its data, moment-timezone and astronomia is ~800 KB of Code.js: the business-day
          // shift reads a table of the build's calendars computed below at build time instead (~4 KB).
          "date-holidays$": resolve(here, "src/gas/stubs/holidays-table.ts"),
          // fast-png brings pako (~100 KB): a small decoder over the fflate jsPDF already bundles.
          "fast-png$": resolve(here, "src/gas/stubs/png-decode.ts"),
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
        // RELEVE_GMAIL_CALENDARS="FR,ES" picks other calendars (each ~0.5 KB; all 207 countries would be ~140 KB).
        new webpack.DefinePlugin({ __RELEVE_HOLIDAYS__: JSON.stringify(holidayTable(gmailCalendars())) }),
        new CopyPlugin({ patterns: [{ from: resolve(root, "appsscript.json"), to: GMAIL_DIST }] }),
      ],
      performance: { hints: false },
    },
  ];
}
