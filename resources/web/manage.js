// SlotDesk manage page: GET /booking/{id}?token=T. Status, add to calendar, cancel, reschedule
// (within the host's rules, which the page explains when they stop the attendee). The token opens
// this booking and every move made from it (the API follows the chain), so the page of a booking
// a move replaced leads on to the move.
import {
  $, h, t, api, enc, announce, applyStrings, prefs, showPageError,
  detectTimeZone, isValidTimeZone, zoneLabel, zoneOffset, localeUses12h,
  formatLongDate, formatTime, formatTimeRange,
} from './common.js';
import { SlotPicker } from './slotpicker.js';

const STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'];

const id = (() => {
  const m = /^\/booking\/([^/]+)\/?$/.exec(location.pathname);
  try { return m ? decodeURIComponent(m[1]) : ''; } catch { return ''; }
})();
const token = new URLSearchParams(location.search).get('token') || '';
const q = `?token=${enc(token)}`;
const pageOf = (bookingId) => `/booking/${enc(bookingId)}${q}`;
/** The API address of the booking shown: after a move, the new one. */
let base = `/api/v1/bookings/${enc(id)}`;

const el = {
  card: $('#manage'), loading: $('#m-loading'), content: $('#m-content'),
  badge: $('#m-badge'), title: $('#m-title'), body: $('#m-body'), alert: $('#m-alert'),
  when: $('#m-when'), zone: $('#m-zone'), host: $('#m-host'),
  videoRow: $('#m-video-row'), video: $('#m-video'), attendee: $('#m-attendee'),
  notesRow: $('#m-notes-row'), notes: $('#m-notes'),
  ics: $('#m-ics'), again: $('#m-again'), cancel: $('#m-cancel'), rule: $('#m-rule'),
  dialog: $('#cancel-dialog'), dTitle: $('#cd-title'), dBody: $('#cd-body'), reason: $('#cd-reason'),
  dAlert: $('#cd-alert'), keep: $('#cd-keep'), confirm: $('#cd-confirm'), confirmLabel: $('#cd-confirm-label'),
  form: $('#cancel-form'),
  previousRow: $('#m-previous-row'), previous: $('#m-previous'),
  move: $('#m-move'), moveText: $('#m-move-text'), moveLink: $('#m-move-link'),
  reschedule: $('#m-reschedule'), rCard: $('#reschedule'), rTitle: $('#r-title'), rNote: $('#r-note'),
  rConfirm: $('#r-confirm'), rDate: $('#r-chosen-date'), rRange: $('#r-chosen-range'), rAlert: $('#r-alert'),
  rBack: $('#r-back'), rSubmit: $('#r-submit'), rSubmitLabel: $('#r-submit-label'), rClose: $('#r-close'),
};

let booking = null;
let cancelling = false;
let moving = false;
/** The calendar and free times for a move (slotpicker.js), made when first opened. */
let picker = null;

const providerName = (p) => (t(`video.${p}`) === `video.${p}` ? p : t(`video.${p}`));
const h12 = () => { const v = prefs.get('hourCycle'); return v ? v === '12' : localeUses12h(); };
/** The attendee's zone from the booking; the browser's if the booking has none we can use. */
const zone = () => (booking && isValidTimeZone(booking.timezone) ? booking.timezone : detectTimeZone());
const safeHttpUrl = (u) => { try { const x = new URL(u); return x.protocol === 'https:' || x.protocol === 'http:' ? x.href : null; } catch { return null; } };

/** Why the host's rules stop the attendee cancelling: the API names the rule (`cancelBlockedBy`, or an error's field). */
function blockedText(rule) {
  const name = (booking && booking.host && booking.host.name) || '';
  if (rule === 'attendeeChangeNoticeHours') return t('manage.noticeRule', { name, hours: booking ? booking.attendeeChangeNoticeHours : '' });
  if (rule === 'start') return t('manage.startedRule');
  return t('manage.cannotCancel');
}

async function load({ focus = false, quiet = false } = {}) {
  const res = await api(`${base}${q}`);
  if (quiet && !(res.ok && res.data)) return false; // a background refresh keeps what is shown
  if (res.status === 404 || res.status === 400) { showPageError('not-found'); return false; }
  if (!res.ok || !res.data) { showPageError('error', () => { $('#page-error').hidden = true; el.card.hidden = false; load({ focus: true }); }); return false; }
  // A booking a move replaced leads on to the move (which may have moved on in turn).
  if (res.data.status === 'cancelled' && res.data.rescheduledTo) {
    location.replace(pageOf(res.data.rescheduledTo.id));
    return false;
  }
  booking = res.data;
  render();
  if (focus) el.title.focus();
  return true;
}

