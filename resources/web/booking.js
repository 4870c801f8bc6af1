// SlotDesk booking page: GET /{username}. Pick a day and a time, send a request, get a manage link.
import {
  $, h, t, tp, api, enc, announce, applyStrings, prefs, session, showPageError, reducedMotion, locale,
  detectTimeZone, isValidTimeZone, allTimeZones, zoneLabel, zoneOffset, localeUses12h,
  formatTime, formatTimeRange, formatLongDate, formatDuration, formatWait, formatCalendarDate,
  ymd, parseYmd, addDays, daysInMonth, isoWeekday, todayIn, firstDayOfWeek, textLanguage,
} from './common.js';

const MONTHS_AHEAD = 12; // how far the month navigation goes; the server decides what is bookable
const PAD_DAYS = 7; // slots are fetched for the visible month plus this many days either side
const FIELDS = ['name', 'email', 'notes', 'videoProvider'];

const username = (() => {
  const seg = location.pathname.split('/').filter(Boolean)[0];
  try { return seg ? decodeURIComponent(seg) : ''; } catch { return ''; }
})();

const el = {
  booking: $('#booking'), meta: $('#meta'),
  hostName: $('#host-name'), avatar: $('#host-avatar'),
  durationFact: $('#fact-duration'), durationText: $('#duration-text'),
  videoFact: $('#fact-video'), videoText: $('#video-text'), approvalText: $('#approval-text'),
  durationPicker: $('#duration-picker'), durationOptions: $('#duration-options'),
  tzInput: $('#tz-input'), tzList: $('#tz-list'), tzToggle: $('#tz-toggle'), tzHint: $('#tz-hint'), tzCombo: $('#tz-combo'),
  chosen: $('#chosen'), chosenDate: $('#chosen-date'), chosenRange: $('#chosen-range'), chosenChange: $('#chosen-change'),
  calPanel: $('#calendar-panel'), calTitle: $('#cal-title'), calGrid: $('#cal-grid'), calWeekdays: $('#cal-weekdays'),
  calBody: $('#cal-body'), calStatus: $('#cal-status'), prev: $('#prev-month'), next: $('#next-month'),
  slotsPanel: $('#slots-panel'), slotsTitle: $('#slots-title'), slotsAlert: $('#slots-alert'),
  slotsEmpty: $('#slots-empty'), slotList: $('#slot-list'), hc12: $('#hc-12'), hc24: $('#hc-24'),
  formPanel: $('#form-panel'), form: $('#book-form'), formTitle: $('#form-title'),
  formAlert: $('#form-alert'), formAlertText: $('#form-alert-text'), formAlertRetry: $('#form-alert-retry'),
  name: $('#f-name'), email: $('#f-email'), notes: $('#f-notes'),
  video: $('#f-video'), videoOptions: $('#f-video-options'), formNote: $('#form-note'),
  back: $('#back-button'), submit: $('#submit-button'), submitLabel: $('#submit-label'),
  donePanel: $('#done-panel'), doneTitle: $('#done-title'), doneBody: $('#done-body'), doneDetails: $('#done-details'),
  manageUrl: $('#manage-url'), manageLink: $('#manage-link'), copy: $('#copy-button'), copyLabel: $('#copy-label'),
  again: $('#again-button'),
};

const state = {
  profile: null,
  tz: 'UTC',
  h12: false,
  duration: 30,
  today: '',
  month: '', // 'YYYY-MM' shown in the calendar
  data: new Map(), // 'YYYY-MM-DD' -> [{start, end}] for the current zone + duration
  months: new Map(), // 'YYYY-MM' -> 'loading' | 'ready' | 'error'
  monthError: null,
  selectedDate: null,
  focusDate: null,
  slot: null,
  step: 'loading',
  submitting: false,
  waitUntil: 0,
  waitTimer: 0,
  notice: null,
  firstLoad: true,
};
const inflight = new Map();

// ---------- small helpers ----------

