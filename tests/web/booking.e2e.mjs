#!/usr/bin/env node
// End-to-end test of the SlotDesk attendee pages (booking + manage) against a running server.
//
//   node tests/web/booking.e2e.mjs --base http://127.0.0.1:8765 --user alice --screenshots DIR \
//        --cli PATH/TO/slotdesk-cli --data-dir DIR
//
// Drives Debian's Chromium through playwright-core (no browser download). Creates a few real
// bookings on the server (one of them moved from the manage page) and cancels them all. The
// host's side — switching the policies (approval, the change notice) with `slotdesk-cli settings
// set` and approving a move — runs the CLI on the server's database (--cli, --data-dir); the
// policies are put back at the end. Prints one line per check and finally "N passed, M failed";
// exits non-zero when any check fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('FAIL  playwright-core is not installed: run `npm ci --prefix tests/web` (it downloads no browser)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { values: opt } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:8765' },
    user: { type: 'string', default: 'alice' },
    screenshots: { type: 'string', default: path.join(os.tmpdir(), 'slotdesk-e2e-screenshots') },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    // The host's side (policies, approving a move): the CLI on the server's data directory.
    cli: { type: 'string', default: '' },
    'data-dir': { type: 'string', default: '' },
  },
});
const BASE = opt.base.replace(/\/+$/, '');
const USER = opt.user;
const SHOTS = path.resolve(opt.screenshots);
const DESKTOP_TZ = 'America/New_York';
const OTHER_TZ = 'Asia/Tokyo';
const PHONE_TZ = 'Europe/Berlin';
const RUN = Date.now().toString(36);

// ---------- tiny harness ----------

let passed = 0;
let failed = 0;
const failures = [];
class Abort extends Error {}

async function check(name, fn, { fatal = false } = {}) {
  try {
    await fn();
    passed++;
    console.log(`ok    ${name}`);
    return true;
  } catch (e) {
    failed++;
    failures.push(name);
    const msg = (e && (e.message || String(e))).split('\n').slice(0, 6).join('\n      ');
    console.log(`FAIL  ${name}\n      ${msg}`);
    if (fatal) throw new Abort(name);
    return false;
  }
}

