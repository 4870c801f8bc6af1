// Shared helpers for the SlotDesk attendee pages: strings, formatting, preferences, API access.
// Plain ES module, no build step. Every user-visible string lives in `strings` below (English)
// and in translations.js (German, French).

import { translations } from './translations.js';

/** English strings, keyed by id. `{name}` placeholders are filled by t(). */
export const strings = {
  'app.name': 'SlotDesk',
  'app.footer': 'Scheduling by SlotDesk',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',

  'book.title': 'Book a time with {name}',
  'book.eyebrow': 'Book a meeting with',
  'book.approvalNote': '{name} confirms every request',
  'book.approvalNever': 'Bookings are confirmed at once',
  'book.approvalShortNotice': 'Confirmed at once from {hours} h ahead; {name} confirms times sooner than that',
  'book.videoAvailable': 'Video call: {providers}',
  'book.duration': 'Meeting length',
  'book.timeZone': 'Time zone',
  'book.tzNow': '{offset} · now {time}',
  'book.tzNoMatch': 'No time zone matches “{query}”',
  'book.tzShowAll': 'Show time zones',
  'book.tzChanged': 'Times are now shown in {zone}',
  'book.calendar': 'Pick a day',
  'book.prevMonth': 'Previous month',
  'book.nextMonth': 'Next month',
  'book.day.none': '{date}, no free times',
  'book.day.one': '{date}, 1 free time',
  'book.day.other': '{date}, {count} free times',
  'book.day.today': 'today',
  'book.loadingSlots': 'Loading free times…',
  'book.slotsError': 'Couldn’t load free times.',
  'book.noSlotsMonth': 'No free times this month — try next month',
  'book.noSlotsAhead': 'No free times in the coming months',
  'book.goNextMonth': 'Next month',
  'book.slots': 'Free times',
  'book.pickDay': 'Pick a highlighted day to see its free times.',
  'book.dayFull': 'No free times left on this day — pick another day.',
  'book.slotsCount.one': '1 free time',
  'book.slotsCount.other': '{count} free times',
  'book.hourFormat': 'Time format',
  'book.h12': '12h',
  'book.h24': '24h',
  'book.slotLabel': '{time}, until {end}',
  'book.selected': 'Your time',
  'book.change': 'Change',
  'book.monthShown': '{month}: {count}',
  'book.jumped': 'No free times left this month, showing {month}',

  'form.title': 'Your details',
  'form.name': 'Name',
  'form.email': 'Email',
  'form.emailHint': 'Used only for this booking.',
  'form.notes': 'Notes',
  'form.optional': 'optional',
  'form.notesHint': 'Anything that helps prepare for the meeting.',
  'form.video': 'Video call',
  'form.videoNone': 'None',
  'form.submit': 'Request booking',
  'form.sending': 'Sending…',
  'form.waitButton': 'Try again in {seconds}s',
  'form.back': 'Back',
  'form.approval': '{name} confirms each request. You’ll get a private link to follow its status or cancel.',
  'form.instant': 'This time is confirmed as soon as you book it. You’ll get a private link to see or cancel it.',
  'form.submitInstant': 'Book now',

  'video.google-meet': 'Google Meet',
  'video.zoom': 'Zoom',

  'err.nameRequired': 'Enter your name.',
  'err.nameTooLong': 'Use at most {max} characters.',
  'err.emailRequired': 'Enter your email address.',
  'err.emailInvalid': 'Enter an email address like name@example.com.',
  'err.notesTooLong': 'Notes are too long — please shorten them.',
  'err.conflict': 'That time was just taken — pick another',
  'err.rateLimited': 'Too many requests. Please wait {wait} and try again.',
  'err.rateLimitedNoWait': 'There are already several open requests for this email address. Wait until they are answered, or cancel one, then try again.',
  'err.network': 'Couldn’t reach the server. Check your connection and try again — what you typed is kept.',
  'err.server': 'Something went wrong on our side. Please try again in a moment.',
  'err.tooLarge': 'That’s more text than we can accept — please shorten your notes.',
  'err.timeGone': 'That time is no longer offered — pick another',
  'err.forbidden': 'This request was blocked. Open the booking page directly and try again.',
  'err.problem': 'Please check: {message}',
  'err.summary': 'Please fix the highlighted field.',

  'done.title': 'Request sent — awaiting approval',
  'done.body': '{name} will review your request. Follow its status with the link below.',
  'done.what': 'What',
  'done.whatValue': '{duration} with {name}',
  'done.when': 'When',
  'done.video': 'Video call',
  'done.link': 'Your booking link',
  'done.linkHint': 'Keep this link: it shows the status, adds the meeting to your calendar and lets you cancel. Anyone with it can manage the booking.',
  'done.copy': 'Copy link',
  'done.copied': 'Copied',
  'done.copyFailed': 'Press Ctrl+C to copy',
  'done.open': 'Open booking',
  'done.again': 'Book another time',
  'done.announce': 'Request sent. It is awaiting approval.',
  'done.titleConfirmed': 'Booking confirmed',
  'done.bodyConfirmed': 'You’re booked with {name}. Add it to your calendar or cancel with the link below.',
  'done.announceConfirmed': 'Booking confirmed.',

  'page.notFoundTitle': 'This page doesn’t exist',
  'page.notFoundBody': 'Check the link you were given — it may be incomplete or misspelled.',
  'page.errorTitle': 'Couldn’t load this page',
  'page.errorBody': 'The server didn’t answer. Check your connection and try again.',

  'manage.title': 'Your booking with {name}',
  'manage.loading': 'Loading your booking…',
  'manage.badge.pending': 'Pending',
  'manage.badge.confirmed': 'Confirmed',
  'manage.badge.rejected': 'Declined',
  'manage.badge.cancelled': 'Cancelled',
  'manage.head.pending': 'Awaiting approval',
  'manage.head.confirmed': 'You’re booked',
  'manage.head.rejected': 'Request declined',
  'manage.head.cancelled': 'Booking cancelled',
  'manage.body.pending': '{name} hasn’t confirmed this time yet. This page always shows the latest status.',
  'manage.body.confirmed': '{name} confirmed the meeting. See you then!',
  'manage.body.rejected': '{name} can’t make this time. You’re welcome to pick another.',
  'manage.body.cancelled': 'This meeting won’t take place. You’re welcome to pick another time.',
  'manage.when': 'When',
  'manage.host': 'Host',
  'manage.video': 'Video call',
  'manage.videoPending': '{provider} — the link appears here once the booking is confirmed.',
  'manage.videoJoin': 'Join {provider}',
  'manage.attendee': 'Booked by',
  'manage.notes': 'Notes',
  'manage.ics': 'Add to calendar',
  'manage.cancel': 'Cancel booking',
  'manage.withdraw': 'Withdraw request',
  'manage.again': 'Book another time',
  'manage.dialog.title': 'Cancel this booking?',
  'manage.dialog.titlePending': 'Withdraw this request?',
  'manage.dialog.body': '{name} will see that you cancelled. This can’t be undone.',
  'manage.dialog.reason': 'Reason',
  'manage.dialog.keep': 'Keep it',
  'manage.dialog.confirm': 'Yes, cancel',
  'manage.dialog.confirmPending': 'Yes, withdraw',
  'manage.dialog.sending': 'Cancelling…',
  'manage.cancelled': 'Your booking is cancelled.',
  'manage.cannotCancel': 'This booking can no longer be cancelled. The latest status is shown below.',
  'manage.noticeRule': '{name} asks for at least {hours} h notice to cancel, so this booking can’t be cancelled online any more. Please contact {name} directly.',
  'manage.startedRule': 'This meeting has already started, so it can’t be cancelled online any more.',
  'manage.changeUntil': 'You can cancel online until {time}.',
  'manage.notFoundTitle': 'We couldn’t find this booking',
  'manage.notFoundBody': 'Open the full link from your confirmation — it ends with a long token.',
  'manage.zone': 'Times in {zone}',
  'manage.reschedule': 'Reschedule',
  'manage.previous': 'Previously',
  'manage.body.movePending': '{name} hasn’t confirmed the new time yet. Until then your booking at the previous time stays as it is.',
  'manage.moveWaiting': 'You asked to move this booking to {when}. Until {name} confirms, this time stays booked.',
  'manage.moveDeclined': '{name} can’t make the new time you asked for ({when}). This booking stays as it is.',
  'manage.moveSee': 'See the request',
  'resched.title': 'Pick a new time',
  'resched.keep': 'Your booking stays as it is until {name} confirms the new time.',
  'resched.replace': 'Your request moves to the new time; {name} still confirms it.',
  'resched.chosen': 'New time',
  'resched.back': 'Back',
  'resched.submit': 'Request this time',
  'resched.sending': 'Sending…',
  'resched.close': 'Keep the current time',
  'resched.sent': 'Request sent. The new time is awaiting approval.',
  'resched.waiting': 'A move of this booking is already waiting for approval. The latest status is shown below.',
  'resched.notAllowed': 'This booking can no longer be moved. The latest status is shown below.',
};

