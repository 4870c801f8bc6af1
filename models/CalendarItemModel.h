#pragma once
// CalendarItemModel: what the calendar shows for a range of days in the admin's zone — pending
// and confirmed bookings, and busy events synced from external calendars — by start time. It
// reloads when the database changes, reading on the session's worker (a range asked for while
// another is loading replaces it); the view reads wall-clock times from LocalStartRole and
// LocalEndRole.

#include "models/KeyedRowsModel.h"

#include "domain/Entities.h"

#include <QDate>

namespace slotdesk::models {

class AdminSession;

struct CalendarItem {
    enum class Kind { Booking, BusyEvent };

    QString id;
    Kind kind = Kind::Booking;
    BookingStatus status = BookingStatus::Confirmed;
    QDateTime start; // UTC
    QDateTime end;   // UTC
    QDateTime localStart;
    QDateTime localEnd;
    QString title; // the attendee's name, or the event's title
    QString email;
    QString notes;
    QString videoLink;
    QString attendeeTimeZone;
    QString statusReason;
    QDateTime updatedAt;
    QString calendarColor; // a busy event's calendar's colour ("#rrggbb"), or empty

    static CalendarItem fromBooking(const Booking& booking, const QString& zone);
    static CalendarItem fromEvent(const CalendarEvent& event, const QString& zone);
};

class CalendarItemModel : public KeyedRowsModel<CalendarItem> {
    Q_OBJECT
public:
    explicit CalendarItemModel(QObject* parent = nullptr);

    // Live: items of the session's admin, reloaded when the database changes.
    void setSession(AdminSession* session);
    // The local dates shown, inclusive, in the admin's zone.
    void setRange(const QDate& first, const QDate& last);
    [[nodiscard]] QDate firstDate() const { return m_first; }
    [[nodiscard]] QDate lastDate() const { return m_last; }
    [[nodiscard]] QString timeZone() const;
    // A fixed set of items (benchmarks, tests), sorted by start.
    void setItems(QVector<CalendarItem> items, const QString& zone);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    void reload() override;

private:
    bool rowChanged(const CalendarItem& before, const CalendarItem& after) const override;

    QString m_fixedZone = QStringLiteral("UTC");
    QDate m_first;
    QDate m_last;
};

} // namespace slotdesk::models
