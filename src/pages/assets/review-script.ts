/**
 * /assets/review.js: keyboard shortcuts for the common review path (listed on the page), the
 * reason box required only when a value differs from the suggestion, and evidence links that
 * scroll the document pane (not the sheet) to the highlighted quote. Without it the links are
 * plain fragment links and the forms work as they are.
 */
export const reviewScript = String.raw`(function () {
  'use strict';
  var fields = Array.prototype.slice.call(document.querySelectorAll('.field'));
  var pane = document.querySelector('.doc-pane');
  var current = -1;

  function mark(i) {
    if (current >= 0 && fields[current]) fields[current].classList.remove('current');
    current = i;
    if (fields[i]) fields[i].classList.add('current');
  }
  function go(i) {
    if (i < 0 || i >= fields.length) return;
    mark(i);
    fields[i].scrollIntoView({ block: 'start' });
    fields[i].focus({ preventScroll: true });
  }
  fields.forEach(function (f, i) {
    f.addEventListener('focusin', function () { if (current !== i) mark(i); });
    var form = f.querySelector('form');
    if (!form) return;
    var suggested = f.getAttribute('data-suggested');
    var reason = form.querySelector('textarea[name=reason]');
    var update = function () {
      var checked = form.querySelector('input[type=radio]:checked');
      if (reason) reason.required = !!checked && checked.value !== suggested;
    };
    form.addEventListener('change', update);
    update();
  });

  function paneScrolls() {
    return pane && pane.scrollHeight > pane.clientHeight && getComputedStyle(pane).position === 'sticky';
  }
  function show(id) {
    var target = document.getElementById(id);
    if (!target) return;
    Array.prototype.forEach.call(document.querySelectorAll('mark.current'), function (m) { m.classList.remove('current'); });
    if (target.tagName === 'MARK') target.classList.add('current');
    if (paneScrolls() && pane.contains(target)) {
      var r = target.getBoundingClientRect();
      var p = pane.getBoundingClientRect();
      pane.scrollTop += r.top - p.top - pane.clientHeight / 3;
    } else {
      target.scrollIntoView({ block: 'center' });
    }
    target.focus({ preventScroll: true });
  }
  document.addEventListener('click', function (e) {
    var link = e.target && e.target.closest ? e.target.closest('a.evidence-link') : null;
    if (!link) return;
    e.preventDefault();
    var id = link.getAttribute('data-target');
    var field = link.closest('.field');
    if (field) mark(fields.indexOf(field));
    history.replaceState(null, '', '#' + id);
    show(id);
  });

  function onLoad() {
    var error = document.querySelector('.field-error');
    if (error) {
      var box = error.closest('form');
      var field = error.closest('.field');
      if (field) mark(fields.indexOf(field));
      var focus = box ? box.querySelector('textarea') : null;
      if (focus) { focus.scrollIntoView({ block: 'center' }); focus.focus({ preventScroll: true }); return; }
    }
    if (!location.hash) return;
    var target = document.getElementById(location.hash.slice(1));
    if (!target) return;
    if (target.classList.contains('field')) go(fields.indexOf(target));
    else if (target.tagName === 'MARK') show(target.id);
    else if (target.id === 'decision') target.focus();
  }
  onLoad();

  function pick(value) {
    var f = fields[current];
    if (!f) return;
    var radio = f.querySelector('input[type=radio][value="' + value + '"]');
    if (radio) {
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  function press(selector) {
    var f = fields[current];
    var button = f ? f.querySelector(selector) : null;
    if (button) button.click();
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var typing = t && (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable || (t.tagName === 'INPUT' && !/^(radio|checkbox|button|submit)$/.test(t.type)));
    if (typing) {
      if (e.key === 'Escape' && fields[current]) { e.preventDefault(); fields[current].focus(); }
      return;
    }
    var handled = true;
    switch (e.key) {
      case 'j': go(Math.min(fields.length - 1, current + 1)); break;
      case 'k': go(Math.max(0, current - 1)); break;
      case '0': case '1': case '2': case '3': pick(e.key); break;
      case 'y': pick('yes'); break;
      case 'n': pick('no'); break;
      case 'a': press('.keep-button'); break;
      case 's': press('.save-button'); break;
      case 'r': {
        var f = fields[current];
        var r = f ? f.querySelector('textarea') : null;
        if (r) r.focus();
        break;
      }
      case 'e': {
        var g = fields[current];
        var link = g ? g.querySelector('a.evidence-link') : null;
        if (link) link.click();
        break;
      }
      case 'd': {
        var d = document.getElementById('decision');
        if (d) { d.scrollIntoView({ block: 'start' }); d.focus({ preventScroll: true }); }
        break;
      }
      case '?': {
        var s = document.getElementById('shortcuts');
        if (s) s.open = !s.open;
        break;
      }
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });
})();
`;

/** /assets/staff.js: the created link is selected at once, with a Copy button. */
export const staffScript = String.raw`(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('.copy-button'), function (button) {
    var input = document.getElementById(button.getAttribute('data-copy'));
    var box = button.closest('.created-link');
    var status = box ? box.querySelector('.copy-status') : null;
    if (!input) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      input.select();
      var done = function () { if (status) status.textContent = 'Copied to the clipboard.'; };
      var manual = function () { if (status) status.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.'; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(input.value).then(done, manual);
      else manual();
    });
  });
  var created = document.getElementById('link-url');
  if (created) { created.focus(); created.select(); }
})();
`;