const monthOf = (date) => date.slice(0, 7);
function monthAdd(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const minMonth = () => monthOf(state.today);
const maxMonth = () => monthAdd(minMonth(), MONTHS_AHEAD);
const dataKey = () => `${state.tz}|${state.duration}`;
const isNarrow = () => window.matchMedia('(max-width: 719px)').matches;
const providers = () => (state.profile && Array.isArray(state.profile.videoProviders) ? state.profile.videoProviders : []);
const providerName = (p) => (t(`video.${p}`) === `video.${p}` ? p : t(`video.${p}`));
/**
 * Whether a request for a slot starting at `start` waits for the host, by the profile's approval
 * policy (a server that does not say asks for approval). The server decides; this tells the
 * attendee beforehand.
 */
function needsApproval(start) {
  const p = state.profile;
  if (p.approvalPolicy === 'never') return false;
  if (p.approvalPolicy === 'short-notice') return Date.parse(start) - Date.now() < Number(p.approvalWithinHours) * 3600000;
  return true;
}
const submitLabel = () => t(state.slot && !needsApproval(state.slot.start) ? 'form.submitInstant' : 'form.submit');
function initials(name) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0] || '').join('').toUpperCase();
}
function scrollIntoViewIfNarrow(node) {
  if (isNarrow()) node.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

// ---------- start ----------

async function start() {
  applyStrings();
  if (!username) { showPageError('not-found'); return; }
  const res = await api(`/api/v1/users/${enc(username)}`);
  if (res.status === 404) { showPageError('not-found'); return; }
  if (!res.ok || !res.data) { showPageError('error', () => location.reload()); return; }
  const p = res.data;
  p.durations = Array.isArray(p.durations) && p.durations.length ? p.durations : [p.defaultDuration || 30];
  state.profile = p;

  const savedTz = prefs.get('timeZone');
  state.tz = isValidTimeZone(savedTz) ? savedTz : detectTimeZone();
  const savedHc = prefs.get('hourCycle');
  state.h12 = savedHc ? savedHc === '12' : localeUses12h();
  state.duration = p.durations.includes(p.defaultDuration) ? p.defaultDuration : p.durations[0];
  state.today = todayIn(state.tz);
  state.month = monthOf(state.today);

  renderProfile();
  setupZonePicker();
  setupHourToggle();
  setupCalendar();
  setupForm();
  setupDone();
  restoreDraft();
  setStep('pick');
  renderCalendar();
  renderSlots();
  showMonth(state.month);
}

function renderProfile() {
  const p = state.profile;
  document.title = `${t('book.title', { name: p.name })} · ${t('app.name')}`;
  el.hostName.textContent = p.name;
  el.avatar.textContent = initials(p.name);
  el.approvalText.textContent = p.approvalPolicy === 'never' ? t('book.approvalNever')
    : p.approvalPolicy === 'short-notice' ? t('book.approvalShortNotice', { name: p.name, hours: p.approvalWithinHours })
      : t('book.approvalNote', { name: p.name });
  const list = providers();
  el.videoFact.hidden = list.length === 0;
  if (list.length) {
    const names = new Intl.ListFormat(locale, { type: 'disjunction' }).format(list.map(providerName));
    el.videoText.textContent = t('book.videoAvailable', { providers: names });
  }
  if (p.durations.length > 1) {
    el.durationFact.hidden = true;
    el.durationPicker.hidden = false;
    el.durationOptions.replaceChildren(...p.durations.flatMap((d) => [
      h('input', { type: 'radio', name: 'duration', id: `dur-${d}`, value: d, checked: d === state.duration }),
      h('label', { for: `dur-${d}`, text: formatDuration(d) }),
    ]));
    el.durationOptions.addEventListener('change', (e) => {
      const d = Number(e.target.value);
      if (!p.durations.includes(d) || d === state.duration) return;
      state.duration = d;
      state.slot = null;
      if (state.step === 'form') setStep('pick');
      resetData();
      renderCalendar();
      renderSlots();
      showMonth(state.month);
    });
  } else {
    el.durationText.textContent = formatDuration(state.duration);
  }
  // Video choice in the form: "None" plus each connected provider.
  el.video.hidden = list.length === 0;
  if (list.length) {
    const options = [['', t('form.videoNone')], ...list.map((v) => [v, providerName(v)])];
    el.videoOptions.replaceChildren(...options.map(([value, label], i) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'videoProvider', value, checked: i === 1 }),
      h('span', { text: label }))));
  }
}

// ---------- steps ----------

function setStep(step) {
  state.step = step;
  el.booking.dataset.step = step;
  el.booking.setAttribute('aria-busy', String(step === 'loading'));
  el.meta.hidden = step === 'done';
  el.calPanel.hidden = step !== 'pick';
  el.slotsPanel.hidden = step !== 'pick';
  el.formPanel.hidden = step !== 'form';
  el.donePanel.hidden = step !== 'done';
  el.chosen.hidden = step !== 'form';
  if (step === 'form') renderChosen();
}

function renderChosen() {
  if (!state.slot) return;
  const s = new Date(state.slot.start); const e = new Date(state.slot.end);
  el.chosenDate.textContent = formatLongDate(s, state.tz);
  el.chosenRange.textContent = formatTimeRange(s, e, state.tz, state.h12);
  // What sending does for this time: a request the host decides on, or a booking at once.
  const approval = needsApproval(state.slot.start);
  el.formNote.textContent = approval ? t('form.approval', { name: state.profile.name }) : t('form.instant');
  el.booking.dataset.approval = approval ? 'request' : 'instant';
  if (!state.submitting && Date.now() >= state.waitUntil) el.submitLabel.textContent = submitLabel();
}