/**
 * The browser's first preferred language that we have text for decides both the text and the
 * formats: navigator.languages ['fr-CA', 'en'] → French text, Canadian French dates. With none
 * of ours (['es-ES']) the page is English, with English formats, so dates match the text.
 */
function negotiateLocale(preferred) {
  for (const tag of preferred) {
    try {
      const loc = new Intl.Locale(tag);
      if (loc.language === 'en' || translations[loc.language]) return loc.baseName;
    } catch { /* not a language tag: skip it */ }
  }
  return 'en';
}

export const locale = (() => {
  try {
    const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    return negotiateLocale(preferred.filter(Boolean));
  } catch { return 'en'; }
})();
const language = new Intl.Locale(locale).language;
const table = { ...strings, ...(translations[language] || {}) };
/** Language of the text we show (dates use the full locale). */
export const textLanguage = translations[language] ? language : 'en';

export function t(id, vars = {}) {
  const text = table[id] ?? id;
  return text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** Picks `${base}.one` / `${base}.other` (etc.) through Intl.PluralRules. */
export function tp(base, count, vars = {}) {
  const rule = new Intl.PluralRules(locale).select(count);
  const id = `${base}.${rule}` in table ? `${base}.${rule}` : `${base}.other`;
  return t(id, { count: new Intl.NumberFormat(locale).format(count), ...vars });
}

/** Fills `data-i18n="id"` text and `data-i18n-attr="attr:id;attr2:id2"` attributes. */
export function applyStrings(root = document) {
  document.documentElement.lang = textLanguage;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, id] = pair.split(':').map((s) => s.trim());
      if (attr && id) el.setAttribute(attr, t(id));
    }
  }
}