function render() {
  const b = booking;
  const status = STATUSES.includes(b.status) ? b.status : 'pending';
  const host = (b.host && b.host.name) || '';
  el.card.setAttribute('aria-busy', 'false');
  el.loading.hidden = true;
  el.content.hidden = false;

  el.badge.dataset.status = status;
  el.card.dataset.status = status;
  el.badge.textContent = t(`manage.badge.${status}`);
  el.title.textContent = t(`manage.head.${status}`);
  el.body.textContent = t(`manage.body.${status}`, { name: host });
  document.title = `${t(`manage.head.${status}`)} · ${t('manage.title', { name: host })}`;

  const tz = zone();
  const s = new Date(b.startTime); const e = new Date(b.endTime);
  el.when.textContent = `${formatLongDate(s, tz)}\n${formatTimeRange(s, e, tz, h12())}`;
  el.zone.textContent = t('manage.zone', { zone: `${zoneLabel(tz)} (${zoneOffset(tz, s)})` });
  el.host.textContent = host;
  el.attendee.replaceChildren(h('span', { text: b.attendeeName || '' }), b.attendeeEmail ? h('span', { class: 'quiet block', text: b.attendeeEmail }) : '');
  el.notesRow.hidden = !b.notes;
  el.notes.textContent = b.notes || '';

  const link = b.videoLink ? safeHttpUrl(b.videoLink) : null;
  el.videoRow.hidden = !b.videoProvider && !link;
  if (link) {
    el.video.replaceChildren(h('a', { href: link, target: '_blank', rel: 'noopener noreferrer', text: t('manage.videoJoin', { provider: providerName(b.videoProvider || '') }).trim() }));
  } else if (b.videoProvider) {
    el.video.classList.toggle('quiet', status === 'pending');
    el.video.textContent = status === 'pending' ? t('manage.videoPending', { provider: providerName(b.videoProvider) }) : providerName(b.videoProvider);
  }

  const live = status === 'pending' || status === 'confirmed';
  el.ics.hidden = !live;
  el.ics.href = `${base}/ics${q}`;
  el.again.hidden = live || !(b.host && b.host.username);
  if (b.host && b.host.username) el.again.href = `/${enc(b.host.username)}`;
  el.cancel.hidden = !b.canCancel;
  el.cancel.textContent = t(status === 'pending' ? 'manage.withdraw' : 'manage.cancel');
  // The host's notice rule: until when cancelling works, or why it no longer does.
  const hours = Number(b.attendeeChangeNoticeHours) || 0;
  let rule = '';
  if (live && !b.canCancel && b.cancelBlockedBy) {
    rule = blockedText(b.cancelBlockedBy);
  } else if (b.canCancel && status === 'confirmed' && hours > 0) {
    const until = new Date(s.getTime() - hours * 3600000);
    rule = t('manage.changeUntil', { time: `${formatLongDate(until, tz)}, ${formatTime(until, tz, h12())}` });
  }
  el.rule.textContent = rule;
  el.rule.hidden = !rule;
  el.rule.dataset.rule = live && !b.canCancel && b.cancelBlockedBy ? b.cancelBlockedBy : '';
  el.reschedule.hidden = !b.canReschedule;
  if (!b.canReschedule) closeReschedule();
  renderMoves(b, host, tz);
}

/** Spelled out: "Tuesday, December 1, 2026, 10:00 – 10:30". */
function whenText(linked, tz) {
  const s = new Date(linked.startTime); const e = new Date(linked.endTime);
  return `${formatLongDate(s, tz)}, ${formatTimeRange(s, e, tz, h12())}`;
}

