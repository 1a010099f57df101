/** Builds the Outlook pane + workbench with webpack's Node API (tests, bench and `npm start` share this). */
import webpack, { type Stats } from "webpack";
import { outlookConfigurations, type OutlookBuildOptions } from "./webpack.part.js";

export async function buildOutlook(options: OutlookBuildOptions): Promise<Stats> {
  const [configuration] = outlookConfigurations(options);
  if (configuration === undefined) throw new Error("no Outlook webpack configuration");
  const compiler = webpack(configuration);
  const stats = await new Promise<Stats>((resolve, reject) => {
    compiler.run((error, result) => {
      if (error !== null) reject(error);
      else if (result === undefined) reject(new Error("webpack gave no stats"));
      else resolve(result);
    });
  });
  await new Promise<void>((resolve) => {
    compiler.close(() => {
      resolve();
    });
  });
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true, errorDetails: true }));
  return stats;
}