// ---------- data ----------

function resetData() {
  state.data = new Map();
  state.months = new Map();
  inflight.clear();
}

function loadMonth(month, { force = false } = {}) {
  if (!force) {
    if (state.months.get(month) === 'ready') return Promise.resolve(true);
    if (inflight.has(month)) return inflight.get(month);
  }
  const key = dataKey();
  const [y, m] = month.split('-').map(Number);
  const from = addDays(ymd(y, m, 1), -PAD_DAYS);
  const to = addDays(ymd(y, m, daysInMonth(y, m)), PAD_DAYS);
  state.months.set(month, 'loading');
  const url = `/api/v1/users/${enc(username)}/slots?from=${from}&to=${to}&timezone=${enc(state.tz)}&duration=${state.duration}`;
  const promise = api(url).then((res) => {
    if (key !== dataKey() || inflight.get(month) !== promise) return false; // superseded
    inflight.delete(month);
    if (!res.ok || !res.data) {
      state.months.set(month, 'error');
      state.monthError = res;
      return false;
    }
    for (let d = from; d <= to; d = addDays(d, 1)) state.data.delete(d);
    for (const day of res.data.days || []) {
      if (day && Array.isArray(day.slots) && day.slots.length) state.data.set(day.date, day.slots);
    }
    state.months.set(month, 'ready');
    rebaseChosenSlot();
    return true;
  });
  inflight.set(month, promise);
  return promise;
}

/** After a zone change the same instant comes back with another offset: keep the server's spelling. */
function rebaseChosenSlot() {
  if (!state.slot) return;
  const at = Date.parse(state.slot.start);
  for (const slots of state.data.values()) {
    const match = slots.find((s) => Date.parse(s.start) === at);
    if (match) { state.slot = match; return; }
  }
}

function monthHasSlots(month) {
  for (const date of state.data.keys()) if (monthOf(date) === month) return true;
  return false;
}

function showMonth(month, { focus = false } = {}) {
  if (month !== state.month && state.selectedDate && monthOf(state.selectedDate) !== month) {
    state.selectedDate = null;
    state.notice = null;
    renderSlots();
  }
  state.month = month;
  renderCalendar({ focus });
  loadMonth(month).then((loaded) => {
    if (state.month !== month) return;
    const wasFirst = state.firstLoad;
    state.firstLoad = false;
    // First visit late in a month with nothing left: show the next month instead.
    if (loaded && wasFirst && !monthHasSlots(month) && month < maxMonth()) {
      const next = monthAdd(month, 1);
      announce(t('book.jumped', { month: formatCalendarDate(`${next}-01`, { month: 'long', year: 'numeric' }) }));
      showMonth(next);
      return;
    }
    renderCalendar({ focus: focus || el.calBody.contains(document.activeElement) });
    renderSlots();
  });
}

function refreshAll() {
  resetData();
  renderCalendar();
  renderSlots();
  showMonth(state.month);
}

// ---------- calendar ----------

function setupCalendar() {
  const fdw = firstDayOfWeek();
  // A week that starts on fdw: 2024-01-01 was a Monday.
  el.calWeekdays.replaceChildren(...Array.from({ length: 7 }, (_, i) => {
    const date = addDays('2024-01-01', (fdw - 1 + i) % 7);
    return h('th', { scope: 'col', abbr: formatCalendarDate(date, { weekday: 'long' }) },
      h('span', { 'aria-hidden': 'true', text: formatCalendarDate(date, { weekday: 'short' }) }));
  }));
  el.prev.addEventListener('click', () => { if (state.month > minMonth()) showMonth(monthAdd(state.month, -1)); });
  el.next.addEventListener('click', () => { if (state.month < maxMonth()) showMonth(monthAdd(state.month, 1)); });
  el.calBody.addEventListener('click', (e) => {
    const btn = e.target.closest('button.day');
    if (!btn || btn.getAttribute('aria-disabled') === 'true') return;
    selectDate(btn.dataset.date);
  });
  el.calBody.addEventListener('keydown', onCalendarKey);
  el.calStatus.addEventListener('click', (e) => {
    const action = e.target.closest('[data-action]');
    if (!action) return;
    if (action.dataset.action === 'next') showMonth(monthAdd(state.month, 1));
    if (action.dataset.action === 'retry') { state.months.delete(state.month); showMonth(state.month); }
  });
}

