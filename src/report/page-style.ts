/** The page's only stylesheet, inline: system fonts, nothing fetched. */
export const PAGE_STYLE = `
:root{--ink:#1d2329;--muted:#5b6670;--rule:#d6dbe0;--bg:#fff;--panel:#f6f8fa;--up:#1b7837;--down:#c0262d}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}
h2{font-size:1.2rem;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--rule)}
h3{font-size:1rem;margin:22px 0 6px}
.meta,.hint,figcaption,.share,caption{color:var(--muted)}
.meta{margin:0 0 8px}
caption{text-align:left;caption-side:top;padding:2px 0 6px;font-size:.88rem}
.about{background:var(--panel);border-left:4px solid var(--rule);padding:10px 14px;font-size:.92rem}
.about p{margin:4px 0}
.bar{display:block;width:100%;height:44px;margin:6px 0 4px;border-radius:3px}
.bar text{font-size:18px;font-weight:600}
.bar .on-dark{fill:#fff}.bar .on-light{fill:#1d2329}
.bar-period{font-weight:600;margin-top:10px}
table{border-collapse:collapse;font-size:.9rem}
th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:middle}
thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.counts{margin-top:10px;min-width:420px}
.counts .count{font-weight:600}
tfoot th,tfoot td{border-top:2px solid var(--ink);border-bottom:none;font-weight:600}
.icon{vertical-align:-2px;margin-right:6px}
.swatch{display:inline-block}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:6px 0 0;padding:0;list-style:none;font-size:.9rem}
figure{margin:18px 0 26px;break-inside:avoid}
figcaption{font-size:.88rem;margin-top:2px}
figure h3{margin:0 0 4px}
.plot{width:100%;height:auto;display:block}
.plot .dot{stroke:#fff;stroke-width:.8;fill-opacity:.9}
.plot .dot:hover{stroke:#000;stroke-width:1.6}
.plot .band-zone{opacity:.09}
.plot .cut{stroke:#4a5560;stroke-width:1;stroke-dasharray:5 4}
.plot .standard{stroke:#111;stroke-width:1.8}
.plot .limit95{stroke:#5b6670;stroke-width:1.1;stroke-dasharray:2 3}
.plot .limit998{stroke:#5b6670;stroke-width:1.1}
.plot .ref-label{font-size:11px;fill:#4a5560}
.plot .standard-label{fill:#111;font-weight:600}
.axis line{stroke:#8a949e}
.axis text{font-size:11px;fill:#4a5560}
.axis .axis-label{font-size:12px;fill:#1d2329}
.table-tools{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin:6px 0 10px}
#filter{font:inherit;padding:5px 8px;border:1px solid #9aa4ae;border-radius:4px;min-width:260px}
#orgs{width:100%}
#orgs thead th{white-space:normal;vertical-align:bottom;max-width:11em}
#orgs td{white-space:nowrap}
#orgs td:nth-child(3){white-space:normal;min-width:16em}
#orgs tbody tr:nth-child(even){background:var(--panel)}
#orgs tbody tr:hover{background:#eef3f8}
#orgs th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
#orgs th button::after{content:" \\2195";color:#9aa4ae}
#orgs th[aria-sort=ascending] button::after{content:" \\25B2";color:var(--ink)}
#orgs th[aria-sort=descending] button::after{content:" \\25BC";color:var(--ink)}
.table-wrap{overflow-x:auto}
.missing{color:var(--muted)}
.matrix thead th{white-space:normal;vertical-align:bottom;max-width:9em}
.matrix tbody th{max-width:14em}
.movers td.num{white-space:nowrap}
.matrix td.same{font-weight:700;background:var(--panel)}
.up{color:var(--up)}.down{color:var(--down)}
.matrix td.up,.matrix td.down{font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:8px}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10pt}
  main{max-width:none;padding:0}
  .table-tools,.hint{display:none!important}
  #orgs th button::after{content:none}
  #orgs tbody tr{break-inside:avoid}
  thead{display:table-header-group}
  h2{break-after:avoid}
  section{break-before:auto}
  .table-wrap{overflow:visible}
  a{color:inherit;text-decoration:none}
}
`;

/** Added only to a report with a trend, so that every other report keeps its bytes. */
export const TREND_STYLE = `
.plot .spc-mean{stroke:#1d2329;stroke-width:1.2}
.plot .spc-line{stroke:#8a949e;stroke-width:1.4}
.plot .dot.special{stroke:#1d2329;stroke-width:.8}
.spc-label{white-space:nowrap;margin-right:8px}
.spc-icons{font-weight:600;color:var(--ink)}
.spc-consistent_pass{color:var(--up)}.spc-consistent_fail{color:var(--down)}
`;
