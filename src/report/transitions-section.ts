import { esc } from "./html-escape.js";
import { categoryColour } from "./palette.js";
import { shapeIcon } from "./shape.js";
import type { Transitions } from "./transitions.js";

/** The transition matrix (rows: earlier category; columns: this one) and the list of movers. */
export function transitionsSection(t: Transitions, oldName: string): string {
  const n = t.labels.length - 1;
  const label = (i: number) => `${shapeIcon(categoryColour(i === n ? null : i, n))}${esc(t.labels[i]!)}`;
  const head = t.labels.map((_, j) => `<th scope="col" class="num">${label(j)}</th>`).join("");
  const rows = t.matrix.map((row, i) => {
    const cells = row.map((count, j) => {
      const kind = i === j ? "same" : i === n || j === n ? "" : j < i ? "up" : "down";
      return `<td class="num ${kind}" data-from="${esc(t.labels[i]!)}" data-to="${esc(t.labels[j]!)}">${count}</td>`;
    });
    return `<tr><th scope="row">${label(i)}</th>${cells.join("")}<td class="num gone">${t.gone[i]}</td></tr>`;
  });
  const addedRow = `<tr><th scope="row">Not in the earlier table</th>${t.added.map((c) => `<td class="num added">${c}</td>`).join("")}<td></td></tr>`;
  const up = t.movers.filter((m) => m.change > 0).length;
  const down = t.movers.length - up;
  const movers = t.movers.map(
    (m) =>
      `<tr><td class="code">${esc(m.code)}</td><td>${esc(m.name)}</td><td>${label(t.labels.indexOf(m.from))}</td><td>${label(t.labels.indexOf(m.to))}</td><td class="num ${m.change > 0 ? "up" : "down"}">${m.change > 0 ? "▲ up" : "▼ down"} ${Math.abs(m.change)}</td></tr>`,
  );
  return `<section id="compare" aria-labelledby="compare-h"><h2 id="compare-h">Compared with ${esc(oldName)}</h2>
<p class="lede"><strong class="up" id="moved-up">${up}</strong> moved up, <strong class="down" id="moved-down">${down}</strong> moved down.</p>
<div class="table-wrap"><table class="matrix"><caption>Rows: category in the earlier table. Columns: category now. Counts of organisations.</caption><thead><tr><th scope="col">Earlier \\ Now</th>${head}<th scope="col" class="num">No longer present</th></tr></thead><tbody>${rows.join("")}${addedRow}</tbody></table></div>
<h3>Movers</h3>${movers.length === 0 ? "<p>No organisation changed category.</p>" : `<div class="table-wrap"><table class="movers"><thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Was</th><th scope="col">Now</th><th scope="col" class="num">Change</th></tr></thead><tbody>${movers.join("")}</tbody></table></div>`}</section>`;
}
