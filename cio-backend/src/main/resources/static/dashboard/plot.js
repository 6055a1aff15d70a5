// A time-series plot in SVG: time axis, power axis in kW, line and step series, horizontal limit lines, legend.
import { svg, clear } from './svg.js';

const MARGIN = { left: 64, right: 16, top: 34, bottom: 46 };
const MINUTE = 60_000;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MINUTE);

/** "Nice" tick values from 0 to at least max. */
function powerTicks(max) {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough);
  const ticks = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function timeTicks(t0, t1, width) {
  const wanted = Math.max(2, Math.floor(width / 90));
  const step = TIME_STEPS.find((s) => (t1 - t0) / s <= wanted) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const offset = new Date(t0).getTimezoneOffset() * MINUTE;
  const ticks = [];
  for (let t = Math.ceil((t0 - offset) / step) * step + offset; t <= t1; t += step) ticks.push(t);
  return { ticks, step };
}

function timeLabel(t, step) {
  const d = new Date(t);
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return step >= 1440 * MINUTE ? `${d.getMonth() + 1}/${d.getDate()}` : hm;
}

/** The local time zone's name for the axis label, e.g. "UTC" or "Europe/Berlin". */
function zoneName() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
  } catch {
    return 'local';
  }
}

/** A path through points [tMillis, kW], broken where neighbours are more than gapMillis apart. */
function linePath(points, x, y, gapMillis) {
  let d = '';
  let previous = null;
  for (const [t, v] of points) {
    const move = previous === null || (gapMillis && t - previous > gapMillis);
    d += `${move ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
    previous = t;
  }
  return d;
}

/** A step path through periods [fromMillis, toMillis, kW]. */
function stepPath(periods, x, y) {
  let d = '';
  let previousEnd = null;
  for (const [from, to, v] of periods) {
    d += previousEnd === from ? `V${y(v).toFixed(1)}` : `M${x(from).toFixed(1)},${y(v).toFixed(1)}`;
    d += `H${x(to).toFixed(1)}`;
    previousEnd = to;
  }
  return d;
}

/**
 * Draws a plot into the (cleared) SVG element.
 *
 * options: { width, height, t0, t1 (ms), title, yLabel,
 *   series: [{ name, colour, kind: 'line' | 'step', points: [[t, kW]] | periods: [[from, to, kW]], gapMillis, width, dash }],
 *   limits: [{ name, colour, kW, dash }], markers: [{ name, t, colour }] }
 */
export function drawTimePlot(element, options) {
  const { width, height, t0, t1 } = options;
  clear(element);
  element.setAttribute('viewBox', `0 0 ${width} ${height}`);
  element.setAttribute('width', width);
  element.setAttribute('height', height);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;

  const values = [];
  for (const s of options.series) {
    for (const p of s.points ?? []) values.push(p[1]);
    for (const p of s.periods ?? []) values.push(p[2]);
  }
  for (const l of options.limits ?? []) values.push(l.kW);
  const maxValue = Math.max(1, ...values) * 1.08;
  const yTicks = powerTicks(maxValue);
  const yMax = yTicks[yTicks.length - 1];
  const span = Math.max(t1 - t0, MINUTE);
  const x = (t) => MARGIN.left + ((t - t0) / span) * plotW;
  const y = (v) => MARGIN.top + plotH - (v / yMax) * plotH;

  svg('rect', { x: MARGIN.left, y: MARGIN.top, width: plotW, height: plotH, class: 'plot-bg' }, element);
  const clipId = `clip-${element.id}`;
  const clip = svg('clipPath', { id: clipId }, svg('defs', {}, element));
  svg('rect', { x: MARGIN.left, y: MARGIN.top - 2, width: plotW, height: plotH + 4 }, clip);

  const axes = svg('g', { class: 'axes' }, element);
  for (const v of yTicks) {
    svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(v), y2: y(v), class: 'grid' }, axes);
    svg('text', { x: MARGIN.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, axes,
      Number.isInteger(v) ? String(v) : v.toFixed(1));
  }
  const { ticks, step } = timeTicks(t0, t0 + span, plotW);
  for (const t of ticks) {
    svg('line', { x1: x(t), x2: x(t), y1: MARGIN.top, y2: MARGIN.top + plotH, class: 'grid' }, axes);
    svg('text', { x: x(t), y: MARGIN.top + plotH + 16, 'text-anchor': 'middle', class: 'tick' }, axes, timeLabel(t, step));
  }
  svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: MARGIN.top + plotH, y2: MARGIN.top + plotH, class: 'axis' }, axes);
  svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: MARGIN.top + plotH, class: 'axis' }, axes);
  svg('text', { x: MARGIN.left + plotW / 2, y: height - 8, 'text-anchor': 'middle', class: 'axis-label' }, axes,
    `Time (${zoneName()})`);
  svg('text', { x: 16, y: MARGIN.top + plotH / 2, 'text-anchor': 'middle', class: 'axis-label',
    transform: `rotate(-90 16 ${MARGIN.top + plotH / 2})` }, axes, options.yLabel ?? 'Power (kW)');

  const data = svg('g', { 'clip-path': `url(#${clipId})` }, element);
  for (const m of options.markers ?? []) {
    if (m.t < t0 || m.t > t0 + span) continue;
    svg('line', { x1: x(m.t), x2: x(m.t), y1: MARGIN.top, y2: MARGIN.top + plotH, stroke: m.colour,
      'stroke-width': 1, 'stroke-dasharray': '2 3' }, data);
    svg('text', { x: x(m.t) + 3, y: MARGIN.top + 11, class: 'marker-label', fill: m.colour }, data, m.name);
  }
  for (const l of options.limits ?? []) {
    svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(l.kW), y2: y(l.kW), stroke: l.colour,
      'stroke-width': 2, 'stroke-dasharray': l.dash ?? '8 5', class: 'limit' }, data);
  }
  for (const s of options.series) {
    const d = s.kind === 'step' ? stepPath(s.periods ?? [], x, y) : linePath(s.points ?? [], x, y, s.gapMillis);
    if (!d) continue;
    svg('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': s.width ?? 2.5, 'stroke-linejoin': 'round',
      'stroke-dasharray': s.dash ?? null, class: 'series', 'data-series': s.name }, data);
  }

  // Legend above the plot, left to right.
  const legend = svg('g', { class: 'legend' }, element);
  let lx = MARGIN.left;
  const entries = [...options.series.map((s) => ({ ...s, stroke: s.width ?? 2.5 })),
    ...(options.limits ?? []).map((l) => ({ ...l, dash: l.dash ?? '8 5', stroke: 2 }))];
  for (const e of entries) {
    svg('line', { x1: lx, x2: lx + 22, y1: 14, y2: 14, stroke: e.colour, 'stroke-width': e.stroke,
      'stroke-dasharray': e.dash ?? null }, legend);
    const label = svg('text', { x: lx + 28, y: 18, class: 'legend-label' }, legend, e.name);
    lx += 28 + Math.max(40, label.getComputedTextLength ? label.getComputedTextLength() : e.name.length * 7) + 18;
  }
  if (options.series.every((s) => (s.points ?? s.periods ?? []).length === 0)) {
    svg('text', { x: MARGIN.left + plotW / 2, y: MARGIN.top + plotH / 2, 'text-anchor': 'middle', class: 'no-data' },
      element, 'No data in this window');
  }
}
