/*
 * Webex QoE Dashboard: the route graph (ThousandEyes path visualisation, one route at a time),
 * the 24 h trend chart and the 7-day health chart. Loaded from the bucket with d3; every outside
 * text (IP, network, location, names) is inserted with .text(), never as HTML.
 */
(function () {
  'use strict';

  /** A hop at or above this response time is drawn as slow (the original's rule). */
  var SLOW_MS = 8;
  var NODE_GAP = 190;
  var ROW_HEIGHT = 122;
  var LABEL_CHARS = 28;

  var graph = document.getElementById('graph');
  var routeButtons = document.getElementById('route-buttons');
  var graphMessage = document.getElementById('graph-message');
  var testButtons = Array.prototype.slice.call(document.querySelectorAll('#test-buttons button'));
  var routes = [];

  function press(buttons, active) {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', b === active ? 'true' : 'false'); });
  }

  function kindOf(node, index, count) {
    if (index === 0) { return 'home'; }
    if (index === count - 1) { return 'server'; }
    if (node.nc !== 'active') { return 'inactive'; }
    return (typeof node.rt === 'number' && node.rt >= SLOW_MS) ? 'slow' : 'active';
  }

  function show(value, fallback) {
    return value === null || value === undefined || value === '' ? fallback : String(value);
  }

  /** Long names are cut to fit under the node; the full text stays in the node's tooltip. */
  function cut(text) {
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1) + '\u2026' : text;
  }

  function loadTest(button) {
    press(testButtons, button);
    graph.dataset.test = button.dataset.test;
    fetch(button.dataset.file, { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (data) {
        routes = Array.isArray(data) ? data.filter(function (r) { return r && Array.isArray(r.nodes); }) : [];
        buildRouteButtons();
        drawRoute(0);
      })
      .catch(function () {
        routes = [];
        buildRouteButtons();
        drawRoute(0);
      });
  }

  function buildRouteButtons() {
    d3.select(routeButtons).selectAll('button').remove();
    routes.forEach(function (route, index) {
      d3.select(routeButtons).append('button')
        .attr('type', 'button')
        .attr('id', 'route-' + index)
        .text('Route-' + index)
        .on('click', function () { drawRoute(index); });
    });
  }

  function drawRoute(index) {
    var svgRoot = d3.select(graph);
    svgRoot.selectAll('svg').remove();
    press(Array.prototype.slice.call(routeButtons.querySelectorAll('button')), routeButtons.querySelectorAll('button')[index]);
    var route = routes[index];
    if (!route || route.nodes.length === 0) {
      graphMessage.hidden = false;
      graph.dataset.route = '';
      graph.dataset.nodes = '0';
      return;
    }
    graphMessage.hidden = true;
    var nodes = route.nodes;
    var width = Math.max(graph.clientWidth, 360);
    var perRow = Math.max(2, Math.floor((width - 40) / NODE_GAP));
    var rows = Math.ceil(nodes.length / perRow);
    var height = rows * ROW_HEIGHT + 20;
    var position = function (i) {
      var row = Math.floor(i / perRow);
      var col = i % perRow;
      if (row % 2 === 1) { col = perRow - 1 - col; }
      return { x: 90 + col * ((width - 180) / Math.max(1, perRow - 1)), y: 40 + row * ROW_HEIGHT };
    };
    var byId = {};
    nodes.forEach(function (node, i) { byId[node.id] = position(i); });

    var svg = svgRoot.append('svg')
      .attr('viewBox', '0 0 ' + width + ' ' + height)
      .attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Route ' + index + ', ' + nodes.length + ' hops');
    svg.append('g').attr('class', 'links').selectAll('line')
      .data(Array.isArray(route.links) ? route.links : [])
      .enter().append('line')
      .attr('class', 'link')
      .attr('x1', function (l) { return (byId[l.source] || { x: 0 }).x; })
      .attr('y1', function (l) { return (byId[l.source] || { y: 0 }).y; })
      .attr('x2', function (l) { return (byId[l.target] || { x: 0 }).x; })
      .attr('y2', function (l) { return (byId[l.target] || { y: 0 }).y; });

    var hop = svg.append('g').attr('class', 'hops').selectAll('g.hop')
      .data(nodes).enter().append('g')
      .attr('class', function (d, i) { return 'hop ' + kindOf(d, i, nodes.length); })
      .attr('data-kind', function (d, i) { return kindOf(d, i, nodes.length); })
      .attr('transform', function (d, i) { var p = position(i); return 'translate(' + p.x + ',' + p.y + ')'; });

    hop.each(function (d, i) {
      var g = d3.select(this);
      var kind = kindOf(d, i, nodes.length);
      if (kind === 'home') {
        g.append('path').attr('class', 'shape').attr('d', 'M-16,2 L0,-14 L16,2 L11,2 L11,15 L-11,15 L-11,2 Z');
      } else if (kind === 'server') {
        g.append('rect').attr('class', 'shape').attr('x', -14).attr('y', -14).attr('width', 28).attr('height', 28).attr('rx', 3);
      } else if (kind === 'slow') {
        g.append('path').attr('class', 'shape').attr('d', 'M0,-16 L16,0 L0,16 L-16,0 Z');
      } else {
        g.append('circle').attr('class', 'shape').attr('r', 13);
      }
      g.append('title').text([show(d.name, 'hop'), kind, show(d.ip, '*'), show(d.nw, ''), show(d.lc, ''),
        d.rt === null || d.rt === undefined ? '' : 'RT ' + d.rt + ' ms'].join(' \u00b7 '));
      var label = g.append('text').attr('class', 'label').attr('y', 30);
      label.append('tspan').attr('x', 0).attr('class', 'hop-name')
        .text(show(d.name, 'hop' + (i + 1)) + (kind === 'slow' ? ' (slow)' : kind === 'inactive' ? ' (*)' : ''));
      label.append('tspan').attr('x', 0).attr('dy', '1.15em').text(show(d.ip, '*'));
      label.append('tspan').attr('x', 0).attr('dy', '1.15em').attr('class', 'muted').text(cut(show(d.nw, '')));
      label.append('tspan').attr('x', 0).attr('dy', '1.15em').attr('class', 'muted').text(cut(show(d.lc, '')));
      if (d.rt !== null && d.rt !== undefined) {
        label.append('tspan').attr('x', 0).attr('dy', '1.15em').attr('class', kind === 'slow' ? 'rt slow' : 'rt')
          .text('RT ' + d.rt + ' ms');
      }
    });
    graph.dataset.route = String(index);
    graph.dataset.nodes = String(nodes.length);
  }

  var SERIES = [
    { key: 'latency', title: 'Latency', unit: 'ms' },
    { key: 'loss', title: 'Loss', unit: '%' },
    { key: 'jitter', title: 'Jitter', unit: 'ms' },
    { key: 'responseTime', title: 'Response time', unit: 'ms' }
  ];

  function drawTrend() {
    var trend = document.getElementById('trend');
    if (!trend || trend.dataset.points === '0') { return; }
    fetch(trend.dataset.src, { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (data) { chart(trend, Array.isArray(data.points) ? data.points : []); })
      .catch(function () { trend.dataset.drawn = 'failed'; });
  }

  function chart(container, points) {
    var width = Math.max(container.clientWidth, 360);
    var cellWidth = width / 2;
    var cellHeight = 170;
    var margin = { top: 26, right: 16, bottom: 26, left: 48 };
    var svg = d3.select(container).append('svg')
      .attr('id', 'trend-svg')
      .attr('viewBox', '0 0 ' + width + ' ' + cellHeight * 2)
      .attr('width', width).attr('height', cellHeight * 2)
      .attr('role', 'img').attr('aria-label', 'Latency, loss, jitter and response time over 24 hours');
    var x = d3.scaleTime()
      .domain(d3.extent(points, function (p) { return new Date(p.t); }))
      .range([margin.left, cellWidth - margin.right]);
    SERIES.forEach(function (series, i) {
      var g = svg.append('g').attr('class', 'series ' + series.key)
        .attr('transform', 'translate(' + (i % 2) * cellWidth + ',' + Math.floor(i / 2) * cellHeight + ')');
      var values = points.filter(function (p) { return typeof p[series.key] === 'number'; });
      var max = d3.max(values, function (p) { return p[series.key]; }) || 1;
      var y = d3.scaleLinear().domain([0, max * 1.1]).nice().range([cellHeight - margin.bottom, margin.top]);
      var last = values.length ? values[values.length - 1] : null;
      g.append('text').attr('class', 'chart-title').attr('x', margin.left).attr('y', 16)
        .text(series.title + ' (' + series.unit + ')' + (last ? ' — latest ' + last[series.key] + ' ' + series.unit : ' — no data'));
      g.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (cellHeight - margin.bottom) + ')')
        .call(d3.axisBottom(x).ticks(5).tickFormat(function (date) {
          var point = points.reduce(function (best, p) {
            return Math.abs(p.t - date.getTime()) < Math.abs(best.t - date.getTime()) ? p : best;
          }, points[0]);
          return point ? point.label.slice(11) : '';
        }));
      g.append('g').attr('class', 'axis').attr('transform', 'translate(' + margin.left + ',0)').call(d3.axisLeft(y).ticks(4));
      g.append('path').datum(values).attr('class', 'line')
        .attr('d', d3.line()
          .x(function (p) { return x(new Date(p.t)); })
          .y(function (p) { return y(p[series.key]); }));
      g.selectAll('circle.point').data(values.length ? [values[values.length - 1]] : []).enter().append('circle')
        .attr('class', 'point').attr('r', 3.5)
        .attr('cx', function (p) { return x(new Date(p.t)); })
        .attr('cy', function (p) { return y(p[series.key]); });
    });
    container.dataset.drawn = 'true';
  }

  /** The rows under the health line: what pulled the score down in each slot (docs/webexdev-core.md). */
  var CAUSES = [
    { key: 'social', title: 'T social', pulled: function (p) { return p.T < 0; } },
    { key: 'path', title: 'N path', pulled: function (p) { return p.N < 0; } },
    { key: 'service', title: 'S service', pulled: function (p) { return p.S < 0; } },
    { key: 'home', title: 'home', pulled: function (p) { return p.home === 'poor'; } }
  ];
  var WHERE = { none: 'none', home: 'home', 'internet-path': 'internet path', 'webex-service': 'Webex service' };
  var HOME = { good: 'good', poor: 'poor', 'no-data': 'no data' };

  function signed(value) {
    return value > 0 ? '+' + value : String(value);
  }

  /** A point's components as one line of text (the tooltip and the read-out below the chart). */
  function describe(p) {
    return p.label + ' \u00b7 Health ' + p.health + ' = 100 + T (' + signed(p.T) + ') + N (' + signed(p.N) + ') + S ('
      + signed(p.S) + ') \u00b7 T ' + signed(p.T) + ' \u00b7 N ' + signed(p.N) + ' \u00b7 S ' + signed(p.S)
      + ' \u00b7 home ' + (HOME[p.home] || p.home) + ' \u00b7 where ' + (WHERE[p.where] || p.where)
      + ' \u00b7 lowest run ' + String(p.runLabel).slice(11);
  }

  function drawHealth() {
    var container = document.getElementById('health-chart');
    if (!container) { return; }
    fetch(container.dataset.src, { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (data) {
        var points = Array.isArray(data.points) ? data.points.filter(function (p) {
          return p && typeof p.t === 'number' && typeof p.health === 'number';
        }) : [];
        healthChart(container, points, typeof data.threshold === 'number' ? data.threshold : 70,
          (typeof data.slotMinutes === 'number' ? data.slotMinutes : 15) * 60000);
      })
      .catch(function () { container.dataset.drawn = 'failed'; });
  }

  function healthChart(container, points, threshold, slotMs) {
    var message = document.getElementById('health-chart-message');
    var readout = document.getElementById('health-readout');
    container.dataset.points = String(points.length);
    if (points.length === 0) {
      if (message) { message.hidden = false; }
      container.dataset.drawn = 'true';
      return;
    }
    var width = Math.max(container.clientWidth, 360);
    var plotHeight = 190;
    var rowHeight = 15;
    var margin = { top: 14, right: 12, bottom: 24, left: 70 };
    var bandsTop = margin.top + plotHeight + 8;
    var height = bandsTop + CAUSES.length * rowHeight + margin.bottom;
    var last = points[points.length - 1].t;
    var first = Math.min(points[0].t, last - 7 * 24 * 3600000);
    var x = d3.scaleLinear().domain([first, last + slotMs]).range([margin.left, width - margin.right]);
    var low = Math.min(0, d3.min(points, function (p) { return p.health; }));
    var high = Math.max(100, d3.max(points, function (p) { return p.health; }));
    var y = d3.scaleLinear().domain([low, high]).nice().range([margin.top + plotHeight, margin.top]);
    var svg = d3.select(container).append('svg')
      .attr('id', 'health-svg')
      .attr('viewBox', '0 0 ' + width + ' ' + height)
      .attr('width', width).attr('height', height)
      .attr('role', 'img').attr('aria-label', 'Health score over 7 days, lowest of each 15 minutes, with what pulled it down');

    // x axis ticks at local midnights, labelled with the page's own (TZ) labels, never the browser's zone
    var midnights = points.filter(function (p) { return String(p.label).slice(11) === '00:00'; });
    var ticks = midnights.length ? midnights : [points[0], points[Math.floor(points.length / 2)], points[points.length - 1]];
    svg.append('g').attr('class', 'axis')
      .attr('transform', 'translate(0,' + (height - margin.bottom) + ')')
      .call(d3.axisBottom(x).tickValues(ticks.map(function (p) { return p.t; }))
        .tickFormat(function (t) {
          var point = ticks.filter(function (p) { return p.t === t; })[0];
          return point ? String(point.label).slice(5, midnights.length ? 10 : 16) : '';
        }));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + margin.left + ',0)').call(d3.axisLeft(y).ticks(5));

    var band = svg.append('g').attr('class', 'threshold-band');
    band.append('line').attr('class', 'threshold')
      .attr('x1', margin.left).attr('x2', width - margin.right)
      .attr('y1', y(threshold)).attr('y2', y(threshold))
      .append('title').text('Verdict threshold ' + threshold + ': below it "Webex may not be working properly"');
    band.append('text').attr('class', 'threshold-label').attr('x', width - margin.right - 4).attr('y', y(threshold) - 4)
      .text('threshold ' + threshold);

    // the line breaks where slots have no run (the function did not run, or history was off)
    var withGaps = [];
    points.forEach(function (p, i) {
      if (i > 0 && p.t - points[i - 1].t > slotMs) { withGaps.push(null); }
      withGaps.push(p);
    });
    svg.append('path').datum(withGaps).attr('class', 'health-line')
      .attr('d', d3.line().defined(function (p) { return p !== null; })
        .x(function (p) { return x(p.t + slotMs / 2); })
        .y(function (p) { return y(p.health); }));

    function show(p) {
      if (readout) { readout.textContent = describe(p); }
    }
    svg.append('g').attr('class', 'health-points').selectAll('circle')
      .data(points).enter().append('circle')
      .attr('class', function (p) { return 'health-point' + (p.health < threshold ? ' below' : ''); })
      .attr('r', points.length > 200 ? 2 : 3.5)
      .attr('cx', function (p) { return x(p.t + slotMs / 2); })
      .attr('cy', function (p) { return y(p.health); })
      .on('mouseenter', function (event, p) { show(p); })
      .on('click', function (event, p) { show(p); })
      .append('title').text(describe);

    var slotWidth = Math.max(1.5, x(first + slotMs) - x(first));
    CAUSES.forEach(function (cause, row) {
      var top = bandsTop + row * rowHeight;
      var g = svg.append('g').attr('class', 'cause ' + cause.key);
      g.append('text').attr('class', 'cause-label').attr('x', margin.left - 6).attr('y', top + rowHeight - 4).text(cause.title);
      g.append('rect').attr('class', 'cause-track').attr('x', margin.left).attr('y', top + 2)
        .attr('width', width - margin.left - margin.right).attr('height', rowHeight - 4);
      g.selectAll('rect.pulled').data(points.filter(cause.pulled)).enter().append('rect')
        .attr('class', 'pulled')
        .attr('x', function (p) { return x(p.t); })
        .attr('y', top + 2).attr('width', slotWidth).attr('height', rowHeight - 4)
        .append('title').text(function (p) { return cause.title + ' pulled the score down: ' + describe(p); });
    });
    show(points.reduce(function (worst, p) { return p.health < worst.health ? p : worst; }, points[0]));
    container.dataset.drawn = 'true';
  }

  testButtons.forEach(function (button) {
    button.addEventListener('click', function () { loadTest(button); });
  });
  if (testButtons.length) { loadTest(testButtons[0]); }
  drawTrend();
  drawHealth();
}());
