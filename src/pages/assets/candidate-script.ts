/**
 * /assets/candidate.js: the candidate page without reloads. Files upload as soon as they are
 * chosen or dropped, one request each (XHR, for its upload progress), to the same JSON route
 * scripts use; what was read, or the error and what to do, shows at once. Remove and replace go
 * through the JSON routes too. Without this script the page's plain forms do the same.
 * Everything from the server is put in the page with textContent, never as HTML.
 */
export const candidateScript = String.raw`(function () {
  'use strict';
  var section = document.getElementById('files');
  if (!section) return;
  var base = section.getAttribute('data-base');
  var actions = document.getElementById('upload-actions');
  if (actions) actions.hidden = true;
  var live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  section.appendChild(live);

  function announce(text) {
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function formatBytes(n) {
    if (n < 1024) return n + ' bytes';
    var kb = n < 1024 * 1024;
    return (kb ? n / 1024 : n / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + (kb ? ' KB' : ' MB');
  }
  function formatDuration(s) {
    if (s < 60) return 'less than a minute';
    var m = Math.floor(s / 60), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), mm = m % 60;
    if (d > 0) return d + (d === 1 ? ' day' : ' days') + (h ? ' ' + h + ' h' : '');
    if (h > 0) return h + ' h' + (mm ? ' ' + mm + ' min' : '');
    return mm + ' min';
  }
  var areas = ['roadmap', 'policy', 'cost'];
  var formats = { markdown: 'Markdown', text: 'Text', docx: 'Word', pdf: 'PDF', pptx: 'PowerPoint' };
  function areaOf(deliverable) { return areas.indexOf(deliverable) >= 0 ? deliverable : 'other'; }
  function listFor(area) { return document.getElementById('list-' + area); }
  function rows() { return Array.prototype.slice.call(section.querySelectorAll('li.file')); }
  function refreshAreas() {
    Array.prototype.forEach.call(section.querySelectorAll('.drop-area'), function (a) {
      var list = a.querySelector('.file-list');
      var note = a.querySelector('.empty-note');
      if (note) note.hidden = list.children.length > 0;
      if (a.classList.contains('other')) a.hidden = list.children.length === 0;
    });
  }

  function removeFile(row) {
    var id = row.getAttribute('data-file-id');
    var name = row.getAttribute('data-file-name');
    var xhr = new XMLHttpRequest();
    xhr.open('DELETE', base + '/files/' + encodeURIComponent(id));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status === 200 || xhr.status === 404) {
        row.remove();
        refreshAreas();
        announce(name + ' removed.');
      } else {
        showRowError(row, errorMessage(xhr, 'It could not be removed'));
      }
    };
    xhr.onerror = function () { showRowError(row, 'It could not be removed: the request did not reach us. Try again.'); };
    xhr.send();
  }
  function showRowError(row, message) {
    var p = row.querySelector('.row-error');
    if (!p) { p = el('p', 'field-error row-error'); row.appendChild(p); }
    p.textContent = message;
    announce(message);
  }
  function errorMessage(xhr, fallback) {
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.error && body.error.message) return body.error.message;
    } catch (e) { /* not JSON */ }
    return fallback + ' (HTTP ' + xhr.status + '). Try again.';
  }

  function addButtons(row, area) {
    var box = row.querySelector('.file-actions');
    if (!box) { box = el('div', 'file-actions'); row.appendChild(box); }
    var name = row.getAttribute('data-file-name');
    var old = box.querySelector('.remove-button');
    var remove = el('button', 'secondary remove-button', 'Remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove ' + name);
    remove.addEventListener('click', function () { removeFile(row); });
    if (old) old.replaceWith(remove); else box.appendChild(remove);
    var replace = el('button', 'secondary replace-button', 'Replace');
    replace.type = 'button';
    replace.setAttribute('aria-label', 'Replace ' + name);
    var picker = el('input');
    picker.type = 'file';
    picker.hidden = true;
    picker.setAttribute('aria-hidden', 'true');
    picker.tabIndex = -1;
    picker.addEventListener('change', function () {
      if (picker.files && picker.files[0]) upload(picker.files[0], area, row);
      picker.value = '';
    });
    replace.addEventListener('click', function () { picker.click(); });
    box.appendChild(replace);
    box.appendChild(picker);
  }

  function fileRow(f) {
    var li = el('li', 'file uploaded');
    li.setAttribute('data-file-id', f.id);
    li.setAttribute('data-file-name', f.name);
    var main = el('div', 'file-main');
    main.appendChild(el('span', 'file-name', f.name));
    main.appendChild(el('span', 'file-meta', (formats[f.format] || f.format) + ', ' + formatBytes(f.size)));
    li.appendChild(main);
    li.appendChild(el('p', 'file-read', f.parsed && f.parsed.summary ? f.parsed.summary : f.name + ': read'));
    if (f.deliverable === 'combined') li.appendChild(el('p', 'hint', 'Read as several deliverables in one file.'));
    if (f.deliverable === 'unknown') li.appendChild(el('p', 'hint', 'We could not tell which deliverable this is. A reviewer still reads it; if it is one of the three, give it a clear title.'));
    addButtons(li, areaOf(f.deliverable));
    return li;
  }

  function upload(file, area, replacing) {
    var li = el('li', 'file uploading');
    li.setAttribute('data-file-name', file.name);
    var main = el('div', 'file-main');
    main.appendChild(el('span', 'file-name', file.name));
    main.appendChild(el('span', 'file-meta', formatBytes(file.size)));
    li.appendChild(main);
    var progress = el('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', 'Uploading ' + file.name);
    li.appendChild(progress);
    var status = el('p', 'file-read', 'Uploading…');
    li.appendChild(status);
    if (replacing) replacing.parentNode.insertBefore(li, replacing.nextSibling);
    else listFor(area).appendChild(li);
    refreshAreas();

    var xhr = new XMLHttpRequest();
    xhr.open('POST', base + '/files');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = 'Uploading… ' + progress.value + '%';
      }
    };
    xhr.upload.onload = function () {
      progress.removeAttribute('value');
      status.textContent = 'Reading…';
    };
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 201 && body && body.files && body.files[0]) {
        var f = body.files[0];
        rows().forEach(function (r) {
          if (r !== li && r.getAttribute('data-file-name') === f.name) r.remove();
        });
        var row = fileRow(f);
        var target = listFor(areaOf(f.deliverable));
        li.remove();
        target.appendChild(row);
        if (replacing && replacing.parentNode && replacing.getAttribute('data-file-name') !== f.name) removeFile(replacing);
        refreshAreas();
        var moved = areaOf(f.deliverable) !== area && areaOf(f.deliverable) !== 'other' ? ' It was read as the ' + areaLabel(f.deliverable) + ' and is listed there.' : '';
        if (moved) row.appendChild(el('p', 'hint', moved.trim()));
        announce(f.parsed.summary + '.' + moved);
      } else {
        failed(li, file.name, errorMessage(xhr, 'The upload failed'));
      }
    };
    xhr.onerror = function () { failed(li, file.name, 'The upload did not reach us. Check your connection and try again.'); };
    var data = new FormData();
    data.append('file', file, file.name);
    xhr.send(data);
  }
  function areaLabel(d) { return { roadmap: 'roadmap', policy: 'Responsible AI policy', cost: 'Year-1 cost slide' }[d] || d; }

  function failed(li, name, message) {
    li.className = 'file failed';
    li.textContent = '';
    var main = el('div', 'file-main');
    main.appendChild(el('span', 'file-name', name));
    li.appendChild(main);
    var p = el('p', 'file-read', message);
    p.setAttribute('role', 'alert');
    li.appendChild(p);
    var box = el('div', 'file-actions');
    var dismiss = el('button', 'secondary', 'Dismiss');
    dismiss.type = 'button';
    dismiss.setAttribute('aria-label', 'Dismiss the error about ' + name);
    dismiss.addEventListener('click', function () { li.remove(); refreshAreas(); });
    box.appendChild(dismiss);
    li.appendChild(box);
  }

  rows().forEach(function (row) {
    var list = row.parentNode;
    addButtons(row, list && list.id ? list.id.replace('list-', '') : 'other');
  });

  Array.prototype.forEach.call(section.querySelectorAll('input[type=file][data-area]'), function (input) {
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      files.forEach(function (f) { upload(f, input.getAttribute('data-area')); });
      input.value = '';
    });
  });

  Array.prototype.forEach.call(section.querySelectorAll('.drop-area[data-area]'), function (area) {
    var name = area.getAttribute('data-area');
    if (name === 'other') return;
    var hint = area.querySelector('.drop-hint');
    if (hint) hint.hidden = false;
    var depth = 0;
    area.addEventListener('dragenter', function (e) { e.preventDefault(); depth++; area.classList.add('dragging'); });
    area.addEventListener('dragover', function (e) { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
    area.addEventListener('dragleave', function () { depth = Math.max(0, depth - 1); if (depth === 0) area.classList.remove('dragging'); });
    area.addEventListener('drop', function (e) {
      e.preventDefault();
      depth = 0;
      area.classList.remove('dragging');
      var files = e.dataTransfer ? Array.prototype.slice.call(e.dataTransfer.files) : [];
      files.forEach(function (f) { upload(f, name); });
    });
  });
  // A file dropped beside the areas must not replace the page.
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });

  var remaining = document.getElementById('time-remaining');
  if (remaining) {
    var due = Date.parse(remaining.getAttribute('data-due'));
    var tick = function () {
      var s = Math.max(0, Math.floor((due - Date.now()) / 1000));
      remaining.textContent = s === 0 ? 'the time box has ended' : formatDuration(s);
    };
    tick();
    window.setInterval(tick, 30000);
  }
})();
`;