// ---------- DOM ----------

export const $ = (sel, root = document) => root.querySelector(sel);

/** Tiny element builder: h('button', {class: 'x', type: 'button', onclick: fn}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

let liveTimer;
/** Announces a status change through the page's polite live region. */
export function announce(message) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => { live.textContent = message; }, 60);
}

export const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// ---------- preferences ----------

const PREFIX = 'slotdesk.';
export const prefs = {
  get(key, fallback = null) {
    try { const v = localStorage.getItem(PREFIX + key); return v === null ? fallback : v; } catch { return fallback; }
  },
  set(key, value) {
    try { localStorage.setItem(PREFIX + key, value); } catch { /* storage disabled: keep working without it */ }
  },
};

export const session = {
  get(key) {
    try { return JSON.parse(sessionStorage.getItem(PREFIX + key) || 'null'); } catch { return null; }
  },
  set(key, value) {
    try { sessionStorage.setItem(PREFIX + key, JSON.stringify(value)); } catch { /* ignore */ }
  },
  remove(key) {
    try { sessionStorage.removeItem(PREFIX + key); } catch { /* ignore */ }
  },
};

// ---------- time zones and formatting ----------

export function isValidTimeZone(tz) {
  if (typeof tz !== 'string' || !tz) return false;
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

export function detectTimeZone() {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isValidTimeZone(tz) ? tz : 'UTC';
  } catch { return 'UTC'; }
}

export function allTimeZones(extra = []) {
  let zones = [];
  try { zones = Intl.supportedValuesOf('timeZone'); } catch { zones = []; }
  const set = new Set(zones);
  for (const z of ['UTC', ...extra]) if (z && !set.has(z) && isValidTimeZone(z)) { set.add(z); zones = [...zones, z]; }
  return zones;
}

/** "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires". */
export const zoneLabel = (tz) => tz.replace(/_/g, ' ');

const formatters = new Map();
function fmt(options) {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) { f = new Intl.DateTimeFormat(locale, options); formatters.set(key, f); }
  return f;
}

/** Whether the attendee's locale uses a 12-hour clock by default. */
export function localeUses12h() {
  try {
    const hc = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return hc === 'h12' || hc === 'h11';
  } catch { return false; }
}

// 24-hour times always get two hour digits ("09:00"), 12-hour ones don't ("9:00 AM").
const timeOptions = (tz, h12) => ({ hour: h12 ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: h12 ? 'h12' : 'h23', timeZone: tz });

export const formatTime = (date, tz, h12) => fmt(timeOptions(tz, h12)).format(date);

