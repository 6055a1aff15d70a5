// The operator dashboard: reads /api/v1/admin/dashboard/summary (the browser sends the operator's HTTP Basic
// credentials, the same as for the page) and draws the station list, the map, the grid connection points and two plots.
import { html, clear, kW } from './svg.js';
import { drawTimePlot } from './plot.js';
import { drawMap } from './map.js';

export const COLOURS = {
  aggregate: '#1565c0', limit: '#c62828', schedule: '#ef6c00', measured: '#2e7d32', outlet: '#757575', now: '#475467',
};
const REFRESH_MILLIS = 30_000;
const TOTAL = '*total';
const UNASSIGNED = '*none';
const SESSION_GAP_MILLIS = 5 * 60_000;

const params = new URLSearchParams(location.search);
const state = {
  hours: Number(params.get('hours') ?? 6),
  gcp: params.get('gcp'),
  session: params.get('session'),
  summary: null,
};

const $ = (id) => document.getElementById(id);

async function load() {
  // location.origin never carries user:password, so fetch accepts the URL even when the page was opened with them.
  const url = new URL('/api/v1/admin/dashboard/summary', location.origin);
  url.searchParams.set('hours', String(state.hours));
  // the session on show stays in the answer even when newer sessions would push it out
  if (state.session) url.searchParams.set('session', state.session);
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      showError(await problemText(response));
      return;
    }
    state.summary = await response.json();
    showError(null);
    render();
    $('updated').textContent = `updated ${new Date(state.summary.generatedAt).toLocaleTimeString()}`
      + ` · refresh every ${REFRESH_MILLIS / 1000} s`;
  } catch (e) {
    showError(`cannot reach the CIO: ${e.message}`);
  }
}

