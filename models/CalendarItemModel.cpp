#include "models/CalendarItemModel.h"

#include "booking/BookingService.h"
#include "calendar/CalendarEventService.h"
#include "models/AdminSession.h"
#include "models/ItemRoles.h"
#include "models/PlainToolTip.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"

#include "core/ZonedTime.h"
#include "domain/Validation.h"

#include <algorithm>

namespace slotdesk::models {
namespace {

void sortByStart(QVector<CalendarItem>& items) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
    });
}

} // namespace

CalendarItem CalendarItem::fromBooking(const Booking& b, const QString& zone) {
    CalendarItem item;
    item.id = b.id;
    item.kind = Kind::Booking;
    item.status = b.status;
    item.start = b.startTime;
    item.end = b.endTime;
    item.localStart = zonedtime::toLocal(b.startTime, zone);
    item.localEnd = zonedtime::toLocal(b.endTime, zone);
    item.title = b.title.isEmpty() ? b.attendeeName : b.title;
    item.email = b.attendeeEmail;
    item.notes = b.notes;
    item.videoLink = b.videoLink;
    item.attendeeTimeZone = b.timeZone;
    item.statusReason = b.statusReason;
    item.updatedAt = b.updatedAt;
    return item;
}

namespace {

// The colour of each of the admin's calendars (integration_calendars), by calendar id.
Result<QHash<QString, QString>> calendarColors(storage::Database& database, const QString& userId) {
    auto integrations = storage::CalendarIntegrationRepository(database.connection()).list(userId);
    if (!integrations)
        return integrations.error();
    QHash<QString, QString> colors;
    for (const CalendarIntegration& integration : *integrations) {
        auto calendars =
            storage::IntegrationCalendarRepository(database.connection()).list(integration.id);
        if (!calendars)
            return calendars.error();
        for (const storage::IntegrationCalendar& calendar : *calendars) {
            if (!calendar.color.isEmpty())
                colors.insert(calendar.id, calendar.color);
        }
    }
    return colors;
}

} // namespace

CalendarItem CalendarItem::fromEvent(const CalendarEvent& e, const QString& zone) {
    CalendarItem item;
    item.id = QStringLiteral("event:") + e.id;
    item.kind = Kind::BusyEvent;
    item.start = e.startTime;
    item.end = e.endTime;
    item.localStart = zonedtime::toLocal(e.startTime, zone);
    item.localEnd = zonedtime::toLocal(e.endTime, zone);
    item.title = e.title;
    item.updatedAt = e.updatedAt;
    return item;
}

CalendarItemModel::CalendarItemModel(QObject* parent)
    : KeyedRowsModel(1, parent) {}

void CalendarItemModel::setSession(AdminSession* session) {
    followSession(session);
    reload();
}

QString CalendarItemModel::timeZone() const {
    return session() ? session()->timeZone() : m_fixedZone;
}

void CalendarItemModel::setRange(const QDate& first, const QDate& last) {
    if (first == m_first && last == m_last)
        return;
    m_first = first;
    m_last = last;
    // Another range is another set of rows: no point in diffing.
    resetRows({});
    reload();
}

void CalendarItemModel::setItems(QVector<CalendarItem> items, const QString& zone) {
    m_fixedZone = zone;
    sortByStart(items);
    resetRows(std::move(items));
}

void CalendarItemModel::reload() {
    if (!session()) {
        forgetRequests();
        return;
    }
    if (!canRead()) {
        replaceRows({});
        return;
    }
    if (!m_first.isValid() || !m_last.isValid()) {
        forgetRequests();
        replaceRows({});
        return;
    }
    const QString zone = session()->timeZone();
    const QDateTime from = zonedtime::startOfDay(m_first, zone);
    const QDateTime to = zonedtime::startOfDay(m_last.addDays(1), zone);
    load(
        session()->worker(),
        [userId = session()->userId(), zone, from,
         to](storage::Database& database) -> Result<QVector<CalendarItem>> {
            // A booking that started before `from` may still run into it, by at most its
            // longest length.
            storage::BookingFilter filter;
            filter.startsFrom = from.addSecs(-60 * qint64(validation::kMaxBookingMinutes));
            filter.startsBefore = to;
            auto bookings = BookingService(database).list(userId, filter);
            if (!bookings)
                return bookings.error();
            auto events = CalendarEventService(database).listBusy(userId, from, to);
            if (!events)
                return events.error();
            QVector<CalendarItem> items;
            items.reserve(bookings->size() + events->size());
            for (const auto& b : *bookings) {
                if (b.endTime <= from)
                    continue;
                if (b.status == BookingStatus::Pending || b.status == BookingStatus::Confirmed)
                    items.append(CalendarItem::fromBooking(b, zone));
            }
            auto colors = calendarColors(database, userId);
            if (!colors)
                return colors.error();
            for (const auto& e : *events) {
                items.append(CalendarItem::fromEvent(e, zone));
                items.last().calendarColor = colors->value(e.integrationCalendarId);
            }
            sortByStart(items);
            return items;
        },
        [this](QVector<CalendarItem> items) { replaceRows(std::move(items)); });
}

bool CalendarItemModel::rowChanged(const CalendarItem& before, const CalendarItem& after) const {
    return before.updatedAt != after.updatedAt || before.status != after.status ||
           before.calendarColor != after.calendarColor || before.localStart != after.localStart ||
           before.localEnd != after.localEnd || before.title != after.title;
}

QVariant CalendarItemModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CalendarItem& item = rowAt(index.row());
    const bool isBooking = item.kind == CalendarItem::Kind::Booking;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        if (!isBooking && item.title.isEmpty())
            return tr("Busy");
        return item.title;
    case Qt::ToolTipRole:
        // The title is an attendee's name or a calendar event's: shown as written, never as markup.
        if (!isBooking)
            return plainToolTip(tr("%1\n%2\nBusy in your calendar")
                                    .arg(item.title.isEmpty() ? tr("Busy") : item.title,
                                         TimeText::range(item.start, item.end, timeZone())));
        return plainToolTip(tr("%1\n%2\n%3")
                                .arg(item.title, TimeText::range(item.start, item.end, timeZone()),
                                     StatusText::booking(item.status)));
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3")
            .arg(item.title, TimeText::range(item.start, item.end, timeZone()),
                 isBooking ? StatusText::booking(item.status) : tr("busy"));
    case IdRole:
        return item.id;
    case CalendarColorRole:
        return item.calendarColor;
    case KindRole:
        return static_cast<int>(item.kind);
    case StatusRole:
        return static_cast<int>(item.status);
    case StartUtcRole:
        return item.start;
    case EndUtcRole:
        return item.end;
    case LocalStartRole:
        return item.localStart;
    case LocalEndRole:
        return item.localEnd;
    case AttendeeNameRole:
        return isBooking ? item.title : QString();
    case AttendeeEmailRole:
        return item.email;
    case AttendeeTimeZoneRole:
        return item.attendeeTimeZone;
    case NotesRole:
        return item.notes;
    case VideoLinkRole:
        return item.videoLink;
    case StatusReasonRole:
        return item.statusReason;
    case AdminTimeTextRole:
        return TimeText::rangeWithZone(item.start, item.end, timeZone());
    case AttendeeTimeTextRole:
        return item.attendeeTimeZone.isEmpty()
                   ? QString()
                   : TimeText::rangeWithZone(item.start, item.end, item.attendeeTimeZone);
    default:
        return {};
    }
}

} // namespace slotdesk::models
