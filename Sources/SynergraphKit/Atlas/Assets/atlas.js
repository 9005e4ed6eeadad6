// Partner atlas: the page's behaviour. Plain JavaScript, no library, no network access.
// Embedded into every atlas by Scripts/embed-atlas-assets (a test checks the embedded copy equals this file).
// Every piece of data reaches the page through textContent or setAttribute, never through innerHTML.
(function () {
  'use strict';
  if (window.performance && performance.mark) performance.mark('atlas-script-start');

  // ---- Data -------------------------------------------------------------------------------------
  function readJSON(id, fallback) {
    var el = document.getElementById(id);
    if (!el) return fallback;
    try { return JSON.parse(el.textContent); } catch (e) { return fallback; }
  }
  var D = readJSON('atlas-data', null);
  if (!D) return;
  var GAPS = readJSON('atlas-gaps', { gaps: [], coverage: { cells: [] } });
  var SYN = readJSON('atlas-synergy', { pairs: [] });
  var EXPERTS = readJSON('atlas-experts', []);
  var BEST = readJSON('atlas-best', { pairs: [] });

  var actors = D.actors;
  var byID = Object.create(null);
  actors.forEach(function (a, i) { byID[a.id] = i; });
  var kindColor = Object.create(null);
  var kindLabel = Object.create(null);
  D.kinds.forEach(function (k) { kindColor[k.kind] = k.color; kindLabel[k.kind] = k.label; });

  // Ties of each actor, and distinct partners.
  var tiesOf = actors.map(function () { return []; });
  D.ties.forEach(function (t, k) {
    if (t[0] === t[1]) return;
    tiesOf[t[0]].push(k);
    tiesOf[t[1]].push(k);
  });
  function partnersOf(i) {
    var seen = Object.create(null), out = [];
    tiesOf[i].forEach(function (k) {
      var t = D.ties[k], o = t[0] === i ? t[1] : t[0];
      if (!seen[o]) { seen[o] = true; out.push(o); }
    });
    return out;
  }

  // ---- Small DOM helpers ------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] === null || attrs[k] === undefined) continue;
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'cls') e.className = attrs[k];
      else if (k === 'on') { for (var ev in attrs.on) e.addEventListener(ev, attrs.on[ev]); }
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }
  function pct(x) { return Math.round(x * 100) + '%'; }
  function fixed(x, d) { return (x === null || x === undefined) ? '–' : Number(x).toFixed(d); }
  function announce(text) { var live = $('live'); if (live) { live.textContent = ''; live.textContent = text; } }
  function actorName(i) { return actors[i].name; }
  function actorButton(i, label) {
    return el('button', { type: 'button', cls: 'linkish', 'data-actor': String(i), text: label || actorName(i),
      on: { click: function () { selectActor(i, true); } } });
  }
  function idButton(id, name) {
    var i = byID[id];
    return i === undefined ? document.createTextNode(name || id) : actorButton(i, name);
  }

  // ---- Map: nodes, edges, pan and zoom ----------------------------------------------------------
  var view = $('map-view');
  var svg = view ? view.querySelector('svg') : null;
  var nodeEl = actors.map(function (a) { return a.svg ? document.getElementById(a.svg) : null; });
  var edgeEl = D.edges.map(function (e, k) { return document.getElementById('e-' + k); });
  var edgesOf = actors.map(function () { return []; });
  D.edges.forEach(function (e, k) { edgesOf[e[0]].push(k); edgesOf[e[1]].push(k); });
  var graphGroup = svg ? svg.querySelector('g.graph') : null;
  var overlay = null;
  var box0 = null, box = null;

  if (svg) {
    var vb = svg.viewBox && svg.viewBox.baseVal;
    if (vb && vb.width > 0) box0 = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    else box0 = { x: 0, y: 0, w: parseFloat(svg.getAttribute('width')) || 800, h: parseFloat(svg.getAttribute('height')) || 600 };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Map of ' + D.title + ': ' + actors.length + ' actors. Use the search box or the lists to pick actors.');
    box = { x: box0.x, y: box0.y, w: box0.w, h: box0.h };
    applyBox();
    if (graphGroup) {
      overlay = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      overlay.setAttribute('id', 'atlas-overlay');
      graphGroup.appendChild(overlay);
    }
    nodeEl.forEach(function (n, i) {
      if (!n) return;
      n.setAttribute('tabindex', '-1');
      n.setAttribute('role', 'button');
      n.setAttribute('aria-label', actors[i].name + ', ' + actors[i].kind + (actors[i].country_name ? ', ' + actors[i].country_name : ''));
      n.setAttribute('data-actor', String(i));
    });
  }

  function applyBox() { if (svg) svg.setAttribute('viewBox', [box.x, box.y, box.w, box.h].join(' ')); }
  function fit() { if (!box0) return; box = { x: box0.x, y: box0.y, w: box0.w, h: box0.h }; applyBox(); }
  function zoomAt(factor, cx, cy) {
    if (!box) return;
    var w = Math.min(box0.w * 4, Math.max(box0.w / 40, box.w / factor));
    var h = w * box.h / box.w;
    box = { x: cx - (cx - box.x) * w / box.w, y: cy - (cy - box.y) * h / box.h, w: w, h: h };
    applyBox();
  }
  function zoomCentre(factor) { if (box) zoomAt(factor, box.x + box.w / 2, box.y + box.h / 2); }
  function pan(dx, dy) { if (!box) return; box.x += dx * box.w; box.y += dy * box.h; applyBox(); }
  function clientToSVG(x, y) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(box.w / r.width, box.h / r.height);
    var ox = box.x - (r.width * s - box.w) / 2, oy = box.y - (r.height * s - box.h) / 2;
    return { x: ox + (x - r.left) * s, y: oy + (y - r.top) * s, s: s };
  }
  // Centre of a node in the SVG's user space (the graph group carries Graphviz's transform).
  function nodeCentre(i) {
    var n = nodeEl[i];
    if (!n || !svg) return null;
    var shape = n.querySelector('ellipse, polygon, path') || n;
    var b = shape.getBBox();
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    var m = shape.getCTM(), root = svg.getCTM();
    if (m && root) p = p.matrixTransform(root.inverse().multiply(m));
    return { x: p.x, y: p.y, local: { x: b.x + b.width / 2, y: b.y + b.height / 2 }, r: Math.max(b.width, b.height) / 2 };
  }
  function centreOn(i) {
    var c = nodeCentre(i);
    if (!c) return;
    var w = Math.min(box0.w, Math.max(box0.w / 6, 320)), h = w * box0.h / box0.w;
    box = { x: c.x - w / 2, y: c.y - h / 2, w: w, h: h };
    applyBox();
  }

  if (view && svg) {
    view.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var p = clientToSVG(ev.clientX, ev.clientY);
      zoomAt(ev.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    }, { passive: false });
    var drag = null;
    view.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, box: { x: box.x, y: box.y, w: box.w, h: box.h }, moved: false, id: ev.pointerId };
    });
    view.addEventListener('pointermove', function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) { drag.moved = true; view.classList.add('dragging'); try { view.setPointerCapture(drag.id); } catch (e) { /* not capturable */ } }
      var s = clientToSVG(0, 0).s;
      box = { x: drag.box.x - dx * s, y: drag.box.y - dy * s, w: drag.box.w, h: drag.box.h };
      applyBox();
    });
    function endDrag(ev) {
      if (!drag) return;
      var moved = drag.moved;
      drag = null;
      view.classList.remove('dragging');
      if (moved) { ev.preventDefault(); suppressClick = true; setTimeout(function () { suppressClick = false; }, 0); }
    }
    var suppressClick = false;
    view.addEventListener('pointerup', endDrag);
    view.addEventListener('pointercancel', endDrag);
    view.addEventListener('keydown', function (ev) {
      var k = ev.key, used = true;
      if (k === '+' || k === '=') zoomCentre(1.25);
      else if (k === '-' || k === '_') zoomCentre(1 / 1.25);
      else if (k === '0') fit();
      else if (k === 'ArrowLeft') pan(-0.1, 0);
      else if (k === 'ArrowRight') pan(0.1, 0);
      else if (k === 'ArrowUp') pan(0, -0.1);
      else if (k === 'ArrowDown') pan(0, 0.1);
      else if (k === 'Escape') clearHighlight(true);
      else if ((k === 'Enter' || k === ' ') && ev.target && ev.target.getAttribute && ev.target.getAttribute('data-actor')) {
        selectActor(Number(ev.target.getAttribute('data-actor')), false);
      } else used = false;
      if (used) ev.preventDefault();
    });
    nodeEl.forEach(function (n, i) {
      if (!n) return;
      n.addEventListener('mouseenter', function () { if (!pinned) highlight([i].concat(partnersOf(i)), edgesOf[i], [i]); showHover(i); });
      n.addEventListener('mouseleave', function () { if (!pinned) clearHighlight(false); hideHover(); });
      n.addEventListener('click', function (ev) { ev.preventDefault(); if (suppressClick) return; selectActor(i, false); });
    });
    $('zoom-in').addEventListener('click', function () { zoomCentre(1.25); });
    $('zoom-out').addEventListener('click', function () { zoomCentre(1 / 1.25); });
    $('zoom-fit').addEventListener('click', fit);
  }

  // Hover card: what Graphviz's tooltip said, in the status line (no second, native tooltip).
  function showHover(i) {
    var a = actors[i], s = $('map-status');
    if (!s) return;
    s.textContent = a.name + ' · ' + (kindLabel[a.kind] || a.kind) + (a.country_name ? ' · ' + a.country_name : '') + ' · ' + partnersOf(i).length + ' partners — click for details';
  }
  function hideHover() { updateCounts(); }

  // ---- Highlighting -----------------------------------------------------------------------------
  var pinned = false;
  function clearClasses() {
    if (!svg) return;
    svg.classList.remove('dim');
    Array.prototype.forEach.call(svg.querySelectorAll('.hl, .sel'), function (e) { e.classList.remove('hl'); e.classList.remove('sel'); });
    if (overlay) clear(overlay);
  }
  function highlight(nodes, edges, selected) {
    clearClasses();
    if (!svg) return;
    svg.classList.add('dim');
    nodes.forEach(function (i) { if (nodeEl[i]) nodeEl[i].classList.add('hl'); });
    (selected || []).forEach(function (i) { if (nodeEl[i]) nodeEl[i].classList.add('sel'); });
    edges.forEach(function (k) { if (edgeEl[k]) edgeEl[k].classList.add('hl'); });
  }
  function clearHighlight(all) {
    if (all) { pinned = false; Array.prototype.forEach.call(document.querySelectorAll('.cards > li.active'), function (li) { li.classList.remove('active'); }); }
    clearClasses();
    if (pinned && current !== null) highlight([current].concat(partnersOf(current)), edgesOf[current], [current]);
  }
  function edgesAmong(set) {
    var out = [];
    D.edges.forEach(function (e, k) { if (set[e[0]] && set[e[1]]) out.push(k); });
    return out;
  }
  // Dashed lines for pairs that are not tied yet (introductions), drawn over the map.
  function drawPairs(pairs) {
    if (!overlay) return;
    pairs.forEach(function (p) {
      var a = nodeCentre(p[0]), b = nodeCentre(p[1]);
      if (!a || !b) return;
      var line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      line.setAttribute('class', 'overlay-line');
      line.setAttribute('x1', a.local.x); line.setAttribute('y1', a.local.y);
      line.setAttribute('x2', b.local.x); line.setAttribute('y2', b.local.y);
      overlay.appendChild(line);
    });
  }
  function highlightSet(indices, pairs, label) {
    pinned = true;
    var set = Object.create(null);
    indices.forEach(function (i) { set[i] = true; });
    highlight(indices, edgesAmong(set), []);
    drawPairs(pairs || []);
    announce(label);
  }

  // ---- Tabs -------------------------------------------------------------------------------------
  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  function showTab(name, focus) {
    tabs.forEach(function (t) {
      var on = t.getAttribute('data-tab') === name;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.setAttribute('tabindex', on ? '0' : '-1');
      $('panel-' + t.getAttribute('data-tab')).hidden = !on;
      if (on && focus) t.focus();
    });
  }
  tabs.forEach(function (t, i) {
    t.addEventListener('click', function () { showTab(t.getAttribute('data-tab'), false); });
    t.addEventListener('keydown', function (ev) {
      var j = null;
      if (ev.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (ev.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (ev.key === 'Home') j = 0;
      else if (ev.key === 'End') j = tabs.length - 1;
      if (j !== null) { ev.preventDefault(); showTab(tabs[j].getAttribute('data-tab'), true); }
    });
  });

  // ---- Actor panel ------------------------------------------------------------------------------
  var current = null;
  function selectActor(i, centre) {
    current = i;
    pinned = true;
    Array.prototype.forEach.call(document.querySelectorAll('.cards > li.active'), function (li) { li.classList.remove('active'); });
    highlight([i].concat(partnersOf(i)), edgesOf[i], [i]);
    renderActor(i);
    showTab('actor', false);
    if (centre) centreOn(i);
    announce(actors[i].name + ' selected: ' + partnersOf(i).length + ' partners');
  }
  function facts(rows) {
    var dl = el('dl', { cls: 'facts' });
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '' || (r[1].length === 0)) return;
      dl.appendChild(el('dt', { text: r[0] }));
      dl.appendChild(el('dd', null, [typeof r[1] === 'string' ? r[1] : r[1]]));
    });
    return dl;
  }
  function chips(list) { return el('div', { cls: 'chips' }, list.map(function (x) { return el('span', { cls: 'chip', text: x }); })); }
  function dateRange(since, until) {
    if (since && until) return since === until ? since : since + ' – ' + until;
    if (since) return 'since ' + since;
    if (until) return 'until ' + until;
    return '';
  }
  function renderActor(i) {
    var a = actors[i], panel = clear($('actor-body'));
    var partners = partnersOf(i);
    panel.setAttribute('data-actor', String(i));
    panel.setAttribute('data-partner-count', String(partners.length));
    panel.appendChild(el('h2', { id: 'actor-name' }, [el('span', { cls: 'kind-dot', style: null, 'aria-hidden': 'true' }), a.name]));
    panel.querySelector('.kind-dot').style.background = kindColor[a.kind] || '#999';
    panel.appendChild(facts([
      ['Kind', (kindLabel[a.kind] || a.kind) + (a.scope ? ' (' + a.scope + ')' : '')],
      ['Id', a.id],
      ['Acronym', a.short && a.short !== a.name ? a.short : ''],
      ['Local name', a.local || ''],
      ['Country', a.country_name ? a.country_name + ' (' + a.country + ')' : ''],
      ['SDGs', a.sdgs.length ? chips(a.sdgs.map(function (s) { return 'SDG ' + s; })) : ''],
      ['Accomplishments', a.eas.length ? chips(a.eas) : ''],
      ['Sectors', a.sectors.length ? chips(a.sectors) : '']
    ]));

    // Partners, grouped by tie kind, with dates.
    panel.appendChild(el('h3', { text: 'Partners (' + partners.length + ')' }));
    if (!partners.length) panel.appendChild(el('p', { cls: 'empty', text: 'No tie in this view.' }));
    var groups = Object.create(null), order = [];
    tiesOf[i].forEach(function (k) {
      var t = D.ties[k], kind = D.tie_kinds[t[2]], o = t[0] === i ? t[1] : t[0];
      if (!groups[kind]) { groups[kind] = Object.create(null); order.push(kind); }
      var g = groups[kind];
      if (!g[o]) g[o] = [];
      var when = dateRange(t[3], t[4]);
      if (t[5] >= 0) when = D.activities[t[5]].name + (when ? ', ' + when : '');
      if (when && g[o].indexOf(when) < 0) g[o].push(when);
    });
    order.forEach(function (kind) {
      var g = groups[kind], ids = Object.keys(g).map(Number);
      ids.sort(function (x, y) { return actorName(x).localeCompare(actorName(y)); });
      var list = el('ul', { cls: 'plain' });
      ids.forEach(function (o) {
        var whens = g[o];
        var shown = whens.slice(0, 3).join('; ') + (whens.length > 3 ? '; and ' + (whens.length - 3) + ' more' : '');
        list.appendChild(el('li', { cls: 'partner', 'data-actor': String(o) }, [actorButton(o), shown ? el('span', { cls: 'dates', text: ' · ' + shown }) : null]));
      });
      panel.appendChild(el('details', { open: kind === order[0] || ids.length <= 8 ? '' : null }, [
        el('summary', { text: kind + ' (' + ids.length + ')' }), list]));
    });

    // Activities.
    if (a.acts.length) {
      panel.appendChild(el('h3', { text: 'Activities (' + a.acts.length + ')' }));
      var ul = el('ul', { cls: 'plain' });
      a.acts.forEach(function (k) {
        var act = D.activities[k];
        ul.appendChild(el('li', null, [act.name, el('span', { cls: 'dates', text: ' · ' + act.kind + ', ' + dateRange(act.date, act.end) + (act.country_name ? ', ' + act.country_name : '') })]));
      });
      panel.appendChild(ul);
    }

    // Metrics with one plain line each.
    panel.appendChild(el('h3', { text: 'What the measures say' }));
    a.m.forEach(function (m) {
      panel.appendChild(el('div', { cls: 'metric' }, [el('b', { text: m[0] }), m[1], el('p', { text: m[2] })]));
    });
    if (a.roles.length) {
      panel.appendChild(el('h3', { text: 'Brokerage roles (between kinds of actor)' }));
      var rl = el('ul', { cls: 'plain' });
      a.roles.forEach(function (r) { rl.appendChild(el('li', null, [el('b', { text: r[0] + ' ' + r[1] }), ' — ' + r[2]])); });
      panel.appendChild(rl);
    }

    // Best new partners.
    panel.appendChild(el('h3', { text: 'Best new partners' }));
    if (!a.best.length) panel.appendChild(el('p', { cls: 'empty', text: 'None proposed.' }));
    var bl = el('ol', { cls: 'plain' });
    a.best.forEach(function (k) {
      var p = BEST.pairs[k];
      if (!p) return;
      var other = p.a.id === a.id ? p.b : p.a;
      bl.appendChild(el('li', null, [idButton(other.id, other.name), ' ', el('span', { cls: 'chip', text: fixed(p.synergy, 2) }),
        el('div', { cls: 'dates', text: p.reason }), extras(unknownFields(p, PAIR_KNOWN))]));
    });
    panel.appendChild(bl);

    // Gaps it is part of.
    var mine = [];
    GAPS.gaps.forEach(function (g, k) {
      var role = null;
      if (g.subject === a.id) role = g.category;
      else if ((g.actors || []).indexOf(a.id) >= 0) role = 'involved';
      if (!role) (g.fillers || []).forEach(function (f) { if (f.id === a.id || f.partner_id === a.id) role = 'filler'; });
      if (role) mine.push([k, role]);
    });
    panel.appendChild(el('h3', { text: 'Gaps it is part of (' + mine.length + ')' }));
    if (!mine.length) panel.appendChild(el('p', { cls: 'empty', text: 'None.' }));
    var gl = el('ul', { cls: 'plain' });
    mine.slice(0, 15).forEach(function (m) {
      var g = GAPS.gaps[m[0]];
      var role = m[1] === 'filler' ? 'proposed to fill it' : m[1] === 'involved' ? 'involved' : 'the gap is about it (' + m[1] + ')';
      gl.appendChild(el('li', null, [el('button', { type: 'button', cls: 'linkish', text: g.title, on: { click: function () { showTab('gaps', false); activateGap(m[0], true); } } }),
        el('span', { cls: 'dates', text: ' · ' + role })]));
    });
    if (mine.length > 15) gl.appendChild(el('li', { cls: 'empty', text: 'and ' + (mine.length - 15) + ' more in the Gaps list' }));
    panel.appendChild(gl);
  }

  // Fields a report carries beyond the ones shown (newer report versions add some): shown as label: value.
  function extras(obj) {
    if (!obj) return null;
    var keys = Object.keys(obj).filter(function (k) { var v = obj[k]; return v !== null && v !== '' && (typeof v === 'string' || typeof v === 'number'); });
    if (!keys.length) return null;
    return el('div', { cls: 'extra' }, keys.map(function (k) {
      return el('div', null, [el('b', { text: k.replace(/_/g, ' ') + ': ' }), String(obj[k])]);
    }));
  }
  function unknownFields(obj, known) {
    var out = {}, any = false;
    Object.keys(obj).forEach(function (k) { if (known.indexOf(k) < 0) { out[k] = obj[k]; any = true; } });
    return any ? out : null;
  }

  // ---- Gaps -------------------------------------------------------------------------------------
  var GAP_KNOWN = ['rank', 'severity', 'category', 'country', 'subject', 'title', 'detail', 'actors', 'fillers'];
  var FILLER_KNOWN = ['id', 'name', 'partner_id', 'partner_name', 'score', 'reason'];
  function sevClass(s) { return s >= 0.75 ? 'sev' : s >= 0.5 ? 'sev mid' : 'sev low'; }
  function fillerItem(f) {
    var who = [idButton(f.id, f.name)];
    if (f.partner_id) { who.push(' ↔ '); who.push(idButton(f.partner_id, f.partner_name)); }
    return el('li', null, who.concat([' ', el('span', { cls: 'chip', text: fixed(f.score, 2) }), el('div', { cls: 'dates', text: f.reason }), extras(unknownFields(f, FILLER_KNOWN))]));
  }
  function renderGaps() {
    var list = clear($('gap-list'));
    $('gap-count').textContent = GAPS.gaps.length + ' gaps, most severe first';
    GAPS.gaps.forEach(function (g, k) {
      var li = el('li', { id: 'gap-' + k });
      li.appendChild(el('button', { type: 'button', cls: 'card', 'aria-describedby': null, on: { click: function () { activateGap(k, false); } } }, [
        el('span', { cls: 'meta' }, [el('span', { cls: sevClass(g.severity), text: fixed(g.severity, 2), 'aria-label': 'severity ' + fixed(g.severity, 2) }),
          el('span', { cls: 'cat', text: g.category + (g.country ? ' · ' + g.country : '') })]),
        el('span', { cls: 'title', text: g.title }),
        el('span', { cls: 'detail', text: g.detail })
      ]));
      var more = extras(unknownFields(g, GAP_KNOWN));
      if (more) li.appendChild(el('div', { cls: 'fillers' }, [more]));
      if ((g.fillers || []).length) {
        li.appendChild(el('div', { cls: 'fillers' }, [el('b', { text: 'Who could fill it' }), el('ul', { cls: 'plain' }, g.fillers.map(fillerItem))]));
      }
      list.appendChild(li);
    });
    if (!GAPS.gaps.length) list.appendChild(el('li', { cls: 'empty', text: 'No gap found.' }));
  }
  function activateGap(k, scroll) {
    var g = GAPS.gaps[k];
    Array.prototype.forEach.call(document.querySelectorAll('.cards > li.active'), function (li) { li.classList.remove('active'); });
    var li = $('gap-' + k);
    if (li) { li.classList.add('active'); if (scroll) li.scrollIntoView({ block: 'nearest' }); }
    var set = [], pairs = [];
    function add(id) { var i = byID[id]; if (i !== undefined && set.indexOf(i) < 0) set.push(i); return i; }
    (g.actors || []).forEach(add);
    if (byID[g.subject] !== undefined) add(g.subject);
    (g.fillers || []).forEach(function (f) {
      var a = add(f.id), b = f.partner_id ? add(f.partner_id) : undefined;
      if (a !== undefined && b !== undefined) pairs.push([a, b]);
    });
    current = null;
    highlightSet(set, pairs, 'Gap: ' + g.title + '. ' + set.length + ' actors highlighted.');
  }

  // ---- Introductions ----------------------------------------------------------------------------
  var PAIR_KNOWN = ['rank', 'a', 'b', 'tied', 'synergy', 'components', 'evidence', 'reason'];
  function renderIntroductions() {
    var list = clear($('intro-list'));
    (SYN.pairs || []).forEach(function (p, k) {
      var li = el('li', { id: 'intro-' + k });
      li.appendChild(el('button', { type: 'button', cls: 'card', on: { click: function () { activateIntro(k); } } }, [
        el('span', { cls: 'meta' }, [el('span', { cls: 'sev low', text: fixed(p.synergy, 2), 'aria-label': 'synergy ' + fixed(p.synergy, 2) }),
          el('span', { cls: 'cat', text: 'introduction #' + (k + 1) })]),
        el('span', { cls: 'title', text: p.a.name + ' ↔ ' + p.b.name }),
        el('span', { cls: 'detail', text: p.reason })
      ]));
      var more = extras(unknownFields(p, PAIR_KNOWN));
      if (more) li.appendChild(el('div', { cls: 'fillers' }, [more]));
      list.appendChild(li);
    });
    if (!(SYN.pairs || []).length) list.appendChild(el('li', { cls: 'empty', text: 'No introduction proposed.' }));
  }
  function activateIntro(k) {
    var p = SYN.pairs[k];
    Array.prototype.forEach.call(document.querySelectorAll('.cards > li.active'), function (li) { li.classList.remove('active'); });
    $('intro-' + k).classList.add('active');
    var a = byID[p.a.id], b = byID[p.b.id], set = [];
    if (a !== undefined) set.push(a);
    if (b !== undefined) set.push(b);
    ((p.evidence && p.evidence.shared_partners) || []).forEach(function (id) { var i = byID[id]; if (i !== undefined) set.push(i); });
    current = null;
    highlightSet(set, a !== undefined && b !== undefined ? [[a, b]] : [], 'Introduction: ' + p.a.name + ' and ' + p.b.name + ', ' + (set.length - 2) + ' shared partners highlighted.');
    if (svg) {
      if (nodeEl[a]) nodeEl[a].classList.add('sel');
      if (nodeEl[b]) nodeEl[b].classList.add('sel');
    }
  }

  // ---- Coverage heat maps -----------------------------------------------------------------------
  function renderCoverage() {
    var host = clear($('coverage-body'));
    var cov = GAPS.coverage || { cells: [] };
    if (!cov.cells || !cov.cells.length) { host.appendChild(el('p', { cls: 'empty', text: 'The network names no target countries, so there is no coverage to show.' })); return; }
    var countries = [];
    cov.cells.forEach(function (c) { if (countries.indexOf(c.country) < 0) countries.push(c.country); });
    var demanded = (cov.sectors || []).filter(function (s) { return cov.cells.some(function (c) { return c.topic === s && c.demanded; }); });
    function table(title, topics) {
      host.appendChild(el('h3', { text: title }));
      var head = el('tr', null, [el('th', { scope: 'col', text: 'country' })].concat(topics.map(function (t) { return el('th', { scope: 'col', text: t }); })));
      var body = el('tbody');
      countries.forEach(function (c) {
        var row = el('tr', null, [el('th', { scope: 'row', text: (D.country_names[c] || c) })]);
        topics.forEach(function (t) {
          var cell = null;
          cov.cells.forEach(function (x) { if (x.country === c && x.topic === t) cell = x; });
          var st = !cell ? 'na' : cell.demanded ? cell.status : 'na';
          var label = (D.country_names[c] || c) + ', ' + t + ': ' + (cell ? cell.organisations + ' organisations, ' + cell.experts + ' experts' + (cell.demanded ? ', ' + cell.status : ', not asked for there') : 'no data');
          var b = el('button', { type: 'button', 'aria-label': label, 'aria-pressed': 'false', text: cell ? String(cell.organisations) : '' });
          if (cell) b.addEventListener('click', function () { showCell(cell, b); });
          row.appendChild(el('td', { cls: st }, [b]));
        });
        body.appendChild(row);
      });
      host.appendChild(el('table', { cls: 'heat' }, [el('thead', null, [head]), body]));
    }
    host.appendChild(el('div', { cls: 'key' }, [el('span', { cls: 'k-gap', text: 'gap: no organisation' }), el('span', { cls: 'k-thin', text: 'thin: one' }),
      el('span', { cls: 'k-ok', text: 'ok: two or more' }), el('span', { cls: 'k-na', text: 'not asked for there' })]));
    table('Country × accomplishment', cov.accomplishments || []);
    if (demanded.length) table('Country × sector (sectors asked for in a target country)', demanded);
    host.appendChild(el('div', { id: 'cell-detail', 'aria-live': 'polite' }));
  }
  function showCell(cell, button) {
    Array.prototype.forEach.call(document.querySelectorAll('table.heat button[aria-pressed="true"]'), function (b) { b.setAttribute('aria-pressed', 'false'); });
    button.setAttribute('aria-pressed', 'true');
    var box = clear($('cell-detail'));
    box.appendChild(el('h3', { text: (D.country_names[cell.country] || cell.country) + ' · ' + cell.topic + ' · ' + (cell.demanded ? cell.status : 'not asked for') }));
    function list(title, ids) {
      box.appendChild(el('p', null, [el('b', { text: title + ' (' + ids.length + '): ' })].concat(ids.length ? [] : [el('span', { cls: 'empty', text: 'none' })])));
      var ul = el('ul', { cls: 'plain' });
      ids.forEach(function (id) { ul.appendChild(el('li', null, [idButton(id)])); });
      box.appendChild(ul);
    }
    list('Organisations', cell.organisation_ids || []);
    list('Experts', cell.expert_ids || []);
    var set = [];
    (cell.organisation_ids || []).concat(cell.expert_ids || []).forEach(function (id) { if (byID[id] !== undefined) set.push(byID[id]); });
    current = null;
    highlightSet(set, [], cell.country + ' ' + cell.topic + ': ' + set.length + ' actors highlighted');
  }

  // ---- Expert finder ----------------------------------------------------------------------------
  function renderExperts() {
    var cs = $('expert-country'), ts = $('expert-topic');
    if (!cs || !EXPERTS.length) { clear($('expert-body')).appendChild(el('p', { cls: 'empty', text: 'No experts in this view.' })); return; }
    var seenC = Object.create(null), seenT = Object.create(null);
    EXPERTS.forEach(function (r) {
      if (r.country && !seenC[r.country]) { seenC[r.country] = true; cs.appendChild(el('option', { value: r.country, text: D.country_names[r.country] || r.country })); }
      if (r.topic && !seenT[r.topic]) { seenT[r.topic] = true; ts.appendChild(el('option', { value: r.topic, text: r.topic })); }
    });
    cs.addEventListener('change', showExperts);
    ts.addEventListener('change', showExperts);
    showExperts();
  }
  function showExperts() {
    var c = $('expert-country').value || null, t = $('expert-topic').value || null, found = null;
    EXPERTS.forEach(function (r) { if ((r.country || null) === c && (r.topic || null) === t) found = r; });
    var host = clear($('expert-body'));
    if (!found) { host.appendChild(el('p', { cls: 'empty', text: 'No ranking for this request.' })); return; }
    var rep = found.report;
    (rep.warnings || []).forEach(function (w) { host.appendChild(el('p', { cls: 'dates', text: 'Note: ' + w })); });
    var body = el('tbody');
    rep.experts.forEach(function (m) {
      body.appendChild(el('tr', null, [el('td', { cls: 'n', text: String(m.rank) }), el('td', null, [idButton(m.id, m.name)]),
        el('td', { cls: 'n', text: fixed(m.score, 2) }), el('td', { text: m.reason })]));
    });
    host.appendChild(el('table', { cls: 'rank' }, [el('thead', null, [el('tr', null, [el('th', { text: '#' }), el('th', { text: 'expert' }), el('th', { text: 'score' }), el('th', { text: 'why' })])]), body]));
    if (!rep.experts.length) host.appendChild(el('p', { cls: 'empty', text: 'No expert.' }));
    var set = [];
    rep.experts.forEach(function (m) { if (byID[m.id] !== undefined) set.push(byID[m.id]); });
    current = null;
    if (set.length && !$('panel-experts').hidden) highlightSet(set, [], rep.experts.length + ' experts ranked and highlighted on the map');
    else announce(rep.experts.length + ' experts ranked');
  }

  // ---- Filters ----------------------------------------------------------------------------------
  var filter = { kinds: null, country: '', ea: '', sector: '', tie: '', quarter: '' };
  function quarterWindow(q) {
    var m = /^(\d{4})Q([1-4])$/.exec(q);
    if (!m) return null;
    var y = m[1], n = Number(m[2]), start = ['01-01', '04-01', '07-01', '10-01'][n - 1], end = ['03-31', '06-30', '09-30', '12-31'][n - 1];
    return { from: y + '-' + start, to: y + '-' + end };
  }
  function tieMatches(t, win) {
    if (filter.tie !== '' && D.tie_kinds[t[2]] !== filter.tie) return false;
    if (win && ((t[3] && t[3] > win.to) || (t[4] && t[4] < win.from))) return false;
    return true;
  }
  function actorMatches(a) {
    if (filter.kinds && !filter.kinds[a.kind]) return false;
    if (filter.country && a.country !== filter.country) return false;
    if (filter.ea && a.eas.indexOf(filter.ea) < 0) return false;
    if (filter.sector && a.sectors.indexOf(filter.sector) < 0) return false;
    return true;
  }
  var shown = { actors: actors.length, pairs: D.edges.length };
  function applyFilters() {
    // A filter shows a new subset: the highlight of an earlier pick would hide it.
    current = null;
    clearHighlight(true);
    var win = filter.quarter ? quarterWindow(filter.quarter) : null;
    var tieFiltered = filter.tie !== '' || !!win;
    var ok = actors.map(actorMatches);
    var pairOK = Object.create(null);
    D.ties.forEach(function (t) {
      if (!ok[t[0]] || !ok[t[1]] || !tieMatches(t, win)) return;
      pairOK[Math.min(t[0], t[1]) + ',' + Math.max(t[0], t[1])] = true;
    });
    var active = actors.map(function () { return !tieFiltered; });
    if (tieFiltered) {
      Object.keys(pairOK).forEach(function (k) { var p = k.split(','); active[Number(p[0])] = true; active[Number(p[1])] = true; });
      if (win) actors.forEach(function (a, i) {
        a.acts.forEach(function (x) { var act = D.activities[x]; if (act.date <= win.to && (act.end || act.date) >= win.from && filter.tie === '') active[i] = true; });
      });
    }
    var nA = 0, nP = 0;
    actors.forEach(function (a, i) {
      var vis = ok[i] && active[i];
      if (vis) nA++;
      if (nodeEl[i]) nodeEl[i].classList.toggle('faded', !vis);
    });
    D.edges.forEach(function (e, k) {
      var vis = !!pairOK[Math.min(e[0], e[1]) + ',' + Math.max(e[0], e[1])];
      if (vis) nP++;
      if (edgeEl[k]) edgeEl[k].classList.toggle('faded', !vis);
    });
    shown = { actors: nA, pairs: nP };
    updateCounts();
    announce(nA + ' of ' + actors.length + ' actors and ' + nP + ' of ' + D.edges.length + ' tied pairs match');
  }
  function updateCounts() {
    var text = shown.actors + ' of ' + actors.length + ' actors · ' + shown.pairs + ' of ' + D.edges.length + ' tied pairs shown';
    var c = $('filter-counts'); if (c) c.textContent = text;
    var s = $('map-status'); if (s) s.textContent = text;
  }
  function renderFilters() {
    var kinds = $('filter-kinds');
    D.kinds.forEach(function (k) {
      var box = el('input', { type: 'checkbox', value: k.kind, checked: '' });
      box.addEventListener('change', function () {
        var on = {}, all = true;
        Array.prototype.forEach.call(kinds.querySelectorAll('input'), function (x) { if (x.checked) on[x.value] = true; else all = false; });
        filter.kinds = all ? null : on;
        applyFilters();
      });
      var dot = el('span', { cls: 'kind-dot', 'aria-hidden': 'true' });
      dot.style.background = k.color;
      kinds.appendChild(el('label', null, [box, ' ', dot, k.label + ' (' + k.count + ')']));
    });
    function fill(id, values, key, labelOf) {
      var s = $(id);
      values.forEach(function (v) { s.appendChild(el('option', { value: v, text: labelOf ? labelOf(v) : v })); });
      s.addEventListener('change', function () { filter[key] = s.value; applyFilters(); });
    }
    fill('filter-country', D.countries, 'country', function (c) { return D.country_names[c] || c; });
    fill('filter-ea', D.accomplishments, 'ea');
    fill('filter-sector', D.sectors, 'sector');
    fill('filter-tie', D.tie_kinds, 'tie');
    fill('filter-quarter', D.quarters, 'quarter');
    $('filter-reset').addEventListener('click', function () {
      filter = { kinds: null, country: '', ea: '', sector: '', tie: '', quarter: '' };
      Array.prototype.forEach.call(kinds.querySelectorAll('input'), function (x) { x.checked = true; });
      ['filter-country', 'filter-ea', 'filter-sector', 'filter-tie', 'filter-quarter'].forEach(function (id) { $(id).value = ''; });
      applyFilters();
    });
  }

  // ---- Search -----------------------------------------------------------------------------------
  function fold(s) { return (s || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
  var index = actors.map(function (a) { return [fold(a.name), fold(a.short), fold(a.local), fold(a.id)]; });
  var input = $('search'), box2 = $('search-results'), hits = [], cursor = -1;
  function search(q) {
    q = fold(q.trim());
    if (!q) return [];
    var scored = [];
    index.forEach(function (keys, i) {
      var best = 99;
      keys.forEach(function (k, j) {
        if (!k) return;
        if (k === q) best = Math.min(best, 0);
        else if (k.indexOf(q) === 0) best = Math.min(best, 1 + j * 0.1);
        else if (k.indexOf(q) > 0) best = Math.min(best, 3 + j * 0.1);
      });
      if (best < 99) scored.push([best, i]);
    });
    scored.sort(function (x, y) { return x[0] - y[0] || actorName(x[1]).localeCompare(actorName(y[1])); });
    return scored.slice(0, 12).map(function (s) { return s[1]; });
  }
  function renderHits() {
    clear(box2);
    hits.forEach(function (i, k) {
      var a = actors[i];
      var li = el('li', { role: 'option', id: 'hit-' + k, 'aria-selected': k === cursor ? 'true' : 'false' }, [
        el('span', { text: a.name + (a.short && a.short !== a.name ? ' (' + a.short + ')' : '') }),
        el('small', { text: (kindLabel[a.kind] || a.kind) + (a.country ? ' · ' + a.country : '') })]);
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });
      box2.appendChild(li);
    });
    box2.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
    if (cursor >= 0) input.setAttribute('aria-activedescendant', 'hit-' + cursor); else input.removeAttribute('aria-activedescendant');
  }
  function choose(i) {
    hits = []; cursor = -1; renderHits();
    input.value = actors[i].name;
    selectActor(i, true);
    if (nodeEl[i]) nodeEl[i].focus({ preventScroll: true });
  }
  if (input) {
    input.addEventListener('input', function () { hits = search(input.value); cursor = hits.length ? 0 : -1; renderHits(); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' && hits.length) { cursor = (cursor + 1) % hits.length; renderHits(); ev.preventDefault(); }
      else if (ev.key === 'ArrowUp' && hits.length) { cursor = (cursor - 1 + hits.length) % hits.length; renderHits(); ev.preventDefault(); }
      else if (ev.key === 'Enter') {
        if (!hits.length) hits = search(input.value);
        if (hits.length) { choose(hits[Math.max(0, cursor)]); ev.preventDefault(); }
        else announce('No actor matches ' + input.value);
      } else if (ev.key === 'Escape') { hits = []; cursor = -1; renderHits(); }
    });
    input.addEventListener('blur', function () { setTimeout(function () { hits = []; cursor = -1; renderHits(); }, 150); });
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.key === '/' && document.activeElement !== input && !(ev.target && /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName))) {
      ev.preventDefault(); input.focus();
    }
  });
  var printButton = $('print');
  if (printButton) printButton.addEventListener('click', function () { window.print(); });
  // The briefing prints the whole map.
  window.addEventListener('beforeprint', fit);

  // ---- Start ------------------------------------------------------------------------------------
  renderGaps();
  renderIntroductions();
  renderCoverage();
  renderExperts();
  renderFilters();
  updateCounts();
  showTab('actor', false);
  document.documentElement.setAttribute('data-atlas-ready', 'true');
  if (window.performance && performance.mark) performance.mark('atlas-interactive');
})();