async function problemText(response) {
  if (response.status === 401) return 'Not signed in: reload the page and enter an operator account.';
  if (response.status === 403) return 'This account may not read the dashboard.';
  try {
    const problem = await response.json();
    return `${problem.title ?? response.status}: ${problem.detail ?? ''}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

function showError(text) {
  const box = $('error');
  box.hidden = !text;
  box.textContent = text ?? '';
}

function render() {
  const s = state.summary;
  renderStations(s.stations);
  const mapBox = $('map').parentElement;
  const missing = drawMap($('map'), s.stations, mapBox.clientWidth - 20, 232);
  $('map-note').textContent = 'Latitude/longitude on an equirectangular plane (no map tiles: the CIO runs offline).'
    + (missing > 0 ? ` ${missing} station(s) without a location are not shown.` : '');
  renderGridPoints(s.gridConnectionPoints);
  renderAggregate(s);
  renderSession(s);
}

function renderStations(stations) {
  const body = clear($('station-table').tBodies[0]);
  for (const st of stations) {
    const row = html('tr', { 'data-station': st.id }, body);
    html('span', { class: `dot ${st.online ? 'online' : ''}`, title: st.online ? 'online' : 'offline' },
      html('td', {}, row));
    const name = html('td', {}, row);
    html('div', {}, name, st.id);
    html('div', { class: 'muted small' }, name, st.name);
    html('td', {}, row, st.gridConnectionPoint ?? '–');
    html('td', { class: 'num' }, row, String(st.openSessions));
    html('td', { class: 'num' }, row, `${kW(st.measuredPowerW)} / ${kW(st.maxPowerW)}`);
  }
  const online = stations.filter((st) => st.online).length;
  $('station-count').textContent = `(${stations.length}, ${online} online)`;
}

function renderGridPoints(points) {
  const body = clear($('gcp-table').tBodies[0]);
  for (const g of points) {
    const row = html('tr', { 'data-grid-point': g.id }, body);
    const name = html('td', {}, row);
    html('div', {}, name, g.id);
    html('div', { class: 'muted small' }, name, g.name);
    html('td', { class: 'num' }, row, String(g.stations));
    html('td', { class: 'num' }, row, `${kW(g.measuredPowerW)} / ${kW(g.maxPowerW)}`);
    html('meter', { min: 0, max: g.maxPowerW, value: g.measuredPowerW, low: g.maxPowerW * 0.7,
      high: g.maxPowerW * 0.9, optimum: 0 }, html('td', {}, row));
  }
}

function seriesKey(series) {
  if (series.total) return TOTAL;
  return series.gridConnectionPoint ?? UNASSIGNED;
}

function renderAggregate(s) {
  const select = clear($('gcp-select'));
  const withData = s.aggregatePower.filter((p) => p.points.length > 0);
  html('option', { value: TOTAL }, select, 'All stations (total)');
  for (const g of s.gridConnectionPoints) html('option', { value: g.id }, select, `${g.id} · ${g.name}`);
  if (s.aggregatePower.some((p) => !p.total && p.gridConnectionPoint === null)) {
    html('option', { value: UNASSIGNED }, select, 'Stations without grid point');
  }
  const firstWithData = withData.find((p) => !p.total && p.gridConnectionPoint !== null);
  if (!state.gcp || ![...select.options].some((o) => o.value === state.gcp)) {
    state.gcp = firstWithData ? firstWithData.gridConnectionPoint : TOTAL;
  }
  select.value = state.gcp;

  const series = s.aggregatePower.find((p) => seriesKey(p) === state.gcp);
  const point = s.gridConnectionPoints.find((g) => g.id === state.gcp);
  const name = state.gcp === TOTAL ? 'all stations' : state.gcp === UNASSIGNED ? 'no grid point' : state.gcp;
  const box = $('aggregate-plot').parentElement;
  drawTimePlot($('aggregate-plot'), {
    width: box.clientWidth - 20, height: 370, t0: Date.parse(s.from), t1: Date.parse(s.to),
    series: [{ name: `Measured power, ${name} (${s.bucketSeconds / 60} min mean)`, colour: COLOURS.aggregate,
      kind: 'line', gapMillis: 2.5 * s.bucketSeconds * 1000,
      points: (series?.points ?? []).map((p) => [Date.parse(p.at), p.powerW / 1000]) }],
    limits: point ? [{ name: `Grid limit ${kW(point.maxPowerW)} kW`, colour: COLOURS.limit, kW: point.maxPowerW / 1000 }] : [],
  });
}

function sessionKey(session) {
  return `${session.stationId}/${session.sessionId}`;
}

function renderSession(s) {
  const select = clear($('session-select'));
  for (const se of s.sessions) {
    html('option', { value: sessionKey(se) }, select, `${se.stationId} / ${se.sessionId} · ${se.state}`);
  }
  if (!state.session || !s.sessions.some((se) => sessionKey(se) === state.session)) {
    state.session = s.sessions.length > 0 ? sessionKey(s.sessions[0]) : null;
  }
  select.value = state.session ?? '';
  const session = s.sessions.find((se) => sessionKey(se) === state.session);
  const now = Date.parse(s.generatedAt);
  const periods = (session?.schedule ?? []).map((p) => [Date.parse(p.from), Date.parse(p.to), p.maxPowerW / 1000]);
  const measured = (session?.measured ?? []).map((p) => [Date.parse(p.at), p.powerW / 1000]);
  const times = [...periods.flatMap((p) => [p[0], p[1]]), ...measured.map((p) => p[0])];
  const t0 = times.length ? Math.min(...times) : Date.parse(s.from);
  const t1 = times.length ? Math.max(...times, now) : now;
  $('session-info').textContent = session
    ? `outlet ${session.outletId} · ${session.state}`
      + (session.startedAt ? ` · started ${new Date(session.startedAt).toLocaleString()}` : '')
      + (session.stoppedAt ? ` · stopped ${new Date(session.stoppedAt).toLocaleString()}` : '')
      + ` · schedule versions ${new Set((session.schedule ?? []).map((p) => p.version)).size}`
    : 'no open or recent session';
  const box = $('session-plot').parentElement;
  drawTimePlot($('session-plot'), {
    width: box.clientWidth - 20, height: 350, t0, t1: t1 + (t1 - t0) * 0.02,
    series: [
      { name: 'Schedule (max power)', colour: COLOURS.schedule, kind: 'step', periods },
      { name: 'Measured power', colour: COLOURS.measured, kind: 'line', points: measured, gapMillis: SESSION_GAP_MILLIS },
    ],
    limits: session?.outletMaxPowerW
      ? [{ name: `Outlet limit ${kW(session.outletMaxPowerW)} kW`, colour: COLOURS.outlet, kW: session.outletMaxPowerW / 1000, dash: '3 4' }]
      : [],
    markers: [{ name: 'now', t: now, colour: COLOURS.now }],
  });
}

function remember() {
  const query = new URLSearchParams({ hours: String(state.hours) });
  if (state.gcp) query.set('gcp', state.gcp);
  if (state.session) query.set('session', state.session);
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

$('window-select').value = String(state.hours);
$('window-select').addEventListener('change', (e) => { state.hours = Number(e.target.value); remember(); load(); });
$('gcp-select').addEventListener('change', (e) => { state.gcp = e.target.value; remember(); render(); });
$('session-select').addEventListener('change', (e) => { state.session = e.target.value; remember(); render(); });
window.addEventListener('resize', () => { if (state.summary) render(); });
load();
setInterval(load, REFRESH_MILLIS);
