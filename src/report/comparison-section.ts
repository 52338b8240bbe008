import { GONE, NEW, type Comparison, type ComparisonRow } from "../engine/compare/compare.js";
import { compareText } from "../engine/text-order.js";
import type { ComparisonLabels } from "../io/output/comparison.js";
import { esc } from "./html-escape.js";
import { categoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";

const HEADINGS: Record<string, string> = { [NEW]: "New (not in the earlier table)", [GONE]: "Gone (no longer present)" };

/**
 * The comparison with an earlier graded table: the counts, the transition matrix (rows: earlier
 * category, then Not rated and new; columns: category now, then Not rated and gone) and the movers.
 */
export function comparisonSection(c: Comparison, labels: ComparisonLabels): string {
  const n = c.categories.length;
  const label = (name: string) => {
    if (name === NEW || name === GONE) return esc(HEADINGS[name]!);
    const i = c.categories.indexOf(name);
    return `${shapeIcon(categoryColour(i === -1 ? null : i, n))}${esc(name)}`;
  };
  const { matrix } = c;
  const head = matrix.columns.map((col) => `<th scope="col" class="num">${label(col)}</th>`).join("");
  const rows = matrix.rows.map((from, i) => {
    const cells = matrix.counts[i]!.map((count, j) => {
      const to = matrix.columns[j]!;
      const kind = from === NEW ? "added" : to === GONE ? "gone" : i === j ? "same" : i >= n || j >= n ? "" : j < i ? "up" : "down";
      return `<td class="num ${kind}" data-from="${esc(from)}" data-to="${esc(to)}">${count}</td>`;
    });
    return `<tr><th scope="row">${label(from)}</th>${cells.join("")}</tr>`;
  });
  const k = c.counts;
  const count = (key: keyof typeof k, cls = "") => `<strong${cls === "" ? "" : ` class="${cls}"`} data-count="${key}">${key === "net" && k.net > 0 ? "+" : ""}${k[key]}</strong>`;
  const counts = `${count("up", "up")} moved up, ${count("down", "down")} moved down (net ${count("net")}); ${count("same")} stayed the same; ${count("merged")} merged into a successor; ${count("new")} new; ${count("gone")} gone.`;
  const movers = moversOf(c.rows).map((r) => {
    const up = r.steps! > 0;
    return `<tr><td class="code">${esc(r.code)}</td><td>${esc(r.name)}</td><td class="code">${esc(r.successorCode ?? "")}</td><td>${label(r.oldCategory!)}</td><td>${label(r.newCategory!)}</td><td class="num ${up ? "up" : "down"}">${up ? "▲ up" : "▼ down"} ${Math.abs(r.steps!)}</td></tr>`;
  });
  return `<section id="compare" aria-labelledby="compare-h"><h2 id="compare-h">Compared with ${esc(labels.old)}</h2>
<p class="lede">${counts}</p>
<div class="table-wrap"><table class="matrix"><caption>Rows: category in ${esc(labels.old)}. Columns: category in ${esc(labels.new)}. Counts of organisations; a merged organisation counts once per predecessor, against its successor.</caption><thead><tr><th scope="col">Earlier \\ Now</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>
<h3>Movers</h3>${movers.length === 0 ? "<p>No organisation changed category.</p>" : `<div class="table-wrap"><table class="movers"><thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Merged into</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col" class="num">Change</th></tr></thead><tbody>${movers.join("")}</tbody></table></div>`}</section>`;
}

/** Rows that moved up or down a category (merged predecessors too), biggest moves first, up before down, then by code. */
function moversOf(rows: readonly ComparisonRow[]): ComparisonRow[] {
  return rows.filter((r) => r.steps !== null && r.steps !== 0).sort((a, b) => Math.abs(b.steps!) - Math.abs(a.steps!) || b.steps! - a.steps! || compareText(a.code, b.code));
}
