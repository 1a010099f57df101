#!/usr/bin/env node
/** `releve` binary: only wires the process to the CLI run. */
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2), process);
