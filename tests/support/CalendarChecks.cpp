#include "support/CalendarChecks.h"

#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>

namespace slotdesk::test {

const QByteArray kNewYorkTimeZone = R"(BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE
)";

QByteArray icsFile(const char* name) {
    QFile file(QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/../calendar/ics/") +
               QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("icsFile: cannot read %s", name);
        return {};
    }
    return file.readAll().replace("\r\n", "\n").replace("\n", "\r\n");
}

QVector<CalendarEvent> storedEvents(storage::Database& db, const QString& id) {
    auto all = storage::CalendarEventRepository(db.connection()).list(id);
    return all ? *all : QVector<CalendarEvent>{};
}

CalendarIntegration storedIntegration(storage::Database& db, const QString& userId,
                                      const QString& id) {
    auto found = storage::CalendarIntegrationRepository(db.connection()).findById(userId, id);
    return found && found->has_value() ? **found : CalendarIntegration{};
}

QString addAndSync(CalendarSyncService& service, const std::function<void()>& add) {
    QSignalSpy added(&service, &CalendarSyncService::calendarAdded);
    QSignalSpy synced(&service, &CalendarSyncService::syncFinished);
    add();
    if (!added.wait(30000) || !added.first().at(0).toBool()) {
        qWarning() << "not added:" << (added.isEmpty() ? QVariant() : added.first().at(2));
        return {};
    }
    const QString id = added.first().at(1).toString();
    if (!synced.wait(30000))
        return {};
    return id;
}

SyncReport syncNow(CalendarSyncService& service, const QString& id) {
    QSignalSpy synced(&service, &CalendarSyncService::syncFinished);
    service.syncNow(id);
    if (!synced.wait(60000))
        return {};
    return service.lastReport(id).value_or(SyncReport{});
}

QJsonArray busyRows(const QVector<CalendarEvent>& events) {
    QJsonArray out;
    for (const auto& e : events)
        out.append(QJsonObject{{QStringLiteral("start"), e.startTime.toSecsSinceEpoch()},
                               {QStringLiteral("end"), e.endTime.toSecsSinceEpoch()},
                               {QStringLiteral("busy"), e.isBusy}});
    return out;
}

QJsonArray expandIcs(const QByteArray& ics, const QDateTime& from, const QDateTime& to,
                     const QString& zone) {
    QTemporaryFile file;
    if (!file.open() || file.write(ics) != ics.size() || !file.flush()) {
        qWarning("expandIcs: cannot write the calendar to a file");
        return {};
    }
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/expand_ics.py"), file.fileName(),
                  QString::number(from.toSecsSinceEpoch()), QString::number(to.toSecsSinceEpoch()),
                  zone});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning() << "expand_ics.py failed:" << python.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

BerlinSlots::BerlinSlots(const QList<int>& weekdays, const QDateTime& now) {
    for (const int day : weekdays)
        m_input.blocks.push_back({day, 8 * 60, 20 * 60, "Europe/Berlin"});
    m_input.rules.length = std::chrono::minutes(60);
    m_input.rules.minimumNotice = std::chrono::minutes(0);
    m_input.rules.horizon = std::chrono::days(120);
    m_input.adminTimeZone = "Europe/Berlin";
    m_query.from = date::year(2027) / date::March / 1;
    m_query.to = date::year(2027) / date::April / 30;
    m_query.viewerTimeZone = "Europe/Berlin";
    m_query.now = scheduling::Instant(std::chrono::seconds(now.toSecsSinceEpoch()));
}

scheduling::SlotInput BerlinSlots::input(const QJsonArray& busy) const {
    scheduling::SlotInput input = m_input;
    for (const auto& value : busy) {
        const QJsonObject e = value.toObject();
        if (!e.value(QStringLiteral("busy")).toBool())
            continue;
        input.busyEvents.push_back({scheduling::Instant(std::chrono::seconds(
                                        e.value(QStringLiteral("start")).toInteger())),
                                    scheduling::Instant(std::chrono::seconds(
                                        e.value(QStringLiteral("end")).toInteger()))});
    }
    return input;
}

std::vector<scheduling::Slot> BerlinSlots::allSlots(const QJsonArray& busy) const {
    std::vector<scheduling::Slot> out;
    for (const auto& day : scheduling::SlotEngine::compute(input(busy), m_query))
        out.insert(out.end(), day.slotList.begin(), day.slotList.end());
    return out;
}

bool BerlinSlots::offers(const QJsonArray& busy, const char* startUtc) const {
    const QDateTime start =
        QDateTime::fromString(QString::fromLatin1(startUtc), Qt::ISODate).toUTC();
    return scheduling::SlotEngine::offers(
        input(busy), scheduling::Instant(std::chrono::seconds(start.toSecsSinceEpoch())),
        m_query.now);
}

} // namespace slotdesk::test
