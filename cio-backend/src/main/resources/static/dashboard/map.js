// Stations on a plane: an equirectangular projection of their latitude and longitude over the stations' bounding box.
// The CIO works offline, so there are no map tiles; a graticule gives the scale.
import { svg, clear } from './svg.js';

const PAD = 28;
const MIN_TICK_PX = 50;

function decimals(step) {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

function degrees(value, step, positive, negative) {
  return `${Math.abs(value).toFixed(decimals(step))}° ${value < 0 ? negative : positive}`;
}

/** A 1-2-5 step that divides the span into at most about three parts. */
function niceStep(span) {
  const rough = span / 3;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough);
}

/** Draws the stations with a location; returns how many have none. */
export function drawMap(element, stations, width, height) {
  clear(element);
  element.setAttribute('viewBox', `0 0 ${width} ${height}`);
  element.setAttribute('width', width);
  element.setAttribute('height', height);
  svg('rect', { x: 0, y: 0, width, height, class: 'map-bg' }, element);
  const located = stations.filter((s) => s.latitude !== null && s.longitude !== null);
  if (located.length === 0) {
    svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'no-data' }, element, 'No station has a location');
    return stations.length;
  }
  let [minLat, maxLat] = [Math.min(...located.map((s) => s.latitude)), Math.max(...located.map((s) => s.latitude))];
  let [minLon, maxLon] = [Math.min(...located.map((s) => s.longitude)), Math.max(...located.map((s) => s.longitude))];
  // At least about 1 km of span, and a margin around the box.
  const latPad = Math.max((maxLat - minLat) * 0.1, 0.005);
  const lonPad = Math.max((maxLon - minLon) * 0.1, 0.005);
  minLat -= latPad; maxLat += latPad; minLon -= lonPad; maxLon += lonPad;
  // Equirectangular: x = longitude * cos(mean latitude), y = latitude; one scale for both so distances are true.
  const cos = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = Math.min((width - 2 * PAD) / ((maxLon - minLon) * cos), (height - 2 * PAD) / (maxLat - minLat));
  const cx = (minLon + maxLon) / 2;
  const cy = (minLat + maxLat) / 2;
  const x = (lon) => width / 2 + (lon - cx) * cos * scale;
  const y = (lat) => height / 2 - (lat - cy) * scale;

  const grid = svg('g', { class: 'graticule' }, element);
  // Graticule lines at least MIN_TICK_PX apart, labelled with as many decimals as the step needs.
  const latStep = niceStep(Math.max(maxLat - minLat, (MIN_TICK_PX / scale) * 3));
  for (let lat = Math.ceil(minLat / latStep) * latStep; lat <= maxLat; lat += latStep) {
    svg('line', { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: 'grid' }, grid);
    svg('text', { x: 4, y: y(lat) - 3, class: 'tick' }, grid, degrees(lat, latStep, 'N', 'S'));
  }
  const lonStep = niceStep(Math.max(maxLon - minLon, (MIN_TICK_PX / (scale * cos)) * 3));
  for (let lon = Math.ceil(minLon / lonStep) * lonStep; lon <= maxLon; lon += lonStep) {
    svg('line', { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: 'grid' }, grid);
    svg('text', { x: x(lon) + 3, y: height - 4, class: 'tick' }, grid, degrees(lon, lonStep, 'E', 'W'));
  }
  const dots = svg('g', { class: 'stations' }, element);
  const labelled = [];
  for (const s of located) {
    const [px, py] = [x(s.longitude), y(s.latitude)];
    const g = svg('g', { class: `station ${s.online ? 'online' : 'offline'}`, 'data-station': s.id }, dots);
    svg('title', {}, g, `${s.id} ${s.name}: ${s.online ? 'online' : 'offline'}`);
    svg('circle', { cx: px, cy: py, r: 6 }, g);
    // A label only where it does not cover another one (stations at one site share a dot; hover shows each).
    if (!labelled.some(([lx, ly]) => Math.abs(lx - px) < 90 && Math.abs(ly - py) < 14)) {
      svg('text', { x: px + 9, y: py + 4, class: 'station-label' }, g, s.id);
      labelled.push([px, py]);
    }
  }
  return stations.length - located.length;
}
