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
export const COMMANDS = ['run', 'check', 'assess', 'compare', 'report'] as const;

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
                role, joinedOn and leftOn are optional columns), a JSON array of member records,
                or JSON Lines (.jsonl/.ndjson, one record a line)
  --orders      orders.csv (id,affiliateId,amount,kind,volume,wholesale; volume and wholesale are
                optional columns), a JSON array or JSON Lines of order records
  --placement   with a binary plan: placement.csv (id,parentId,side; an empty parentId and side
                make a placement root; side is left or right), a JSON array or JSON Lines
  --binary-carry  with a binary plan: the volume carried in, JSON { "id": { "left", "right" } }
                (what --carry-out wrote last period)`;

const FILE_NOTES = `  Amounts are decimal strings ("49.90"); CSV files have a header row, quoted fields may hold commas
  and doubled quotes. Each problem is printed as file:line: CODE message.`;

const OUTPUT = `Output:
  -q, --quiet   nothing but errors on stderr
  --progress    the progress (stage, rows read per file) even when stderr is not a terminal, there
                as log lines; on a terminal it is shown unless --quiet`;

/**
 * Each command's usage text, with an example.
 *
 * @example
 * ```ts
 * console.log(COMMAND_HELP.run);
 * ```
 */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  run: `Usage: downline run --plan <plan.json> --members <members.csv|json|jsonl> --orders <orders.csv|json|jsonl>
                    [--out <payouts.csv|json|jsonl>] [--placement <file>] [--binary-carry <carry.json>]
                    [--carry-out <carry.json>] [-q|--quiet] [--progress]
       downline run … --period <id> [--state <state.json>] [--refunds <file>] [--leavers <file>]
                    --state-out <next.json> [--statement <statement.json>]

Computes the period and writes every payee's payout (id,amount): to --out as CSV, JSON or JSON Lines
(by its extension), or as CSV to stdout when --out is omitted. Prints the totals (potential, paid,
breakage, capped, residual, payouts, payees) to stdout, or to stderr when the payouts go to stdout;
--quiet prints no totals.

${FILES}
  --out         where to write the payouts: .csv (id,amount), .json ([{ "id", "amount" }]) or
                .jsonl (one { "id", "amount" } a line)
  --carry-out   with a binary plan: where to write the volume carried to the next period (JSON,
                read back with --binary-carry)
${FILE_NOTES}

Periods over a ledger (balances below the payout threshold carried, refunds clawed back):
  --period      the period's id; periods close once each, in increasing order ("2026-02")
  --state       the ledger after the last period (JSON, written by --state-out); without it the
                ledger starts empty. It holds the binary carry: leave --binary-carry out
  --refunds     refunds.csv (id,orderId,amount; an empty amount refunds what is left of the
                order), a JSON array or JSON Lines; of this period's orders or closed periods'
  --leavers     leavers.csv (id), a JSON array of ids or JSON Lines: members who leave at the end of
                the period, their balance settled as the plan says
  --state-out   where to write the ledger after this period (replaced whole, may be --state)
  --statement   where to write the period's statement, every member's money (JSON)
  On a ledger the payouts are what the ledger pays out this period (balances at or above the
  payout threshold); the statement's totals go to stderr.

${OUTPUT}

Examples:
  downline run --plan plan.json --members members.csv --orders orders.csv --out payouts.csv
  downline run --plan binary.json --members members.csv --orders orders.csv --placement placement.csv \\
               --binary-carry carry-2026-01.json --carry-out carry-2026-02.json --out payouts.csv
  downline run --plan plan.json --members members.csv --orders orders-2026-02.csv --period 2026-02 \\
               --state ledger.json --refunds refunds.csv --state-out ledger.json --out payouts.csv`,

  check: `Usage: downline check --plan <plan.json> --members <members.csv|json|jsonl> --orders <orders.csv|json|jsonl>
                      [--placement <file>] [--binary-carry <carry.json>]
                      [--period <id> [--state <ledger.json>] [--refunds <file>] [--leavers <file>]]
                      [-q|--quiet] [--progress]

Validates the plan, the members and the orders (and a binary plan's placement and carry; with --period,
the ledger, the refunds and the leavers, as "downline run" would close the period, nothing written) and
prints every problem found, one a line:
  file:line: CODE message     (a CSV or JSON Lines row; line 1 of a CSV file is the header)
  file: path: CODE message    (a JSON record, e.g. members.json: [3].sponsorId)
