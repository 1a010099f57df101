/** The `releve --help` text. */
export const USAGE = `releve — invoice statements from your ledger

Usage:
  releve clients   --ledger PATH… [--as-of DATE] [--json]
  releve invoices  --ledger PATH… [--json]
  releve statement --ledger PATH… --client NAME|EMAIL [--as-of DATE | --from DATE --to DATE]
                   [--kind outstanding|activity] [--locale L] [--profile FILE] [--page-size A4|Letter]
                   -o FILE.pdf [--json]
  releve batch     --ledger PATH… --as-of DATE --out DIR [--profile FILE] [--json]
  releve rule      [TEXT…] [--count N] [--now INSTANT] [--tz ZONE] [--calendar FR [--shift previous|next]] [--json]
  releve schedule  --ledger PATH… --rule TEXT [--tz ZONE] [--calendar FR] [--count N]
                   [--period send-month|previous-month|since-last-statement] [--now INSTANT] [--profile FILE] [--json]

Ledger (--ledger, repeatable): a CSV export, a dated payments CSV, an e-invoice (UBL, CII or Factur-X PDF),
or a folder of them.
Reading CSV: --date-order dmy|mdy, --decimal , or ., --currency CODE (no currency column),
             --map FIELD=Header (repeatable; fields: number client email issueDate dueDate total paid open
             currency status type locale).
Rules: RFC 5545 text, "DTSTART;TZID=Europe/Paris:20261230T090000" "RRULE:FREQ=MONTHLY;…" (one argument per line),
       or a bare RRULE ("FREQ=MONTHLY;BYMONTHDAY=30;RSCALE=GREGORIAN;SKIP=BACKWARD") started today in --tz at 09:00
       (or its BYHOUR/BYMINUTE). With no TEXT, \`rule\` reads rules from standard input, separated by blank lines,
       and prints one JSON result per line.
Other: --profile FILE (company profile JSON with logo), --verbose (notes too), --json (data for scripts).
Dates are YYYY-MM-DD. Problems are printed as file:line: message; exit code 1 when data is wrong, 2 for usage.
`;
