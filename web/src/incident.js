// The incident page (/incident/ID; data-testid "incident-detail"): what the assessment made of
// one incident and everything behind it — its reports (source ids, sources, grading, times,
// locations and how each was obtained), the verdict per obligation with its reasons, the
// conflicting claims side by side (fatalities, injured, actor, with who claims what), and the
// ledger entries about it (acknowledged / disputed, by whom). Data: GET /v1/app/incident/ID
// (docs/api.md "The web app's endpoints"). Nothing is computed here beyond arranging it: an
// unknown value is shown as unknown, never guessed.

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

// Identifiers, numbers and instants stay left-to-right inside right-to-left text.
const ltr = (text, cls = '') => el('span', { class: `ltr ${cls}`.trim(), dir: 'ltr', text: String(text) });

// A parameter of a translated sentence that must keep its left-to-right order (a date, an id,
// an entry number) inside right-to-left text: Unicode's left-to-right isolate (LRI … PDI).
const L = (x) => `\u2066${x}\u2069`;

const VERDICTS = ['violation', 'indeterminate', 'compliant', 'not_applicable'];

function verdictBadge(t, verdict) {
  const known = VERDICTS.includes(verdict);
  return el('span', {
    class: `verdict verdict-${String(verdict).replace(/_/g, '-')}`,
    'data-verdict': verdict,
    text: known ? t(`incident.verdict.${verdict}`) : String(verdict ?? t('incident.unknown')),
  });
}

// "2018-10-06T09:50:00Z" → "2018-10-06 09:50 UTC" (a date-only report: the date alone).
function instant(t, iso, dateOnly) {
  if (!iso) return el('span', { class: 'muted', text: t('incident.unknown') });
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?Z$/.exec(iso);
  const text = m ? (dateOnly ? m[1] : `${m[1]} ${m[2]} UTC`) : iso;
  return el('time', { datetime: iso, class: 'ltr', dir: 'ltr', text });
}

const kindText = (k) => (k ? String(k).replace(/_/g, ' ') : '');

function coord(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(4) : null;
}

// A location and how it was obtained (effective_location: method coordinates | place |
// unresolved, precision_m and precision_from; docs/report-format.md "Effective location").
const METHODS = ['coordinates', 'place', 'unresolved'];
const PRECISION_FROM = ['report', 'default', 'place'];
function locationText(t, loc, fallback) {
  const l = loc || fallback || {};
  if (l.method === 'unresolved' || coord(l.lon) === null || coord(l.lat) === null) {
    const why = [l.place ? t('incident.location.placeAsWritten', { place: l.place }) : null, l.reason || null].filter(Boolean);
    return el(
      'span',
      { 'data-method': l.method || 'unknown' },
      el('span', { class: 'muted', text: t('incident.location.unknown') }),
      why.length ? el('span', { dir: 'auto' }, ` (${why.join('; ')})`) : null,
    );
  }
  const parts = [ltr(`${coord(l.lat)}, ${coord(l.lon)}`)];
  const precision = l.precision_m ?? (fallback && fallback.location_precision_m);
  if (typeof precision === 'number') parts.push(' ', ltr(t('incident.location.precision', { metres: Math.round(precision) })));
  const how = [];
  if (METHODS.includes(l.method)) {
    how.push(
      t(`incident.location.method.${l.method}`, {
        place: l.place ?? '',
        matched: l.matched ?? l.place ?? '',
        match: l.match ?? '',
        score: l.score ?? '',
      }),
    );
  } else if (l.method) {
    how.push(String(l.method));
  }
  if (PRECISION_FROM.includes(l.precision_from)) how.push(t(`incident.location.precisionFrom.${l.precision_from}`));
  if (how.length) parts.push(el('span', { class: 'muted' }, ` (${how.join('; ')})`));
  return el('span', { 'data-method': l.method || 'unknown' }, parts);
}

const TIME_PRECISIONS = ['minute', 'hour', 'day', 'week', 'month'];

function grading(report) {
  const r = report.reliability;
  const c = report.credibility;
  if (!r && (c === undefined || c === null)) return null;
  return `${r ?? '?'}${c ?? '?'}`;
}