Orders are checked once the plan and the members are valid. Exit code 1 when there is any problem.

${FILES}
${FILE_NOTES}

${OUTPUT}

Examples:
  downline check --plan plan.json --members members.csv --orders orders.csv
  downline check --plan plan.json --members members.csv --orders orders.csv --period 2026-02 \\
    --state ledger.json --refunds refunds.csv`,

  assess: `Usage: downline assess --plan <plan.json> --members <members.csv|json|jsonl> --orders <orders.csv|json|jsonl>
                       [--costs <costs.csv|json|jsonl>] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
                       [--low-income-limit <amount>] [--placement <file>] [--binary-carry <carry.json>]
                       [-q|--quiet] [--progress]

Computes the period and prints the compliance assessment (the sixteen pyramid indicators with their
sources and verdicts) and the income disclosure statement.

${FILES}
  --costs       costs affiliates paid besides orders: costs.csv (affiliateId,amount,kind), a JSON
                array or JSON Lines; without it costs are "not known" (joining fees still count)
  --start/--end the period's first and last day (new and leaving members, tenure)
  --low-income-limit  the "earned at most" line of the disclosure (default 1000)
${FILE_NOTES}

${OUTPUT}

Example:
  downline assess --plan plan.json --members members.csv --orders orders.csv --costs costs.csv`,

  compare: `Usage: downline compare --before <plan.json> --after <plan.json> --members <members.csv|json|jsonl>
                        --orders <orders.csv|json|jsonl> [--costs <file>] [--top <n>]
                        [--placement <file>] [--binary-carry <carry.json>] [-q|--quiet] [--progress]

Runs the same period under the plan in force (--before) and a candidate (--after) and prints what
changes: the plan rules, the totals and stages, every payee's difference (the --top largest, default
10), and the change in each compliance indicator.

Files:
  --before/--after  the two plans, JSON
  --members, --orders, --costs  as in "downline help assess"
  --placement, --binary-carry   as in "downline help run", for whichever plan pays a binary
  --top         how many of the largest payee changes to list (default 10)

${OUTPUT}

Example:
  downline compare --before plan-v1.json --after plan-v2.json --members members.csv --orders orders.csv`,

  report: `Usage: downline report --plan <plan.json> --members <members.csv|json|jsonl> --orders <orders.csv|json|jsonl>
                       [--costs <file>] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--low-income-limit <amount>]
                       [--title <text>] [--top <n>] [--generated <label>] [--out <report.html>]
                       [--placement <file>] [--binary-carry <carry.json>] [-q|--quiet] [--progress]

Computes the period and writes the HTML report: one self-contained file (no script, no request) with
the totals, payouts by level and by rank, the income distribution (histogram, Lorenz curve, Gini), the
compliance flags with their sources, the income disclosure statement and the top earners explained.

Files:
  --plan, --members, --orders, --costs, --start/--end, --low-income-limit  as in "downline help assess"
  --placement, --binary-carry   as in "downline help run"
  --title       the report's title (default "Commission period report")
  --top         how many top earners to explain, 0 to 100 (default 10)
  --generated   a label shown as "generated …" (left out by default: the same period, the same bytes)
  --out         the HTML file to write; without it the page goes to stdout

${OUTPUT}

Example:
  downline report --plan plan.json --members members.csv --orders orders.csv --costs costs.csv \\
    --start 2026-10-01 --end 2026-10-31 --title "October 2026" --out october.html`,
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
       downline --version           (or -V: the version of downline)

Commands:
  run       compute a period, or close one on a ledger: payouts to CSV or JSON, totals to stdout
  check     validate the plan, members and orders; print every problem as file:line: CODE message
  assess    the compliance assessment and the income disclosure statement of a period
  compare   the same period under two plans: totals, stages, payees, compliance
  report    the HTML report of a period: charts, compliance flags, disclosure, top earners

Examples:
  downline run --plan plan.json --members members.csv --orders orders.csv --out payouts.csv
  downline check --plan plan.json --members members.csv --orders orders.csv
  downline assess --plan plan.json --members members.csv --orders orders.csv --costs costs.csv
  downline compare --before plan-v1.json --after plan-v2.json --members members.csv --orders orders.csv
  downline report --plan plan.json --members members.csv --orders orders.csv --out report.html

Files are CSV, JSON or JSON Lines (.jsonl/.ndjson) by extension; -q/--quiet prints nothing but errors
on stderr, --progress shows the progress line even when stderr is not a terminal.

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
