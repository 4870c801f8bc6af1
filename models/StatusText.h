#pragma once
// StatusText: the words the GUI uses for booking and sync states (translated, capitalised),
// as opposed to the lower-case wire names of toText().

#include "domain/Entities.h"

#include <QCoreApplication>

namespace slotdesk::models {

class StatusText {
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    static QString booking(BookingStatus status);
    static QString sync(SyncStatus status);
};

} // namespace slotdesk::models
