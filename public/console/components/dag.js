/**
 * @module dag
 * A job's compute units drawn as an SVG DAG: one column per depth (a unit
 * sits one column right of its deepest dependency), arrows along
 * `depends_on`, each box coloured by its status and showing its stage, shard,
 * status and node. Boxes are buttons: choosing one shows its logs and metrics.
 */
import { svg } from "../lib/dom.js";
import { shortId } from "../lib/format.js";
import { t } from "../lib/i18n.js";

const BOX_W = 168;
const BOX_H = 64;
const GAP_X = 56;
const GAP_Y = 18;
const PAD = 12;

function depths(units) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const memo = new Map();
  const depth = (u, trail = new Set()) => {
    if (memo.has(u.id)) return memo.get(u.id);
    if (trail.has(u.id)) return 0;
    trail.add(u.id);
    const parents = u.depends_on.map((id) => byId.get(id)).filter(Boolean);
    const d = parents.length ? 1 + Math.max(...parents.map((p) => depth(p, trail))) : 0;
    memo.set(u.id, d);
    return d;
  };
  for (const u of units) depth(u);
  return memo;
}

/** The SVG for `units`; `selected` is a unit id; `onSelect(unit)` on click or Enter. */
export function dagView(units, { selected, onSelect } = {}) {
  const depthOf = depths(units);
  const columns = [];
  for (const u of units) {
    const depth = depthOf.get(u.id);
    columns[depth] = [...(columns[depth] ?? []), u];
  }
  const rows = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const width = PAD * 2 + columns.length * BOX_W + Math.max(0, columns.length - 1) * GAP_X;
  const height = PAD * 2 + rows * BOX_H + (rows - 1) * GAP_Y;

  const place = new Map();
  columns.forEach((column, x) => {
    const offset = ((rows - column.length) * (BOX_H + GAP_Y)) / 2;
    column.forEach((u, y) => {
      place.set(u.id, { x: PAD + x * (BOX_W + GAP_X), y: PAD + offset + y * (BOX_H + GAP_Y) });
    });
  });

  const edges = [];
  for (const u of units) {
    const to = place.get(u.id);
    for (const dep of u.depends_on) {
      const from = place.get(dep);
      if (!from) continue;
      const x1 = from.x + BOX_W;
      const y1 = from.y + BOX_H / 2;
      const x2 = to.x - 6;
      const y2 = to.y + BOX_H / 2;
      const mid = (x1 + x2) / 2;
      edges.push(
        svg("path", {
          class: "dag-edge",
          d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`,
          "marker-end": "url(#dag-arrow)",
        }),
      );
    }
  }

  const boxes = units.map((u) => {
    const { x, y } = place.get(u.id);
    const shard = u.shard_count > 1 ? ` ${u.shard_index + 1}/${u.shard_count}` : "";
    const statusText = t(`status.${u.status}`);
    const node = u.node_id ? t("jobs.on_node", { node: shortId(u.node_id) }) : t("jobs.no_node");
    const label = `${u.stage}${shard} (${u.kind.toUpperCase()}): ${statusText}, ${node}`;
    const choose = () => onSelect?.(u);
    return svg(
      "g",
      {
        class: ["dag-unit", `unit-${u.status}`, u.id === selected && "selected"],
        transform: `translate(${x},${y})`,
        tabindex: 0,
        role: "button",
        "aria-label": label,
        "aria-pressed": String(u.id === selected),
        dataset: { unitId: u.id, status: u.status },
        onClick: choose,
        onKeydown: (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            choose();
          }
        },
      },
      svg("title", null, label),
      svg("rect", { width: BOX_W, height: BOX_H, rx: 8 }),
      svg("rect", { class: "dag-stripe", width: 6, height: BOX_H, rx: 3 }),
      svg("text", { x: 16, y: 22, class: "dag-stage" }, `${u.stage}${shard}`),
      svg(
        "text",
        { x: BOX_W - 10, y: 22, class: "dag-kind", "text-anchor": "end" },
        u.kind.toUpperCase(),
      ),
      svg("text", { x: 16, y: 40, class: "dag-status" }, statusText),
      svg("text", { x: 16, y: 56, class: "dag-node" }, node),
    );
  });

  return svg(
    "svg",
    {
      class: "dag",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "group",
      "aria-label": t("jobs.dag"),
    },
    svg(
      "defs",
      null,
      svg(
        "marker",
        {
          id: "dag-arrow",
          viewBox: "0 0 10 10",
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: "auto-start-reverse",
        },
        svg("path", { d: "M0,0 L10,5 L0,10 z", class: "dag-arrow" }),
      ),
    ),
    edges,
    boxes,
  );
}
