// whomet report.html: the graph in sigma.js (WebGL) over graphology, search, filters, the
// selected person's edges and an edge's evidence, and sortable tables. Everything comes from the
// JSON blocks of this page: #whomet-data at load, #whomet-evidence on the first click on an edge.
// With #selftest in the address, the page runs its own interactions and writes the results into
// <html data-selftest> and <pre id="selftest"> (ci/clients/ reads them with --dump-dom).
(function () {
  'use strict';
  var started = performance.now();
  var root = document.documentElement;
  var timing = [];
  function mark(name) { timing.push(name + ' ' + Math.round(performance.now() - started)); }
  var DATA = JSON.parse(document.getElementById('whomet-data').textContent);
  mark('data');
  var P = DATA.people, E = DATA.edges;
  var nPeople = P.id.length, nEdges = E.source.length;
  var KIND_COLOR = { MET: '#444444', CONTACT: '#2f5fc4', PLANNED: '#d9822b' };
  var evidence = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'cls') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function evidenceOf(i) {
    if (evidence === null) { evidence = JSON.parse($('whomet-evidence').textContent); }
    return evidence[i];
  }
  function color(i) { return P.degree[i] === 0 ? '#9e9e9e' : DATA.colors[P.community[i]] || '#888888'; }
  function dates(i) {
    var a = E.first[i], b = E.last[i];
    return a === b ? a : a + ' to ' + b;
  }

  // ---- Edges of each person, for the panel.
  var incident = new Array(nPeople);
  for (var v = 0; v < nPeople; v++) { incident[v] = []; }
  for (var k = 0; k < nEdges; k++) { incident[E.source[k]].push(k); incident[E.target[k]].push(k); }

  // ---- Filters.
  var filter = { kinds: { MET: true, CONTACT: true, PLANNED: true }, from: '', to: '', min: 0 };
  function edgeShown(i) {
    if (!filter.kinds[E.kind[i]] || E.confidence[i] < filter.min) { return false; }
    if (filter.from || filter.to) {
      if (!E.first[i]) { return false; }
      if (filter.from && E.last[i].slice(0, filter.from.length) < filter.from) { return false; }
      if (filter.to && E.first[i].slice(0, filter.to.length) > filter.to) { return false; }
    }
    return true;
  }

  // ---- The graph view.
  var selected = { node: null, edge: null };
  var neighbours = null;
  var renderer = null;
  var graph = new graphology.MultiUndirectedGraph();
  for (var i = 0; i < nPeople; i++) {
    graph.addNode(String(i), {
      x: P.x[i], y: P.y[i], label: P.label[i], color: color(i),
      size: nPeople > 2000 ? 1 + 0.5 * Math.sqrt(P.degree[i]) : 3 + 2 * Math.sqrt(P.degree[i])
    });
  }
  for (var j = 0; j < nEdges; j++) {
    var c = E.confidence[j];
    graph.addEdgeWithKey('e' + j, String(E.source[j]), String(E.target[j]), {
      i: j, size: (nEdges > 20000 ? 0.2 : 0.4) + (nEdges > 20000 ? 2 : 5) * c * c, color: KIND_COLOR[E.kind[j]] + (nEdges > 20000 ? (c >= 0.5 ? '88' : '33') : (c >= 0.5 ? 'cc' : '66'))
    });
  }
  mark('graph');
  function nodeReducer(node, data) {
    if (neighbours && !neighbours.has(node)) {
      return Object.assign({}, data, { color: '#dddddd', label: '', zIndex: 0 });
    }
    if (node === selected.node) { return Object.assign({}, data, { highlighted: true, zIndex: 2 }); }
    return data;
  }
  function edgeReducer(edge, data) {
    var i = data.i;
    if (!edgeShown(i)) { return Object.assign({}, data, { hidden: true }); }
    if (edge === selected.edge) { return Object.assign({}, data, { color: '#e01010', size: Math.max(data.size, 3), zIndex: 2 }); }
    if (selected.node !== null && E.source[i] !== +selected.node && E.target[i] !== +selected.node) {
      return Object.assign({}, data, { hidden: neighbours !== null });
    }
    return data;
  }
  try {
    // The reducers are set only while a filter or a selection needs them (they cost a call per
    // item and frame), and edges are picked by the page itself on a click (sigma's edge events
    // draw every edge a second time, into a picking buffer).
    renderer = new Sigma(graph, $('graph'), {
      hideEdgesOnMove: nEdges > 20000, labelRenderedSizeThreshold: nPeople <= 300 ? 0 : 7, zIndex: true,
      minEdgeThickness: 0.4, labelDensity: 0.5
    });
    renderer.on('clickNode', function (e) { selectPerson(+e.node); });
    renderer.on('clickStage', function (e) { clickAt(e.event.x, e.event.y); });
  } catch (err) {
    // No WebGL: the tables, search and evidence still work.
    $('graph').appendChild(el('p', { cls: 'note', text: 'The graph view needs WebGL, which this browser does not offer (' + err.message + '). The tables below have everything.' }));
    root.setAttribute('data-webgl', 'no');
  }
  mark('view');
  // Redraws at the next frame (several changes in one event make one redraw); the self-test
  // redraws at once to read what is drawn.
  function refresh() {
    if (!renderer) { return; }
    var filtered = !filter.kinds.MET || !filter.kinds.CONTACT || !filter.kinds.PLANNED || filter.from || filter.to || filter.min > 0;
    var chosen = selected.node !== null || selected.edge !== null;
    renderer.setSetting('nodeReducer', chosen ? nodeReducer : null);
    renderer.setSetting('edgeReducer', chosen || filtered ? edgeReducer : null);
    renderer.scheduleRefresh();
  }
  // A click off the people: the nearest shown edge within 5 pixels of the point, else nothing.
  function edgeAt(x, y) {
    var best = -1, bestD = 25;
    var points = new Array(nPeople);
    for (var i = 0; i < nEdges; i++) {
      if (!edgeShown(i)) { continue; }
      var a = points[E.source[i]] || (points[E.source[i]] = renderer.graphToViewport(graph.getNodeAttributes(String(E.source[i]))));
      var b = points[E.target[i]] || (points[E.target[i]] = renderer.graphToViewport(graph.getNodeAttributes(String(E.target[i]))));
      var dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
      var t = l2 > 0 ? Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / l2)) : 0;
      var ex = a.x + t * dx - x, ey = a.y + t * dy - y, d = ex * ex + ey * ey;
      if (d < bestD) { best = i; bestD = d; }
    }
    return best;
  }
  function clickAt(x, y) {
    var i = edgeAt(x, y);
    if (i >= 0) { selectEdge(i); } else { clearSelection(); }
  }

  // ---- Panel: the selected person or edge.
  function clearSelection() {
    selected.node = null; selected.edge = null; neighbours = null;
    $('selection').replaceChildren(el('p', { cls: 'muted', text: 'Click a person or a line, or search for a name.' }));
    refresh();
  }
  function personLink(v) {
    return el('a', { href: '#', 'data-person': String(v), dir: 'auto', text: P.label[v] });
  }
  function selectPerson(v) {
    selected.node = String(v); selected.edge = null;
    neighbours = new Set([String(v)]);
    var list = incident[v].filter(edgeShown).sort(function (a, b) { return E.confidence[b] - E.confidence[a] || a - b; });
    list.forEach(function (i) { neighbours.add(String(E.source[i])); neighbours.add(String(E.target[i])); });
    var box = $('selection');
    box.replaceChildren(
      el('h2', {}, [el('span', { cls: 'swatch', style: 'background:' + color(v) }), el('bdi', { text: P.label[v] })]),
      el('p', { cls: 'meta', text: 'id ' + P.id[v] + ' · ' + P.mentions[v] + ' mentions in ' + P.documents[v].length + ' documents · community ' + (P.community[v] + 1) }),
      el('p', { cls: 'meta', text: 'aliases: ' + (P.aliases[v].join('; ') || 'none') + ' · roles: ' + (P.roles[v].join('; ') || 'none') }),
      el('h2', { text: list.length + ' of ' + incident[v].length + ' edges shown' })
    );
    var ul = el('ul', { cls: 'edge-list', id: 'person-edges' });
    list.forEach(function (i) {
      var other = E.source[i] === v ? E.target[i] : E.source[i];
      ul.appendChild(el('li', { 'data-edge': 'e' + i }, [
        el('span', { cls: 'type ' + E.kind[i], text: E.kind[i] }), ' ', el('bdi', { text: P.label[other] }),
        el('span', { cls: 'meta', text: ' · ' + E.confidence[i] + (E.first[i] ? ' · ' + dates(i) : '') })
      ]));
    });
    box.appendChild(ul);
    refresh();
    if (renderer) {
      var d = renderer.getNodeDisplayData(String(v));
      if (d) { renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.3) }, { duration: 300 }); }
    }
  }
  function selectEdge(i) {
    selected.edge = 'e' + i; selected.node = null; neighbours = new Set([String(E.source[i]), String(E.target[i])]);
    var a = E.source[i], b = E.target[i];
    var box = $('selection');
    box.replaceChildren(
      el('h2', { id: 'edge-title', 'data-edge': 'e' + i }, [personLink(a), ' ', el('span', { cls: 'type ' + E.kind[i], text: E.kind[i] }), ' ', personLink(b)]),
      el('p', { cls: 'meta', text: 'confidence ' + E.confidence[i] + ' · dates ' + (dates(i) || 'unknown') + ' · places ' + (E.places[i].join('; ') || 'unknown') })
    );
    var ol = el('ol', { cls: 'evidence', id: 'edge-evidence' });
    evidenceOf(i).forEach(function (x) {
      var quote = el('blockquote', { cls: 'sentence', dir: 'auto' });
      quote.innerHTML = x[5]; // HTML-escaped by whomet, names in <mark>
      ol.appendChild(el('li', {}, [quote, el('p', { cls: 'meta' }, [
        'document ', el('code', { cls: 'doc', text: DATA.docs[x[0]] }), ' bytes ' + x[6] + '–' + x[7],
        ' · date ', el('span', { cls: 'date', text: x[1] }), ' · place ', el('span', { cls: 'place', text: x[2] }),
        ' · trigger ', el('q', { cls: 'trigger', text: x[3] }), ' · confidence ', el('span', { cls: 'confidence', text: String(x[4]) })
      ])]));
      if (x[8]) { ol.lastChild.insertAdjacentHTML('beforeend', x[8]); } // escaped by whomet: the article's citation
    });
    box.appendChild(ol);
    refresh();
  }
  $('selection').addEventListener('click', function (e) {
    var t = e.target.closest('[data-person], [data-edge]');
    if (!t || t.id === 'edge-title') { return; }
    e.preventDefault();
    if (t.hasAttribute('data-person')) { selectPerson(+t.getAttribute('data-person')); } else { selectEdge(+t.getAttribute('data-edge').slice(1)); }
  });

  // ---- Search by name or alias.
  var names = [];
  for (var s = 0; s < nPeople; s++) {
    names.push(P.label[s].toLowerCase() + '\u0001' + P.aliases[s].join('\u0001').toLowerCase());
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    var out = [];
    if (!q) { return out; }
    for (var i = 0; i < nPeople && out.length < 500; i++) {
      if (names[i].indexOf(q) !== -1) { out.push(i); }
    }
    out.sort(function (a, b) { return P.degree[b] - P.degree[a] || a - b; });
    return out.slice(0, 30);
  }
  $('search').addEventListener('input', function () {
    var found = search(this.value);
    var ul = $('search-results');
    ul.replaceChildren.apply(ul, found.map(function (i) {
      return el('li', { 'data-person': String(i) }, [el('span', { cls: 'swatch', style: 'background:' + color(i) }), el('bdi', { text: P.label[i] }),
        el('span', { cls: 'meta', text: ' · ' + P.degree[i] + ' edges' + (P.aliases[i].length ? ' · ' + P.aliases[i].join('; ') : '') })]);
    }));
  });
  $('search').addEventListener('keydown', function (e) {
    var first = $('search-results').firstElementChild;
    if (e.key === 'Enter' && first) { selectPerson(+first.getAttribute('data-person')); }
  });
  $('search-results').addEventListener('click', function (e) {
    var li = e.target.closest('li');
    if (li) { selectPerson(+li.getAttribute('data-person')); }
  });

  // ---- Filter controls.
  function applyFilters() {
    Object.keys(filter.kinds).forEach(function (kind) { filter.kinds[kind] = $('kind-' + kind).checked; });
    filter.from = $('date-from').value.trim();
    filter.to = $('date-to').value.trim();
    filter.min = +$('min-confidence').value;
    $('min-confidence-value').textContent = filter.min.toFixed(2);
    var shown = 0;
    for (var i = 0; i < nEdges; i++) { if (edgeShown(i)) { shown++; } }
    $('edges-shown').textContent = shown + ' of ' + nEdges + ' edges shown';
    root.setAttribute('data-edges-shown', String(shown));
    if (selected.node !== null) { selectPerson(+selected.node); } else { refresh(); }
    edgeTable.update();
  }
  ['kind-MET', 'kind-CONTACT', 'kind-PLANNED', 'date-from', 'date-to', 'min-confidence'].forEach(function (id) {
    $(id).addEventListener(id.indexOf('kind') === 0 ? 'change' : 'input', applyFilters);
  });

  // ---- Sortable tables, a page at a time.
  function Table(name, rows, columns, keep, onClick) {
    var self = this;
    var body = document.querySelector('#' + name + ' tbody');
    var input = $(name + '-filter'), count = $(name + '-filter-count'), more = $(name + '-more');
    var order = rows.slice(), limit = 100, sortBy = -1, dir = 1;
    var text = null;
    function rowText(i) {
      if (text === null) { text = rows.map(function (r) { return columns.map(function (c) { return String(c.value(r)); }).join(' ').toLowerCase(); }); }
      return text[i];
    }
    this.update = function () {
      var q = input.value.trim().toLowerCase();
      var shown = order.filter(function (r) { return keep(r) && (q === '' || rowText(r).indexOf(q) !== -1); });
      body.replaceChildren.apply(body, shown.slice(0, limit).map(function (r) {
        var tr = el('tr', { 'data-row': String(r) });
        columns.forEach(function (c) { tr.appendChild(el('td', { cls: c.cls, dir: c.num ? 'ltr' : 'auto', text: String(c.value(r)) })); });
        return tr;
      }));
      count.textContent = shown.length + ' of ' + rows.length + ' match' + (shown.length > limit ? ', first ' + limit + ' shown' : '');
      more.hidden = shown.length <= limit;
      root.setAttribute('data-' + name + '-rows', String(shown.length));
    };
    document.querySelectorAll('#' + name + ' th').forEach(function (th, k) {
      th.addEventListener('click', function () {
        dir = sortBy === k ? -dir : (columns[k].num ? -1 : 1);
        sortBy = k;
        var key = columns[k].value;
        order.sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * dir || a - b;
        });
        document.querySelectorAll('#' + name + ' th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        self.update();
      });
    });
    input.addEventListener('input', function () { limit = 100; self.update(); });
    more.addEventListener('click', function () { limit += 500; self.update(); });
    body.addEventListener('click', function (e) {
      var tr = e.target.closest('tr');
      if (tr) { onClick(+tr.getAttribute('data-row')); window.scrollTo(0, 0); }
    });
    this.update();
  }
  function range(n) { var r = new Array(n); for (var i = 0; i < n; i++) { r[i] = i; } return r; }
  var peopleTable = new Table('people', range(nPeople), [
    { cls: 'label', value: function (i) { return P.label[i]; } },
    { cls: 'aliases', value: function (i) { return P.aliases[i].join('; '); } },
    { cls: 'roles', value: function (i) { return P.roles[i].join('; '); } },
    { cls: 'mentions num', num: true, value: function (i) { return P.mentions[i]; } },
    { cls: 'documents num', num: true, value: function (i) { return P.documents[i].length; } },
    { cls: 'degree num', num: true, value: function (i) { return P.degree[i]; } },
    { cls: 'strength num', num: true, value: function (i) { return P.strength[i]; } },
    { cls: 'community num', num: true, value: function (i) { return P.community[i] + 1; } }
  ], function () { return true; }, selectPerson);
  var edgeTable = new Table('edges', range(nEdges), [
    { cls: 'source', value: function (i) { return P.label[E.source[i]]; } },
    { cls: 'type', value: function (i) { return E.kind[i]; } },
    { cls: 'target', value: function (i) { return P.label[E.target[i]]; } },
    { cls: 'confidence num', num: true, value: function (i) { return E.confidence[i]; } },
    { cls: 'dates', value: function (i) { return dates(i); } },
    { cls: 'places', value: function (i) { return E.places[i].join('; '); } },
    { cls: 'evidence num', num: true, value: function (i) { return E.evidence[i]; } }
  ], edgeShown, selectEdge);
  void peopleTable;

  clearSelection();
  applyFilters();
  mark('tables');
  root.setAttribute('data-timing', timing.join(', '));
  root.setAttribute('data-ready', 'yes');
  // Since the navigation started (loading and parsing the page included).
  root.setAttribute('data-ready-ms', String(Math.round(performance.now())));

  // ---- Self-test: search, a type filter, a click on an edge.
  if (location.hash === '#selftest') {
    var results = [], ok = true;
    function expect(name, cond, detail) {
      results.push((cond ? 'PASS ' : 'FAIL ') + name + (detail ? ': ' + detail : ''));
      ok = ok && !!cond;
    }
    try {
      var hub = range(nPeople).sort(function (a, b) { return P.degree[b] - P.degree[a] || a - b; })[0];
      var box = $('search');
      var query = (P.aliases[hub][0] || P.label[hub]);
      box.value = query.toUpperCase();
      box.dispatchEvent(new Event('input'));
      var hits = Array.prototype.map.call($('search-results').children, function (li) { return +li.getAttribute('data-person'); });
      expect('search finds a person by name or alias', hits.indexOf(hub) !== -1, JSON.stringify(query) + ' -> ' + hits.length + ' results');
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      var listed = $('person-edges') ? $('person-edges').children.length : -1;
      expect('selecting the person lists their edges', listed === incident[hub].length, listed + ' listed, ' + incident[hub].length + ' edges');

      var kinds = {};
      E.kind.forEach(function (k2) { kinds[k2] = (kinds[k2] || 0) + 1; });
      var kind = Object.keys(kinds).sort(function (a, b) { return kinds[b] - kinds[a]; })[0] || 'MET';
      var before = +root.getAttribute('data-edges-shown');
      $('kind-' + kind).checked = false;
      $('kind-' + kind).dispatchEvent(new Event('change'));
      var after = +root.getAttribute('data-edges-shown');
      var drawnHidden = 0;
      if (renderer) {
        renderer.refresh();
        graph.forEachEdge(function (key) {
          var i2 = +key.slice(1);
          if (E.kind[i2] === kind && renderer.getEdgeDisplayData(key).hidden) { drawnHidden++; }
        });
      }
      var rows = +root.getAttribute('data-edges-rows');
      expect('unticking ' + kind + ' hides its edges', after === before - (kinds[kind] || 0) && rows === after && (!renderer || drawnHidden === (kinds[kind] || 0)),
        before + ' -> ' + after + ' shown, ' + rows + ' table rows, ' + drawnHidden + ' hidden in the view');
      $('kind-' + kind).checked = true;
      $('kind-' + kind).dispatchEvent(new Event('change'));

      // The first edge whose evidence names its people (else the first with evidence).
      var edge = -1, withMarks = -1;
      for (var q2 = 0; q2 < nEdges && withMarks < 0; q2++) {
        if (E.evidence[q2] > 0) {
          if (edge < 0) { edge = q2; }
          if (evidenceOf(q2).some(function (x) { return x[5].indexOf('<mark>') !== -1; })) { withMarks = q2; }
        }
      }
      if (withMarks >= 0) { edge = withMarks; }
      if (edge >= 0) {
        if (renderer) {
          // A click in the middle of the edge, where the page picks edges.
          var pa = renderer.graphToViewport(graph.getNodeAttributes(String(E.source[edge])));
          var pb = renderer.graphToViewport(graph.getNodeAttributes(String(E.target[edge])));
          var picked = edgeAt((pa.x + pb.x) / 2, (pa.y + pb.y) / 2);
          expect('a click on the middle of an edge picks an edge between the same people',
            picked >= 0 && E.source[picked] === E.source[edge] && E.target[picked] === E.target[edge], 'e' + edge + ' -> e' + picked);
          edge = picked >= 0 ? picked : edge;
          renderer.emit('clickStage', { event: { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 } });
        } else {
          selectEdge(edge);
        }
        var items = document.querySelectorAll('#edge-evidence > li');
        var marks = document.querySelectorAll('#edge-evidence mark');
        var title = $('edge-title');
        expect('clicking an edge shows its evidence', items.length === E.evidence[edge] && title && title.getAttribute('data-edge') === 'e' + edge,
          'e' + edge + ': ' + items.length + ' sentences of ' + E.evidence[edge] + ', ' + marks.length + ' names marked');
        var want = evidenceOf(edge).reduce(function (n, x) { return n + x[5].split('<mark>').length - 1; }, 0);
        expect('the evidence marks the names', marks.length === want && (withMarks < 0 || want > 0), marks.length + ' marks of ' + want);
      } else {
        expect('clicking an edge shows its evidence', nEdges === 0, 'no edge has evidence');
      }
    } catch (err) {
      expect('self-test ran', false, String(err && err.stack || err));
    }
    $('selftest').textContent = results.join('\n');
    $('selftest').hidden = false;
    root.setAttribute('data-selftest', ok ? 'pass' : 'fail');
  }
})();