function onCalendarKey(e) {
  const btn = e.target.closest('button.day');
  if (!btn || e.altKey || e.ctrlKey || e.metaKey) return;
  const date = btn.dataset.date;
  const fdw = firstDayOfWeek();
  const col = (isoWeekday(date) - fdw + 7) % 7;
  let next = null;
  switch (e.key) {
    case 'ArrowLeft': next = addDays(date, -1); break;
    case 'ArrowRight': next = addDays(date, 1); break;
    case 'ArrowUp': next = addDays(date, -7); break;
    case 'ArrowDown': next = addDays(date, 7); break;
    case 'Home': next = addDays(date, -col); break;
    case 'End': next = addDays(date, 6 - col); break;
    case 'PageUp':
    case 'PageDown': {
      const target = monthAdd(monthOf(date), (e.key === 'PageUp' ? -1 : 1) * (e.shiftKey ? 12 : 1));
      const [ty, tm] = target.split('-').map(Number);
      next = ymd(ty, tm, Math.min(parseYmd(date).d, daysInMonth(ty, tm)));
      break;
    }
    default: return;
  }
  e.preventDefault();
  const target = monthOf(next);
  if (target < minMonth() || target > maxMonth()) return;
  state.focusDate = next;
  if (target !== state.month) { showMonth(target, { focus: true }); return; }
  moveRovingFocus(next);
}

function moveRovingFocus(date) {
  const target = el.calBody.querySelector(`button.day[data-date="${date}"]`);
  if (!target) return;
  for (const b of el.calBody.querySelectorAll('button.day[tabindex="0"]')) b.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}

function dayLabel(date, count) {
  const text = formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const withToday = date === state.today ? `${text} (${t('book.day.today')})` : text;
  if (!count) return t('book.day.none', { date: withToday });
  return tp('book.day', count, { date: withToday });
}

function renderCalendar({ focus = false } = {}) {
  const month = state.month;
  const [y, m] = month.split('-').map(Number);
  const status = state.months.get(month) || 'loading';
  el.calTitle.textContent = formatCalendarDate(`${month}-01`, { month: 'long', year: 'numeric' });
  el.prev.disabled = month <= minMonth();
  el.next.disabled = month >= maxMonth();
  el.calGrid.setAttribute('aria-busy', String(status === 'loading'));
  el.calGrid.classList.toggle('is-loading', status === 'loading' && !monthHasSlots(month));

  const first = `${month}-01`;
  const lead = (isoWeekday(first) - firstDayOfWeek() + 7) % 7;
  const count = daysInMonth(y, m);
  const dates = [];
  for (let i = 0; i < 42; i++) {
    const day = i - lead + 1;
    dates.push(day >= 1 && day <= count ? ymd(y, m, day) : null);
  }
  const available = dates.filter((d) => d && state.data.get(d));
  let focusDate = [state.focusDate, state.selectedDate].find((d) => d && monthOf(d) === month)
    || available[0] || (monthOf(state.today) === month ? state.today : first);
  if (!dates.includes(focusDate)) focusDate = first;
  state.focusDate = focusDate;

  const rows = [];
  for (let r = 0; r < 6; r++) {
    rows.push(h('tr', {}, dates.slice(r * 7, r * 7 + 7).map((date) => {
      if (!date) return h('td', { class: 'cal-empty' });
      const slots = state.data.get(date);
      const n = slots ? slots.length : 0;
      const selected = date === state.selectedDate;
      return h('td', { 'aria-selected': selected ? 'true' : 'false' },
        h('button', {
          type: 'button',
          class: ['day', n ? 'is-available' : '', selected ? 'is-selected' : '', date === state.today ? 'is-today' : ''].join(' ').trim(),
          'data-date': date,
          tabindex: date === focusDate ? '0' : '-1',
          'aria-disabled': n ? 'false' : 'true',
          'aria-current': date === state.today ? 'date' : null,
          'aria-label': dayLabel(date, n),
        }, h('span', { class: 'day-num', text: String(parseYmd(date).d) })));
    })));
  }
  el.calBody.replaceChildren(...rows);
  if (focus) moveRovingFocus(focusDate);

  // Status under the grid: loading, error, or an empty month.
  let status_ = null;
  if (status === 'loading' && !available.length) {
    status_ = h('p', { class: 'cal-note' }, h('span', { class: 'spinner is-visible', 'aria-hidden': 'true' }), t('book.loadingSlots'));
  } else if (status === 'error') {
    const msg = state.monthError && state.monthError.error && state.monthError.error.field === 'timezone'
      ? state.monthError.error.message : t('book.slotsError');
    status_ = h('div', { class: 'cal-note is-error', role: 'alert' }, h('span', { text: msg }),
      h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'retry', text: t('common.retry') }));
  } else if (status === 'ready' && !available.length) {
    const canNext = month < maxMonth();
    status_ = h('div', { class: 'cal-note is-empty' },
      h('span', { text: canNext ? t('book.noSlotsMonth') : t('book.noSlotsAhead') }),
      canNext ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-action': 'next' },
        t('book.goNextMonth'), ' →') : null);
  }
  el.calStatus.hidden = !status_;
  el.calStatus.replaceChildren(...(status_ ? [status_] : []));
}

