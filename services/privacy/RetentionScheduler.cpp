#include "privacy/RetentionScheduler.h"

#include "privacy/AttendeePrivacy.h"
#include "storage/Database.h"

namespace slotdesk::privacy {

void RetentionScheduler::checkNow() {
    auto outcome = std::make_shared<Result<int>>(0);
    runOnThread(
        [clock = clock(), outcome](Connection db) {
            if (!db) {
                *outcome = db.error();
                return;
            }
            *outcome = AttendeePrivacy(**db, clock).applyRetention();
        },
        [this, outcome] {
            if (!*outcome) {
                qCWarning(lcPrivacy).noquote()
                    << QStringLiteral("Retention: attendee data not anonymised: %1")
                           .arg(outcome->error().message);
                emit finished(0, outcome->error().message);
                return;
            }
            if (**outcome > 0)
                qCInfo(lcPrivacy).noquote()
                    << QStringLiteral("Retention: anonymised the attendee data of %1 booking(s)")
                           .arg(**outcome);
            emit finished(**outcome, {});
        });
}

} // namespace slotdesk::privacy
