/* pohon visual: the layout of what is on screen, done in the browser so that folding, unfolding and the
   text size re-lay out the view (same rules as the first page of a poster: levels top-down, two tidy trees,
   SS>SP>IK above and Tipe>Unit>SK>IKK>Komponen below, the narrower stretched to the wider, crowded levels
   staggered over sub-rows so labels never overlap, sub-rows chosen so the view fits a 16:9 screen best). */
var pohonLayout = (function () {
  "use strict";
  var UPPER = { SS: 1, SP: 1, IK: 1 };
  var MAX_ROWS = [3, 3, 4, 2, 4, 4, 5, 8];  // sub-rows per level at most

  /* nodes: ids in display order; kind, parent (layout tree, visible only), w/h: box sizes; below: id -> ids
     drawn under it (for Tujuan); gap: px between boxes; screen: [w, h]; LEVEL: kind -> row (pohon's
     html.style.LEVEL). Returns {pos: id -> [x, y], box}. */
  function layout(nodes, kind, parent, w, h, below, gap, screen, LEVEL) {
    var kids = {}, x = {}, total = {}, tall = {};
    nodes.forEach(function (n) {
      if (parent[n]) { (kids[parent[n]] = kids[parent[n]] || []).push(n); }
      var l = LEVEL[kind[n]];
      total[l] = (total[l] || 0) + w[n] + gap;
      tall[l] = Math.max(tall[l] || 0, h[n]);
    });
    var rows = chooseRows(total, tall, gap, screen);
    function place(roots) {
      var cursor = 0;
      function visit(n) {
        var own = (w[n] + gap) / (rows[LEVEL[kind[n]]] || 1) - gap, ks = kids[n] || [];
        if (!ks.length) { x[n] = cursor + own / 2; cursor += own + gap; return; }
        var start = cursor;
        ks.forEach(visit);
        var span = cursor - gap - start;
        if (span < own) {
          var shift = (own - span) / 2;
          subtree(n).forEach(function (c) { x[c] += shift; });
          cursor = start + own + gap;
          span = own;
        }
        x[n] = start + span / 2;
      }
      roots.forEach(visit);
    }
    function subtree(n) {
      var out = [], stack = (kids[n] || []).slice();
      while (stack.length) { var c = stack.pop(); out.push(c); stack.push.apply(stack, kids[c] || []); }
      return out;
    }
    var seen = {};
    nodes.forEach(function (n) { seen[n] = true; });
    function drawnBelow(n) { return (below[n] || []).filter(function (c) { return seen[c]; }); }
    // a Tujuan with nothing drawn under it takes its turn in the upper tree, like an SP without IKs
    var alone = nodes.filter(function (n) { return kind[n] === "Tujuan" && !drawnBelow(n).length; });
    var upper = nodes.filter(function (n) { return UPPER[kind[n]]; }).concat(alone);
    var lower = nodes.filter(function (n) { return !UPPER[kind[n]] && kind[n] !== "Tujuan"; });
    place(upper.filter(function (n) { return !parent[n]; }));
    place(lower.filter(function (n) { return !parent[n]; }));
    if (upper.length && lower.length) {  // stretch the narrower tree's centres over the wider one's
      var su = span(upper), sl = span(lower);
      if (su[1] - su[0] >= sl[1] - sl[0]) { stretch(lower, su); } else { stretch(upper, sl); }
    }
    function span(ns) {
      var lo = Infinity, hi = -Infinity;
      ns.forEach(function (n) { lo = Math.min(lo, x[n]); hi = Math.max(hi, x[n]); });
      return [lo, hi];
    }
    function stretch(ns, to) {
      var s = span(ns), f = s[1] - s[0] < 1e-9 ? 0 : (to[1] - to[0]) / (s[1] - s[0]);
      ns.forEach(function (n) { x[n] = f ? to[0] + (x[n] - s[0]) * f : (to[0] + to[1]) / 2; });
    }
    // Tujuan beside the SPs: above the mean of what it has below, moved sideways off any SP box
    var taken = nodes.filter(function (n) { return kind[n] === "SP"; }).map(function (n) {
      return [x[n] - w[n] / 2, x[n] + w[n] / 2]; });
    nodes.forEach(function (n) {
      if (kind[n] !== "Tujuan" || alone.indexOf(n) >= 0) { return; }
      var xs = drawnBelow(n).map(function (c) { return x[c]; });
      var want = xs.reduce(function (a, b) { return a + b; }, 0) / xs.length;
      x[n] = freeSpot(want, w[n], taken, gap);
      taken.push([x[n] - w[n] / 2, x[n] + w[n] / 2]);
    });
    // stagger crowded rows, then stack the levels
    var byLevel = {}, sub = {}, depth = {}, step = {};
    nodes.forEach(function (n) { (byLevel[LEVEL[kind[n]]] = byLevel[LEVEL[kind[n]]] || []).push(n); });
    Object.keys(byLevel).forEach(function (lvl) {
      var members = byLevel[lvl].slice().sort(function (a, b) { return x[a] - x[b] || (a < b ? -1 : 1); });
      var ends = [];
      step[lvl] = Math.max.apply(null, members.map(function (n) { return h[n]; })) + gap;
      members.forEach(function (n) {
        var left = x[n] - w[n] / 2, i = -1, limit = rows[lvl] || 1;
        for (var k = 0; k < ends.length; k++) { if (ends[k] + gap <= left) { i = k; break; } }
        if (i < 0 && ends.length < limit) { ends.push(-Infinity); i = ends.length - 1; }
        if (i < 0) {  // every sub-row is taken here: move right to where the earliest one frees up
          i = 0;
          for (k = 1; k < ends.length; k++) { if (ends[k] < ends[i]) { i = k; } }
          x[n] = ends[i] + gap + w[n] / 2;
        }
        ends[i] = x[n] + w[n] / 2;
        sub[n] = i;
      });
      depth[lvl] = ends.length;
    });
    var levels = Object.keys(byLevel).map(Number).sort(function (a, b) { return a - b; });
    var yOf = {}, y = 0;
    levels.forEach(function (lvl) {
      yOf[lvl] = y;
      y += (depth[lvl] - 1) * step[lvl] + step[lvl] + 2.5 * gap + 40;  // room for the lines between levels
    });
    var pos = {}, box = [Infinity, Infinity, -Infinity, -Infinity];
    nodes.forEach(function (n) {
      var lvl = LEVEL[kind[n]], p = [x[n], yOf[lvl] + sub[n] * step[lvl]];
      pos[n] = p;
      box = [Math.min(box[0], p[0] - w[n] / 2), Math.min(box[1], p[1] - h[n] / 2),
        Math.max(box[2], p[0] + w[n] / 2), Math.max(box[3], p[1] + h[n] / 2)];
    });
    return { pos: pos, box: box };
  }

  function freeSpot(want, w, taken, gap) {
    var cands = [want];
    taken.forEach(function (t) { cands.push(t[1] + gap + w / 2, t[0] - gap - w / 2); });
    var ok = cands.filter(function (c) {
      return taken.every(function (t) { return c + w / 2 + gap / 2 <= t[0] || c - w / 2 - gap / 2 >= t[1]; });
    });
    ok.sort(function (a, b) { return Math.abs(a - want) - Math.abs(b - want) || a - b; });
    return ok[0];
  }

  /* Sub-rows per level: trade width for height so the view fits the screen at the largest scale. */
  function chooseRows(total, tall, gap, screen) {
    var levels = Object.keys(total), best = null, bestScore = 0;
    for (var target = 400; target < 200000; target *= 1.15) {
      var rows = {}, wmax = 0, hsum = 0;
      levels.forEach(function (l) {
        rows[l] = Math.max(1, Math.min(MAX_ROWS[l] || 1, Math.ceil(total[l] / target)));
        wmax = Math.max(wmax, total[l] / rows[l]);
        hsum += rows[l] * (tall[l] + gap) + 2.5 * gap + 40;
      });
      var score = Math.min(screen[0] / wmax, screen[1] / hsum);
      if (score > bestScore + 1e-9) { best = rows; bestScore = score; }
    }
    return best || {};
  }

  return { layout: layout };
}());
