#!/usr/bin/env node
/**
 * The `downline` command (`npx downline --help`): runs {@link main} on the process's arguments and streams and
 * sets the exit code (0 ok, 1 invalid input, 2 usage).
 *
 * @example
 * ```sh
 * npx downline run --plan plan.json --members members.csv --orders orders.csv --out payouts.csv
 * ```
 *
 * @module
 */
import { main } from './main';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`downline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
