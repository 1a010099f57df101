/**
 * The local Graph mailbox on its own port, for the workbench pane or curl: `npx tsx scripts/mailbox-server.ts
 * [--port 3001] [--now 2026-11-30T08:00:00Z] [--page-size 10]`. Without --now the clock follows real time. The
 * pane's Graph base URL is printed; get a token with `curl -X POST <url>/_mailbox/token`.
 */
import { parseArgs } from "node:util";
import { startMailboxServer } from "../outlook-addin/workbench/mailbox-server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3001" },
    host: { type: "string", default: "127.0.0.1" },
    now: { type: "string" },
    "page-size": { type: "string" },
  },
});

const port = Number(values.port);
const nowMs = values.now === undefined ? undefined : Date.parse(values.now);
const pageSize = values["page-size"] === undefined ? undefined : Number(values["page-size"]);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port: ${values.port}`);
if (nowMs !== undefined && Number.isNaN(nowMs)) throw new Error(`--now: not an ISO instant: ${values.now ?? ""}`);
if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0)) throw new Error("--page-size: a count");

const running = await startMailboxServer(port, {
  host: values.host,
  ...(nowMs === undefined ? {} : { now: nowMs }),
  ...(pageSize === undefined ? {} : { pageSize }),
});
console.log(`Relevé local mailbox: Graph at ${running.graphUrl}  ·  control at ${running.url}/_mailbox/state`);
process.on("SIGINT", () => {
  void running.close().then(() => process.exit(0));
});
