// The review queue (/review; data-testid "review-queue"): candidate reports waiting for a
// decision — from `ingest --candidate`, from rows or log entries marked "status": "candidate"
// (observers may submit those) — and the decided ones with their history. A decision (accept,
// reject with a reason, correct location / actor / time) is a `review` entry of the log, signed
// IN THE PAGE with the reviewer's party key: the key file (`truceline keygen`'s JWK) is read with
// FileReader and imported as a non-extractable WebCrypto Ed25519 key, never uploaded; the page
// POSTs only the signed envelope to /v1/entries and shows the server's answer (the entry's index,
// or the refusal's text). Data: GET /v1/app/candidates?status=all (docs/api.md "The review
// queue"); rules: docs/ledger.md "Review".
import { makeEntry, readKeyFile, signEntry } from './sign.js';

const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

// Identifiers, numbers and instants keep their left-to-right order inside right-to-left text.
const ltr = (text) => el('span', { class: 'ltr', dir: 'ltr', text: String(text) });
const L = (x) => `\u2066${x}\u2069`;

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function statusText(t, status) {
  const labels = {
    pending: t('review.status.pending'),
    accepted: t('review.status.accepted'),
    rejected: t('review.status.rejected'),
    corrected: t('review.status.corrected'),
  };
  return labels[status] || String(status);
}

function decisionText(t, decision) {
  const labels = {
    accept: t('review.decision.accept'),
    reject: t('review.decision.reject'),
    correct: t('review.decision.correct'),
  };
  return labels[decision] || String(decision);
}

// What the candidate proposes, as facts (unknown values said so, never guessed).
function facts(t, c) {
  const r = c.report || {};
  const loc = c.effective_location || {};
  const unknown = t('review.unknown');
  const where =
    typeof loc.lon === 'number'
      ? `${loc.lat.toFixed(5)}, ${loc.lon.toFixed(5)}${loc.precision_m ? ` (± ${Math.round(loc.precision_m)} m)` : ''}` // lat, lon: as the incident page and the daily report
      : t('review.locationUnknown', { reason: loc.reason || unknown });
  const source = r.source ? `${r.source.name} (${r.source.type || 'other'})` : unknown;
  const from =
    c.source && c.source.importer === 'ledger'
      ? t('review.from.log', { index: L(c.source.ledger_index), party: c.source.party || unknown })
      : t('review.from.file', { file: (c.source && c.source.file) || unknown, row: L((c.source && c.source.row) ?? '?') });
  const rows = [
    [t('review.field.observed'), ltr(`${r.observed_at || unknown} (${r.time_precision || unknown})`)],
    [t('review.field.kind'), r.kind || unknown],
    [t('review.field.location'), ltr(where)],
    [t('review.field.place'), r.place || '—'],
    [t('review.field.actor'), r.actor || unknown],
    [t('review.field.source'), source],
    [t('review.field.casualties'), `${r.fatalities ?? unknown} / ${r.injured ?? unknown}`],
    [t('review.field.summary'), r.summary || '—'],
    [t('review.field.from'), from],
  ];
  return el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]));
}

// What an extracted candidate (`truceline extract`, docs/extract.md) says about its own making:
// who claims it, every conflicting claim side by side with its claimant, the words each field was
// read from (quoted with their character span in the source text), and what is uncertain. The
// reviewer decides on these words, not on the extractor's reading of them. Nothing for a
// candidate without them (a typed or imported row).
function evidence(t, r) {
  const claims = Array.isArray(r.claims) ? r.claims : [];
  const ev = r.evidence && typeof r.evidence === 'object' ? r.evidence : null;
  const uncertain = Array.isArray(r.uncertain) ? r.uncertain : [];
  if (!claims.length && !ev && !uncertain.length && !r.claimed_by) return null;
  const quote = (x) => {
    if (!x || typeof x !== 'object' || typeof x.text !== 'string') return null;
    const span = Array.isArray(x.span) ? ` [${x.span[0]}–${x.span[1]}]` : '';
    return [el('q', { class: 'evidence-text', text: x.text }), ltr(span)];
  };
  const parts = [el('h4', { text: t('review.evidence.title') })];
  if (ev && ev.file) parts.push(el('p', { class: 'muted' }, t('review.evidence.file', { file: L(ev.file) })));
  parts.push(el('p', { 'data-testid': 'review-claimed-by' }, t('review.evidence.claimedBy', { who: r.claimed_by || t('review.unknown') })));
  if (claims.length) {
    const head = el('tr', {}, ['field', 'value', 'claimedBy', 'words'].map((k) => el('th', { scope: 'col', text: t(`review.claims.${k}`) })));
    const rows = claims.map((c) => {
      const value = c.qualifier && c.qualifier !== 'exact' ? `${t(`review.qualifier.${c.qualifier}`)} ${c.value}` : String(c.value ?? t('review.unknown'));
      return el('tr', { 'data-field': String(c.field || '') },
        el('td', { text: String(c.field || '') }), el('td', {}, ltr(value)),
        el('td', { text: c.claimed_by || t('review.unknown') }), el('td', {}, quote(c)));
    });
    parts.push(el('table', { class: 'review-claims', 'data-testid': 'review-claims' },
      el('caption', { text: t('review.claims.caption') }), el('thead', {}, head), el('tbody', {}, rows)));
  }
  if (ev) {
    const items = [];
    for (const [field, x] of Object.entries(ev)) {
      if (field === 'file') continue;
      for (const one of Array.isArray(x) ? x : [x]) {
        const q = quote(one);
        if (q) items.push(el('li', { 'data-field': field }, el('span', { class: 'evidence-field', text: `${field}: ` }), q,
          one.rule || one.kind_rule ? el('span', { class: 'muted', text: ` (${one.rule || one.kind_rule})` }) : null));
      }
    }
    if (items.length) parts.push(el('ul', { class: 'evidence', 'data-testid': 'review-evidence-words' }, items));
  }
  if (uncertain.length) {
    parts.push(el('p', { text: t('review.evidence.uncertain') }),
      el('ul', { class: 'uncertain', 'data-testid': 'review-uncertain' }, uncertain.map((u) => el('li', { text: String(u) }))));
  }
  return el('section', { class: 'review-evidence', 'data-testid': 'review-evidence' }, parts);
}