/** Retries an assertion until it passes or the time is up (like a web-first expect). */
async function eventually(fn, timeout = 8000) {
  const until = Date.now() + timeout;
  for (;;) {
    try { return await fn(); } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const norm = (s) => String(s ?? '').replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
const isLoopback = (host) => host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
const fmtTime = (iso, tz, h12) => norm(new Intl.DateTimeFormat('en-US', { hour: h12 ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: h12 ? 'h12' : 'h23', timeZone: tz }).format(new Date(iso)));
/** Whether text shows the time range of a slot in a zone ("5:00 – 5:30 PM" or "5:00 PM – 5:30 PM"). */
function showsRange(text, startIso, minutes, tz) {
  const end = new Date(Date.parse(startIso) + minutes * 60000).toISOString();
  const [s, e] = [fmtTime(startIso, tz, true), fmtTime(end, tz, true)];
  const t = norm(text);
  return t.includes(s.replace(/ (AM|PM)$/, '')) && t.includes(e);
}
const pad = (n) => String(n).padStart(2, '0');
function monthRange(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${pad(last)}` };
}

async function reach(url, init) {
  try { return await fetch(url, init); } catch (e) {
    throw new Error(`cannot reach ${url}: ${e.cause ? e.cause.code || e.cause.message : e.message} (is the server running?)`);
  }
}
async function apiGet(p) {
  const res = await reach(BASE + p, { headers: { Accept: 'application/json' } });
  return { status: res.status, body: await res.json().catch(() => null) };
}
async function apiPost(p, body) {
  const res = await reach(BASE + p, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}
/** Free slots for the days from..to in a zone, as a Map date -> [start...]. */
async function slotsByDate(from, to, tz, duration) {
  const r = await apiGet(`/api/v1/users/${encodeURIComponent(USER)}/slots?from=${from}&to=${to}&timezone=${encodeURIComponent(tz)}&duration=${duration}`);
  assert.equal(r.status, 200, `slots API answered ${r.status}`);
  return new Map(r.body.days.map((d) => [d.date, d.slots.map((s) => s.start)]));
}

/** `slotdesk-cli settings set KEY VALUE` on the server's database; the server sees it at once. */
const changedSettings = new Map();
function setSetting(key, value) {
  if (!opt.cli || !opt['data-dir']) throw new Error('--cli and --data-dir are needed to change the host\'s settings (run-e2e.sh passes them)');
  const database = ['--data-dir', opt['data-dir']];
  const before = JSON.parse(execFileSync(opt.cli, [...database, 'settings', 'show', '--json'], { encoding: 'utf8' }));
  const saved = JSON.parse(execFileSync(opt.cli, [...database, 'settings', 'set', key, String(value), '--json'], { encoding: 'utf8' }));
  if (!changedSettings.has(key)) changedSettings.set(key, before);
  return saved;
}
/** Puts back every setting setSetting() changed (their JSON names map back to CLI keys below). */
function restoreSettings() {
  const jsonName = { approval: 'approvalPolicy', 'approval-within': 'approvalWithinHours', 'change-notice': 'attendeeChangeNoticeHours' };
  for (const [key, before] of changedSettings) {
    try { setSetting(key, before[jsonName[key]]); } catch { /* never fails the run */ }
  }
  changedSettings.clear();
}

// ---------- monitoring ----------

const consoleProblems = [];
const foreignRequests = [];
let requestCount = 0;
let bookingPosts = [];
let phase = 'happy';
const cleanup = []; // [id, token] of every booking this run created; cancelled at the end
const EXPECTED_HTTP_ERRORS = /Failed to load resource: (the server responded with a status of (404|409|422|429)\b|net::ERR_(FAILED|INTERNET_DISCONNECTED))/;

function watch(context, label) {
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (phase === 'expected-errors' && EXPECTED_HTTP_ERRORS.test(text)) return;
    consoleProblems.push(`[${label}] ${text}`);
  });
  context.on('weberror', (e) => consoleProblems.push(`[${label}] uncaught: ${e.error().message}`));
  context.on('request', (r) => {
    requestCount++;
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && !isLoopback(u.hostname)) foreignRequests.push(r.url());
    if (r.method() === 'POST' && /\/api\/v1\/users\/[^/]+\/bookings$/.test(u.pathname)) bookingPosts.push(r);
  });
}

// ---------- page helpers ----------

async function shot(page, name) {
  await page.waitForTimeout(250); // let transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  shots.push(`${name}.png`);
}
const shots = [];

async function waitCalendarReady(page) {
  if (await page.locator('#booking').count()) await page.waitForSelector('#booking[data-step="pick"]');
  await page.waitForSelector('#cal-grid[aria-busy="false"]');
}

/** `slotdesk-cli bookings approve ID` on the server's data directory, as the admin would. */
function approveAsAdmin(id) {
  assert.ok(opt.cli && opt['data-dir'], 'the reschedule checks need --cli and --data-dir');
  execFileSync(opt.cli, ['--data-dir', opt['data-dir'], 'bookings', 'approve', id], { stdio: 'pipe' });
}

/** Goes forward month by month until the calendar shows a bookable day (at most 4 months). */
async function findBookableMonth(page) {
  await waitCalendarReady(page);
  for (let i = 0; i < 4; i++) {
    if (await page.locator('#cal-body button.day.is-available').count()) return;
    if (await page.locator('#next-month').isDisabled()) break;
    await page.click('#next-month');
    await waitCalendarReady(page);
  }
  throw new Error('no bookable day in the next months: does the host have availability?');
}

async function pickFirstDay(page) {
  await findBookableMonth(page);
  const day = page.locator('#cal-body button.day.is-available').first();
  const date = await day.getAttribute('data-date');
  await day.click();
  await page.waitForSelector(`#cal-body td[aria-selected="true"] button[data-date="${date}"]`);
  await page.waitForSelector('#slot-list button.slot');
  return date;
}

// The earliest slots sit right at the minimum-notice boundary (run-e2e.sh keeps the default of
// 120 minutes) and can cross it while the checks between choosing and booking run: the flow
// books a slot at least 15 minutes past it, from the next bookable day if this one has none.
const SAFE_LEAD_MS = (120 + 15) * 60 * 1000;
async function safeSlotIndex(page) {
  const starts = await slotStarts(page);
  const index = starts.findIndex((s) => Date.parse(s) >= Date.now() + SAFE_LEAD_MS);
  if (index >= 0) return index;
  const next = page.locator('#cal-body button.day.is-available');
  const selected = await page.getAttribute('#cal-body td[aria-selected="true"] button', 'data-date');
  const days = await next.evaluateAll((bs) => bs.map((b) => b.dataset.date));
  const later = days.find((d) => d > selected);
  if (!later) return starts.length - 1; // nothing later this month: the last slot is the best bet
  await page.click(`#cal-body button.day[data-date="${later}"]`);
  await page.waitForSelector(`#cal-body td[aria-selected="true"] button[data-date="${later}"]`);
  await page.waitForSelector('#slot-list button.slot');
  return 0;
}
const slotTexts = (page) => page.$$eval('#slot-list button.slot', (bs) => bs.map((b) => b.textContent));
const slotStarts = (page) => page.$$eval('#slot-list button.slot', (bs) => bs.map((b) => b.dataset.start));
const formValues = (page) => page.evaluate(() => ({
  name: document.querySelector('#f-name').value,
  email: document.querySelector('#f-email').value,
  notes: document.querySelector('#f-notes').value,
}));

async function fieldErrorShown(page, inputSel, errorSel, pattern) {
  await eventually(async () => {
    const info = await page.evaluate(([i, e]) => {
      const input = document.querySelector(i); const err = document.querySelector(e);
      return {
        invalid: input.getAttribute('aria-invalid'),
        describedby: (input.getAttribute('aria-describedby') || '').split(/\s+/),
        text: err.textContent, visible: !err.hidden && err.offsetParent !== null,
        sameField: input.closest('.field') === err.closest('.field'),
        errId: err.id,
      };
    }, [inputSel, errorSel]);
    assert.ok(info.visible, `${errorSel} is not visible`);
    assert.match(info.text, pattern);
    assert.equal(info.invalid, 'true', `${inputSel} lacks aria-invalid="true"`);
    assert.ok(info.describedby.includes(info.errId), `${inputSel} aria-describedby does not reference ${info.errId}`);
    assert.ok(info.sameField, 'the error is not next to its field');
  });
}

// ---------- the run ----------

async function run(browser) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const profilePath = `/api/v1/users/${encodeURIComponent(USER)}`;
  let profile;

  await check('server is up and the profile API answers', async () => {
    const r = await apiGet(profilePath);
    assert.equal(r.status, 200, `GET ${profilePath} answered ${r.status}`);
    profile = r.body;
    assert.ok(profile.name && Array.isArray(profile.durations), 'profile lacks name/durations');
  }, { fatal: true });
  const duration = profile.durations.includes(profile.defaultDuration) ? profile.defaultDuration : profile.durations[0];

  // ===== desktop =====
  const desk = await browser.newContext({
    viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: DESKTOP_TZ, colorScheme: 'light', acceptDownloads: true,
  });
  await desk.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  desk.setDefaultTimeout(10000);
  watch(desk, 'desktop');
  const slotRequests = [];
  desk.on('request', (r) => { if (r.url().includes('/slots?')) slotRequests.push(new URL(r.url())); });
  const page = await desk.newPage();

  let response;
  await check('booking page loads under a strict Content-Security-Policy', async () => {
    response = await page.goto(`${BASE}/${encodeURIComponent(USER)}`);
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'/, `CSP header missing or weak: "${csp}"`);
    assert.match(csp, /style-src 'self'/, `CSP header lacks style-src 'self': "${csp}"`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  await check('the booking page says the host confirms every request (approval: always)', async () => {
    assert.equal(profile.approvalPolicy, 'always');
    await eventually(async () => assert.equal(norm(await page.textContent('#approval-text')), `${norm(profile.name)} confirms every request`));
  });

  await check('header shows the host name and the meeting length', async () => {
    await eventually(async () => assert.equal(norm(await page.textContent('#host-name')), norm(profile.name)));
    if (profile.durations.length > 1) {
      assert.ok(await page.isVisible('#duration-picker'), 'duration picker hidden although several durations exist');
      assert.equal(await page.locator('#duration-options input[type=radio]').count(), profile.durations.length);
    } else {
      assert.match(await page.textContent('#duration-text'), new RegExp(`\\b${duration}\\b|\\bhr\\b`));
    }
  });

  await check('time zone is detected from the browser', async () => {
    await eventually(async () => assert.equal(await page.getAttribute('#tz-input', 'data-zone'), DESKTOP_TZ));
    assert.match(await page.inputValue('#tz-input'), /New York/);
  });

  let month;
  await check('calendar marks exactly the days the API offers (visible month ± a few days, attendee zone)', async () => {
    await findBookableMonth(page);
    month = (await page.getAttribute('#cal-body button.day.is-available', 'data-date')).slice(0, 7);
    const { first, last } = monthRange(month);
    const api = await slotsByDate(first, last, DESKTOP_TZ, duration);
    const shown = await page.$$eval('#cal-body button.day.is-available', (bs) => bs.map((b) => b.dataset.date));
    assert.deepEqual(shown.sort(), [...api.keys()].sort());
    const disabled = await page.$$eval('#cal-body button.day:not(.is-available)', (bs) => bs.every((b) => b.getAttribute('aria-disabled') === 'true'));
    assert.ok(disabled, 'days without slots are not aria-disabled');
    const req = slotRequests.find((u) => u.searchParams.get('from') <= first && u.searchParams.get('to') >= last);
    assert.ok(req, `no slots request covered ${first}..${last}`);
    assert.equal(req.searchParams.get('timezone'), DESKTOP_TZ);
    assert.ok(req.searchParams.get('from') < first && req.searchParams.get('to') > last, 'request does not pad the month');
  });

  let firstDate;
  let nyStarts;
  let nyTexts;
  await check('picking the first bookable day lists its slots in the attendee zone (12h by default for en-US)', async () => {
    firstDate = await pickFirstDay(page);
    nyStarts = await slotStarts(page);
    nyTexts = (await slotTexts(page)).map(norm);
    const api = await slotsByDate(firstDate, firstDate, DESKTOP_TZ, duration);
    assert.deepEqual(nyStarts.map((s) => Date.parse(s)), api.get(firstDate).map((s) => Date.parse(s)));
    assert.deepEqual(nyTexts, nyStarts.map((s) => fmtTime(s, DESKTOP_TZ, true)));
    assert.match(nyTexts[0], /^\d{1,2}:\d{2} (AM|PM)$/);
  });
  await shot(page, 'desktop-1-calendar');

  await check('12/24-hour toggle switches the slot times and is remembered', async () => {
    await page.click('label[for="hc-24"]');
    await eventually(async () => assert.deepEqual((await slotTexts(page)).map(norm), nyStarts.map((s) => fmtTime(s, DESKTOP_TZ, false))));
    assert.ok((await slotTexts(page)).every((s) => /^\d{2}:\d{2}$/.test(norm(s))), 'not 24-hour text');
    await page.reload();
    await pickFirstDay(page);
    assert.ok(await page.isChecked('#hc-24'), '24h choice not remembered after reload');
    assert.ok((await slotTexts(page)).every((s) => /^\d{2}:\d{2}$/.test(norm(s))), 'not 24-hour after reload');
    await page.click('label[for="hc-12"]');
    await eventually(async () => assert.deepEqual((await slotTexts(page)).map(norm), nyTexts));
  });

  if (profile.durations.length > 1) {
    await check('meeting-length picker reloads the slots for the chosen length', async () => {
      const other = profile.durations.find((d) => d !== duration);
      const req = page.waitForRequest((r) => r.url().includes('/slots?') && new URL(r.url()).searchParams.get('duration') === String(other));
      await page.click(`label[for="dur-${other}"]`);
      await req;
      await waitCalendarReady(page);
      const date = await pickFirstDay(page);
      const api = await slotsByDate(date, date, DESKTOP_TZ, other);
      assert.deepEqual((await slotStarts(page)).map(Date.parse), api.get(date).map(Date.parse));
      await page.click(`label[for="dur-${duration}"]`);
      await waitCalendarReady(page);
      await pickFirstDay(page);
    });
  }

  await check('searchable time-zone picker changes the displayed slot times', async () => {
    await page.click('#tz-input');
    await page.fill('#tz-input', 'tokyo');
    await page.waitForSelector(`#tz-list [role="option"][data-zone="${OTHER_TZ}"]`);
    const options = await page.locator('#tz-list [role="option"][data-zone]').count();
    assert.ok(options >= 1 && options < 5, `search "tokyo" left ${options} options`);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.getAttribute('#tz-input', 'data-zone'), OTHER_TZ));
    assert.equal(await page.evaluate(() => localStorage.getItem('slotdesk.timeZone')), OTHER_TZ);
    const date = await pickFirstDay(page);
    const starts = await slotStarts(page);
    const texts = (await slotTexts(page)).map(norm);
    assert.deepEqual(texts, starts.map((s) => fmtTime(s, OTHER_TZ, true)));
    const api = await slotsByDate(date, date, OTHER_TZ, duration);
    assert.deepEqual(starts.map(Date.parse), api.get(date).map(Date.parse));
    // The same instant reads differently than in New York.
    const shared = starts.find((s) => nyStarts.some((n) => Date.parse(n) === Date.parse(s)));
    if (shared) assert.notEqual(fmtTime(shared, OTHER_TZ, true), fmtTime(shared, DESKTOP_TZ, true));
    assert.notDeepEqual(texts, nyTexts);
  });

  await check('zone picker is a labelled combobox that filters with the keyboard', async () => {
    await page.click('#tz-input');
    await page.fill('#tz-input', 'new york');
    await page.waitForSelector('#tz-list:not([hidden]) [role="option"][data-zone="America/New_York"]');
    assert.equal(await page.getAttribute('#tz-input', 'aria-expanded'), 'true');
    assert.ok(await page.getAttribute('#tz-input', 'aria-activedescendant'), 'no active option');
    await shot(page, 'desktop-zone-picker');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('#tz-input', 'aria-expanded'), 'false');
    assert.equal(await page.getAttribute('#tz-input', 'data-zone'), OTHER_TZ, 'Escape changed the zone');
  });

  await check('a month without free times says so and offers the next month', async () => {
    await page.route(`${BASE}/api/v1/users/*/slots?*`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ timezone: OTHER_TZ, duration, days: [] }) }));
    await page.click('#next-month');
    await eventually(async () => assert.match(norm(await page.textContent('#cal-status')), /No free times this month — try next month/));
    assert.equal(await page.locator('#cal-body button.day.is-available').count(), 0);
    await shot(page, 'desktop-empty-month');
    await page.unroute(`${BASE}/api/v1/users/*/slots?*`);
    await page.click('#prev-month');
    await waitCalendarReady(page);
    await pickFirstDay(page);
  });

  await check('calendar is keyboard-usable: roving tabindex, arrow keys move, Enter selects', async () => {
    const first = page.locator('#cal-body button.day.is-available').first();
    const date = await first.getAttribute('data-date');
    await first.focus();
    const focused = () => page.evaluate(() => document.activeElement && document.activeElement.dataset.date);
    const next = (d, n) => { const x = new Date(`${d}T12:00:00Z`); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); };
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), next(date, 1));
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), next(date, 8));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), date);
    assert.equal(await page.locator('#cal-body button.day[tabindex="0"]').count(), 1, 'not exactly one tabbable day');
    assert.equal(await page.getAttribute(`#cal-body button[data-date="${date}"]`, 'tabindex'), '0');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#cal-body td[aria-selected="true"] button[data-date="${date}"]`);
    await page.waitForSelector('#slot-list button.slot');
    // A visible focus ring on the focused day.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focused day has no visible focus ring');
  });

  let chosen;
  await check('choosing a slot opens the form with the chosen time', async () => {
    const index = await safeSlotIndex(page);
    chosen = await page.getAttribute(`#slot-list button.slot >> nth=${index}`, 'data-start');
    await page.click(`#slot-list button.slot >> nth=${index}`);
    await page.waitForSelector('#form-panel:not([hidden])');
    const range = await page.textContent('#chosen-range');
    assert.ok(showsRange(range, chosen, duration, OTHER_TZ), `chosen time reads "${norm(range)}"`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-name');
  });

  const name = 'E2E Tester';
  const notes = `Checking the booking flow (${RUN})`;
  await check('an invalid email shows an inline error next to the field and sends no request', async () => {
    await page.fill('#f-name', name);
    await page.fill('#f-email', 'tester@example');
    await page.fill('#f-notes', notes);
    const before = bookingPosts.length;
    await page.click('#submit-button');
    await fieldErrorShown(page, '#f-email', '#f-email-error', /email/i);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-email', 'focus not moved to the invalid field');
    await page.waitForTimeout(300);
    assert.equal(bookingPosts.length, before, 'a booking request was sent');
  });
  await shot(page, 'desktop-2-form-error');

  await check('the form\'s length limits are the server\'s (name 200, notes 2000)', async () => {
    assert.equal(await page.getAttribute('#f-name', 'maxlength'), '200');
    assert.equal(await page.getAttribute('#f-notes', 'maxlength'), '2000');
    // maxlength stops typing, not a script (a restored draft): the page checks the same number.
    await page.evaluate(() => { document.querySelector('#f-name').value = 'n'.repeat(201); });
    const before = bookingPosts.length;
    await page.click('#submit-button');
    await fieldErrorShown(page, '#f-name', '#f-name-error', /\b200\b/);
    await page.waitForTimeout(300);
    assert.equal(bookingPosts.length, before, 'a booking request was sent');
    await page.fill('#f-name', name);
  });

  const email = `e2e+${RUN}@example.com`;
  await page.fill('#f-email', email);

  phase = 'expected-errors';
  const bookingsRoute = `${BASE}/api/v1/users/*/bookings`;
  await check('a 422 from the server is shown inline next to the named field', async () => {
    await page.route(bookingsRoute, (r) => r.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: { code: 'validation', message: 'Name must not contain control characters', field: 'name' } }) }));
    await page.click('#submit-button');
    await fieldErrorShown(page, '#f-name', '#f-name-error', /control characters/);
    await page.unroute(bookingsRoute);
    assert.deepEqual(await formValues(page), { name, email, notes });
  });

  await check('429 shows how long to wait and keeps what was typed', async () => {
    await page.route(bookingsRoute, (r) => r.fulfill({ status: 429, headers: { 'Retry-After': '3' }, contentType: 'application/json', body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many booking requests' } }) }));
    await page.click('#submit-button');
    await eventually(async () => assert.match(norm(await page.textContent('#form-alert')), /wait 3 seconds/));
    assert.ok(await page.isDisabled('#submit-button'), 'submit not disabled while waiting');
    await page.unroute(bookingsRoute);
    assert.deepEqual(await formValues(page), { name, email, notes });
    await page.waitForSelector('#submit-button:not([disabled])', { timeout: 6000 });
  });

  await check('a network failure shows a retry message and keeps what was typed', async () => {
    await page.route(bookingsRoute, (r) => r.abort('internetdisconnected'));
    await page.click('#submit-button');
    await eventually(async () => assert.match(norm(await page.textContent('#form-alert')), /Couldn.t reach the server/));
    assert.ok(await page.isVisible('#form-alert-retry'), 'no retry button');
    await page.unroute(bookingsRoute);
    assert.deepEqual(await formValues(page), { name, email, notes });
  });
  await shot(page, 'desktop-3-form-network-error');

  await check('409: "That time was just taken — pick another", slots refresh, input kept', async () => {
    // Someone else takes the chosen time first.
    const other = await apiPost(`/api/v1/users/${encodeURIComponent(USER)}/bookings`, { start: chosen, duration, name: 'Other Attendee', email: `e2e-other+${RUN}@example.com`, timezone: OTHER_TZ, videoProvider: null });
    assert.equal(other.status, 201, `direct booking answered ${other.status}: ${JSON.stringify(other.body)}`);
    const m = /\/booking\/([^/?#]+)\?token=([^&#]+)/.exec(other.body.manageUrl);
    cleanup.push([m[1], decodeURIComponent(m[2])]);
    await page.click('#submit-button');
    await eventually(async () => assert.match(norm(await page.textContent('#slots-alert')), /That time was just taken — pick another/));
    assert.ok(await page.isVisible('#slots-panel'), 'slots not shown again');
    await eventually(async () => assert.ok(!(await slotStarts(page)).some((s) => Date.parse(s) === Date.parse(chosen)), 'taken slot still listed'));
    await shot(page, 'desktop-4-conflict');
    if (!(await page.locator('#slot-list button.slot').count())) await pickFirstDay(page); // that day is now full
    await page.click(`#slot-list button.slot >> nth=${await safeSlotIndex(page)}`);
    await page.waitForSelector('#form-panel:not([hidden])');
    assert.deepEqual(await formValues(page), { name, email, notes });
  });
  phase = 'happy';

  let manageUrl;
  await check('a valid request shows "Request sent — awaiting approval" with the time and the manage link', async () => {
    chosen = await page.evaluate(() => document.querySelector('#slot-list button.slot.is-selected')?.dataset.start);
    const req = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/bookings'));
    await page.click('#submit-button');
    const body = JSON.parse((await req).postData());
    assert.equal(body.timezone, OTHER_TZ);
    assert.equal(body.email, email);
    assert.equal(body.duration, duration);
    if (chosen) assert.equal(Date.parse(body.start), Date.parse(chosen));
    await page.waitForSelector('#done-panel:not([hidden])');
    assert.equal(norm(await page.textContent('#done-title')), 'Request sent — awaiting approval');
    const details = await page.textContent('#done-details');
    assert.ok(showsRange(details, body.start, duration, OTHER_TZ), `confirmation lacks the time in the attendee zone: "${norm(details)}"`);
    assert.ok(details.includes(OTHER_TZ.replace('_', ' ')), 'confirmation does not name the time zone');
    manageUrl = await page.inputValue('#manage-url');
    assert.match(manageUrl, /\/booking\/[^/?#]+\?token=[^&#]+/);
    assert.equal(await page.getAttribute('#manage-link', 'href'), manageUrl);
    assert.ok(isLoopback(new URL(manageUrl).hostname), `manage link is not on loopback: ${manageUrl}`);
    const m = /\/booking\/([^/?#]+)\?token=([^&#]+)/.exec(manageUrl);
    cleanup.push([m[1], decodeURIComponent(m[2])]);
  }, { fatal: true });
  await shot(page, 'desktop-5-confirmation');

  await check('copy button copies the manage link', async () => {
    await page.click('#copy-button');
    await eventually(async () => assert.equal(norm(await page.textContent('#copy-label')), 'Copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), manageUrl);
  });

  await check('manage page shows the pending request with time and host', async () => {
    await page.goto(manageUrl);
    await page.waitForSelector('#m-badge[data-status="pending"]');
    assert.match(norm(await page.textContent('#m-title')), /Awaiting approval/);
    assert.equal(norm(await page.textContent('#m-host')), norm(profile.name));
    assert.ok(norm(await page.textContent('#m-when')).length > 10);
    const attendee = norm(await page.textContent('#m-attendee'));
    assert.ok(attendee.includes(name) && attendee.includes(email), `attendee shown as "${attendee}"`);
    assert.ok(await page.isVisible('#m-cancel'), 'no cancel button while pending');
  });
  await shot(page, 'desktop-6-manage-pending');

  await check('"Add to calendar" downloads an .ics starting with BEGIN:VCALENDAR with a DTSTART', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#m-ics')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR'), `starts with ${JSON.stringify(text.slice(0, 20))}`);
    assert.match(text, /\r?\nDTSTART[;:]/);
  });

  await check('cancel asks for confirmation, then the status reads cancelled', async () => {
    await page.click('#m-cancel');
    await page.waitForSelector('#cancel-dialog[open]');
    assert.equal(await page.getAttribute('#cd-reason', 'maxlength'), '500', 'the reason allows what the server takes');
    await shot(page, 'desktop-7-manage-cancel-dialog');
    await page.click('#cd-confirm');
    await page.waitForSelector('#m-badge[data-status="cancelled"]');
    assert.match(norm(await page.textContent('#m-title')), /cancelled/i);
    assert.ok(!(await page.isVisible('#m-cancel')), 'cancel button still shown');
    const [id, token] = cleanup[cleanup.length - 1];
    const r = await apiGet(`/api/v1/bookings/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`);
    assert.equal(r.body.status, 'cancelled');
    // Entity fields by the data model's names (docs/API.md).
    assert.equal(r.body.timezone, OTHER_TZ);
    assert.equal(r.body.attendeeEmail, email);
    assert.equal(r.body.attendeeName, name);
    assert.ok(Date.parse(r.body.startTime) < Date.parse(r.body.endTime), `startTime/endTime: ${JSON.stringify(r.body)}`);
  });
  await shot(page, 'desktop-8-manage-cancelled');

  phase = 'expected-errors';
  await check('manage page with a wrong token says the booking was not found', async () => {
    const id = cleanup[cleanup.length - 1][0];
    await page.goto(`${BASE}/booking/${encodeURIComponent(id)}?token=wrong-${RUN}`);
    await eventually(async () => assert.match(norm(await page.textContent('#page-error')), /couldn.t find this booking/i));
    assert.doesNotMatch(norm(await page.textContent('#page-error')), /\b(null|undefined)\b/);
    assert.ok(await page.isHidden('#manage'), 'booking card still shown');
  });
  phase = 'happy';

  // ===== reschedule from the manage page (issue 16) =====
  // A confirmed booking, moved by its attendee: a new request linked to it; the original stays
  // booked (and says so) until the admin approves, then its page leads to the new booking.
  let moveFrom; // the confirmed original: { id, token, startTime }
  await check('a confirmed booking offers "Reschedule"; the move\'s slots count its own time as free', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const until = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
    const free = [...(await slotsByDate(today, until, 'UTC', duration)).values()].flat()
      .filter((start) => Date.parse(start) >= Date.now() + SAFE_LEAD_MS + 86400000);
    assert.ok(free.length > 2, 'too few free slots to move between');
    const r = await apiPost(`/api/v1/users/${encodeURIComponent(USER)}/bookings`, {
      start: free[0], duration, name: 'Rhea Move', email: `move-${RUN}@example.com`, timezone: DESKTOP_TZ,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const token = new URL(r.body.manageUrl).searchParams.get('token');
    moveFrom = { id: r.body.id, token, startTime: r.body.startTime };
    cleanup.push([moveFrom.id, token]);
    approveAsAdmin(moveFrom.id);
    const q = `from=${today}&to=${until}&timezone=UTC&duration=${duration}`;
    const plain = await apiGet(`/api/v1/users/${encodeURIComponent(USER)}/slots?${q}`);
    const forMove = await apiGet(`/api/v1/users/${encodeURIComponent(USER)}/slots?${q}&reschedule=${moveFrom.id}&token=${encodeURIComponent(token)}`);
    const starts = (res) => res.body.days.flatMap((d) => d.slots.map((x) => Date.parse(x.start)));
    assert.ok(!starts(plain).includes(Date.parse(moveFrom.startTime)), 'the booked time is offered to everyone');
    assert.ok(starts(forMove).includes(Date.parse(moveFrom.startTime)), 'the booking\'s own time is not free for its move');
    const wrong = await apiGet(`/api/v1/users/${encodeURIComponent(USER)}/slots?${q}&reschedule=${moveFrom.id}&token=wrong-${RUN}`);
    assert.equal(wrong.status, 404);

    await page.goto(`${BASE}/booking/${encodeURIComponent(moveFrom.id)}?token=${encodeURIComponent(token)}`);
    await page.waitForSelector('#m-badge[data-status="confirmed"]');
    assert.ok(await page.isVisible('#m-reschedule'), 'no Reschedule button');
    assert.equal(norm(await page.textContent('#m-reschedule')), 'Reschedule');
    assert.ok(await page.isHidden('#reschedule'), 'the calendar is shown before it is asked for');
  }, { fatal: true });

  let moved; // the new request: { id, start }
  await check('"Reschedule" shows the calendar and slots; a chosen time becomes a pending request', async () => {
    await page.click('#m-reschedule');
    await page.waitForSelector('#reschedule:not([hidden])');
    assert.equal(await page.getAttribute('#m-reschedule', 'aria-expanded'), 'true');
    assert.match(norm(await page.textContent('#r-note')), /stays as it is until .* confirms/);
    await pickFirstDay(page);
    const starts = await slotStarts(page);
    assert.ok(!starts.some((x) => Date.parse(x) === Date.parse(moveFrom.startTime)), 'the booking\'s own time is offered as a move');
    await page.click(`#slot-list button.slot >> nth=${await safeSlotIndex(page)}`);
    await page.waitForSelector('#r-confirm:not([hidden])');
    assert.ok(norm(await page.textContent('#r-chosen-date')).length > 5);
    await shot(page, 'desktop-9-reschedule-pick');
    const req = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/reschedule?token='));
    await page.click('#r-submit');
    const body = JSON.parse((await req).postData());
    assert.equal(body.timezone, DESKTOP_TZ);
    assert.equal(body.duration, duration);
    await page.waitForSelector('#m-badge[data-status="pending"]');
    const m = /^\/booking\/([^/?#]+)$/.exec(new URL(page.url()).pathname);
    assert.ok(m && m[1] !== moveFrom.id, `the page did not move on to the new request: ${page.url()}`);
    moved = { id: decodeURIComponent(m[1]), start: body.start };
    cleanup.push([moved.id, moveFrom.token]);
    assert.ok(await page.isHidden('#reschedule'), 'the calendar stays open after the move');
    assert.match(norm(await page.textContent('#m-body')), /hasn.t confirmed the new time yet/);
    assert.ok(await page.isVisible('#m-previous-row'), 'the time it replaces is not shown');
    assert.ok(showsRange(await page.textContent('#m-when'), body.start, duration, DESKTOP_TZ), 'the new time is not shown');
  }, { fatal: true });
  await shot(page, 'desktop-10-reschedule-pending');

  await check('the original stays booked, says a move is waiting and leads to it; one move at a time', async () => {
    await page.goto(`${BASE}/booking/${encodeURIComponent(moveFrom.id)}?token=${encodeURIComponent(moveFrom.token)}`);
    await page.waitForSelector('#m-badge[data-status="confirmed"]');
    await page.waitForSelector('#m-move:not([hidden])');
    assert.match(norm(await page.textContent('#m-move-text')), /You asked to move this booking to .*this time stays booked/);
    const link = new URL(await page.getAttribute('#m-move-link', 'href'), BASE);
    assert.equal(link.pathname, `/booking/${encodeURIComponent(moved.id)}`);
    assert.equal(link.searchParams.get('token'), moveFrom.token);
    assert.ok(await page.isHidden('#m-reschedule'), 'a second move is offered while one waits');
    const again = await apiPost(`/api/v1/bookings/${encodeURIComponent(moveFrom.id)}/reschedule?token=${encodeURIComponent(moveFrom.token)}`, { start: moved.start, duration });
    assert.equal(again.status, 409);
  });
  await shot(page, 'desktop-11-reschedule-original-waiting');

  await check('approved by the admin: the original is cancelled and its manage link leads to the new booking', async () => {
    approveAsAdmin(moved.id);
    await page.goto(`${BASE}/booking/${encodeURIComponent(moveFrom.id)}?token=${encodeURIComponent(moveFrom.token)}`);
    await page.waitForURL((u) => u.pathname === `/booking/${encodeURIComponent(moved.id)}`);
    await page.waitForSelector('#m-badge[data-status="confirmed"]');
    const original = await apiGet(`/api/v1/bookings/${encodeURIComponent(moveFrom.id)}?token=${encodeURIComponent(moveFrom.token)}`);
    assert.equal(original.body.status, 'cancelled');
    assert.equal(original.body.rescheduledTo.id, moved.id);
    assert.ok(await page.isVisible('#m-reschedule'), 'the moved booking cannot be moved again');
  });

  phase = 'expected-errors';
  await check('a move onto a time just taken says so and reloads the slots', async () => {
    await page.click('#m-reschedule');
    await page.waitForSelector('#reschedule:not([hidden])');
    await pickFirstDay(page);
    const route = `${BASE}/api/v1/bookings/*/reschedule?*`;
    await page.route(route, (r) => r.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'That slot is no longer available', field: 'start' } }) }));
    await page.click(`#slot-list button.slot >> nth=${await safeSlotIndex(page)}`);
    await page.click('#r-submit');
    await eventually(async () => assert.equal(norm(await page.textContent('#slots-alert')), 'That time was just taken — pick another'));
    assert.ok(await page.isHidden('#r-confirm'), 'the taken time is still offered for confirmation');
    await page.unroute(route);
    await page.click('#r-close');
    assert.ok(await page.isHidden('#reschedule'));
  });
  phase = 'happy';

  await check('landmarks, live region, labelled controls', async () => {
    await page.goto(`${BASE}/${encodeURIComponent(USER)}`);
    await waitCalendarReady(page);
    const a11y = await page.evaluate(() => {
      const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim() || (el.getAttribute('aria-labelledby') ? 'x' : '');
      const visible = (el) => el.getClientRects().length > 0;
      return {
        main: document.querySelectorAll('main').length,
        live: !!document.querySelector('[aria-live]'),
        unnamedButtons: [...document.querySelectorAll('button')].filter((b) => visible(b) && !name(b)).map((b) => b.outerHTML.slice(0, 80)),
        unlabelledInputs: [...document.querySelectorAll('input, textarea, select')].filter((i) => i.type !== 'radio' ? !(i.labels && i.labels.length) && !i.getAttribute('aria-label') : !(i.labels && i.labels.length)).map((i) => i.id || i.name),
        grid: document.querySelector('#cal-grid').getAttribute('role'),
        lang: document.documentElement.lang,
      };
    });
    assert.equal(a11y.main, 1);
    assert.ok(a11y.live, 'no aria-live region');
    assert.deepEqual(a11y.unnamedButtons, []);
    assert.deepEqual(a11y.unlabelledInputs, []);
    assert.equal(a11y.grid, 'grid');
    assert.ok(a11y.lang, 'html has no lang');
  });

  await check('dark mode follows prefers-color-scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await pickFirstDay(page);
    const lum = await page.evaluate(() => {
      const c = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g).map(Number);
      return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;
    });
    assert.ok(lum < 0.2, `background luminance ${lum.toFixed(2)} in dark mode`);
  });
  await shot(page, 'desktop-9-dark');
  await desk.close();

  // ===== phone =====
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'en-GB', timezoneId: PHONE_TZ, colorScheme: 'light',
  });
  phone.setDefaultTimeout(10000);
  watch(phone, 'phone');
  const mp = await phone.newPage();

  await check('phone (390 px): calendar above the slots, no horizontal scrolling', async () => {
    await mp.goto(`${BASE}/${encodeURIComponent(USER)}`);
    await pickFirstDay(mp);
    const [cal, slots] = await mp.evaluate(() => ['#calendar-panel', '#slots-panel'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
    assert.ok(cal.bottom <= slots.top + 1, `slots (top ${slots.top}) are not below the calendar (bottom ${cal.bottom})`);
    assert.ok(await mp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'page scrolls sideways');
    assert.ok((await slotTexts(mp)).every((s) => /^\d{2}:\d{2}$/.test(norm(s))), 'en-GB should default to 24-hour times');
  });
  await mp.evaluate(() => window.scrollTo(0, 0));
  await shot(mp, 'phone-1-calendar');

  await check('phone: the form fits and is usable', async () => {
    await mp.click('#slot-list button.slot >> nth=0');
    await mp.waitForSelector('#form-panel:not([hidden])');
    await mp.fill('#f-name', 'Phone Tester');
    await mp.fill('#f-email', 'phone@example');
    await mp.click('#submit-button');
    await fieldErrorShown(mp, '#f-email', '#f-email-error', /email/i);
    assert.ok(await mp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'page scrolls sideways');
  });
  await shot(mp, 'phone-2-form');

  // Confirmation on the phone with a stubbed 201 so the run leaves no extra booking behind.
  await mp.fill('#f-email', 'phone@example.com');
  await mp.route(`${BASE}/api/v1/users/*/bookings`, async (r) => {
    const b = JSON.parse(r.request().postData());
    const end = new Date(Date.parse(b.start) + b.duration * 60000).toISOString();
    await r.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ id: 'stub', status: 'pending', startTime: new Date(b.start).toISOString(), endTime: end, manageUrl: `${BASE}/booking/stub?token=stub-token-for-screenshots` }) });
  });
  await mp.click('#submit-button');
  await mp.waitForSelector('#done-panel:not([hidden])');
  await shot(mp, 'phone-3-confirmation');

  await check('360 px wide: nothing overflows', async () => {
    await mp.setViewportSize({ width: 360, height: 740 });
    await mp.goto(`${BASE}/${encodeURIComponent(USER)}`);
    await pickFirstDay(mp);
    assert.ok(await mp.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'page scrolls sideways at 360 px');
    const day = await mp.locator('#cal-body button.day.is-available').first().boundingBox();
    assert.ok(day.width >= 36, `day buttons too small to tap (${day.width}px)`);
  });
  await mp.evaluate(() => window.scrollTo(0, 0));
  await shot(mp, 'phone-360-calendar');

  await mp.setViewportSize({ width: 390, height: 844 });
  const [mid, mtoken] = cleanup[cleanup.length - 1];
  await mp.goto(`${BASE}/booking/${encodeURIComponent(mid)}?token=${encodeURIComponent(mtoken)}`);
  await mp.waitForSelector('#m-badge[data-status]');
  await shot(mp, 'phone-4-manage');
  await phone.close();

  // ===== the host's policies: approval and the change notice =====
  const pol = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: DESKTOP_TZ, colorScheme: 'light' });
  pol.setDefaultTimeout(10000);
  watch(pol, 'policies');
  const pp = await pol.newPage();
  let confirmedUrl;
  await check('approval "never": the page says so before sending, and the booking is confirmed at once', async () => {
    assert.equal(setSetting('approval', 'never').approvalPolicy, 'never');
    await pp.goto(`${BASE}/${encodeURIComponent(USER)}`);
    await eventually(async () => assert.equal(norm(await pp.textContent('#approval-text')), 'Bookings are confirmed at once'));
    await pickFirstDay(pp);
    await pp.click(`#slot-list button.slot >> nth=${await safeSlotIndex(pp)}`);
    await pp.waitForSelector('#form-panel:not([hidden])');
    assert.match(norm(await pp.textContent('#form-note')), /confirmed as soon as you book it/);
    assert.equal(norm(await pp.textContent('#submit-label')), 'Book now');
    await pp.fill('#f-name', 'Instant Tester');
    await pp.fill('#f-email', `instant-${RUN}@example.com`);
    const [res] = await Promise.all([pp.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/bookings')), pp.click('#submit-button')]);
    const body = await res.json();
    assert.equal(res.status(), 201);
    assert.equal(body.status, 'confirmed');
    const m = /\/booking\/([^/?#]+)\?token=([^&#]+)/.exec(body.manageUrl);
    cleanup.push([m[1], decodeURIComponent(m[2])]);
    await pp.waitForSelector('#done-panel:not([hidden])');
    assert.equal(norm(await pp.textContent('#done-title')), 'Booking confirmed');
    assert.match(norm(await pp.textContent('#done-body')), /You’re booked with/);
    confirmedUrl = await pp.inputValue('#manage-url');
  });
  await shot(pp, 'policy-1-confirmed-at-once');

  await check('approval "short-notice": the page names the hours', async () => {
    setSetting('approval', 'short-notice');
    setSetting('approval-within', 6);
    await pp.goto(`${BASE}/${encodeURIComponent(USER)}`);
    await eventually(async () => assert.equal(norm(await pp.textContent('#approval-text')), `Confirmed at once from 6 h ahead; ${norm(profile.name)} confirms times sooner than that`));
  });

  await check('change notice: the manage page says why the confirmed booking can\'t be cancelled, the API answers 422', async () => {
    assert.ok(confirmedUrl, 'no confirmed booking to look at');
    setSetting('change-notice', 720); // 30 days: the booking starts well within that
    await pp.goto(confirmedUrl);
    await pp.waitForSelector('#m-badge[data-status="confirmed"]');
    await pp.waitForSelector('#m-rule:not([hidden])');
    assert.ok(!(await pp.isVisible('#m-cancel')), 'cancel button shown although the notice rule forbids it');
    assert.match(norm(await pp.textContent('#m-rule')), /asks for at least 720 h notice to cancel/);
    const [id, token] = cleanup[cleanup.length - 1];
    const r = await apiPost(`/api/v1/bookings/${encodeURIComponent(id)}/cancel?token=${encodeURIComponent(token)}`, {});
    assert.equal(r.status, 422);
    assert.equal(r.body.error.field, 'attendeeChangeNoticeHours');
    assert.match(r.body.error.message, /720 hours' notice/);
  });
  await shot(pp, 'policy-2-manage-notice');

  await check('without a notice the confirmed booking can be cancelled from the manage page', async () => {
    setSetting('change-notice', 0);
    await pp.goto(confirmedUrl);
    await pp.waitForSelector('#m-badge[data-status="confirmed"]');
    assert.ok(await pp.isHidden('#m-rule'), 'a rule is shown without a notice');
    await pp.click('#m-cancel');
    await pp.waitForSelector('#cancel-dialog[open]');
    await pp.click('#cd-confirm');
    await pp.waitForSelector('#m-badge[data-status="cancelled"]');
  });
  restoreSettings();
  await pol.close();

  // ===== languages: the browser's language decides text, <html lang> and date formats =====
  const LANGUAGES = [
    {
      locale: 'de-DE', lang: 'de', footer: 'Terminplanung mit SlotDesk', eyebrow: 'Einen Termin buchen bei',
      timeZone: 'Zeitzone', formTitle: 'Ihre Angaben', submit: 'Buchung anfragen', nameRequired: 'Geben Sie Ihren Namen ein.',
      manageWhen: 'Wann', badges: ['Ausstehend', 'Bestätigt', 'Abgelehnt', 'Storniert'],
      month: /^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
      weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
      // "Dienstag, 1. Dezember 2026"
      longDate: /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
    },
    {
      locale: 'fr-FR', lang: 'fr', footer: 'Prise de rendez-vous par SlotDesk', eyebrow: 'Prendre rendez-vous avec',
      timeZone: 'Fuseau horaire', formTitle: 'Vos coordonnées', submit: 'Demander la réservation', nameRequired: 'Saisissez votre nom.',
      manageWhen: 'Quand', badges: ['En attente', 'Confirmée', 'Refusée', 'Annulée'],
      month: /^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/,
      weekdays: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
      // "mardi 1 décembre 2026"
      longDate: /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/,
    },
  ];
  for (const L of LANGUAGES) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: L.locale, timezoneId: PHONE_TZ, colorScheme: 'light' });
    ctx.setDefaultTimeout(10000);
    watch(ctx, L.locale);
    const lp = await ctx.newPage();

    await check(`${L.locale}: booking page labels, <html lang> and calendar in ${L.lang}`, async () => {
      await lp.goto(`${BASE}/${encodeURIComponent(USER)}`);
      await eventually(async () => assert.equal(norm(await lp.textContent('#host-name')), norm(profile.name)));
      assert.equal(await lp.evaluate(() => document.documentElement.lang), L.lang);
      assert.equal(norm(await lp.textContent('footer')), L.footer);
      assert.equal(norm(await lp.textContent('.eyebrow')), L.eyebrow);
      assert.equal(norm(await lp.textContent('#tz-label')), L.timeZone);
      await findBookableMonth(lp);
      assert.match(norm(await lp.textContent('#cal-title')), L.month);
      const weekdays = (await lp.$$eval('#cal-weekdays th span', (ss) => ss.map((x) => x.textContent))).map(norm);
      assert.deepEqual([...weekdays].sort(), [...L.weekdays].sort(), `weekday headers: ${weekdays.join(' ')}`);
    });

    await check(`${L.locale}: chosen date written the ${L.lang} way, form in ${L.lang}`, async () => {
      await pickFirstDay(lp);
      assert.ok((await slotTexts(lp)).every((x) => /^\d{2}:\d{2}$/.test(norm(x))), `${L.locale} should default to 24-hour times`);
      await lp.click('#slot-list button.slot >> nth=0');
      await lp.waitForSelector('#form-panel:not([hidden])');
      assert.match(norm(await lp.textContent('#chosen-date')), L.longDate);
      assert.equal(norm(await lp.textContent('#form-title')), L.formTitle);
      assert.equal(norm(await lp.textContent('#submit-label')), L.submit);
      await lp.fill('#f-name', '');
      await lp.click('#submit-button');
      await fieldErrorShown(lp, '#f-name', '#f-name-error', new RegExp(L.nameRequired.replace('.', '\\.')));
    });
    await shot(lp, `lang-${L.lang}-form`);

    await check(`${L.locale}: manage page in ${L.lang}`, async () => {
      const [id, token] = cleanup[cleanup.length - 1];
      await lp.goto(`${BASE}/booking/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`);
      await lp.waitForSelector('#m-badge[data-status]');
      assert.equal(await lp.evaluate(() => document.documentElement.lang), L.lang);
      assert.ok(L.badges.includes(norm(await lp.textContent('#m-badge'))), `badge "${await lp.textContent('#m-badge')}"`);
      assert.equal(norm(await lp.textContent('.detail dt >> nth=0')), L.manageWhen);
      assert.match(norm((await lp.textContent('#m-when')).split('\n')[0]), L.longDate);
    });
    await ctx.close();
  }

  await check('language negotiation: first supported of navigator.languages, English otherwise', async () => {
    for (const [languages, expected] of [[['es-ES', 'fr-CA', 'de'], 'fr'], [['it', 'es'], 'en'], [['de-AT'], 'de']]) {
      const ctx = await browser.newContext({ locale: languages[0], timezoneId: PHONE_TZ });
      watch(ctx, `languages ${languages.join(',')}`);
      await ctx.addInitScript((ls) => Object.defineProperty(Navigator.prototype, 'languages', { get: () => ls }), languages);
      const p = await ctx.newPage();
      await p.goto(`${BASE}/${encodeURIComponent(USER)}`);
      await eventually(async () => assert.equal(norm(await p.textContent('#host-name')), norm(profile.name)));
      assert.equal(await p.evaluate(() => document.documentElement.lang), expected, `navigator.languages ${languages}`);
      await ctx.close();
    }
  });

  await check('every English string has a German and a French translation with the same placeholders', async () => {
    const p = await browser.newPage();
    await p.goto(`${BASE}/${encodeURIComponent(USER)}`);
    const problems = await p.evaluate(async () => {
      const { strings } = await import('/assets/common.js');
      const { translations } = await import('/assets/translations.js');
      const holes = (s) => (s.match(/\{\w+\}/g) || []).sort().join();
      const out = [];
      for (const [lang, table] of Object.entries(translations)) {
        for (const [id, en] of Object.entries(strings)) {
          if (!(id in table)) { out.push(`${lang}: ${id} missing`); continue; }
          // French "one" covers 0 and 1, so it may use {count} where English writes "1".
          if (holes(en) !== holes(table[id]) && !(id.endsWith('.one') && holes(table[id]) === '{count}')) out.push(`${lang}: ${id} placeholders differ`);
        }
        for (const id of Object.keys(table)) if (!(id in strings)) out.push(`${lang}: ${id} is not an English string`);
      }
      return out;
    });
    await p.close();
    assert.deepEqual(problems, []);
  });

  await check('no console errors or uncaught exceptions', async () => {
    assert.deepEqual(consoleProblems, []);
  });
  await check('no request left loopback', async () => {
    assert.ok(requestCount > 10, 'suspiciously few requests were seen');
    assert.deepEqual(foreignRequests, []);
  });

}

// ---------- main ----------

let browser;
try {
  const baseUrl = new URL(BASE);
  if (!isLoopback(baseUrl.hostname)) throw new Error(`--base must be a loopback address, got ${BASE}`);
  if (!fs.existsSync(opt.chromium)) throw new Error(`${opt.chromium} not found (apt-get install -y chromium)`);
  browser = await chromium.launch({
    executablePath: opt.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await run(browser);
} catch (e) {
  if (!(e instanceof Abort)) {
    failed++;
    console.log(`FAIL  run aborted: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n      ') : e}`);
  } else {
    console.log(`      stopping: later checks depend on "${e.message}"`);
  }
} finally {
  restoreSettings();
  // Cancel whatever this run booked that is still open (never fails the run).
  for (const [id, token] of cleanup) {
    try { await apiPost(`/api/v1/bookings/${encodeURIComponent(id)}/cancel?token=${encodeURIComponent(token)}`, {}); } catch { /* ignore */ }
  }
  if (browser) await browser.close().catch(() => {});
}
if (shots.length) console.log(`screenshots: ${shots.map((s) => path.join(SHOTS, s)).join(' ')}`);
if (failures.length) console.log(`failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