function reasonsList(reasons) {
  if (!Array.isArray(reasons) || reasons.length === 0) return null;
  return el(
    'ul',
    { class: 'reasons' },
    reasons.map((r) => el('li', { 'data-code': r.code, dir: 'auto' }, r.message || r.code)),
  );
}

function factsList(rows) {
  const dl = el('dl', { class: 'facts' });
  for (const [label, value] of rows) {
    if (value === undefined || value === null) continue;
    dl.append(el('dt', { text: label }), el('dd', {}, value));
  }
  return dl;
}

// How a report came into the store: its report entry, the review entry that admitted it from
// the review queue (accept, correct), or directly (ingest).
function ledgerText(t, item) {
  const parts = [];
  if (item.ledger_index !== null && item.ledger_index !== undefined) parts.push(t('incident.ledger.entry', { index: L(item.ledger_index) }));
  if (item.review && (item.review.decision === 'accept' || item.review.decision === 'correct'))
    parts.push(t(`incident.report.reviewed.${item.review.decision}`, { party: L(item.review.party), index: L(item.review.index) }));
  if (parts.length === 0) return el('span', { class: 'muted', text: t('incident.report.notInLedger') });
  return parts.join('; ');
}

// The claims of one field side by side; more than one distinct value is a conflict.
function claimsSection(t, name, claims, label = (v) => v) {
  if (!Array.isArray(claims) || claims.length === 0) return null;
  const distinct = new Set(claims.map((c) => JSON.stringify(c.value)));
  const conflict = distinct.size > 1;
  const box = el('section', {
    class: `claim-box${conflict ? ' claim-conflict' : ''}`,
    'data-testid': `claims-${name}`,
    'aria-labelledby': `claims-${name}-h`,
  });
  box.append(el('h3', { id: `claims-${name}-h`, text: t(`incident.claims.${name}`) }));
  box.append(
    el('p', { class: conflict ? '' : 'muted', text: conflict ? t('incident.claims.conflict', { n: distinct.size }) : t('incident.claims.agree') }),
  );
  const table = el('table', {});
  table.append(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('incident.claims.value') }), el('th', { scope: 'col', text: t('incident.claims.claimedBy') }))),
  );
  const tbody = el('tbody');
  for (const c of claims) {
    const who = [];
    (c.sources || []).forEach((s, i) => {
      if (i) who.push(', ');
      who.push(el('bdi', { text: s }));
    });
    if (Array.isArray(c.reports) && c.reports.length) who.push(' ', ltr(`(${c.reports.join(', ')})`, 'mono'));
    const value = c.value === undefined || c.value === null ? '—' : label(c.value);
    tbody.append(el('tr', { 'data-value': String(c.value) }, el('td', {}, el('bdi', { text: String(value) })), el('td', {}, who)));
  }
  table.append(tbody);
  box.append(table);
  return box;
}

function entryText(t, e) {
  const b = e.body || {};
  if (e.type === 'dispute') return b.reason ? t('incident.ledger.disputeReason', { reason: b.reason }) : '';
  if (e.type === 'ack') return b.note ? t('incident.ledger.ackNote', { note: b.note }) : '';
  if (e.type === 'review') return [b.decision, b.reason].filter(Boolean).join(': ');
  if (e.type === 'report') return b.source_id || b.summary || '';
  return '';
}

function ledgerSection(t, ledger, reportIndexLabels) {
  const section = el('section', { 'aria-labelledby': 'ledger-h', 'data-testid': 'incident-ledger' });
  section.append(el('h2', { id: 'ledger-h', text: t('incident.ledger.title') }));
  if (!Array.isArray(ledger) || ledger.length === 0) {
    section.append(el('p', { class: 'muted', text: t('incident.ledger.none') }));
    return section;
  }
  const table = el('table', {});
  table.append(
    el('caption', { class: 'sr-only', text: t('incident.ledger.title') }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ['index', 'party', 'type', 'about', 'time', 'details'].map((k) => el('th', { scope: 'col', text: t(`incident.ledger.col.${k}`) })),
      ),
    ),
  );
  const tbody = el('tbody');
  for (const e of ledger) {
    const about =
      e.ref === null || e.ref === undefined
        ? el('span', { class: 'muted', text: '—' })
        : el('span', {}, t('incident.ledger.entry', { index: L(e.ref) }), reportIndexLabels.has(e.ref) ? [' (', ltr(reportIndexLabels.get(e.ref), 'mono'), ')'] : []);
    tbody.append(
      el(
        'tr',
        { 'data-index': e.index, 'data-type': e.type },
        el('td', {}, ltr(e.index)),
        el('td', {}, e.party),
        el('td', {}, t(`incident.ledger.type.${e.type}`)),
        el('td', {}, about),
        el('td', {}, instant(t, e.timestamp)),
        el('td', { dir: 'auto' }, entryText(t, e)),
      ),
    );
  }
  table.append(tbody);
  section.append(table);
  return section;
}

