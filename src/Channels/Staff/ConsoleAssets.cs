namespace FrontDesk.Channels.Staff;

/// <summary>The console's stylesheet and script, served from memory (no build step, no CDN).</summary>
internal static class ConsoleAssets
{
    public const string Css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #2f6f5e; --warn: #b44d12; --bad: #a61b1b; --bg: #f7f9fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        header { background: var(--accent); color: #fff; padding: .6rem 1rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
        header a, header button.link { color: #fff; text-decoration: none; font-weight: 500; }
        header .spa { font-weight: 700; margin-right: 1rem; }
        header form { margin-left: auto; }
        main { padding: 1rem; max-width: 1200px; margin: 0 auto; }
        h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        th { font-size: .8rem; text-transform: uppercase; color: var(--muted); }
        form.inline { display: inline; }
        button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .3rem .7rem; cursor: pointer; font: inherit; }
        button.secondary { background: #52606d; }
        button.danger { background: var(--bad); }
        button.link { background: none; padding: 0; }
        textarea, input[type=text], input[type=email], input[type=password], input[type=date] { font: inherit; padding: .3rem; border: 1px solid var(--line); border-radius: 4px; }
        textarea { width: 100%; min-height: 3rem; }
        .chip { display: inline-block; font-size: .75rem; background: #e4ecf2; border-radius: 10px; padding: 0 .5rem; margin: 0 .2rem .2rem 0; }
        .urgent, .high { color: var(--bad); font-weight: 600; }
        .notice { background: #fff8e6; border: 1px solid #f0d58c; padding: .5rem .8rem; border-radius: 4px; }
        .error { background: #fdecea; border: 1px solid #f5b5ae; padding: .5rem .8rem; border-radius: 4px; }
        .turn-client td:first-child { border-left: 4px solid #9fb3c8; }
        .turn-agent td:first-child { border-left: 4px solid var(--accent); }
        .turn-staff td:first-child { border-left: 4px solid var(--warn); }
        .turn-system td:first-child { border-left: 4px solid #c5ccd3; }
        pre { white-space: pre-wrap; word-break: break-word; background: #f0f4f8; padding: .4rem; margin: .2rem 0; font-size: .8rem; }
        .columns { display: flex; gap: .8rem; overflow-x: auto; }
        .column { min-width: 200px; flex: 1; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; }
        .appt { border-left: 4px solid var(--accent); background: #f0f7f4; margin: .3rem 0; padding: .3rem .5rem; font-size: .9rem; }
        .appt.cancelled { border-color: #c5ccd3; background: #f5f5f5; text-decoration: line-through; }
        .tiles { display: flex; gap: .8rem; flex-wrap: wrap; margin-bottom: 1rem; }
        .tile { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .6rem .9rem; min-width: 140px; }
        .tile b { display: block; font-size: 1.4rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; }
        .chart { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; }
        .chart h3 { margin: 0 0 .3rem; font-size: .95rem; }
        .chart svg { width: 100%; height: auto; }
        .legend span { display: inline-block; margin-right: .8rem; font-size: .8rem; }
        .legend i { display: inline-block; width: .7rem; height: .7rem; margin-right: .25rem; vertical-align: middle; }
        .login { max-width: 360px; margin: 3rem auto; background: #fff; padding: 1.5rem; border: 1px solid var(--line); border-radius: 6px; }
        .login label { display: block; margin: .6rem 0 .2rem; }
        .login input { width: 100%; }
        """;

    public const string Js = """
        "use strict";
        // Live escalation queue: refresh the fragment every few seconds while the page is open.
        document.querySelectorAll("[data-poll]").forEach(function (box) {
          var url = box.getAttribute("data-poll");
          setInterval(function () {
            if (box.contains(document.activeElement) && document.activeElement.tagName === "TEXTAREA") { return; }
            fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
              .then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) { if (html !== null && html !== box.innerHTML) { box.innerHTML = html; } })
              .catch(function () { });
          }, 5000);
        });

        // Owner dashboard: small SVG bar charts drawn from the JSON the page carries.
        var SVG = "http://www.w3.org/2000/svg";
        var PALETTE = ["#2f6f5e", "#d08c2c", "#5a7bd6", "#b44d12", "#7b5ea7", "#3e9bb0", "#9b9b3a", "#c25b8a"];
        function el(name, attrs, parent) {
          var node = document.createElementNS(SVG, name);
          Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
          if (parent) { parent.appendChild(node); }
          return node;
        }
        function drawBars(box, labels, series, format) {
          var W = 600, H = 220, left = 52, bottom = 28, top = 10, right = 8;
          var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img" });
          var totals = labels.map(function (_, i) { return series.reduce(function (s, x) { return s + (x.values[i] || 0); }, 0); });
          var max = Math.max.apply(null, totals.concat([0]));
          if (max <= 0) { max = 1; }
          var plotW = W - left - right, plotH = H - top - bottom;
          for (var g = 0; g <= 4; g++) {
            var y = top + plotH - plotH * g / 4;
            el("line", { x1: left, x2: W - right, y1: y, y2: y, stroke: "#e4e7eb" }, svg);
            var t = el("text", { x: left - 4, y: y + 4, "text-anchor": "end", "font-size": "10", fill: "#616e7c" }, svg);
            t.textContent = format(max * g / 4);
          }
          var step = plotW / Math.max(labels.length, 1), barW = Math.max(2, step * 0.7);
          labels.forEach(function (label, i) {
            var x = left + i * step + (step - barW) / 2, base = top + plotH;
            series.forEach(function (s, k) {
              var v = s.values[i] || 0, h = plotH * v / max;
              if (h > 0) {
                var r = el("rect", { x: x, y: base - h, width: barW, height: h, fill: PALETTE[k % PALETTE.length], "class": "bar" }, svg);
                el("title", {}, r).textContent = label + " " + s.name + ": " + format(v);
                base -= h;
              }
            });
            if (labels.length <= 16 || i % Math.ceil(labels.length / 16) === 0) {
              var lt = el("text", { x: left + i * step + step / 2, y: H - 10, "text-anchor": "middle", "font-size": "10", fill: "#616e7c" }, svg);
              lt.textContent = label.slice(5);
            }
          });
          box.appendChild(svg);
          if (series.length > 1) {
            var legend = document.createElement("div");
            legend.className = "legend";
            series.forEach(function (s, k) {
              var span = document.createElement("span");
              var swatch = document.createElement("i");
              swatch.style.background = PALETTE[k % PALETTE.length];
              span.appendChild(swatch);
              span.appendChild(document.createTextNode(s.name));
              legend.appendChild(span);
            });
            box.appendChild(legend);
          }
          box.setAttribute("data-rendered", "true");
        }
        var data = document.getElementById("metrics-data");
        if (data) {
          var m = JSON.parse(data.textContent);
          var labels = m.days.map(function (d) { return d.date; });
          var count = function (v) { return String(Math.round(v * 10) / 10); };
          var pct = function (v) { return Math.round(v * 100) + "%"; };
          var ms = function (v) { return v >= 1000 ? (v / 1000).toFixed(1) + " s" : Math.round(v) + " ms"; };
          var money = function (v) { return m.currency + " " + (Math.round(v * 100) / 100); };
          var rate = function (key) { return m.days.map(function (d) { return d.conversations ? d[key] / d.conversations : 0; }); };
          var keys = function (prop) { var set = {}; m.days.forEach(function (d) { Object.keys(d[prop]).forEach(function (k) { set[k] = true; }); }); return Object.keys(set).sort(); };
          var charts = {
            channels: [keys("byChannel").map(function (c) { return { name: c, values: m.days.map(function (d) { return d.byChannel[c] || 0; }) }; }), count],
            firstResponse: [[{ name: "first response", values: m.days.map(function (d) { return d.firstResponseMs || 0; }) }], ms],
            capture: [[{ name: "capture", values: rate("captured") }], pct],
            booking: [[{ name: "booking", values: rate("booked") }], pct],
            containment: [[{ name: "containment", values: rate("contained") }], pct],
            escalations: [keys("escalations").map(function (c) { return { name: c, values: m.days.map(function (d) { return d.conversations ? (d.escalations[c] || 0) / d.conversations : 0; }) }; }), pct],
            revenue: [[{ name: "revenue", values: m.days.map(function (d) { return d.revenue; }) }], money],
            afterHours: [[{ name: "after hours", values: rate("afterHours") }], pct]
          };
          document.querySelectorAll("[data-chart]").forEach(function (box) {
            var spec = charts[box.getAttribute("data-chart")];
            if (spec) { drawBars(box, labels, spec[0].length ? spec[0] : [{ name: "none", values: [] }], spec[1]); }
          });
        }
        """;
}
