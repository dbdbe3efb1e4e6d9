/* ficlens report, part 1: the character network (a small force-directed layout on
 * SVG) and the chapter chart (stacked SVG bars). report.js calls
 * window.ficlensCharts(page) with the data and its DOM helpers; all text reaches
 * the page as SVG text nodes. */
(function () {
  'use strict';

  window.ficlensCharts = function (page) {
    var data = page.data, characters = page.data.characters;
    var s = page.s, h = page.h, byId = page.byId;
    var colourOf = page.colourOf, nameOf = page.nameOf, chapterLabel = page.chapterLabel;
    var LABELLED = 12;
    var focused = -1;

    /* ---- Network --------------------------------------------------------- */

    function layOut(nodes, links, width, height) {
      /* Fruchterman-Reingold: nodes repel, ties pull, a weak pull to the centre keeps
       * loosely tied characters in view; positions stay inside the frame. */
      var count = nodes.length, margin = 40;
      var k = Math.sqrt((width - 2 * margin) * (height - 2 * margin) / Math.max(count, 1)) * 1.0;
      nodes.forEach(function (node, i) {
        var angle = 2 * Math.PI * i / Math.max(count, 1);
        node.x = width / 2 + width / 4 * Math.cos(angle);
        node.y = height / 2 + height / 4 * Math.sin(angle);
      });
      var heat = width / 8;
      for (var step = 0; step < 400; step++) {
        nodes.forEach(function (node) { node.dx = 0; node.dy = 0; });
        for (var i = 0; i < count; i++) {
          for (var j = i + 1; j < count; j++) {
            var a = nodes[i], b = nodes[j];
            var dx = a.x - b.x, dy = a.y - b.y;
            var squared = Math.max(dx * dx + dy * dy, 0.01);
            var push = k * k / squared;
            a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
          }
        }
        links.forEach(function (link) {
          var dx = link.a.x - link.b.x, dy = link.a.y - link.b.y;
          var pull = Math.sqrt(dx * dx + dy * dy) / k * (0.15 + 0.85 * link.strength);
          link.a.dx -= dx * pull; link.a.dy -= dy * pull;
          link.b.dx += dx * pull; link.b.dy += dy * pull;
        });
        nodes.forEach(function (node) {
          node.dx -= (node.x - width / 2) * 0.03;
          node.dy -= (node.y - height / 2) * 0.03;
          var length = Math.max(Math.sqrt(node.dx * node.dx + node.dy * node.dy), 0.01);
          var move = Math.min(length, heat);
          node.x = clamp(node.x + node.dx / length * move, margin, width - margin);
          node.y = clamp(node.y + node.dy / length * move, margin, height - margin);
        });
        heat = Math.max(heat * 0.985, 0.5);
      }
      spread(nodes, width, height, margin);
    }

    function spread(nodes, width, height, margin) {
      /* Small casts settle in the middle: stretch them to use the frame. */
      var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
      var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
      var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
      var labelRoom = 22;
      var scale = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1),
        (height - 2 * margin - labelRoom) / Math.max(maxY - minY, 1), 1.8);
      if (scale <= 1 || nodes.length < 2) { return; }
      nodes.forEach(function (node) {
        node.x = width / 2 + (node.x - (minX + maxX) / 2) * scale;
        node.y = (height - labelRoom) / 2 + (node.y - (minY + maxY) / 2) * scale;
      });
    }

    function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }

    function edgePath(edge) {
      var a = edge.a, b = edge.b;
      var dx = b.x - a.x, dy = b.y - a.y;
      var length = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
      if (edge.kind !== 'speaks_to') {
        return 'M' + a.x + ' ' + a.y + 'L' + b.x + ' ' + b.y;
      }
      var bend = 0.18 * length;
      var cx = (a.x + b.x) / 2 - dy / length * bend, cy = (a.y + b.y) / 2 + dx / length * bend;
      var tx = b.x - cx, ty = b.y - cy, tl = Math.max(Math.sqrt(tx * tx + ty * ty), 0.01);
      var ex = b.x - tx / tl * (b.r + 3), ey = b.y - ty / tl * (b.r + 3);
      return 'M' + a.x + ' ' + a.y + 'Q' + cx + ' ' + cy + ' ' + ex + ' ' + ey;
    }

    function networkModel() {
      var maxShare = Math.max.apply(null, [0.0001].concat(characters.map(function (c) { return c.share; })));
      var ranked = data.network.nodes.slice().sort(function (x, y) {
        return characters[y].lines - characters[x].lines || characters[y].mentions - characters[x].mentions;
      });
      var nodes = data.network.nodes.map(function (index) {
        var character = characters[index];
        return { index: index, r: 6 + 20 * Math.sqrt(character.share / maxShare),
          labelled: ranked.indexOf(index) < LABELLED };
      });
      var nodeOf = {};
      nodes.forEach(function (node) { nodeOf[node.index] = node; });
      var heaviest = { speaks_to: 0, co_occurs: 0 };
      data.network.edges.forEach(function (edge) {
        heaviest[edge.kind] = Math.max(heaviest[edge.kind] || 0, edge.weight);
      });
      var edges = data.network.edges.filter(function (edge) {
        return nodeOf[edge.source] && nodeOf[edge.target] && heaviest[edge.kind] > 0;
      }).map(function (edge) {
        return { a: nodeOf[edge.source], b: nodeOf[edge.target], kind: edge.kind,
          weight: edge.weight, strength: Math.sqrt(edge.weight / heaviest[edge.kind]) };
      });
      return { nodes: nodes, edges: edges };
    }

    function arrowMarker(defs, index) {
      var marker = s('marker', { id: 'arrow-' + index, viewBox: '0 0 10 10', refX: 8, refY: 5,
        markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' });
      marker.appendChild(s('path', { d: 'M0 0L10 5L0 10z', fill: colourOf(index) }));
      defs.appendChild(marker);
    }

    function renderNetwork() {
      var svg = byId('network-svg');
      var width = 640, height = 480;
      var model = networkModel();
      if (!model.nodes.length) {
        svg.appendChild(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' },
          'No characters found.'));
        return;
      }
      layOut(model.nodes, model.edges, width, height);
      var defs = s('defs');
      svg.appendChild(defs);
      var edgeLayer = s('g'), nodeLayer = s('g');
      svg.appendChild(edgeLayer);
      svg.appendChild(nodeLayer);
      var markers = {};
      model.edges.sort(function (x, y) { return x.kind < y.kind ? -1 : (x.kind > y.kind ? 1 : 0); });
      model.edges.forEach(function (edge) {
        var speaks = edge.kind === 'speaks_to';
        if (speaks && !markers[edge.a.index]) { markers[edge.a.index] = true; arrowMarker(defs, edge.a.index); }
        edge.el = s('path', { class: 'edge ' + (speaks ? 'speaks' : 'co'),
          'stroke-width': (1 + (speaks ? 6 : 5) * edge.strength).toFixed(2) });
        if (speaks) {
          edge.el.setAttribute('stroke', colourOf(edge.a.index));
          edge.el.setAttribute('stroke-opacity', '0.75');
          edge.el.setAttribute('marker-end', 'url(#arrow-' + edge.a.index + ')');
        }
        edge.el.appendChild(s('title', {}, nameOf(edge.a.index) + (speaks ? ' speaks to ' : ' and ') +
          nameOf(edge.b.index) + (speaks ? ': ' + edge.weight + ' lines' : ': together ' + edge.weight + ' times')));
        edgeLayer.appendChild(edge.el);
      });
      model.nodes.forEach(function (node) {
        var character = characters[node.index];
        node.el = s('g', { class: node.labelled ? 'node' : 'node minor', 'data-character': character.id });
        node.el.appendChild(s('circle', { r: node.r.toFixed(1), fill: colourOf(node.index) }));
        node.el.appendChild(s('text', { 'text-anchor': 'middle', dy: (node.r + 13).toFixed(1) }, character.name));
        node.el.appendChild(s('title', {}, character.name + ': ' + character.lines + ' lines, ' +
          character.mentions + ' mentions'));
        nodeLayer.appendChild(node.el);
        enableDrag(svg, node, model);
      });
      placeNetwork(model);
      byId('show-speaks').addEventListener('change', function () { toggleKind(model, 'speaks'); });
      byId('show-cooccurs').addEventListener('change', function () { toggleKind(model, 'co'); });
    }

    function toggleKind(model, kind) {
      var shown = byId(kind === 'speaks' ? 'show-speaks' : 'show-cooccurs').checked;
      model.edges.forEach(function (edge) {
        if ((edge.kind === 'speaks_to') === (kind === 'speaks')) {
          edge.el.style.setProperty('display', shown ? 'inline' : 'none');
        }
      });
    }

    function placeNetwork(model) {
      model.nodes.forEach(function (node) {
        node.el.setAttribute('transform', 'translate(' + node.x.toFixed(1) + ' ' + node.y.toFixed(1) + ')');
      });
      model.edges.forEach(function (edge) { edge.el.setAttribute('d', edgePath(edge)); });
    }

    function focusNode(svg, model, node) {
      focused = focused === node.index ? -1 : node.index;
      svg.classList.toggle('focused', focused !== -1);
      model.nodes.forEach(function (other) { other.el.classList.remove('lit'); });
      model.edges.forEach(function (edge) {
        var lit = edge.a === node || edge.b === node;
        edge.el.classList.toggle('lit', lit && focused !== -1);
        if (lit && focused !== -1) { edge.a.el.classList.add('lit'); edge.b.el.classList.add('lit'); }
      });
      node.el.classList.toggle('lit', focused !== -1);
    }

    function enableDrag(svg, node, model) {
      var start = null;
      function point(event) {
        var matrix = svg.getScreenCTM();
        var p = svg.createSVGPoint();
        p.x = event.clientX; p.y = event.clientY;
        return matrix ? p.matrixTransform(matrix.inverse()) : p;
      }
      node.el.addEventListener('pointerdown', function (event) {
        start = { x: event.clientX, y: event.clientY, moved: false };
        node.el.setPointerCapture(event.pointerId);
      });
      node.el.addEventListener('pointermove', function (event) {
        if (!start) { return; }
        if (Math.abs(event.clientX - start.x) + Math.abs(event.clientY - start.y) > 3) { start.moved = true; }
        if (start.moved) {
          var p = point(event);
          node.x = p.x; node.y = p.y;
          placeNetwork(model);
        }
      });
      node.el.addEventListener('pointerup', function () {
        if (start && !start.moved) { focusNode(svg, model, node); }
        start = null;
      });
    }

    /* ---- Chapter chart --------------------------------------------------- */

    function chartSeries() {
      var series = data.chapterLines.speakers.map(function (index) {
        return { key: String(index), label: nameOf(index), colour: colourOf(index) };
      });
      series.push({ key: 'other', label: 'Other characters', colour: '#b8bec9' });
      series.push({ key: 'none', label: 'No speaker found', colour: '#e1e3e8' });
      return series;
    }

    function renderChart() {
      var svg = byId('chapter-chart');
      var rows = data.chapterLines.rows;
      var width = 640, height = 320, left = 40, bottom = 30, top = 12, right = 8;
      var totals = rows.map(function (row) {
        return Object.keys(row).reduce(function (sum, key) { return sum + row[key]; }, 0);
      });
      var most = Math.max.apply(null, [0].concat(totals));
      if (!most) {
        svg.appendChild(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' },
          'No dialogue found.'));
        return;
      }
      var series = chartSeries();
      var plotHeight = height - top - bottom, slot = (width - left - right) / rows.length;
      var ticks = niceTicks(most);
      ticks.forEach(function (tick) {
        var y = top + plotHeight - tick / ticks[ticks.length - 1] * plotHeight;
        svg.appendChild(s('line', { x1: left, x2: width - right, y1: y, y2: y, stroke: '#e6e8ee' }));
        svg.appendChild(s('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, tick));
      });
      var scale = plotHeight / ticks[ticks.length - 1];
      var every = Math.ceil(rows.length / 20);
      rows.forEach(function (row, chapter) {
        var barWidth = Math.min(slot * 0.76, 72);
        var x = left + (chapter + 0.5) * slot - barWidth / 2, y = top + plotHeight;
        series.forEach(function (one) {
          var count = row[one.key] || 0;
          if (!count) { return; }
          var rect = s('rect', { class: 'seg', x: x.toFixed(1), width: barWidth.toFixed(1),
            y: (y - count * scale).toFixed(1), height: (count * scale).toFixed(1), fill: one.colour });
          rect.appendChild(s('title', {}, chapterLabel(chapter) + ' · ' + one.label + ': ' + count +
            (count === 1 ? ' line' : ' lines')));
          rect.addEventListener('click', function () { page.goTo('#chapter-' + (chapter + 1)); });
          svg.appendChild(rect);
          y -= count * scale;
        });
        if (chapter % every === 0) {
          svg.appendChild(s('text', { x: (left + (chapter + 0.5) * slot).toFixed(1), y: height - 10,
            'text-anchor': 'middle' }, chapter + 1));
        }
      });
      var legend = byId('chart-legend');
      series.forEach(function (one) {
        var item = h('li');
        var swatch = h('span', 'swatch');
        swatch.style.setProperty('--c', one.colour);
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(one.label));
        legend.appendChild(item);
      });
    }

    function niceTicks(most) {
      var step = Math.pow(10, Math.floor(Math.log10(most)));
      if (most / step < 2) { step /= 5; } else if (most / step < 5) { step /= 2; }
      step = Math.max(1, Math.round(step));
      var ticks = [];
      for (var value = 0; value < most + step; value += step) { ticks.push(value); }
      return ticks;
    }

    renderNetwork();
    renderChart();
  };
}());
