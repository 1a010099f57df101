/** The CLI's own words after a core problem: which option settles it (the core knows no command line). */
import type { Problem } from "../../shared/src/problem.js";

export function cliHint(p: Problem): string | undefined {
  switch (p.code) {
    case "csv.date-order-undecidable":
    case "csv.date-order-conflict":
      return "use --date-order dmy or --date-order mdy";
    case "csv.amount.ambiguous":
      return 'use --decimal "," or --decimal "."';
    case "csv.missing-column":
      return p.location.field === "currency" ? "use --currency CODE, e.g. --currency EUR" : "use --map FIELD=Header";
    case "csv.mapping":
      return "check the header text given to --map";
    default:
      return undefined;
  }
}
