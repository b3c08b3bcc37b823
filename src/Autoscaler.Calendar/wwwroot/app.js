// The calendar's pages: plain JS over the same REST API scripts use (/openapi/v1.json). No network fetch besides this app.
'use strict';
const state = { me: null, ns: null, csrf: null, workloads: [], events: [], cursor: new Date() };
const $ = (sel, root = document) => root.querySelector(sel);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const STATES = ['Proposed', 'Approved', 'Active', 'Completed', 'Rejected', 'Cancelled'];

async function api(method, path, body, raw) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    if (!state.csrf) state.csrf = (await api('GET', '/api/antiforgery')).token;
    headers['X-CSRF-TOKEN'] = state.csrf;
  }
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = 'text/calendar';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!res.ok) { const e = new Error((data && data.error) || res.statusText); e.status = res.status; e.data = data; throw e; }
  return data;
}

function say(msg) { $('#status').textContent = msg; }
const nsPath = p => `/api/namespaces/${encodeURIComponent(state.ns)}${p}`;
const perms = () => (state.me?.namespaces || []).find(n => n.name === state.ns) || {};

async function boot() {
  try {
    state.me = await api('GET', '/api/me');
  } catch (e) {
    $('#main').innerHTML = `<div class="banner" role="alert">Not signed in: ${esc(e.message)}</div>`;
    return;
  }
  $('#user').textContent = `Signed in as ${state.me.user}`;
  const sel = $('#namespace');
  sel.innerHTML = state.me.namespaces.map(n => `<option>${esc(n.name)}</option>`).join('');
  state.ns = state.me.namespaces[0]?.name;
  sel.addEventListener('change', () => { state.ns = sel.value; route(); });
  window.addEventListener('hashchange', route);
  route();
}

async function load() {
  if (!state.ns) return;
  const c = state.cursor, from = new Date(c.getFullYear(), c.getMonth() - 1, 20), to = new Date(c.getFullYear(), c.getMonth() + 2, 10);
  const range = `?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  [state.events, state.workloads] = await Promise.all([api('GET', nsPath('/events') + range), api('GET', nsPath('/workloads'))]);
}

async function route() {
  const [, view, arg] = (location.hash || '#/month').split('/');
  document.querySelectorAll('nav a').forEach(a => a.removeAttribute('aria-current'));
  const nav = $(`#nav-${view === 'edit' ? 'new' : view}`);
  if (nav) nav.setAttribute('aria-current', 'page');
  if (!state.ns) { $('#main').innerHTML = '<div class="banner" role="alert">You may not see any namespace of this calendar (Kubernetes RBAC: list scalingevents).</div>'; return; }
  try { await load(); } catch (e) { $('#main').innerHTML = `<div class="banner" role="alert">${esc(e.message)}</div>`; return; }
  if (view === 'week') return renderWeek();
  if (view === 'new') return renderForm(null);
  if (view === 'edit') return renderForm(state.events.find(e => e.name === arg));
  if (view === 'approvals') return renderQueue();
  return renderMonth();
}

const dayKey = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
// One chip per window (the first, and each repetition of a recurring event) that touches the day.
function eventsOn(day) {
  const from = new Date(day.getFullYear(), day.getMonth(), day.getDate()), to = new Date(from.getTime() + 86400000);
  return state.events.flatMap(e => e.occurrences.filter(o => new Date(o.startUtc) < to && new Date(o.endUtc) > from).map(o => ({ e, o })));
}
const chip = ({ e, o }) => `<a class="ev ${esc(e.state)}" href="#/edit/${encodeURIComponent(e.name)}" title="${esc(e.title)}: ${esc(e.state)}">${esc(new Date(o.startUtc).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))} ${esc(e.title)} · ${esc(e.state)}</a>`;
const legend = () => `<p class="legend" aria-label="Colours">${STATES.map(s => `<span class="ev ${s}">${s}</span>`).join('')}</p>`;

