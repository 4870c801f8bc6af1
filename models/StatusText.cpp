#include "models/StatusText.h"

#include "core/ZonedTime.h"
#include "mail/MailKind.h"
#include "models/TimeText.h"
#include "storage/MailOutboxRepository.h"

namespace slotdesk::models {

QString StatusText::booking(BookingStatus status) {
    switch (status) {
    case BookingStatus::Pending:
        return tr("Pending");
    case BookingStatus::Confirmed:
        return tr("Confirmed");
    case BookingStatus::Rejected:
        return tr("Rejected");
    case BookingStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString StatusText::sync(SyncStatus status) {
    switch (status) {
    case SyncStatus::Active:
        return tr("Connected");
    case SyncStatus::Error:
        return tr("Sync failed");
    case SyncStatus::Disconnected:
        return tr("Not connected");
    }
    return {};
}

namespace {

QString mailKindText(const QString& kind) {
    using mail::MailKind;
    switch (mail::mailKindFromString(kind).value_or(MailKind::Reminder)) {
    case MailKind::RequestReceived:
        return StatusText::tr("Request received");
    case MailKind::Approved:
        return StatusText::tr("Approval");
    case MailKind::Rejected:
        return StatusText::tr("Rejection");
    case MailKind::CancelledByAdmin:
        return StatusText::tr("Cancellation");
    case MailKind::Withdrawn:
    case MailKind::CancelledByAttendee:
        return StatusText::tr("Cancellation confirmed");
    case MailKind::Reminder:
        return StatusText::tr("Reminder");
    case MailKind::Rescheduled:
        return StatusText::tr("Rescheduling");
    case MailKind::AdminNewRequest:
        return StatusText::tr("New request notice");
    case MailKind::AdminAttendeeWithdrew:
    case MailKind::AdminAttendeeCancelled:
        return StatusText::tr("Cancellation notice");
    }
    return kind;
}

QString when(const QDateTime& instant, const QString& zone) {
    const QDateTime local = zonedtime::toLocal(instant, zone);
    return StatusText::tr("%1, %2").arg(TimeText::dayMonth(local.date()),
                                        TimeText::time(local.time()));
}

} // namespace

QString StatusText::mail(const storage::MailOutboxEntry& entry, const QString& zone) {
    QString state;
    if (entry.status == QLatin1String("sent"))
        state = tr("sent %1").arg(when(entry.sentAt, zone));
    else if (entry.status == QLatin1String("failed"))
        state = tr("failed: %1").arg(entry.lastError);
    else if (entry.status == QLatin1String("sending"))
        state = tr("being sent");
    else if (entry.lastError.isEmpty())
        state = tr("owed, from %1").arg(when(entry.nextAttemptAt, zone));
    else
        state = tr("owed, next try %1 (%2)").arg(when(entry.nextAttemptAt, zone), entry.lastError);
    return tr("%1 to %2: %3").arg(mailKindText(entry.kind), entry.recipient, state);
}

} // namespace slotdesk::models
