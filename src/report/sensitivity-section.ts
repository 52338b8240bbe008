import { CUT_SHIFTS, type CutSensitivity } from "../engine/sensitivity/cut-sensitivity.js";
import { formatValue } from "../io/output/format-number.js";
import { esc } from "./html-escape.js";

/**
 * Which cut decisions carry the headline counts: per fixed cut, how many organisations change
 * category when it moves by 1 unit or 5% either way; hovering a count names them.
 */
export function sensitivitySection(cuts: readonly CutSensitivity[]): string {
  const head = `<tr><th scope="col">Cut</th><th scope="col" class="num">At</th>${CUT_SHIFTS.map((s) => `<th scope="col" class="num">${esc(s.name)}</th>`).join("")}</tr>`;
  const rows = cuts.map((c) => {
    const name = c.indicator === null ? `mean, cut ${c.cut}` : `${c.indicator}, cut ${c.cut}`;
    const cells = c.shifts.map((s) => {
      if (s.changed === null) return `<td class="num" title="would pass a neighbouring cut">-</td>`;
      const who = s.changed.map((x) => `${x.code}${x.period === null ? "" : ` (${x.period})`}: ${x.from} -> ${x.to}`).join("\n");
      return `<td class="num" title="moved to ${esc(formatValue(s.movedTo))}${who === "" ? "" : `&#10;${esc(who).replaceAll("\n", "&#10;")}`}">${s.changed.length}</td>`;
    });
    return `<tr><th scope="row">${esc(name)}</th><td class="num">${esc(formatValue(c.at))}</td>${cells.join("")}</tr>`;
  });
  const body =
    cuts.length === 0
      ? "<p>The framework has no thresholds cut or fixed cut of the mean to move (its bands come from statistics, ranks or rules).</p>"
      : `<p>Organisations whose category changes when one cut moves and the whole rating is done again. Hover over a count for who they are.</p><table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
  return `<section id="sensitivity" aria-labelledby="sensitivity-h"><h2 id="sensitivity-h">Cut sensitivity</h2>${body}</section>`;
}
