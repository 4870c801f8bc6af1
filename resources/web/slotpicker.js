// The calendar and free-times picker of the attendee pages: the booking page books with it, the
// manage page moves a booking with it. It fills two panels with their markup, fetches the free
// times a month at a time (plus a few days either side) for one zone and one length, marks the
// bookable days, lists the chosen day's times and hands the chosen one to `onChoose`.
import {
  h, t, tp, api, announce, prefs, reducedMotion, formatTime, formatCalendarDate,
  ymd, parseYmd, addDays, daysInMonth, isoWeekday, todayIn, firstDayOfWeek,
} from './common.js';

const MONTHS_AHEAD = 12; // how far the month navigation goes; the server decides what is bookable
const PAD_DAYS = 7; // slots are fetched for the visible month plus this many days either side

const monthOf = (date) => date.slice(0, 7);
function monthAdd(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const isNarrow = () => window.matchMedia('(max-width: 719px)').matches;
export function scrollIntoViewIfNarrow(node) {
  if (isNarrow()) node.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

// h() makes HTML elements; SVG needs its namespace.
function svg(paths) {
  const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  root.setAttribute('class', 'icon');
  root.setAttribute('viewBox', '0 0 24 24');
  root.setAttribute('aria-hidden', 'true');
  for (const p of paths) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', p);
    root.append(path);
  }
  return root;
}
/**
 * new SlotPicker({ calendar, slots, slotsUrl, onChoose, tz, h12, duration, skip, onHourCycle })
 *  - calendar, slots: the two <section> panels to fill
 *  - slotsUrl(from, to, tz, duration): the API address of the free times (YYYY-MM-DD, inclusive)
 *  - onChoose(slot): a time was picked ({start, end} as the API spells them)
 *  - skip(slot): true for a time not to offer (the manage page: the booking's own time)
 *  - onHourCycle(): after the 12/24-hour toggle changed `h12`
 */
export class SlotPicker {
  constructor({ calendar, slots, slotsUrl, onChoose, tz, h12, duration, skip = () => false, onHourCycle = () => {} }) {
    Object.assign(this, { slotsUrl, onChoose, skip, onHourCycle, tz, h12, duration });
    this.today = todayIn(tz);
    this.month = monthOf(this.today);
    this.data = new Map(); // 'YYYY-MM-DD' -> [{start, end}] for the current zone + duration
    this.months = new Map(); // 'YYYY-MM' -> 'loading' | 'ready' | 'error'
    this.monthError = null;
    this.selectedDate = null;
    this.focusDate = null;
    this.slot = null;
    this.notice = null;
    this.firstLoad = true;
    this.inflight = new Map();
    this.el = { calPanel: calendar, slotsPanel: slots };
    this.build();
    this.setupCalendar();
    this.setupHourToggle();
  }

  // ---------- markup ----------

  build() {
    const el = this.el;
    const navButton = (id, label, path) => h('button', { type: 'button', class: 'icon-button', id, 'aria-label': t(label) }, svg([path]));
    el.calTitle = h('p', { class: 'cal-title', id: 'cal-title', 'aria-live': 'polite' });
    el.prev = navButton('prev-month', 'book.prevMonth', 'M15 18l-6-6 6-6');
    el.next = navButton('next-month', 'book.nextMonth', 'M9 6l6 6-6 6');
    el.calWeekdays = h('tr', { id: 'cal-weekdays' });
    el.calBody = h('tbody', { id: 'cal-body' });
    el.calGrid = h('table', { class: 'cal-grid', id: 'cal-grid', role: 'grid', 'aria-labelledby': 'cal-title' },
      h('thead', {}, el.calWeekdays), el.calBody);
    el.calStatus = h('div', { class: 'cal-status', id: 'cal-status', hidden: true });
    el.calPanel.setAttribute('aria-labelledby', 'cal-heading');
    el.calPanel.replaceChildren(
      h('h2', { class: 'visually-hidden', id: 'cal-heading', text: t('book.calendar') }),
      h('div', { class: 'cal-head' }, el.calTitle, h('div', { class: 'cal-nav' }, el.prev, el.next)),
      el.calGrid, el.calStatus);

    el.slotsTitle = h('h2', { class: 'slots-title', id: 'slots-title', tabindex: '-1' });
    el.hc12 = h('input', { type: 'radio', name: 'hour-cycle', id: 'hc-12', value: '12' });
    el.hc24 = h('input', { type: 'radio', name: 'hour-cycle', id: 'hc-24', value: '24' });
    el.slotsAlert = h('div', { class: 'alert alert-warning', id: 'slots-alert', role: 'alert', tabindex: '-1', hidden: true });
    el.slotsEmpty = h('p', { class: 'slots-empty', id: 'slots-empty' });
    el.slotList = h('ul', { class: 'slot-list', id: 'slot-list', 'aria-labelledby': 'slots-title' });
    el.slotsPanel.setAttribute('aria-labelledby', 'slots-title');
    el.slotsPanel.replaceChildren(
      h('div', { class: 'slots-head' }, el.slotsTitle,
        h('fieldset', { class: 'segmented segmented-small', id: 'hour-toggle' },
          h('legend', { class: 'visually-hidden', text: t('book.hourFormat') }),
          h('div', { class: 'segmented-options' },
            el.hc12, h('label', { for: 'hc-12', text: t('book.h12') }),
            el.hc24, h('label', { for: 'hc-24', text: t('book.h24') })))),
      el.slotsAlert,
      h('div', { class: 'slots-body' }, el.slotsEmpty, el.slotList));
  }

  // ---------- helpers ----------

  minMonth() { return monthOf(this.today); }
  maxMonth() { return monthAdd(this.minMonth(), MONTHS_AHEAD); }
  dataKey() { return `${this.tz}|${this.duration}`; }

  // ---------- what the page changes ----------

  /** Shows the current month and starts loading it. */
  start() {
    this.renderCalendar();
    this.renderSlots();
    this.showMonth(this.month);
  }

  setTimeZone(tz) {
    this.tz = tz;
    this.today = todayIn(tz);
    if (this.month < this.minMonth()) this.month = this.minMonth();
    this.refresh();
  }

  setDuration(minutes) {
    this.duration = minutes;
    this.slot = null;
    this.resetData();
    this.renderCalendar();
    this.renderSlots();
    this.showMonth(this.month);
  }

  /** Forgets every loaded month and loads the shown one again. */
  refresh() {
    this.resetData();
    this.renderCalendar();
    this.renderSlots();
    this.showMonth(this.month);
  }

  /** The chosen time is gone: forget it, say so above the slots, and reload them. */
  slotGone(message) {
    this.notice = message;
    this.slot = null;
    this.refresh();
  }

  /** Back from the page's next step: the days and times as they were, the chosen time focused. */
  focusChosen() {
    this.renderCalendar();
    this.renderSlots();
    const btn = this.slot && this.el.slotList.querySelector(`button[data-start="${CSS.escape(this.slot.start)}"]`);
    (btn || this.el.slotsTitle).focus();
  }

  // ---------- data ----------

  resetData() {
    this.data = new Map();
    this.months = new Map();
    this.inflight.clear();
  }

  loadMonth(month, { force = false } = {}) {
    if (!force) {
      if (this.months.get(month) === 'ready') return Promise.resolve(true);
      if (this.inflight.has(month)) return this.inflight.get(month);
    }
    const key = this.dataKey();
    const [y, m] = month.split('-').map(Number);
    const from = addDays(ymd(y, m, 1), -PAD_DAYS);
    const to = addDays(ymd(y, m, daysInMonth(y, m)), PAD_DAYS);
    this.months.set(month, 'loading');
    const promise = api(this.slotsUrl(from, to, this.tz, this.duration)).then((res) => {
      if (key !== this.dataKey() || this.inflight.get(month) !== promise) return false; // superseded
      this.inflight.delete(month);
      if (!res.ok || !res.data) {
        this.months.set(month, 'error');
        this.monthError = res;
        return false;
      }
      for (let d = from; d <= to; d = addDays(d, 1)) this.data.delete(d);
      for (const day of res.data.days || []) {
        const slots = day && Array.isArray(day.slots) ? day.slots.filter((s) => !this.skip(s)) : [];
        if (slots.length) this.data.set(day.date, slots);
      }
      this.months.set(month, 'ready');
      this.rebaseChosenSlot();
      return true;
    });
    this.inflight.set(month, promise);
    return promise;
  }

  /** After a zone change the same instant comes back with another offset: keep the server's spelling. */
  rebaseChosenSlot() {
    if (!this.slot) return;
    const at = Date.parse(this.slot.start);
    for (const slots of this.data.values()) {
      const match = slots.find((s) => Date.parse(s.start) === at);
      if (match) { this.slot = match; return; }
    }
  }

  monthHasSlots(month) {
    for (const date of this.data.keys()) if (monthOf(date) === month) return true;
    return false;
  }

  showMonth(month, { focus = false } = {}) {
    const el = this.el;
    if (month !== this.month && this.selectedDate && monthOf(this.selectedDate) !== month) {
      this.selectedDate = null;
      this.notice = null;
      this.renderSlots();
    }
    this.month = month;
    this.renderCalendar({ focus });
    this.loadMonth(month).then((loaded) => {
      if (this.month !== month) return;
      const wasFirst = this.firstLoad;
      this.firstLoad = false;
      // First visit late in a month with nothing left: show the next month instead.
      if (loaded && wasFirst && !this.monthHasSlots(month) && month < this.maxMonth()) {
        const next = monthAdd(month, 1);
        announce(t('book.jumped', { month: formatCalendarDate(`${next}-01`, { month: 'long', year: 'numeric' }) }));
        this.showMonth(next);
        return;
      }
      this.renderCalendar({ focus: focus || el.calBody.contains(document.activeElement) });
      this.renderSlots();
    });
  }

  // ---------- calendar ----------

  setupCalendar() {
    const el = this.el;
    const fdw = firstDayOfWeek();
    // A week that starts on fdw: 2024-01-01 was a Monday.
    el.calWeekdays.replaceChildren(...Array.from({ length: 7 }, (_, i) => {
      const date = addDays('2024-01-01', (fdw - 1 + i) % 7);
      return h('th', { scope: 'col', abbr: formatCalendarDate(date, { weekday: 'long' }) },
        h('span', { 'aria-hidden': 'true', text: formatCalendarDate(date, { weekday: 'short' }) }));
    }));
    el.prev.addEventListener('click', () => { if (this.month > this.minMonth()) this.showMonth(monthAdd(this.month, -1)); });
    el.next.addEventListener('click', () => { if (this.month < this.maxMonth()) this.showMonth(monthAdd(this.month, 1)); });
    el.calBody.addEventListener('click', (e) => {
      const btn = e.target.closest('button.day');
      if (!btn || btn.getAttribute('aria-disabled') === 'true') return;
      this.selectDate(btn.dataset.date);
    });
    el.calBody.addEventListener('keydown', (e) => this.onCalendarKey(e));
    el.calStatus.addEventListener('click', (e) => {
      const action = e.target.closest('[data-action]');
      if (!action) return;
      if (action.dataset.action === 'next') this.showMonth(monthAdd(this.month, 1));
      if (action.dataset.action === 'retry') { this.months.delete(this.month); this.showMonth(this.month); }
    });
  }

  onCalendarKey(e) {
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
    if (target < this.minMonth() || target > this.maxMonth()) return;
    this.focusDate = next;
    if (target !== this.month) { this.showMonth(target, { focus: true }); return; }
    this.moveRovingFocus(next);
  }

  moveRovingFocus(date) {
    const target = this.el.calBody.querySelector(`button.day[data-date="${date}"]`);
    if (!target) return;
    for (const b of this.el.calBody.querySelectorAll('button.day[tabindex="0"]')) b.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }

  dayLabel(date, count) {
    const text = formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
    const withToday = date === this.today ? `${text} (${t('book.day.today')})` : text;
    if (!count) return t('book.day.none', { date: withToday });
    return tp('book.day', count, { date: withToday });
  }

  renderCalendar({ focus = false } = {}) {
    const el = this.el;
    const month = this.month;
    const [y, m] = month.split('-').map(Number);
    const status = this.months.get(month) || 'loading';
    el.calTitle.textContent = formatCalendarDate(`${month}-01`, { month: 'long', year: 'numeric' });
    el.prev.disabled = month <= this.minMonth();
    el.next.disabled = month >= this.maxMonth();
    el.calGrid.setAttribute('aria-busy', String(status === 'loading'));
    el.calGrid.classList.toggle('is-loading', status === 'loading' && !this.monthHasSlots(month));

    const first = `${month}-01`;
    const lead = (isoWeekday(first) - firstDayOfWeek() + 7) % 7;
    const count = daysInMonth(y, m);
    const dates = [];
    for (let i = 0; i < 42; i++) {
      const day = i - lead + 1;
      dates.push(day >= 1 && day <= count ? ymd(y, m, day) : null);
    }
    const available = dates.filter((d) => d && this.data.get(d));
    let focusDate = [this.focusDate, this.selectedDate].find((d) => d && monthOf(d) === month)
      || available[0] || (monthOf(this.today) === month ? this.today : first);
    if (!dates.includes(focusDate)) focusDate = first;
    this.focusDate = focusDate;

    const rows = [];
    for (let r = 0; r < 6; r++) {
      rows.push(h('tr', {}, dates.slice(r * 7, r * 7 + 7).map((date) => {
        if (!date) return h('td', { class: 'cal-empty' });
        const slots = this.data.get(date);
        const n = slots ? slots.length : 0;
        const selected = date === this.selectedDate;
        return h('td', { 'aria-selected': selected ? 'true' : 'false' },
          h('button', {
            type: 'button',
            class: ['day', n ? 'is-available' : '', selected ? 'is-selected' : '', date === this.today ? 'is-today' : ''].join(' ').trim(),
            'data-date': date,
            tabindex: date === focusDate ? '0' : '-1',
            'aria-disabled': n ? 'false' : 'true',
            'aria-current': date === this.today ? 'date' : null,
            'aria-label': this.dayLabel(date, n),
          }, h('span', { class: 'day-num', text: String(parseYmd(date).d) })));
      })));
    }
    el.calBody.replaceChildren(...rows);
    if (focus) this.moveRovingFocus(focusDate);

    // Status under the grid: loading, error, or an empty month.
    let note = null;
    if (status === 'loading' && !available.length) {
      note = h('p', { class: 'cal-note' }, h('span', { class: 'spinner is-visible', 'aria-hidden': 'true' }), t('book.loadingSlots'));
    } else if (status === 'error') {
      const msg = this.monthError && this.monthError.error && this.monthError.error.field === 'timezone'
        ? this.monthError.error.message : t('book.slotsError');
      note = h('div', { class: 'cal-note is-error', role: 'alert' }, h('span', { text: msg }),
        h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'retry', text: t('common.retry') }));
    } else if (status === 'ready' && !available.length) {
      const canNext = month < this.maxMonth();
      note = h('div', { class: 'cal-note is-empty' },
        h('span', { text: canNext ? t('book.noSlotsMonth') : t('book.noSlotsAhead') }),
        canNext ? h('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-action': 'next' },
          t('book.goNextMonth'), ' →') : null);
    }
    el.calStatus.hidden = !note;
    el.calStatus.replaceChildren(...(note ? [note] : []));
  }

  selectDate(date) {
    this.selectedDate = date;
    this.focusDate = date;
    this.notice = null;
    const hadFocus = this.el.calBody.contains(document.activeElement);
    this.renderCalendar({ focus: hadFocus });
    this.renderSlots();
    const n = (this.data.get(date) || []).length;
    announce(`${formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric' })}: ${tp('book.slotsCount', n)}`);
    scrollIntoViewIfNarrow(this.el.slotsPanel);
  }

  // ---------- slots ----------

  renderSlots() {
    const el = this.el;
    const date = this.selectedDate;
    const slots = date ? this.data.get(date) || [] : [];
    const status = date ? this.months.get(monthOf(date)) : null;
    el.slotsTitle.textContent = date
      ? formatCalendarDate(date, { weekday: 'short', month: 'short', day: 'numeric' })
      : t('book.slots');
    if (date) el.slotsTitle.setAttribute('aria-label', formatCalendarDate(date, { weekday: 'long', month: 'long', day: 'numeric' }));
    else el.slotsTitle.removeAttribute('aria-label');
    el.slotsAlert.hidden = !this.notice;
    el.slotsAlert.textContent = this.notice || '';
    el.slotList.replaceChildren(...slots.map((slot) => {
      const s = new Date(slot.start); const e = new Date(slot.end);
      const time = formatTime(s, this.tz, this.h12);
      return h('li', {}, h('button', {
        type: 'button', class: 'slot' + (this.slot && this.slot.start === slot.start ? ' is-selected' : ''),
        'data-start': slot.start,
        'aria-label': t('book.slotLabel', { time, end: formatTime(e, this.tz, this.h12) }),
        onclick: () => { this.slot = slot; this.notice = null; this.onChoose(slot); },
      }, time));
    }));
    let empty = '';
    if (!date) empty = t('book.pickDay');
    else if (!slots.length) empty = status === 'loading' ? t('book.loadingSlots') : t('book.dayFull');
    el.slotsEmpty.textContent = empty;
    el.slotsEmpty.hidden = !empty;
    el.slotsPanel.classList.toggle('has-slots', slots.length > 0);
  }

  // ---------- hour format ----------

  setupHourToggle() {
    const el = this.el;
    (this.h12 ? el.hc12 : el.hc24).checked = true;
    for (const input of [el.hc12, el.hc24]) {
      input.addEventListener('change', () => {
        this.h12 = el.hc12.checked;
        prefs.set('hourCycle', this.h12 ? '12' : '24');
        this.renderSlots();
        this.onHourCycle();
      });
    }
  }
}
