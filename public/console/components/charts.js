/**
 * @module charts
 * Two small SVG charts with no library: a line chart (a unit's loss curve,
 * one line per metric) and a bar chart (credits per day). Both scale to the
 * container's width and carry a text summary for screen readers.
 */
import { h, svg } from "../lib/dom.js";
import { number } from "../lib/format.js";

const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 32, left: 56 };

function niceTicks(min, max, count = 4) {
  if (min === max) return [min];
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => min + i * step);
}

function short(value) {
  const abs = Math.abs(value);
  if (abs >= 1000) return number(Math.round(value));
  if (abs >= 10) return value.toFixed(1);
  return Number(value.toPrecision(3)).toString();
}

function axes(yMin, yMax, y) {
  return niceTicks(yMin, yMax).map((v) =>
    svg(
      "g",
      { class: "tick" },
      svg("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      svg("text", { x: M.left - 8, y: y(v) + 4, "text-anchor": "end" }, short(v)),
    ),
  );
}

/**
 * `series`: `[{name, points: [{x, y}]}]`. `xLabel` names the x axis.
 */
export function lineChart(series, { label, xLabel }) {
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMin = Math.min(0, ...ys);
  const yMax = Math.max(...ys) || 1;
  const x = (v) => M.left + ((v - xMin) / (xMax - xMin || 1)) * (W - M.left - M.right);
  const y = (v) => H - M.bottom - ((v - yMin) / (yMax - yMin || 1)) * (H - M.top - M.bottom);

  const lines = series.map((s, i) =>
    svg(
      "g",
      { class: `series series-${i % 4}` },
      svg("polyline", { points: s.points.map((p) => `${x(p.x)},${y(p.y)}`).join(" ") }),
      s.points.length <= 60 && s.points.map((p) => svg("circle", { cx: x(p.x), cy: y(p.y), r: 3 })),
    ),
  );
  const last = series.map((s) => `${s.name} ${short(s.points.at(-1)?.y ?? 0)}`).join(", ");

  return h(
    "figure",
    { class: "chart" },
    svg(
      "svg",
      {
        viewBox: `0 0 ${W} ${H}`,
        role: "img",
        "aria-label": `${label}: ${last}`,
        class: "chart-svg",
      },
      axes(yMin, yMax, y),
      svg(
        "text",
        { x: W - M.right, y: H - 6, "text-anchor": "end", class: "axis-label" },
        `${xLabel} ${xMin}–${xMax}`,
      ),
      lines,
    ),
    h(
      "figcaption",
      { class: "legend" },
      series.map((s, i) => h("span", { class: `legend-item series-${i % 4}` }, h("i"), s.name)),
    ),
  );
}

/** `bars`: `[{label, value}]`, e.g. one per day. */
export function barChart(bars, { label, format = short }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const inner = W - M.left - M.right;
  const slot = inner / Math.max(1, bars.length);
  const y = (v) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const every = Math.ceil(bars.length / 8);

  return h(
    "figure",
    { class: "chart" },
    svg(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, class: "chart-svg" },
      axes(0, max, y),
      bars.map((b, i) =>
        svg(
          "g",
          { class: "bar" },
          svg(
            "rect",
            {
              x: M.left + i * slot + slot * 0.15,
              y: y(b.value),
              width: Math.max(1, slot * 0.7),
              height: Math.max(0, H - M.bottom - y(b.value)),
            },
            svg("title", null, `${b.label}: ${format(b.value)}`),
          ),
          i % every === 0 &&
            svg(
              "text",
              {
                x: M.left + i * slot + slot / 2,
                y: H - 12,
                "text-anchor": "middle",
                class: "axis-label",
              },
              b.label,
            ),
        ),
      ),
    ),
  );
}