function renderMonth() {
  const c = state.cursor, first = new Date(c.getFullYear(), c.getMonth(), 1);
  const start = new Date(first); start.setDate(1 - ((first.getDay() + 6) % 7));
  let cells = '';
  for (let i = 0; i < 42; i++) {
    const d = new Date(start); d.setDate(start.getDate() + i);
    cells += `<div class="day${d.getMonth() !== c.getMonth() ? ' other' : ''}" aria-label="${dayKey(d)}"><div class="num">${d.getDate()}</div>${eventsOn(d).map(chip).join('')}</div>`;
  }
  $('#main').innerHTML = `<div class="toolbar"><button id="prev" aria-label="Previous month">‹</button><h2 id="title">${first.toLocaleDateString([], { month: 'long', year: 'numeric' })}</h2><button id="next" aria-label="Next month">›</button>
    <a href="${nsPath('/events.ics')}">Subscribe (iCalendar)</a></div>${legend()}
    <div class="grid" aria-labelledby="title">${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map(d => `<div class="dow">${d}</div>`).join('')}${cells}</div>`;
  $('#prev').onclick = () => { state.cursor = new Date(c.getFullYear(), c.getMonth() - 1, 1); route(); };
  $('#next').onclick = () => { state.cursor = new Date(c.getFullYear(), c.getMonth() + 1, 1); route(); };
}

function renderWeek() {
  const c = state.cursor, start = new Date(c.getFullYear(), c.getMonth(), c.getDate() - ((c.getDay() + 6) % 7));
  let cells = '';
  for (let i = 0; i < 7; i++) {
    const d = new Date(start); d.setDate(start.getDate() + i);
    cells += `<div class="day" aria-label="${dayKey(d)}"><div class="num">${d.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })}</div>${eventsOn(d).map(chip).join('')}</div>`;
  }
  $('#main').innerHTML = `<div class="toolbar week"><button id="prev" aria-label="Previous week">‹</button><h2 id="title">Week of ${start.toLocaleDateString()}</h2><button id="next" aria-label="Next week">›</button></div>${legend()}
    <div class="grid week" aria-labelledby="title">${cells}</div>`;
  $('#prev').onclick = () => { state.cursor = new Date(start.getTime() - 7 * 86400000); route(); };
  $('#next').onclick = () => { state.cursor = new Date(start.getTime() + 7 * 86400000); route(); };
}

function field(id, label, input, hint) {
  return `<div class="field" id="f-${id}">${label ? `<label for="${id}">${label}</label>` : ''}${input}${hint ? `<p class="hint" id="h-${id}">${hint}</p>` : ''}<p class="error" id="err-${id}" role="alert" hidden></p><p class="warning" id="warn-${id}" hidden></p></div>`;
}

