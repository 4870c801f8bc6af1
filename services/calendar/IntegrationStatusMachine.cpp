#include "calendar/IntegrationStatusMachine.h"

namespace slotdesk {

bool IntegrationStatusMachine::isAllowed(SyncStatus from, SyncStatus to) {
    switch (from) {
    case SyncStatus::Disconnected:
        return to == SyncStatus::Active;
    case SyncStatus::Active:
    case SyncStatus::Error:
        return true;
    }
    return false;
}

Status IntegrationStatusMachine::check(SyncStatus from, SyncStatus to) {
    if (isAllowed(from, to))
        return success();
    return Error{ErrorCode::InvalidTransition,
                 QStringLiteral("A calendar integration cannot go from %1 to %2")
                     .arg(toText(from), toText(to)),
                 QStringLiteral("syncStatus")};
}

} // namespace slotdesk
