#include "backup/BackupRotation.h"

#include <QSet>

#include <algorithm>
#include <optional>
#include <utility>

namespace slotdesk::backup {
namespace {

const QString kDailyKind = QStringLiteral("daily");

std::pair<int, int> isoWeek(const QDate& date) {
    int year = 0;
    const int week = date.weekNumber(&year);
    return {year, week};
}

// Walks `newestFirst`, keeping the newest backup of each period not yet seen (as `keep` says),
// until `count` periods have contributed one.
template <typename PeriodOf>
void keepNewestPerPeriod(const QList<BackupFile>& newestFirst, int count, PeriodOf periodOf,
                         QSet<QString>& kept) {
    int taken = 0;
    std::optional<decltype(periodOf(newestFirst.front()))> last;
    for (const BackupFile& backup : newestFirst) {
        if (taken >= count)
            break;
        const auto period = periodOf(backup);
        if (last && *last == period)
            continue;
        last = period;
        if (!kept.contains(backup.path)) {
            kept.insert(backup.path);
            ++taken;
        }
    }
}

} // namespace

QList<BackupFile> BackupRotation::expired(const QList<BackupFile>& backups, int daily, int weekly) {
    QList<BackupFile> dailies;
    std::copy_if(backups.begin(), backups.end(), std::back_inserter(dailies),
                 [](const BackupFile& b) { return b.kind == kDailyKind; });
    if (dailies.isEmpty())
        return {};
    std::sort(dailies.begin(), dailies.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.path > b.path;
    });
    QSet<QString> kept;
    keepNewestPerPeriod(
        dailies, daily, [](const BackupFile& b) { return b.takenAt.date(); }, kept);
    keepNewestPerPeriod(
        dailies, weekly, [](const BackupFile& b) { return isoWeek(b.takenAt.date()); }, kept);
    QList<BackupFile> result;
    for (const BackupFile& b : dailies) {
        if (!kept.contains(b.path))
            result.append(b);
    }
    return result;
}

} // namespace slotdesk::backup
