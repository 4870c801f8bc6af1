#pragma once
// CalendarList: an integration's calendars as its provider lists them now (a Google account's
// calendarList, a CalDAV account's calendar home) merged into its integration_calendars rows:
// a calendar new at the provider is added as the provider's rules say, the names and colours of
// known ones follow the provider. The rows the list no longer names are handed back: whether
// they are gone is the caller's to decide (CalendarPass::dropGoneCalendar).

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/IntegrationCalendarRepository.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <functional>

namespace slotdesk {

// One calendar as the provider lists it.
struct ListedCalendar {
    QString remoteId;
    QString name;
    QString color; // "#rrggbb", or empty
};

struct CalendarListChange {
    int added = 0;
    int updated = 0;
    QVector<storage::IntegrationCalendar> unlisted; // stored, but no longer listed
};

// The row of `listed` in integration `integrationId`: neither blocking time nor receiving
// bookings until the provider's rules or the admin say otherwise.
storage::IntegrationCalendar calendarRow(const QString& integrationId,
                                         const ListedCalendar& listed);

// Creates the row of a listed calendar the integration does not have yet.
using NewCalendar = std::function<Result<storage::IntegrationCalendar>(
    storage::IntegrationCalendarRepository& calendars, const ListedCalendar& listed)>;

// Call inside a write Transaction.
Result<CalendarListChange> mergeCalendarList(const QSqlDatabase& db, const core::Clock& clock,
                                             const QString& integrationId,
                                             const QVector<ListedCalendar>& listed,
                                             const NewCalendar& addNew);

} // namespace slotdesk