/** What moves say about this booking: the time a move replaces, a move waiting or declined. */
function renderMoves(b, host, tz) {
  const from = b.rescheduledFrom;
  el.previousRow.hidden = !from;
  if (from) el.previous.textContent = whenText(from, tz);
  // A move request while the meeting it moves is still booked.
  if (from && b.status === 'pending' && from.status === 'confirmed') {
    el.body.textContent = t('manage.body.movePending', { name: host });
  }
  const to = b.rescheduledTo;
  const live = b.status === 'pending' || b.status === 'confirmed';
  const waiting = live && to && to.status === 'pending';
  const declined = live && to && to.status === 'rejected';
  el.move.hidden = !(waiting || declined);
  el.moveLink.hidden = !waiting;
  if (waiting) {
    el.moveText.textContent = t('manage.moveWaiting', { when: whenText(to, tz), name: host });
    el.moveLink.href = pageOf(to.id);
  } else if (declined) {
    el.moveText.textContent = t('manage.moveDeclined', { when: whenText(to, tz), name: host });
  }
}

function showAlert(message) {
  el.alert.textContent = message;
  el.alert.hidden = false;
}

const confirmId = () => (booking && booking.status === 'pending' ? 'manage.dialog.confirmPending' : 'manage.dialog.confirm');

function openDialog() {
  const pending = booking.status === 'pending';
  el.confirmLabel.textContent = t(confirmId());
  el.dTitle.textContent = t(pending ? 'manage.dialog.titlePending' : 'manage.dialog.title');
  el.dBody.textContent = t('manage.dialog.body', { name: (booking.host && booking.host.name) || '' });
  el.dAlert.hidden = true;
  el.dialog.showModal();
  el.keep.focus();
}

function setBusy(on) {
  cancelling = on;
  el.confirm.classList.toggle('is-busy', on);
  el.confirm.setAttribute('aria-disabled', String(on));
  el.confirmLabel.textContent = t(on ? 'manage.dialog.sending' : confirmId());
}

async function confirmCancel() {
  if (cancelling) return;
  setBusy(true);
  el.dAlert.hidden = true;
  const reason = el.reason.value.trim();
  const res = await api(`${base}/cancel${q}`, { method: 'POST', body: reason ? { reason } : {} });
  setBusy(false);
  if (res.network) { el.dAlert.textContent = t('err.network'); el.dAlert.hidden = false; return; }
  if (res.status === 429) {
    el.dAlert.textContent = res.retryAfter ? t('err.rateLimited', { wait: `${res.retryAfter}s` }) : t('err.rateLimitedNoWait');
    el.dAlert.hidden = false;
    return;
  }
  if (res.status === 422 && res.error && res.error.field === 'reason') {
    el.dAlert.textContent = t('err.problem', { message: res.error.message || '' });
    el.dAlert.hidden = false;
    return;
  }
  el.dialog.close();
  if (res.ok && res.data) {
    booking = res.data;
    el.alert.hidden = true;
    render();
    el.title.focus();
    announce(t('manage.cancelled'));
    return;
  }
  if (res.status === 409 || res.status === 422) {
    // Decided meanwhile (409), or too late by the host's rules (422, the error names the rule).
    await load();
    showAlert(res.status === 422 ? blockedText(res.error && res.error.field) : t('manage.cannotCancel'));
    el.alert.focus();
    return;
  }
  if (res.status === 404) { showPageError('not-found'); return; }
  showAlert(t('err.server'));
  el.alert.focus();
}

// ---------- reschedule ----------

function openReschedule() {
  const b = booking;
  const host = (b.host && b.host.name) || '';
  el.rNote.textContent = t(b.status === 'pending' ? 'resched.replace' : 'resched.keep', { name: host });
  el.rAlert.hidden = true;
  el.rConfirm.hidden = true;
  if (!picker) {
    picker = new SlotPicker({
      calendar: $('#calendar-panel'),
      slots: $('#slots-panel'),
      slotsUrl: (from, to, tz, duration) => `/api/v1/users/${enc(booking.host.username)}/slots?from=${from}&to=${to}`
        + `&timezone=${enc(tz)}&duration=${duration}&reschedule=${enc(booking.id)}&token=${enc(token)}`,
      onChoose: chooseNewTime,
      onHourCycle: () => { render(); renderChosen(); },
      // Its own time is no move.
      skip: (slot) => Date.parse(slot.start) === Date.parse(booking.startTime),
      tz: zone(),
      h12: h12(),
      duration: b.duration,
    });
    picker.start();
  } else {
    picker.slot = null;
    picker.notice = null;
    picker.tz = zone();
    picker.duration = b.duration;
    picker.refresh();
  }
  el.rCard.hidden = false;
  el.reschedule.setAttribute('aria-expanded', 'true');
  el.rCard.scrollIntoView({ block: 'start' });
  el.rTitle.focus();
}