// "acknowledged by russia (entry 5); disputed by turkey (entry 6): reason"
function standing(t, index, ledger) {
  if (index === null || index === undefined || !Array.isArray(ledger)) return null;
  const items = [];
  for (const e of ledger) {
    if (e.ref !== index) continue;
    if (e.type === 'ack') items.push(el('li', { 'data-standing': 'ack' }, t('incident.standing.ack', { party: L(e.party), index: L(e.index) })));
    if (e.type === 'dispute')
      items.push(el('li', { 'data-standing': 'dispute' }, t('incident.standing.dispute', { party: L(e.party), index: L(e.index), reason: `\u2068${(e.body && e.body.reason) || ''}\u2069` })));
    if (e.type === 'review' || e.type === 'correction')
      items.push(el('li', { 'data-standing': e.type }, t(`incident.standing.${e.type}`, { party: L(e.party), index: L(e.index) })));
  }
  return items.length ? el('ul', { class: 'reasons' }, items) : el('p', { class: 'muted', text: t('incident.standing.none') });
}

function reportCard(t, item, ledger) {
  const r = item.report || {};
  const label = r.source_id || r.id || '?';
  const card = el('article', { class: 'report-card', 'data-testid': 'incident-report', 'data-source-id': label, 'aria-label': t('incident.report.title', { id: label }) });
  card.append(el('h3', {}, t('incident.report.heading'), ' ', ltr(label, 'mono')));
  if (r.summary) card.append(el('p', { dir: 'auto', text: r.summary }));
  const source = r.source ? [el('bdi', { text: r.source.name || t('incident.unknown') }), r.source.type ? ` (${kindText(r.source.type)})` : ''] : [t('incident.unknown')];
  const g = grading(r);
  card.append(
    factsList([
      [t('incident.report.source'), el('span', {}, source)],
      [t('incident.report.grading'), g ? el('span', { title: t('incident.report.gradingHelp') }, ltr(g)) : el('span', { class: 'muted', text: t('incident.unknown') })],
      [t('incident.report.kind'), kindText(r.kind)],
      [t('incident.report.actor'), r.actor ? el('bdi', { text: r.actor }) : el('span', { class: 'muted', text: t('incident.report.noActor') })],
      [
        t('incident.report.observed'),
        el(
          'span',
          {},
          instant(t, r.observed_at, ['day', 'week', 'month'].includes(r.time_precision)),
          TIME_PRECISIONS.includes(r.time_precision) ? el('span', { class: 'muted' }, ' ', t(`incident.report.precision.${r.time_precision}`)) : null,
        ),
      ],
      [t('incident.report.reported'), r.reported_at ? instant(t, r.reported_at) : null],
      [t('incident.report.location'), locationText(t, r.effective_location, r)],
      [t('incident.report.fatalities'), r.fatalities !== undefined ? ltr(r.fatalities) : null],
      [t('incident.report.injured'), r.injured !== undefined ? ltr(r.injured) : null],
      [t('incident.report.explosions'), r.explosions !== undefined ? ltr(r.explosions) : null],
      [t('incident.report.ledger'), ledgerText(t, item)],
    ]),
  );
  if (item.ledger_index !== null && item.ledger_index !== undefined) {
    card.append(el('h4', { text: t('incident.standing.title') }), standing(t, item.ledger_index, ledger));
  }
  if (Array.isArray(item.verdicts) && item.verdicts.length) {
    const table = el('table', { 'data-testid': 'report-verdicts' });
    table.append(
      el('caption', { text: t('incident.report.verdicts') }),
      el('thead', {}, el('tr', {}, ['obligation', 'verdict', 'reasons'].map((k) => el('th', { scope: 'col', text: t(`incident.obligations.col.${k}`) })))),
    );
    const tbody = el('tbody');
    for (const v of item.verdicts) {
      tbody.append(
        el(
          'tr',
          { 'data-obligation': v.obligation },
          el('td', {}, ltr(v.obligation, 'mono'), v.title ? el('div', { class: 'muted', dir: 'auto', text: v.title }) : null),
          el('td', {}, verdictBadge(t, v.verdict)),
          el('td', {}, reasonsList(v.reasons)),
        ),
      );
    }
    table.append(tbody);
    card.append(table);
  } else {
    card.append(el('p', { class: 'muted', text: t('incident.report.noVerdicts') }));
  }
  return card;
}