function history(t, c) {
  if (!c.decisions || c.decisions.length === 0) return null;
  return el(
    'ul',
    { class: 'review-decisions', 'data-testid': 'review-decisions' },
    c.decisions.map((d) =>
      el(
        'li',
        { 'data-decision': d.decision, 'data-index': String(d.index) },
        t('review.history.line', {
          decision: decisionText(t, d.decision),
          party: d.party,
          index: L(d.index),
          timestamp: L(d.timestamp),
        }),
        d.reason ? [' — ', t('review.history.reason', { reason: d.reason })] : null,
        d.changes ? [' — ', t('review.history.changes', { changes: L(JSON.stringify(d.changes)) })] : null,
        d.report_id ? [' — ', t('review.history.report', { id: L(d.report_id) })] : null,
      ),
    ),
  );
}

function field(label, input) {
  const id = nextId('review-field');
  input.id = id;
  return el('div', { class: 'review-field' }, el('label', { for: id, text: label }), ' ', input);
}

export async function mount(root, ctx) {
  const { t, api } = ctx;
  let signer = null; // {party, key}
  let alive = true;

  const title = el('h1', { text: t('review.title') });
  const intro = el('p', { class: 'muted', text: t('review.intro') });

  // The reviewer's key: read in the page, never uploaded.
  const keyInput = el('input', { type: 'file', accept: '.jwk,.json,application/json', 'data-testid': 'review-key-file' });
  const keyStatus = el('p', { role: 'status', 'data-testid': 'review-key-status', text: t('review.key.none') });
  const keyBox = el(
    'section',
    { class: 'review-key', 'aria-labelledby': 'review-key-h' },
    el('h2', { id: 'review-key-h', text: t('review.key.title') }),
    field(t('review.key.label'), keyInput),
    el('p', { class: 'muted', text: t('review.key.note') }),
    keyStatus,
  );
  keyInput.addEventListener('change', async () => {
    const file = keyInput.files && keyInput.files[0];
    if (!file) return;
    try {
      signer = await readKeyFile(file);
      keyStatus.textContent = t('review.key.loaded', { party: signer.party });
      keyStatus.dataset.party = signer.party;
    } catch (e) {
      signer = null;
      delete keyStatus.dataset.party;
      keyStatus.textContent = e.message;
    }
  });

  // The server's answer to the last decision.
  const result = el('p', { role: 'status', 'aria-live': 'polite', 'data-testid': 'review-result' });
  const queue = el('div', { 'data-testid': 'review-queue', class: 'review-queue' });
  const pendingH = el('h2', { id: 'review-pending-h' });
  const decidedList = el('div', { 'data-testid': 'review-history', class: 'review-history' });
  const decidedH = el('h2', { id: 'review-decided-h', text: t('review.decided.title') });

  root.append(
    el('div', { class: 'page' }, title, intro, keyBox, result,
      el('section', { 'aria-labelledby': 'review-pending-h' }, pendingH, queue),
      el('section', { 'aria-labelledby': 'review-decided-h' }, decidedH, decidedList)),
  );

  const show = (text, state) => {
    result.textContent = text;
    result.dataset.state = state;
  };

  async function decide(c, decision, extra) {
    if (!signer) {
      show(t('review.key.needed'), 'error');
      keyInput.focus();
      return;
    }
    const body = { candidate: c.id, decision, ...extra };
    let envelope;
    try {
      envelope = await signEntry(makeEntry(signer.party, 'review', c.ledger_index ?? null, body), signer.key);
    } catch (e) {
      show(t('review.result.signFailed', { message: e.message }), 'error');
      return;
    }
    try {
      const answer = await api.post('/v1/entries', envelope);
      show(
        answer.duplicate
          ? t('review.result.duplicate', { index: L(answer.index), id: L(c.id) })
          : t('review.result.recorded', { index: L(answer.index), id: L(c.id), decision: decisionText(t, decision) }),
        'ok',
      );
      result.dataset.index = String(answer.index);
    } catch (e) {
      show(t('review.result.refused', { message: e.message }), 'error');
      return;
    }
    await load();
  }

  function pendingCard(c) {
    const card = el('article', { class: 'report-card', 'data-testid': 'review-candidate', 'data-candidate-id': c.id, 'aria-label': c.id });
    const r = c.report || {};
    card.append(el('h3', {}, ltr(c.id), ' — ', statusText(t, c.status)), facts(t, c), evidence(t, r));

    // Accept.
    const accept = el('button', { type: 'button', 'data-action': 'accept', text: t('review.accept.button') });
    accept.addEventListener('click', () => decide(c, 'accept', {}));

    // Reject, with the reason (required).
    const reason = el('textarea', { rows: '2', required: true, 'data-field': 'reason' });
    const rejectForm = el('form', { class: 'review-reject', 'data-action': 'reject' },
      field(t('review.reject.reason'), reason),
      el('button', { type: 'submit', text: t('review.reject.button') }));
    rejectForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (reason.value.trim() === '') {
        show(t('review.reject.needsReason'), 'error');
        reason.focus();
        return;
      }
      decide(c, 'reject', { reason: reason.value });
    });

    // Correct: location, actor, time (only the fields changed are sent).
    const lon = el('input', { type: 'number', step: 'any', min: '-180', max: '180', value: r.lon ?? '', 'data-field': 'lon' });
    const lat = el('input', { type: 'number', step: 'any', min: '-90', max: '90', value: r.lat ?? '', 'data-field': 'lat' });
    const precision = el('input', { type: 'number', step: 'any', min: '0', value: r.location_precision_m || '', 'data-field': 'location_precision_m' });
    const actor = el('input', { type: 'text', value: r.actor ?? '', 'data-field': 'actor' });
    const observed = el('input', { type: 'text', value: r.observed_at ?? '', 'data-field': 'observed_at', dir: 'ltr' });
    const precisionSel = el('select', { 'data-field': 'time_precision' },
      ['minute', 'hour', 'day', 'week', 'month'].map((p) => el('option', { value: p, text: p, selected: p === r.time_precision })));
    const note = el('input', { type: 'text', 'data-field': 'note' });
    const correctForm = el('form', { class: 'review-correct', 'data-action': 'correct' },
      field(t('review.correct.lon'), lon), field(t('review.correct.lat'), lat),
      field(t('review.correct.precision'), precision), field(t('review.correct.actor'), actor),
      field(t('review.correct.observed'), observed), field(t('review.correct.timePrecision'), precisionSel),
      field(t('review.correct.note'), note),
      el('button', { type: 'submit', text: t('review.correct.button') }));
    correctForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const changes = {};
      const num = (s) => (s.trim() === '' ? null : Number(s));
      if (num(lon.value) !== (r.lon ?? null) || num(lat.value) !== (r.lat ?? null)) {
        if (num(lon.value) === null || num(lat.value) === null) {
          show(t('review.correct.needsBoth'), 'error');
          return;
        }
        changes.lon = num(lon.value);
        changes.lat = num(lat.value);
      }
      if (num(precision.value) !== (r.location_precision_m || null)) changes.location_precision_m = num(precision.value);
      if (actor.value !== (r.actor ?? '')) changes.actor = actor.value === '' ? null : actor.value;
      if (observed.value !== (r.observed_at ?? '')) changes.observed_at = observed.value;
      if (precisionSel.value !== r.time_precision) changes.time_precision = precisionSel.value;
      if (Object.keys(changes).length === 0) {
        show(t('review.correct.nothing'), 'error');
        return;
      }
      decide(c, 'correct', note.value.trim() ? { changes, reason: note.value } : { changes });
    });
    const details = el('details', {}, el('summary', { text: t('review.correct.title') }), correctForm);

    card.append(el('div', { class: 'review-actions' }, accept), rejectForm, details);
    return card;
  }

  function decidedCard(c) {
    return el('article', { class: 'report-card', 'data-testid': 'review-decided', 'data-candidate-id': c.id, 'data-status': c.status, 'aria-label': c.id },
      el('h3', {}, ltr(c.id), ' — ', statusText(t, c.status)), facts(t, c), evidence(t, c.report || {}), history(t, c));
  }

  async function load() {
    const data = await api.get('/v1/app/candidates?status=all');
    if (!alive) return;
    const all = data.candidates || [];
    const pending = all.filter((c) => c.status === 'pending');
    const decided = all.filter((c) => c.status !== 'pending');
    pendingH.textContent = t('review.pending.title', { count: L(pending.length) });
    queue.dataset.count = String(pending.length);
    queue.replaceChildren(...(pending.length ? pending.map(pendingCard) : [el('p', { class: 'muted', text: t('review.pending.none') })]));
    decidedList.replaceChildren(...(decided.length ? decided.map(decidedCard) : [el('p', { class: 'muted', text: t('review.decided.none') })]));
  }

  await load();
  return () => {
    alive = false;
  };
}