function closeReschedule() {
  if (el.rCard.hidden) return;
  el.rCard.hidden = true;
  el.reschedule.setAttribute('aria-expanded', 'false');
}

function renderChosen() {
  if (!picker || !picker.slot) return;
  const s = new Date(picker.slot.start); const e = new Date(picker.slot.end);
  el.rDate.textContent = formatLongDate(s, picker.tz);
  el.rRange.textContent = formatTimeRange(s, e, picker.tz, picker.h12);
}

function chooseNewTime() {
  renderChosen();
  el.rAlert.hidden = true;
  el.rConfirm.hidden = false;
  picker.renderSlots();
  el.rSubmit.focus();
  announce(`${t('resched.chosen')}: ${el.rDate.textContent}, ${el.rRange.textContent}`);
}

function setMoving(on) {
  moving = on;
  el.rSubmit.classList.toggle('is-busy', on);
  el.rSubmit.setAttribute('aria-disabled', String(on));
  el.rSubmitLabel.textContent = t(on ? 'resched.sending' : 'resched.submit');
}

function showMoveAlert(message) {
  el.rAlert.textContent = message;
  el.rAlert.hidden = false;
  el.rAlert.focus();
}

/** The chosen time is gone: back to the times, say so, and reload them. */
function timeGone(message) {
  el.rConfirm.hidden = true;
  picker.slotGone(message);
  picker.el.slotsAlert.focus();
}

async function submitMove() {
  if (moving || !picker || !picker.slot) return;
  setMoving(true);
  const body = { start: picker.slot.start, duration: picker.duration, timezone: picker.tz };
  const res = await api(`${base}/reschedule${q}`, { method: 'POST', body });
  setMoving(false);
  if (res.ok && res.data) {
    // The new request is this page's booking from now on (the same token opens it).
    booking = res.data;
    base = `/api/v1/bookings/${enc(booking.id)}`;
    history.pushState(null, '', pageOf(booking.id));
    closeReschedule();
    el.alert.hidden = true;
    render();
    el.title.focus();
    announce(t('resched.sent'));
    return;
  }
  const err = res.error || {};
  if (res.network) { showMoveAlert(t('err.network')); return; }
  switch (res.status) {
    case 409:
      if (err.field === 'start') { timeGone(t('err.conflict')); return; }
      closeReschedule();
      await load();
      showAlert(t('resched.waiting'));
      el.alert.focus();
      return;
    case 422:
      if (err.field === 'start' || err.field === 'duration') { timeGone(t('err.timeGone')); return; }
      closeReschedule();
      await load();
      showAlert(err.message || t('resched.notAllowed'));
      el.alert.focus();
      return;
    case 404: showPageError('not-found'); return;
    case 429:
      showMoveAlert(res.retryAfter ? t('err.rateLimited', { wait: `${res.retryAfter}s` }) : t('err.rateLimitedNoWait'));
      return;
    default: showMoveAlert(t('err.server'));
  }
}

function setupReschedule() {
  el.reschedule.addEventListener('click', () => (el.rCard.hidden ? openReschedule() : closeReschedule()));
  el.rClose.addEventListener('click', () => { closeReschedule(); el.reschedule.focus(); });
  el.rBack.addEventListener('click', () => { el.rConfirm.hidden = true; picker.focusChosen(); });
  el.rSubmit.addEventListener('click', submitMove);
  // Back from a move to the page it was made on: show that booking as it is now.
  window.addEventListener('popstate', () => location.reload());
}

function setup() {
  applyStrings();
  setupReschedule();
  el.cancel.addEventListener('click', openDialog);
  el.keep.addEventListener('click', () => el.dialog.close());
  el.form.addEventListener('submit', (e) => { e.preventDefault(); confirmCancel(); });
  el.dialog.addEventListener('close', () => { if (booking && !el.cancel.hidden) el.cancel.focus(); });
  el.dialog.addEventListener('cancel', (e) => { if (cancelling) e.preventDefault(); });
  // Re-check the status when the attendee comes back to the tab.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && booking && !el.dialog.open && !cancelling && !moving) load({ quiet: true });
  });
  if (!id || !token) { showPageError('not-found'); return; }
  load();
}

setup();