function render(root, t, data, meta) {
  const inc = data.incident || {};
  // Agreement party/group ids → their names (GET /v1/app/meta's actors), the id when unknown.
  const names = new Map(((meta && meta.actors) || []).map((a) => [a.id, a.name]));
  const actorName = (id) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const reports = Array.isArray(data.reports) ? data.reports : [];
  const ledger = Array.isArray(data.ledger) ? data.ledger : [];
  const page = el('div', { class: 'page incident-page', 'data-testid': 'incident-detail', 'data-incident-id': inc.id });

  const title = inc.n ? t('incident.heading', { n: L(inc.n) }) : t('incident.headingId', { id: L(inc.id) });
  const head = el('div', { class: 'incident-head' }, el('h1', { id: 'incident-h' }, title), verdictBadge(t, inc.verdict));
  if (inc.corroborated) head.append(el('span', { class: 'muted', 'data-testid': 'corroborated', text: t('incident.corroborated') }));
  if (inc.contested) head.append(el('span', { class: 'muted', 'data-testid': 'contested', text: t('incident.contested') }));
  page.append(head);
  const mapLink = `/?day=${encodeURIComponent(inc.day || '')}&incident=${encodeURIComponent(inc.id || '')}`;
  page.append(
    el(
      'nav',
      { class: 'back-links', 'aria-label': t('incident.links') },
      el('a', { href: mapLink, 'data-testid': 'back-to-map', text: t('incident.showOnMap') }),
      el('a', { href: '/', text: t('incident.backToMap') }),
      inc.day ? el('a', { href: `/report/${inc.day}`, text: t('incident.dailyReport', { date: L(inc.day) }) }) : null,
    ),
  );

  const kinds = Array.isArray(inc.kinds) && inc.kinds.length ? inc.kinds.map(kindText).join(', ') : kindText(inc.kind);
  const reportCount = Array.isArray(inc.reports) ? inc.reports.length : typeof inc.reports === 'number' ? inc.reports : reports.length;
  const sources = Array.isArray(inc.sources) ? inc.sources.join(', ') : null;
  page.append(
    factsList([
      [t('incident.kind'), kinds || el('span', { class: 'muted', text: t('incident.unknown') })],
      [t('incident.first'), instant(t, inc.first_timed || inc.first, inc.date_only)],
      [t('incident.last'), instant(t, inc.last_timed || inc.last, inc.date_only)],
      [t('incident.day'), inc.day ? ltr(inc.day) : null],
      [t('incident.location'), el('span', {}, locationText(t, inc.effective_location, inc), inc.area ? el('span', {}, ' — ', el('bdi', { text: inc.area })) : null)],
      [t('incident.reportsCount'), ltr(reportCount)],
      [t('incident.sources'), sources ? el('bdi', { text: sources }) : null],
      [t('incident.independentSources'), inc.independent_sources !== undefined ? ltr(inc.independent_sources) : null],
      [t('incident.confidence'), inc.confidence !== undefined ? el('span', {}, ltr(inc.confidence), inc.confidence_label ? ` (${t(`incident.confidenceLabel.${inc.confidence_label}`)})` : '') : null],
      [t('incident.actors'), Array.isArray(inc.actors) && inc.actors.length ? el('bdi', { text: inc.actors.map(actorName).join(', ') }) : null],
      [t('incident.explosions'), Array.isArray(inc.explosions) ? ltr(inc.explosions[0] === inc.explosions[1] ? String(inc.explosions[0]) : `${inc.explosions[0]}–${inc.explosions[1]}`) : null],
      [t('incident.id'), ltr(inc.id, 'mono muted')],
    ]),
  );

  // The verdict per obligation.
  const obligations = Array.isArray(data.obligations) ? data.obligations : [];
  const obSection = el('section', { 'aria-labelledby': 'obligations-h', 'data-testid': 'incident-obligations' });
  obSection.append(el('h2', { id: 'obligations-h', text: t('incident.obligations.title') }));
  if (obligations.length === 0) {
    obSection.append(el('p', { class: 'muted', text: t('incident.obligations.none') }));
  } else {
    const table = el('table', {});
    table.append(
      el('caption', { class: 'sr-only', text: t('incident.obligations.title') }),
      el('thead', {}, el('tr', {}, ['obligation', 'verdict', 'reasons'].map((k) => el('th', { scope: 'col', text: t(`incident.obligations.col.${k}`) })))),
    );
    const tbody = el('tbody');
    for (const o of obligations) {
      tbody.append(
        el(
          'tr',
          { 'data-obligation': o.id },
          el('td', {}, ltr(o.id, 'mono'), o.title ? el('div', { class: 'muted', dir: 'auto', text: o.title }) : null),
          el('td', {}, verdictBadge(t, o.verdict)),
          el('td', {}, reasonsList(o.reasons) || el('span', { class: 'muted', text: '—' })),
        ),
      );
    }
    table.append(tbody);
    obSection.append(table);
  }
  page.append(obSection);

  // Claims side by side.
  const claims = data.claims || {};
  const claimBoxes = ['fatalities', 'injured', 'actor']
    .map((k) => claimsSection(t, k, claims[k], k === 'actor' ? actorName : undefined))
    .filter(Boolean);
  const clSection = el('section', { 'aria-labelledby': 'claims-h', 'data-testid': 'incident-claims' });
  clSection.append(el('h2', { id: 'claims-h', text: t('incident.claims.title') }));
  if (claimBoxes.length) clSection.append(el('div', { class: 'claims' }, claimBoxes));
  else clSection.append(el('p', { class: 'muted', text: t('incident.claims.none') }));
  page.append(clSection);

  // The reports.
  const repSection = el('section', { 'aria-labelledby': 'reports-h', 'data-testid': 'incident-reports' });
  repSection.append(el('h2', { id: 'reports-h', text: t('incident.reports.title', { n: reports.length }) }));
  for (const item of reports) repSection.append(reportCard(t, item, ledger));
  page.append(repSection);

  // The ledger.
  const labels = new Map();
  for (const item of reports) {
    if (item.ledger_index !== null && item.ledger_index !== undefined) labels.set(item.ledger_index, (item.report && (item.report.source_id || item.report.id)) || '');
  }
  page.append(ledgerSection(t, ledger, labels));

  root.append(page);
  return title;
}

export async function mount(root, ctx) {
  const { t, api, params } = ctx;
  const loading = el('p', { class: 'loading', role: 'status', text: t('app.loading') });
  root.append(loading);
  let data;
  try {
    data = await api.get(`/v1/app/incident/${encodeURIComponent(params.id)}`);
  } catch (e) {
    if (ctx.current && !ctx.current()) return undefined; // the user has left: root is another page's
    loading.remove();
    const notFound = e && e.status === 404;
    root.append(
      el(
        'div',
        { class: 'page-error', role: 'alert', 'data-testid': 'incident-detail' },
        el('h1', { text: notFound ? t('incident.notFound', { id: L(params.id) }) : t('incident.loadError') }),
        el('p', { text: e.message }),
        el('p', {}, el('a', { href: '/', text: t('incident.backToMap') })),
      ),
    );
    return undefined;
  }
  if (ctx.current && !ctx.current()) return undefined;
  loading.remove();
  const title = render(root, t, data, ctx.meta);
  const previous = document.title;
  document.title = `${title} — ${t('app.name')}`;
  return () => {
    document.title = previous;
  };
}
