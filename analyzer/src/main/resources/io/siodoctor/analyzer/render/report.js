// The report's behaviour: request-list filters, timeline marks and evidence links that scroll to
// and highlight their row, the JSON download. Shared by the standalone report (run with the
// page's nonce) and the upload page (run on the imported report). Only textContent and classes
// are touched: no markup is built from input-derived text.
function sioReport(root, jsonText) {
  'use strict';
  if (!root) { return; }
  var rows = Array.prototype.slice.call(root.querySelectorAll('li.tr-row'));
  var byId = function (id) { return root.querySelector('#' + CSS.escape(id)); };
  var f = function (id) { return root.querySelector('#' + id); };
  var session = f('f-session'), transport = f('f-transport'), status = f('f-status'), node = f('f-node');
  var text = f('f-text'), decisive = f('f-decisive'), count = f('f-count');

  function apply() {
    var q = text ? text.value.trim().toLowerCase() : '';
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!session || !session.value || r.getAttribute('data-sid') === session.value)
        && (!transport || !transport.value || r.getAttribute('data-transport') === transport.value)
        && (!status || !status.value || r.getAttribute('data-status') === status.value)
        && (!node || !node.value || r.getAttribute('data-node') === node.value)
        && (!decisive || !decisive.checked || r.getAttribute('data-decisive') === 'true')
        && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    if (count) { count.textContent = shown === rows.length ? rows.length + ' rows' : shown + ' of ' + rows.length + ' rows'; }
  }
  [session, transport, status, node, decisive].forEach(function (el) { if (el) { el.addEventListener('change', apply); } });
  if (text) { text.addEventListener('input', apply); }
  var form = f('filters');
  if (form) { form.addEventListener('submit', function (e) { e.preventDefault(); }); }

  function clearFilters() {
    [session, transport, status, node].forEach(function (el) { if (el) { el.value = ''; } });
    if (text) { text.value = ''; }
    if (decisive) { decisive.checked = false; }
    apply();
  }

  // a mark or an evidence link: show the row (clearing filters that hide it), open and highlight it
  function show(id) {
    var row = byId(id);
    if (!row) { return; }
    if (row.hidden) { clearFilters(); }
    rows.forEach(function (r) { r.classList.remove('hl'); });
    row.classList.add('hl');
    var d = row.querySelector('details');
    if (d) { d.open = true; }
    row.scrollIntoView({block: 'center'});
    var s = row.querySelector('summary');
    if (s) { s.focus({preventScroll: true}); }
  }
  root.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a') : null;
    if (!a || !root.contains(a)) { return; }
    var href = a.getAttribute('href') || '';
    if (/^#r[0-9]+$/.test(href)) {
      e.preventDefault();
      show(href.substring(1));
    } else if (href.charAt(0) === '#' && href.length > 1) {
      var target = byId(href.substring(1));
      if (target) {
        e.preventDefault();
        if (target.tagName === 'DETAILS') { target.open = true; }
        target.scrollIntoView({block: 'start'});
      }
    }
  });
  var button = f('download-json');
  if (button && jsonText) {
    button.addEventListener('click', function () {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([jsonText], {type: 'application/json'}));
      a.download = 'sio-doctor-report.json';
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  }
  apply();
}
