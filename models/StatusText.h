#pragma once
// StatusText: the words the GUI uses for booking and sync states (translated, capitalised),
// as opposed to the lower-case wire names of toText().

#include "domain/Entities.h"

namespace slotdesk::storage {
struct MailOutboxEntry;
}

#include <QCoreApplication>

namespace slotdesk::models {

class StatusText {
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    static QString booking(BookingStatus status);
    static QString sync(SyncStatus status);
    // One mail of a booking's: what it is, to whom, and where it stands ("Approval to
    // bob@example.com: sent 6 Dec, 10:02"), times in `zone`.
    static QString mail(const storage::MailOutboxEntry& entry, const QString& zone);
};

} // namespace slotdesk::models
