#!/usr/bin/env node
/** `releve` binary: only wires the process to the CLI run. */
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