function renderForm(ev) {
  // An event written in UTC without a zone (YAML) is shown in UTC, not as if its times were the browser's.
  const zone = ev?.timeZone || (ev && /Z$/i.test(ev.start) ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const zones = (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [zone]).map(z => `<option value="${esc(z)}">`).join('');
  const local = s => (s || '').slice(0, 16);
  const can = perms();
  $('#main').innerHTML = `<h2>${ev ? `Edit “${esc(ev.title)}” <small>(${esc(ev.state)})</small>` : 'New event'}</h2>
  <div id="banner"></div>
  ${ev && ['Approved', 'Active'].includes(ev.state) ? `<p class="warning">Approved by ${esc(ev.approvedBy)}: saving a change withdraws the approval until someone approves it again.</p>` : ''}
  ${ev && ev.state === 'Rejected' ? `<p class="warning">Rejected by ${esc(ev.rejectedBy)}: “${esc(ev.reviewComment)}”. Saving a change proposes it again.</p>` : ''}
  <form class="event" id="event-form" novalidate>
    <div class="full">${field('title', 'Title', `<input id="title" name="title" required maxlength="120" value="${esc(ev?.title)}" aria-describedby="err-title">`)}</div>
    <div class="full field" id="f-services"><fieldset><legend>Services</legend>${state.workloads.map(w => `<label><input type="checkbox" name="services" value="${esc(w.hpa)}" ${ev?.services.includes(w.hpa) ? 'checked' : ''}> ${esc(w.displayName)} <small>(${w.minReplicas}–${w.maxReplicas} replicas)</small></label>`).join('<br>') || 'No HPA in this namespace.'}</fieldset><p class="error" id="err-services" role="alert" hidden></p></div>
    ${field('start', 'Start (local time)', `<input id="start" type="datetime-local" required value="${esc(local(ev?.start))}" aria-describedby="err-start">`)}
    ${field('end', 'End (local time)', `<input id="end" type="datetime-local" required value="${esc(local(ev?.end))}" aria-describedby="err-end">`)}
    ${field('timeZone', 'Time zone (IANA)', `<input id="timeZone" list="zones" value="${esc(zone)}" aria-describedby="h-timeZone err-timeZone"><datalist id="zones">${zones}</datalist>`, 'Your browser\'s zone by default; DST is handled for you.')}
    <div class="field" id="offsets"></div>
    ${field('loadKind', 'Expected traffic', `<select id="loadKind"><option value="multiplier">about N × normal</option><option value="bumpPercent">+N % over normal</option><option value="absoluteFloor">at least N replicas</option></select>`)}
    ${field('loadValue', 'N', `<input id="loadValue" type="number" step="any" min="0" required value="${ev ? esc(ev.loadValue) : ''}" aria-describedby="err-loadValue">`)}
    ${field('kind', 'Kind of event', `<input id="kind" value="${esc(ev?.kind || 'promotion')}">`, 'e.g. flash-sale, launch, match: events of one kind learn from each other.')}
    ${field('leadTime', 'Lead time', `<input id="leadTime" value="${esc(ev?.leadTime || 'auto')}">`, 'auto, or a duration such as 10m.')}
    ${field('recurrence', 'Repeats (cron, optional)', `<input id="recurrence" value="${esc(ev?.recurrence)}" placeholder="0 12 * * FRI" aria-describedby="err-recurrence">`)}
    ${field('recurrenceUntil', 'Repeats until (local time, optional)', `<input id="recurrenceUntil" type="datetime-local" value="${esc(local(ev?.recurrenceUntil))}" aria-describedby="h-recurrenceUntil err-recurrenceUntil">`, 'No window starts after this; empty: repeats with no end.')}
    <div class="full">${field('note', 'Note', `<textarea id="note" maxlength="1024" rows="2">${esc(ev?.note)}</textarea>`)}</div>
    <div class="full" id="ack-box" hidden><label><input type="checkbox" id="ack"> Save anyway: the floors of overlapping events combine</label></div>
    <div class="full toolbar">
      <button type="button" id="btn-preview">Preview</button>
      ${can.canCreate || (ev && can.canUpdate) ? `<button type="submit" class="primary" id="btn-save">${ev ? 'Save changes' : 'Save as proposed'}</button>` : ''}
      ${ev && can.canUpdate && !['Cancelled', 'Completed'].includes(ev.state) ? '<button type="button" id="btn-cancel">Cancel event</button>' : ''}
      ${!ev && can.canCreate ? '<label>Import .ics <input type="file" id="ics" accept=".ics,text/calendar"></label> <button type="button" id="btn-next-draft" hidden>Next imported event</button>' : ''}
    </div>
  </form>
  <section class="preview" id="preview" aria-live="polite" hidden></section>`;
  if (ev) $('#loadKind').value = ev.loadKind;
  const form = $('#event-form');
  form.addEventListener('submit', e => { e.preventDefault(); save(ev); });
  $('#btn-preview').onclick = () => preview(ev);
  if ($('#btn-cancel')) $('#btn-cancel').onclick = () => cancelEvent(ev);
  if ($('#ics')) $('#ics').onchange = importIcs;
  if ($('#btn-next-draft')) $('#btn-next-draft').onclick = () => showDraft(state.draft + 1);
  if (ev && ev.endUtc && new Date(ev.endUtc) < new Date()) showReport(ev);
}

async function showReport(ev) {
  const sec = $('#preview');
  try {
    const r = await api('GET', nsPath(`/events/${encodeURIComponent(ev.name)}/report`));
    const fmt = v => v == null ? '—' : v;
    sec.hidden = false;
    sec.innerHTML = '<h3>What happened</h3>' + r.services.map(s => `<h4>${esc(s.displayName)}</h4>
      <dl id="report"><dt>Peak load</dt><dd>${fmt(s.peakLoad?.toFixed(0))}${s.peakAt ? ` at ${esc(new Date(s.peakAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}` : ''} (${fmt(s.peakMultiplier)} × the same time a week earlier; ${fmt(s.windowMultiplier)} × on average)</dd>
      <dt>Planned floor</dt><dd>${fmt(s.plannedPeakFloor)} replicas (peak load ${fmt(s.peakLoadVsPlan)} × what it carries)</dd>
      <dt>Overloaded minutes</dt><dd>${fmt(s.overloadedMinutes)} (load above what the ${esc(s.overloadBasis)} carry)</dd>
      <dt>Time to capacity</dt><dd id="time-to-capacity">${esc(s.timeToCapacity)}</dd>
      <dt>Suggested for the next ${esc(r.kind)}</dt><dd><strong>about ${fmt(s.suggestedMultiplier)} ×</strong></dd></dl>
      ${s.notes.map(n => `<p class="hint">${esc(n)}</p>`).join('')}`).join('');
  } catch (e) { sec.hidden = false; sec.innerHTML = `<p class="hint">No report: ${esc(e.message)}</p>`; }
}

function readForm(ev) {
  const v = id => $('#' + id).value.trim();
  const offset = name => document.querySelector(`input[name="offset-${name}"]:checked`)?.value;
  return {
    title: v('title'), services: [...document.querySelectorAll('input[name=services]:checked')].map(c => c.value),
    start: v('start'), end: v('end'), timeZone: v('timeZone'), startOffset: offset('start'), endOffset: offset('end'),
    loadKind: v('loadKind'), loadValue: v('loadValue') === '' ? null : Number(v('loadValue')), kind: v('kind'), leadTime: v('leadTime'),
    recurrence: v('recurrence') || null, recurrenceUntil: v('recurrenceUntil') || null, note: v('note') || null, acknowledgeOverlap: $('#ack').checked, resourceVersion: ev?.resourceVersion,
  };
}

function showProblems(data) {
  document.querySelectorAll('.error, .warning').forEach(p => { p.hidden = true; p.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(i => i.removeAttribute('aria-invalid'));
  const errors = data?.errors || {}, warnings = data?.warnings || {};
  for (const [f, msgs] of Object.entries(errors)) {
    const p = $('#err-' + f); if (p) { p.textContent = msgs.join(' '); p.hidden = false; }
    const i = $('#' + f); if (i) i.setAttribute('aria-invalid', 'true');
  }
  for (const [f, msgs] of Object.entries(warnings)) { const p = $('#warn-' + f); if (p) { p.textContent = msgs.join(' '); p.hidden = false; } }
  $('#ack-box').hidden = Object.keys(warnings).length === 0;
  const choices = data?.offsetChoices || {};
  $('#offsets').innerHTML = Object.entries(choices).map(([f, opts]) => `<fieldset><legend>${f === 'start' ? 'Start' : 'End'} happens twice (clocks go back): which one?</legend>${opts.map((o, i) => `<label><input type="radio" name="offset-${f}" value="${esc(o)}"> UTC${esc(o)} (${i === 0 ? 'the first time' : 'the second time'})</label>`).join(' ')}</fieldset>`).join('');
  const first = Object.keys(errors)[0];
  if (first && $('#' + first)) $('#' + first).focus();
}

function banner(msg, ok) { $('#banner').innerHTML = msg ? `<div class="banner${ok ? ' ok' : ''}" role="alert">${esc(msg)}</div>` : ''; }

async function save(ev) {
  const body = readForm(ev);
  try {
    const res = ev ? await api('PUT', nsPath(`/events/${encodeURIComponent(ev.name)}`), body) : await api('POST', nsPath('/events'), body);
    showProblems({});
    say(`Saved “${res.event.title}” as ${res.event.state}.${res.notice ? ' ' + res.notice : ''}`);
    location.hash = '#/edit/' + encodeURIComponent(res.event.name);
  } catch (e) {
    // The form keeps what the user typed: nothing is re-rendered, only the messages change.
    showProblems(e.data);
    banner(e.status === 422 ? (e.data?.error || e.message) : `Not saved: ${e.message}`);
  }
}

async function cancelEvent(ev) {
  try { await api('POST', nsPath(`/events/${encodeURIComponent(ev.name)}/cancel`)); say('Cancelled.'); route(); } catch (e) { banner(`Not cancelled: ${e.message}`); }
}

async function importIcs(e) {
  const file = e.target.files[0]; if (!file) return;
  try {
    const drafts = await api('POST', nsPath('/import'), await file.text(), true);
    if (!drafts.length) { banner('No event in that file.'); return; }
    state.drafts = drafts;
    showDraft(0);
  } catch (err) { banner(`Import failed: ${err.message}`); }
}

// One imported event (a repeating one is one draft per occurrence) in the form at a time.
function showDraft(i) {
  const drafts = state.drafts || [];
  if (i >= drafts.length) return;
  state.draft = i;
  const d = drafts[i];
  $('#title').value = d.title; $('#start').value = d.start; $('#end').value = d.end; $('#timeZone').value = d.timeZone; $('#note').value = d.note || '';
  $('#btn-next-draft').hidden = i + 1 >= drafts.length;
  banner(`Imported event ${i + 1} of ${drafts.length}${d.recurrence ? ` (one occurrence of ${d.recurrence})` : ''} is in the form. Choose services and traffic, then save.`, true);
}

async function preview(ev) {
  const sec = $('#preview');
  try {
    const res = await api('POST', nsPath('/preview') + (ev ? `?editing=${encodeURIComponent(ev.name)}` : ''), readForm(ev));
    showProblems({ warnings: res.warnings });
    banner('');
    sec.hidden = false;
    sec.innerHTML = '<h3>Preview: what the controller will do</h3>' + res.services.map(s => `
      <h4>${esc(s.displayName)}</h4>
      <p id="ready-by"><strong>${esc(s.readyBy)}</strong> · lead time ${esc(s.leadTime)}</p>
      <p>Planned floor: <strong>${s.peakFloor ?? 'none'}</strong> replicas · extra cost <strong>${s.extraPodHours}</strong> pod-hours vs no pre-scaling</p>
      ${s.notes.map(n => `<p class="hint">${esc(n)}</p>`).join('')}
      ${chart(s)}`).join('');
  } catch (e) {
    showProblems(e.data);
    banner(e.message);
  }
}

function chart(s) {
  const pts = s.points; if (!pts.length) return '<p>No chart: nothing planned in range.</p>';
  const W = 900, H = 300, L = 50, R = 50, T = 20, B = 40;
  const t0 = new Date(pts[0].time).getTime(), t1 = new Date(pts[pts.length - 1].time).getTime();
  const x = t => L + (W - L - R) * (new Date(t).getTime() - t0) / Math.max(1, t1 - t0);
  const loadMax = Math.max(1, ...pts.map(p => p.p90 ?? 0)), repMax = Math.max(1, ...pts.map(p => Math.max(p.floor, p.baseline)));
  const yl = v => H - B - (H - T - B) * v / loadMax, yr = v => H - B - (H - T - B) * v / repMax;
  const line = (sel, y) => pts.filter(p => sel(p) != null).map((p, i) => `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(sel(p)).toFixed(1)}`).join('');
  const step = (sel, y) => pts.map((p, i) => `${i ? `H${x(p.time).toFixed(1)}V` : `M${x(p.time).toFixed(1)},`}${y(sel(p)).toFixed(1)}`).join('');
  const ticks = [0, .25, .5, .75, 1].map(f => { const t = t0 + f * (t1 - t0); return `<text x="${x(t)}" y="${H - 20}" text-anchor="middle" font-size="11">${new Date(t).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}</text>`; }).join('');
  return `<svg id="preview-chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc">
    <title id="chart-title">Forecast load and planned floor for ${esc(s.displayName)}</title>
    <desc id="chart-desc">Load p50 (blue) and p90 (light blue, left axis up to ${loadMax.toFixed(0)}); planned floor (orange) and replicas without pre-scaling (grey dashed), right axis up to ${repMax}.</desc>
    <line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#999"/>
    <text x="4" y="${T + 4}" font-size="11">${loadMax.toFixed(0)}</text><text x="${W - R + 6}" y="${T + 4}" font-size="11">${repMax} pods</text>
    <path d="${line(p => p.p90, yl)}" fill="none" stroke="#8fbce6" stroke-width="2"/>
    <path d="${line(p => p.p50, yl)}" fill="none" stroke="#0b5cad" stroke-width="2"/>
    <path d="${step(p => p.baseline, yr)}" fill="none" stroke="#777" stroke-dasharray="4 3" stroke-width="2"/>
    <path d="${step(p => p.floor, yr)}" fill="none" stroke="#d9480f" stroke-width="3"/>
    ${ticks}
    <g font-size="12"><rect x="${L}" y="2" width="10" height="10" fill="#0b5cad"/><text x="${L + 14}" y="11">load p50</text>
    <rect x="${L + 90}" y="2" width="10" height="10" fill="#8fbce6"/><text x="${L + 104}" y="11">load p90</text>
    <rect x="${L + 180}" y="2" width="10" height="10" fill="#d9480f"/><text x="${L + 194}" y="11">planned floor</text>
    <rect x="${L + 300}" y="2" width="10" height="10" fill="#777"/><text x="${L + 314}" y="11">without pre-scaling</text></g>
  </svg>${s.recent.length ? `<p class="hint">Recent load (last 24 h): min ${Math.min(...s.recent.map(r => r.value)).toFixed(0)}, max ${Math.max(...s.recent.map(r => r.value)).toFixed(0)}.</p>` : ''}`;
}

function renderQueue() {
  const can = perms();
  const pending = state.events.filter(e => e.state === 'Proposed');
  $('#main').innerHTML = `<h2>Approval queue</h2><div id="banner"></div>
  ${can.canApprove ? '' : '<p class="hint">You may not approve events in this namespace (RBAC verb approve on scalingevents).</p>'}
  <div class="queue"><table><thead><tr><th>Event</th><th>When</th><th>Services</th><th>Traffic</th><th>Proposed by</th><th>Decision</th></tr></thead><tbody>
  ${pending.map(e => `<tr data-name="${esc(e.name)}"><td><a href="#/edit/${encodeURIComponent(e.name)}">${esc(e.title)}</a></td>
    <td>${esc(e.start.replace('T', ' '))} – ${esc(e.end.replace('T', ' '))} ${esc(e.timeZone)}</td><td>${esc(e.services.join(', '))}</td>
    <td>${esc(e.loadKind)} ${esc(e.loadValue)}</td><td>${esc(e.createdBy)}</td>
    <td>${e.createdBy === state.me.user ? '<span class="own">You proposed this: another approver must review it.</span>'
      : can.canApprove ? `<label for="c-${esc(e.name)}">Comment</label> <input id="c-${esc(e.name)}">
      <button type="button" data-act="approve">Approve</button> <button type="button" data-act="reject">Reject</button>` : '—'}</td></tr>`).join('') || '<tr><td colspan="6">Nothing waiting for approval.</td></tr>'}
  </tbody></table></div>`;
  document.querySelectorAll('.queue button[data-act]').forEach(b => b.onclick = async () => {
    const name = b.closest('tr').dataset.name;
    try {
      await api('POST', nsPath(`/events/${encodeURIComponent(name)}/${b.dataset.act}`), { comment: $('#c-' + name).value });
      say(`${b.dataset.act === 'approve' ? 'Approved' : 'Rejected'} ${name}.`);
      await route();
    } catch (e) { banner(e.message); }
  });
}

boot();
