/**
 * The page's only script, inline and optional: without it the table is complete, just unsorted and
 * unfiltered. Written as plain ES2015 so that any browser that opens the file can run it.
 */
export const PAGE_SCRIPT = `
(function () {
  var table = document.getElementById("orgs");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  rows.forEach(function (r, i) { r.setAttribute("data-index", String(i)); });
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (!numeric) return raw.toLowerCase();
    return raw === "" ? null : Number(raw);
  }
  function sortBy(col) {
    var th = heads[col];
    var numeric = th.getAttribute("data-type") === "number";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var sorted = rows.slice().sort(function (a, b) {
      var ka = key(a, col, numeric), kb = key(b, col, numeric);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) {
        return (ka < kb ? -1 : 1) * dir;
      }
      return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
    });
    sorted.forEach(function (r) { tbody.appendChild(r); });
  }
  heads.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(col); });
  });
  var tools = document.getElementById("tools");
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  tools.hidden = false;
  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var hit = q === "" || r.getAttribute("data-search").indexOf(q) !== -1;
      r.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = n + " of " + rows.length + " shown";
  });
})();
`;
