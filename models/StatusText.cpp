#include "models/StatusText.h"

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

} // namespace slotdesk::models
