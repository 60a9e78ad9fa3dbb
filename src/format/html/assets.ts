/**
 * The style sheet of the HTML report: inline in the page (no external asset), readable on screen
 * and on paper (colours kept when printing, tables never split across pages when they fit).
 */
export const HTML_REPORT_STYLE = `
:root { --error: #c62828; --error-bg: #fde4e4; --warning: #8a5a00; --warning-bg: #fff1c9; --info: #1d4f91; --info-bg: #e3edfa;
  --lit: #ffd54f; --line: #c9ced6; --muted: #5f6b7a; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
body { margin: 1.5rem auto; max-width: 78rem; padding: 0 1rem; color: #1b1f24; line-height: 1.5; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h2 small { font-weight: normal; color: var(--muted); font-size: .85rem; margin-left: .5rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .85rem; }
th, td { border: 1px solid var(--line); padding: .2rem .4rem; vertical-align: middle; }
th { background: #f3f5f8; font-weight: 600; text-align: center; }
th.xl-row-label, th.xl-group { text-align: left; font-weight: normal; }
th.xl-block { text-align: left; background: #e9edf3; }
th.xl-corner { font-weight: normal; font-size: .75rem; max-width: 16rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.xl-summary td:not(:first-child) { text-align: right; min-width: 4rem; }
.xl-summary tr.xl-sev-error td:nth-child(2) { color: var(--error); font-weight: 600; }
.xl-summary tr.xl-sev-warning td:nth-child(3) { color: var(--warning); font-weight: 600; }
.xl-table-wrap { overflow-x: auto; }
td.xl-cell { text-align: right; min-width: 2.4rem; font-variant-numeric: tabular-nums; position: relative; }
.xl-missing { background: repeating-linear-gradient(135deg, #f4f4f4 0 4px, #e6e6e6 4px 8px); color: var(--muted); text-align: center; font-size: .75rem; }
.xl-blank { background: #eef0f3; color: var(--muted); text-align: center; font-style: italic; }
.xl-ambiguous { background: #efe6fb; color: #5b2d91; text-align: center; font-weight: 600; }
.xl-invalid { text-decoration: underline wavy var(--error); }
.xl-inferred { font-style: italic; outline: 1px dashed #7a55b8; outline-offset: -3px; }
th.xl-inferred::after { content: " *"; color: #7a55b8; }
.xl-sev-error:is(td, th, .xl-swatch) { background: var(--error-bg); box-shadow: inset 0 0 0 2px var(--error); }
.xl-sev-warning:is(td, th) { background: var(--warning-bg); box-shadow: inset 0 0 0 2px var(--warning); }
.xl-sev-info:is(td, th) { box-shadow: inset 0 0 0 1px var(--info); }
.xl-unplaced { display: block; font-size: .75rem; color: #5b2d91; font-family: ui-monospace, monospace; }
.xl-expected { display: block; font-size: .7rem; color: var(--error); white-space: nowrap; }
.xl-suggested { display: block; font-size: .7rem; color: #1b5e20; font-weight: 600; white-space: nowrap; }
td.xl-has-suggestion { outline: 2px dashed #2e7d32; outline-offset: -4px; }
.xl-other-files { list-style: none; margin: .1rem 0; padding-left: .5rem; font-size: .85rem; color: var(--muted); }
.xl-suggestion { font-size: .85rem; color: #1b5e20; } .xl-suggestion a { color: inherit; }
.xl-lit:is(td, th, li) { outline: 3px solid var(--lit) !important; outline-offset: -1px; background-color: #fff7d6 !important; }
[data-findings], [data-cells] { cursor: pointer; }
.xl-findings { padding-left: 2rem; } .xl-finding { margin: .3rem 0; padding: .2rem .4rem; border-left: 4px solid transparent; }
.xl-finding.xl-sev-error { border-color: var(--error); } .xl-finding.xl-sev-warning { border-color: var(--warning); } .xl-finding.xl-sev-info { border-color: var(--info); }
.xl-place { font-family: ui-monospace, monospace; color: var(--muted); margin-right: .5rem; font-size: .85rem; }
.xl-severity { font-weight: 600; margin-right: .5rem; } .xl-sev-error > .xl-severity { color: var(--error); } .xl-sev-warning > .xl-severity { color: var(--warning); } .xl-sev-info > .xl-severity { color: var(--info); }
.xl-rule { font-family: ui-monospace, monospace; font-size: .85rem; margin-right: .5rem; }
.xl-where { color: var(--muted); font-size: .85rem; }
.xl-values { font-size: .85rem; color: var(--muted); }
.xl-relation { font-size: .85rem; font-family: ui-monospace, monospace; color: var(--error); }
.xl-sections, .xl-facts { list-style: none; padding-left: .5rem; } .xl-section-missing { color: var(--error); } .xl-section-found .xl-mark { color: #2e7d32; }
.xl-fact { margin: .3rem 0; } .xl-fact mark { background: #fff0a8; padding: 0 .1rem; } .xl-fact.xl-sev-error mark { background: var(--error-bg); outline: 1px solid var(--error); }
.xl-stated { display: block; font-size: .85rem; color: var(--muted); padding-left: 1rem; }
.xl-meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; } .xl-meta dt { color: var(--muted); } .xl-meta dd { margin: 0; }
.xl-legend { font-size: .8rem; color: var(--muted); } .xl-swatch { display: inline-block; width: 1.4em; height: 1em; vertical-align: middle; margin: 0 .2rem 0 .8rem; border: 1px solid var(--line); }
.xl-glossary dt { margin-top: .5rem; } .xl-glossary dd { margin-left: 1rem; color: #333; }
.xl-table-missing { color: var(--error); margin: .5rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  :root { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  .xl-file { break-before: page; } table { break-inside: avoid; } .xl-finding { break-inside: avoid; }
  a { color: inherit; text-decoration: none; } .xl-lit:is(td, th, li) { outline: none !important; }
}
`;

/**
 * The page's only script: hovering, focusing or clicking a finding highlights the cells it names,
 * and a cell (or a stated count) highlights its findings; clicking scrolls to the first of them.
 * Event delegation on the document, so content added later (the playground) needs no set-up.
 */
export const HTML_REPORT_SCRIPT = `
(function () {
  if (window.__xxgkLinked) return; window.__xxgkLinked = true;
  var lit = [];
  function targets(el) {
    var ids = ((el.getAttribute('data-cells') || '') + ' ' + (el.getAttribute('data-findings') || '')).split(/\\s+/);
    var out = [];
    for (var i = 0; i < ids.length; i++) { if (!ids[i]) continue; var t = document.getElementById(ids[i]); if (t) out.push(t); }
    return out;
  }
  function clear() { for (var i = 0; i < lit.length; i++) lit[i].classList.remove('xl-lit'); lit = []; }
  function light(el) { clear(); var t = targets(el); t.push(el); for (var i = 0; i < t.length; i++) { t[i].classList.add('xl-lit'); } lit = t; return t; }
  function linked(node) { return node && node.closest ? node.closest('[data-cells], [data-findings]') : null; }
  document.addEventListener('mouseover', function (event) { var el = linked(event.target); if (el) light(el); });
  document.addEventListener('focusin', function (event) { var el = linked(event.target); if (el) light(el); });
  document.addEventListener('click', function (event) {
    var el = linked(event.target); if (!el) return;
    if (event.target.closest('a[href]')) return;
    var t = light(el); if (t.length > 1) { event.preventDefault(); t[0].scrollIntoView({ block: 'center', behavior: 'smooth' }); }
  });
})();
`;