export function formatTimeRange(start, end, tz, h12) {
  const f = fmt(timeOptions(tz, h12));
  return typeof f.formatRange === 'function' ? f.formatRange(start, end) : `${f.format(start)} – ${f.format(end)}`;
}

/** "Tuesday, December 1, 2026" for an instant in a zone. */
export const formatLongDate = (date, tz) =>
  fmt({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: tz }).format(date);

/** GMT offset label ("GMT+1") of a zone at an instant. */
export function zoneOffset(tz, date = new Date()) {
  try {
    const part = fmt({ timeZone: tz, timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
    return part ? part.value : '';
  } catch { return ''; }
}

/** Meeting length: "30 min", "1 hr", "1 hr, 30 min". */
export function formatDuration(minutes) {
  try {
    if (typeof Intl.DurationFormat === 'function') {
      const h = Math.floor(minutes / 60); const m = minutes % 60;
      return new Intl.DurationFormat(locale, { style: 'short' }).format({ hours: h || undefined, minutes: m || (h ? undefined : 0) });
    }
  } catch { /* fall through */ }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
}

export function formatWait(seconds) {
  const unit = seconds >= 90 ? 'minute' : 'second';
  const value = unit === 'minute' ? Math.ceil(seconds / 60) : seconds;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

// ---------- calendar dates (YYYY-MM-DD strings, zone-free) ----------

const pad = (n) => String(n).padStart(2, '0');
export const ymd = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
export function parseYmd(s) { const [y, m, d] = s.split('-').map(Number); return { y, m, d }; }
export function addDays(s, n) {
  const { y, m, d } = parseYmd(s);
  const dt = new Date(Date.UTC(y, m - 1, d + n));
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}
export const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(s) { const { y, m, d } = parseYmd(s); return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7; }
/** Noon UTC of a calendar date, for formatting it with timeZone 'UTC'. */
export function dateOf(s) { const { y, m, d } = parseYmd(s); return new Date(Date.UTC(y, m - 1, d, 12)); }

/** Today's date in a zone, as YYYY-MM-DD. */
export function todayIn(tz) {
  const parts = Object.fromEntries(fmt({ timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** First day of the week for the locale (1 = Monday … 7 = Sunday). */
export function firstDayOfWeek() {
  try {
    const l = new Intl.Locale(locale);
    const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
    if (info && info.firstDay) return info.firstDay;
  } catch { /* fall through */ }
  return 1;
}

export const formatCalendarDate = (s, options) => fmt({ ...options, timeZone: 'UTC' }).format(dateOf(s));

// ---------- API ----------

function parseRetryAfter(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

/**
 * Calls the SlotDesk API. Never throws: returns
 * { ok, status, data, error: {code, message, field} | null, retryAfter: seconds | null, network: bool }.
 */
export async function api(path, { method = 'GET', body, timeoutMs = 20000 } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined,
    });
  } catch {
    return { ok: false, status: 0, data: null, error: null, retryAfter: null, network: true };
  }
  let data = null;
  if ((res.headers.get('Content-Type') || '').includes('json')) {
    try { data = await res.json(); } catch { data = null; }
  }
  const error = !res.ok ? (data && data.error) || { code: 'http_' + res.status, message: '' } : null;
  return { ok: res.ok, status: res.status, data, error, retryAfter: parseRetryAfter(res.headers.get('Retry-After')), network: false };
}

export const enc = encodeURIComponent;

/** Shows the full-page error card (used when the page itself cannot load). */
export function showPageError(kind, onRetry) {
  const card = document.getElementById('page-error');
  if (!card) return;
  for (const el of document.querySelectorAll('[data-page-content]')) el.hidden = true;
  const notFound = kind === 'not-found';
  card.replaceChildren(...[
    h('div', { class: 'state-icon' + (notFound ? '' : ' is-error'), 'aria-hidden': 'true' }, notFound ? '?' : '!'),
    h('h1', { class: 'state-title', tabindex: '-1', text: t(notFound ? (card.dataset.notFoundTitle || 'page.notFoundTitle') : 'page.errorTitle') }),
    h('p', { class: 'state-body', text: t(notFound ? (card.dataset.notFoundBody || 'page.notFoundBody') : 'page.errorBody') }),
    notFound ? null : h('button', { type: 'button', class: 'btn btn-primary', onclick: onRetry, text: t('common.retry') }),
  ].filter(Boolean));
  card.hidden = false;
  document.title = `${card.querySelector('h1').textContent} · ${t('app.name')}`;
  card.querySelector('h1').focus();
}
