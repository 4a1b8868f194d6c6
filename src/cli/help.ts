/**
 * The CLI's help: a usage text per command, each with an example, and the overview.
 *
 * @module
 */

/**
 * The commands of the CLI.
 *
 * @example
 * ```ts
 * COMMANDS.includes('run'); // true
 * ```
 */
export const COMMANDS = ['run', 'check', 'assess', 'compare'] as const;

/**
 * One of {@link COMMANDS}.
 *
 * @example
 * ```ts
 * const command: CommandName = 'check';
 * ```
 */
export type CommandName = (typeof COMMANDS)[number];

const FILES = `Files:
  --plan        the plan, JSON (see plan.schema.json)
  --members     members.csv (id,sponsorId,role,joinedOn,leftOn; an empty sponsorId is a root;
                role, joinedOn and leftOn are optional columns) or a JSON array of member records
  --orders      orders.csv (id,affiliateId,amount,kind,volume,wholesale; volume and wholesale are
                optional columns) or a JSON array of order records
  Amounts are decimal strings ("49.90"); CSV files have a header row, quoted fields may hold commas
  and doubled quotes.`;

/**
 * Each command's usage text, with an example.
 *
 * @example
 * ```ts
 * console.log(COMMAND_HELP.run);
 * ```
 */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  run: `Usage: downline run --plan <plan.json> --members <members.csv|json> --orders <orders.csv|json>
                    [--out <payouts.csv|json>] [--quiet]

Computes the period and writes every payee's payout (id,amount): to --out as CSV or JSON (by its
extension), or as CSV to stdout when --out is omitted. Prints the totals (potential, paid, breakage,
capped, residual, payouts, payees) to stdout, or to stderr when the payouts go to stdout; --quiet
prints no totals.

${FILES}
  --out         where to write the payouts: .csv (id,amount) or .json ([{ "id", "amount" }])
  --quiet       do not print the totals

Example:
  downline run --plan plan.json --members members.csv --orders orders.csv --out payouts.csv`,

  check: `Usage: downline check --plan <plan.json> --members <members.csv|json> --orders <orders.csv|json>

Validates the plan, the members and the orders and prints every problem found, one a line:
  file:line: CODE message     (a CSV row; line 1 is the header)
  file: path: CODE message    (a JSON record, e.g. members.json: [3].sponsorId)
Orders are checked once the plan and the members are valid. Exit code 1 when there is any problem.

${FILES}

Example:
  downline check --plan plan.json --members members.csv --orders orders.csv`,

  assess: `Usage: downline assess --plan <plan.json> --members <members.csv|json> --orders <orders.csv|json>
                       [--costs <costs.csv|json>] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
                       [--low-income-limit <amount>]

Computes the period and prints the compliance assessment (the sixteen pyramid indicators with their
sources and verdicts) and the income disclosure statement.

${FILES}
  --costs       costs affiliates paid besides orders: costs.csv (affiliateId,amount,kind) or a JSON
                array; without it costs are "not known" (joining fees still count)
  --start/--end the period's first and last day (new and leaving members, tenure)
  --low-income-limit  the "earned at most" line of the disclosure (default 1000)

Example:
  downline assess --plan plan.json --members members.csv --orders orders.csv --costs costs.csv`,

  compare: `Usage: downline compare --before <plan.json> --after <plan.json> --members <members.csv|json>
                        --orders <orders.csv|json> [--costs <costs.csv|json>] [--top <n>]

Runs the same period under the plan in force (--before) and a candidate (--after) and prints what
changes: the plan rules, the totals and stages, every payee's difference (the --top largest, default
10), and the change in each compliance indicator.

Files:
  --before/--after  the two plans, JSON
  --members, --orders, --costs  as in "downline help assess"
  --top         how many of the largest payee changes to list (default 10)

Example:
  downline compare --before plan-v1.json --after plan-v2.json --members members.csv --orders orders.csv`,
};

/**
 * The overview printed by `downline --help`: the commands, an example of each, and the exit codes.
 *
 * @example
 * ```ts
 * console.log(overviewHelp());
 * ```
 */
export function overviewHelp(): string {
  return `downline: multi-level commissions from the command line, exact to the last cent.

Usage: downline <command> [flags]
       downline help <command>      (or downline <command> --help)

Commands:
  run       compute a period: payouts to CSV or JSON, totals to stdout
  check     validate the plan, members and orders; print every problem as file:line: CODE message
  assess    the compliance assessment and the income disclosure statement of a period
  compare   the same period under two plans: totals, stages, payees, compliance

Examples:
  downline run --plan plan.json --members members.csv --orders orders.csv --out payouts.csv
  downline check --plan plan.json --members members.csv --orders orders.csv
  downline assess --plan plan.json --members members.csv --orders orders.csv --costs costs.csv
  downline compare --before plan-v1.json --after plan-v2.json --members members.csv --orders orders.csv

Exit codes: 0 ok; 1 invalid input (every problem is printed to stderr, or to stdout by check);
            2 usage error (unknown command or flag, missing or unreadable file argument).`;
}

/**
 * The help of one command, or the overview when `command` is not one.
 *
 * @example
 * ```ts
 * helpText('run').includes('Example:'); // true
 * ```
 */
export function helpText(command?: string): string {
  return command !== undefined && (COMMANDS as readonly string[]).includes(command) ? COMMAND_HELP[command as CommandName] : overviewHelp();
}
