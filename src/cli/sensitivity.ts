import { rate } from "../engine/rate.js";
import { CUT_SHIFTS, cutSensitivity, type CutSensitivity } from "../engine/sensitivity/cut-sensitivity.js";
import type { Inputs } from "./inputs.js";
import { formatValue } from "../io/output/format-number.js";
import { aligned } from "./aligned.js";

/** Codes listed per moved cut; the count says the rest. */
const MAX_CODES = 10;

/**
 * How many organisations change category when each cut moves, one line per cut ("-" where the move
 * would pass a neighbouring cut), then who they are for each move that changes any.
 */
export function sensitivityText(cuts: readonly CutSensitivity[]): string {
  if (cuts.length === 0) return "Cut sensitivity: the framework has no thresholds cut or fixed cut of the mean to move (its bands come from statistics, ranks or rules).\n";
  const name = (c: CutSensitivity) => (c.indicator === null ? `mean cut ${c.cut}` : `${c.indicator} cut ${c.cut}`);
  const rows = [
    ["Cut", "At", ...CUT_SHIFTS.map((s) => s.name)],
    ...cuts.map((c) => [name(c), formatValue(c.at), ...c.shifts.map((s) => (s.changed === null ? "-" : String(s.changed.length)))]),
  ];
  const lines = ["Cut sensitivity: organisations whose category changes when one cut moves", ...aligned(rows, rows[0]!.map((_, i) => i > 0))];
  for (const c of cuts) {
    for (const s of c.shifts) {
      if (s.changed === null || s.changed.length === 0) continue;
      const codes = s.changed.map((x) => (x.period === null ? x.code : `${x.code} (${x.period})`));
      const more = codes.length > MAX_CODES ? `, and ${codes.length - MAX_CODES} more` : "";
      lines.push(`  ${name(c)} ${s.shift} (${formatValue(s.movedTo)}): ${codes.slice(0, MAX_CODES).join(", ")}${more}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The inputs rated once more as a whole (rate and report may have rated them period by period), then once per cut moved. */
export function sensitivityOf(inputs: Inputs): CutSensitivity[] {
  const base = rate(inputs.framework, inputs.dataset);
  return base.ok ? cutSensitivity(inputs.framework, inputs.dataset, base.rating) : [];
}