function selectDate(date) {
  state.selectedDate = date;
  state.focusDate = date;
  state.notice = null;
  const hadFocus = el.calBody.contains(document.activeElement);
  renderCalendar({ focus: hadFocus });
  renderSlots();
  const n = (state.data.get(date) || []).length;
  announce(`${formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric' })}: ${tp('book.slotsCount', n)}`);
  scrollIntoViewIfNarrow(el.slotsPanel);
}

// ---------- slots ----------

function renderSlots() {
  const date = state.selectedDate;
  const slots = date ? state.data.get(date) || [] : [];
  const status = date ? state.months.get(monthOf(date)) : null;
  el.slotsTitle.textContent = date
    ? formatCalendarDate(date, { weekday: 'short', month: 'short', day: 'numeric' })
    : t('book.slots');
  if (date) el.slotsTitle.setAttribute('aria-label', formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric' }));
  else el.slotsTitle.removeAttribute('aria-label');
  el.slotsAlert.hidden = !state.notice;
  el.slotsAlert.textContent = state.notice || '';
  el.slotList.replaceChildren(...slots.map((slot) => {
    const s = new Date(slot.start); const e = new Date(slot.end);
    const time = formatTime(s, state.tz, state.h12);
    return h('li', {}, h('button', {
      type: 'button', class: 'slot' + (state.slot && state.slot.start === slot.start ? ' is-selected' : ''),
      'data-start': slot.start,
      'aria-label': t('book.slotLabel', { time, end: formatTime(e, state.tz, state.h12) }),
      onclick: () => chooseSlot(slot),
    }, time));
  }));
  let empty = '';
  if (!date) empty = t('book.pickDay');
  else if (!slots.length) empty = status === 'loading' ? t('book.loadingSlots') : t('book.dayFull');
  el.slotsEmpty.textContent = empty;
  el.slotsEmpty.hidden = !empty;
  el.slotsPanel.classList.toggle('has-slots', slots.length > 0);
}

function chooseSlot(slot) {
  state.slot = slot;
  state.notice = null;
  setStep('form');
  hideFormAlert();
  const firstEmpty = [el.name, el.email].find((f) => !f.value.trim());
  (firstEmpty || el.formTitle).focus();
  if (!firstEmpty || isNarrow()) el.formPanel.scrollIntoView({ block: 'nearest' });
  announce(`${t('book.selected')}: ${el.chosenDate.textContent}, ${el.chosenRange.textContent}`);
}

function backToSlots({ focusSlot = true } = {}) {
  setStep('pick');
  renderCalendar();
  renderSlots();
  const btn = state.slot && el.slotList.querySelector(`button[data-start="${CSS.escape(state.slot.start)}"]`);
  if (focusSlot) (btn || el.slotsTitle).focus();
}

// ---------- hour format and time zone ----------

function setupHourToggle() {
  (state.h12 ? el.hc12 : el.hc24).checked = true;
  for (const input of [el.hc12, el.hc24]) {
    input.addEventListener('change', () => {
      state.h12 = el.hc12.checked;
      prefs.set('hourCycle', state.h12 ? '12' : '24');
      renderSlots();
      renderChosen();
      updateZoneHint();
    });
  }
}

function updateZoneHint() {
  el.tzHint.textContent = t('book.tzNow', { offset: zoneOffset(state.tz), time: formatTime(new Date(), state.tz, state.h12) });
}

function setTimeZone(tz) {
  if (tz === state.tz || !isValidTimeZone(tz)) return;
  state.tz = tz;
  prefs.set('timeZone', tz);
  state.today = todayIn(tz);
  if (state.month < minMonth()) state.month = minMonth();
  updateZoneHint();
  refreshAll();
  renderChosen();
  announce(t('book.tzChanged', { zone: zoneLabel(tz) }));
}

/** Editable combobox with list autocomplete (WAI-ARIA APG pattern) over Intl.supportedValuesOf('timeZone'). */
function setupZonePicker() {
  const zones = allTimeZones([state.tz]);
  const search = new Map(zones.map((z) => [z, zoneLabel(z).toLowerCase().replace(/\//g, ' ')]));
  let offsets = null;
  let matches = [];
  let active = -1;
  let open = false;

  const display = () => {
    el.tzInput.value = zoneLabel(state.tz);
    el.tzInput.dataset.zone = state.tz;
    updateZoneHint();
  };
  const setExpanded = (v) => {
    open = v;
    el.tzList.hidden = !v;
    el.tzInput.setAttribute('aria-expanded', String(v));
    el.tzToggle.setAttribute('aria-expanded', String(v));
    el.tzCombo.classList.toggle('is-open', v);
    if (!v) el.tzInput.removeAttribute('aria-activedescendant');
  };
  const filter = (query) => {
    const tokens = query.toLowerCase().replace(/[_/,]/g, ' ').split(/\s+/).filter(Boolean);
    if (!tokens.length) return zones;
    if (!offsets) offsets = new Map(zones.map((z) => [z, zoneOffset(z).toLowerCase()]));
    return zones.filter((z) => tokens.every((tok) => search.get(z).includes(tok) || offsets.get(z) === tok));
  };
  const highlight = (index) => {
    const old = el.tzList.querySelector('.is-active');
    if (old) old.classList.remove('is-active');
    active = index;
    const opt = index >= 0 ? el.tzList.querySelector(`#tz-opt-${index}`) : null;
    if (!opt) { el.tzInput.removeAttribute('aria-activedescendant'); return; }
    opt.classList.add('is-active');
    el.tzInput.setAttribute('aria-activedescendant', opt.id);
    opt.scrollIntoView({ block: 'nearest' });
  };
  const render = (query) => {
    matches = filter(query);
    if (!offsets) offsets = new Map(zones.map((z) => [z, zoneOffset(z).toLowerCase()]));
    const now = new Date();
    if (!matches.length) {
      el.tzList.replaceChildren(h('li', { class: 'combo-empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: t('book.tzNoMatch', { query }) }));
      highlight(-1);
      return;
    }
    el.tzList.replaceChildren(...matches.map((z, i) => h('li', {
      id: `tz-opt-${i}`, role: 'option', 'data-zone': z, 'aria-selected': String(z === state.tz), class: 'combo-option',
    }, h('span', { class: 'combo-name', text: zoneLabel(z) }),
    h('span', { class: 'combo-meta', text: `${zoneOffset(z, now)} · ${formatTime(now, z, state.h12)}` }))));
    const current = matches.indexOf(state.tz);
    highlight(query ? 0 : Math.max(current, 0));
  };
  const choose = (zone) => {
    setExpanded(false);
    setTimeZone(zone);
    display();
  };
  const cancel = () => { setExpanded(false); display(); };

  display();
  el.tzInput.addEventListener('focus', () => el.tzInput.select());
  el.tzInput.addEventListener('click', () => { if (!open) { setExpanded(true); render(''); } });
  el.tzInput.addEventListener('input', () => { setExpanded(true); render(el.tzInput.value.trim()); });
  el.tzInput.addEventListener('keydown', (e) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) { setExpanded(true); render(''); return; }
        if (matches.length) highlight(Math.min(matches.length - 1, Math.max(0, active + (e.key === 'ArrowDown' ? 1 : -1))));
        break;
      case 'PageDown':
      case 'PageUp':
        if (!open || !matches.length) return;
        e.preventDefault();
        highlight(Math.min(matches.length - 1, Math.max(0, active + (e.key === 'PageDown' ? 10 : -10))));
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          if (active >= 0 && matches[active]) choose(matches[active]);
        }
        break;
      case 'Escape':
        if (open) { e.preventDefault(); cancel(); } else { display(); el.tzInput.select(); }
        break;
      case 'Tab':
        if (open) cancel();
        break;
      default:
    }
  });
  el.tzInput.addEventListener('blur', () => {
    setTimeout(() => { if (!el.tzCombo.contains(document.activeElement)) cancel(); }, 0);
  });
  el.tzList.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
  el.tzList.addEventListener('click', (e) => {
    const opt = e.target.closest('[role="option"][data-zone]');
    if (opt) choose(opt.dataset.zone);
  });
  el.tzToggle.addEventListener('mousedown', (e) => e.preventDefault());
  el.tzToggle.addEventListener('click', () => {
    if (open) { cancel(); return; }
    el.tzInput.focus();
    setExpanded(true);
    render('');
  });
  document.addEventListener('pointerdown', (e) => { if (open && !el.tzCombo.contains(e.target)) cancel(); });
  // Keep the "now" time in the hint fresh.
  setInterval(updateZoneHint, 30000);
}

// ---------- form ----------

const fieldInput = (field) => ({ name: el.name, email: el.email, notes: el.notes }[field] || null);
const hintId = (input) => ({ 'f-email': 'f-email-hint', 'f-notes': 'f-notes-hint' }[input.id] || null);

function showFieldError(field, message) {
  if (field === 'videoProvider') {
    const err = $('#f-video-error');
    err.textContent = message; err.hidden = false;
    el.video.setAttribute('aria-describedby', err.id);
    el.video.classList.add('is-invalid');
    return el.video.querySelector('input');
  }
  const input = fieldInput(field);
  if (!input) return null;
  const err = $(`#${input.id}-error`);
  err.textContent = message; err.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', [err.id, hintId(input)].filter(Boolean).join(' '));
  return input;
}

function clearFieldError(field) {
  if (field === 'videoProvider') {
    $('#f-video-error').hidden = true;
    el.video.removeAttribute('aria-describedby');
    el.video.classList.remove('is-invalid');
    return;
  }
  const input = fieldInput(field);
  if (!input) return;
  $(`#${input.id}-error`).hidden = true;
  input.removeAttribute('aria-invalid');
  const hint = hintId(input);
  if (hint) input.setAttribute('aria-describedby', hint); else input.removeAttribute('aria-describedby');
}

function showFormAlert(message, { retry = false } = {}) {
  el.formAlertText.textContent = message;
  el.formAlertRetry.hidden = !retry;
  el.formAlert.hidden = false;
  el.formAlert.focus();
}
function hideFormAlert() { el.formAlert.hidden = true; }

function readForm() {
  const video = el.form.querySelector('input[name="videoProvider"]:checked');
  return { name: el.name.value.trim(), email: el.email.value.trim(), notes: el.notes.value.trim(), video: video ? video.value : '' };
}

/** A field's length limit: the server fills the inputs' maxlength with its own (-1: none). */
const limitOf = (input) => (input.maxLength > 0 ? input.maxLength : Infinity);

function validate(v) {
  const errors = [];
  if (!v.name) errors.push(['name', t('err.nameRequired')]);
  else if (v.name.length > limitOf(el.name)) errors.push(['name', t('err.nameTooLong', { max: limitOf(el.name) })]);
  if (!v.email) errors.push(['email', t('err.emailRequired')]);
  else if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v.email)) errors.push(['email', t('err.emailInvalid')]);
  if (v.notes.length > limitOf(el.notes)) errors.push(['notes', t('err.notesTooLong')]);
  return errors;
}

function saveDraft() {
  const v = readForm();
  session.set('draft', { name: el.name.value, email: el.email.value, notes: el.notes.value, video: v.video });
}
function restoreDraft() {
  const d = session.get('draft');
  if (!d) return;
  if (typeof d.name === 'string') el.name.value = d.name;
  if (typeof d.email === 'string') el.email.value = d.email;
  if (typeof d.notes === 'string') el.notes.value = d.notes;
  if (typeof d.video === 'string') {
    const r = [...el.form.querySelectorAll('input[name="videoProvider"]')].find((i) => i.value === d.video);
    if (r) r.checked = true;
  }
}

function setupForm() {
  el.form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  el.formAlertRetry.addEventListener('click', () => submit());
  el.back.addEventListener('click', () => backToSlots());
  el.chosenChange.addEventListener('click', () => backToSlots());
  el.form.addEventListener('input', (e) => {
    saveDraft();
    const field = e.target.name;
    if (FIELDS.includes(field)) clearFieldError(field);
  });
}

function setSubmitting(on) {
  state.submitting = on;
  el.submit.classList.toggle('is-busy', on);
  el.submit.setAttribute('aria-disabled', String(on));
  el.submitLabel.textContent = on ? t('form.sending') : submitLabel();
  el.form.setAttribute('aria-busy', String(on));
}

function startWait(seconds) {
  state.waitUntil = Date.now() + seconds * 1000;
  clearInterval(state.waitTimer);
  const tick = () => {
    const left = Math.ceil((state.waitUntil - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(state.waitTimer);
      el.submit.disabled = false;
      el.submitLabel.textContent = submitLabel();
      hideFormAlert();
      return;
    }
    el.submit.disabled = true;
    el.submitLabel.textContent = t('form.waitButton', { seconds: left });
  };
  tick();
  state.waitTimer = setInterval(tick, 1000);
}

async function submit() {
  if (state.submitting || !state.slot || Date.now() < state.waitUntil) return;
  hideFormAlert();
  for (const f of FIELDS) clearFieldError(f);
  const v = readForm();
  const errors = validate(v);
  if (errors.length) {
    const inputs = errors.map(([field, msg]) => showFieldError(field, msg));
    inputs[0].focus();
    return;
  }
  const body = { start: state.slot.start, duration: state.duration, name: v.name, email: v.email, timezone: state.tz, language: textLanguage };
  if (v.notes) body.notes = v.notes;
  if (providers().length) body.videoProvider = v.video || null;
  setSubmitting(true);
  const res = await api(`/api/v1/users/${enc(username)}/bookings`, { method: 'POST', body });
  setSubmitting(false);
  if (res.ok && res.data) { showDone(res.data, v); return; }
  handleSubmitError(res);
}

function handleSubmitError(res) {
  const err = res.error || {};
  if (res.network) { showFormAlert(t('err.network'), { retry: true }); return; }
  switch (res.status) {
    case 409:
      slotGone(t('err.conflict'));
      return;
    case 422: {
      if (err.field === 'start' || err.field === 'duration') { slotGone(t('err.timeGone')); return; }
      const input = FIELDS.includes(err.field) ? showFieldError(err.field, err.message || t('err.server')) : null;
      if (input) { input.focus(); announce(err.message || ''); } else showFormAlert(t('err.problem', { message: err.message || err.field || '' }));
      return;
    }
    case 429:
      if (res.retryAfter) {
        showFormAlert(t('err.rateLimited', { wait: formatWait(res.retryAfter) }));
        startWait(res.retryAfter);
      } else {
        showFormAlert(t('err.rateLimitedNoWait'));
      }
      return;
    case 413: {
      const input = showFieldError('notes', t('err.tooLarge'));
      if (input) input.focus();
      return;
    }
    case 403: showFormAlert(t('err.forbidden')); return;
    default: showFormAlert(t('err.server'), { retry: true });
  }
}

/** The chosen time is gone: back to the slots, say so, and reload them. */
function slotGone(message) {
  state.notice = message;
  state.slot = null;
  setStep('pick');
  refreshAll();
  el.slotsAlert.focus();
  scrollIntoViewIfNarrow(el.slotsPanel);
}

// ---------- confirmation ----------

function setupDone() {
  el.copy.addEventListener('click', async () => {
    const url = el.manageUrl.value;
    try {
      await navigator.clipboard.writeText(url);
      el.copyLabel.textContent = t('done.copied');
      el.copy.classList.add('is-done');
      announce(t('done.copied'));
    } catch {
      el.manageUrl.focus();
      el.manageUrl.select();
      el.copyLabel.textContent = t('done.copyFailed');
    }
    setTimeout(() => { el.copyLabel.textContent = t('done.copy'); el.copy.classList.remove('is-done'); }, 2500);
  });
  el.manageUrl.addEventListener('focus', () => el.manageUrl.select());
  el.again.addEventListener('click', () => {
    state.slot = null;
    el.notes.value = '';
    saveDraft();
    document.title = `${t('book.title', { name: state.profile.name })} · ${t('app.name')}`;
    setStep('pick');
    refreshAll();
    el.calTitle.scrollIntoView({ block: 'nearest' });
    const day = el.calBody.querySelector('button.day[tabindex="0"]');
    if (day) day.focus();
  });
}

function showDone(booking, v) {
  const s = new Date(booking.startTime || state.slot.start);
  const e = new Date(booking.endTime || state.slot.end);
  const url = new URL(booking.manageUrl, location.href).href;
  // The host's standing rule may have confirmed it at once.
  const confirmed = booking.status === 'confirmed';
  el.donePanel.dataset.status = confirmed ? 'confirmed' : 'pending';
  el.doneTitle.textContent = t(confirmed ? 'done.titleConfirmed' : 'done.title');
  el.doneBody.textContent = t(confirmed ? 'done.bodyConfirmed' : 'done.body', { name: state.profile.name });
  const rows = [
    [t('done.what'), t('done.whatValue', { duration: formatDuration(state.duration), name: state.profile.name })],
    [t('done.when'), `${formatLongDate(s, state.tz)}\n${formatTimeRange(s, e, state.tz, state.h12)} (${zoneLabel(state.tz)})`],
  ];
  if (v.video) rows.push([t('done.video'), providerName(v.video)]);
  el.doneDetails.replaceChildren(...rows.map(([k, val]) => h('div', { class: 'detail' }, h('dt', { text: k }), h('dd', { text: val }))));
  el.doneDetails.querySelectorAll('dd')[1].classList.add('pre-line');
  el.manageUrl.value = url;
  el.manageLink.href = url;
  // Keep name/email for another booking; the notes were for this one.
  session.set('draft', { name: el.name.value, email: el.email.value, notes: '', video: v.video });
  el.notes.value = '';
  document.title = `${el.doneTitle.textContent} · ${t('app.name')}`;
  setStep('done');
  window.scrollTo({ top: 0 });
  el.doneTitle.focus();
  announce(t(confirmed ? 'done.announceConfirmed' : 'done.announce'));
}

start();
