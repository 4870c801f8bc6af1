// An ICS feed of 10,000 events (about 5.8 MB, each with a 380-byte description): parsed by
// IcsBusyParser (libical) and stored with CalendarEventRepository::replaceAll in one write
// transaction on SQLite — what IcsFeedSyncRun does with a 200 answer, without the HTTP.
// Issue 17's target: under 2 s. The figure is in bench/ICS-FEED.md.

#include "calendar/IcsBusyParser.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "storage/UserRepository.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace {

using namespace slotdesk;

const QDateTime kNow(QDate(2027, 3, 1), QTime(8, 0), Qt::UTC);

QByteArray feedOf(int count) {
    const QString format = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
    const QByteArray description = "DESCRIPTION:" + QByteArray(380, 'x') + "\r\n";
    QByteArray text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n";
    for (int i = 0; i < count; ++i) {
        const QDateTime start = kNow.addDays(-10).addSecs(qint64(i) * 55 * 60);
        text += "BEGIN:VEVENT\r\nUID:bulk-" + QByteArray::number(i) +
                "@example.com\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:" +
                start.toString(format).toLatin1() +
                "\r\nDTEND:" + start.addSecs(45 * 60).toString(format).toLatin1() +
                "\r\nSUMMARY:Event " + QByteArray::number(i) + "\r\nLOCATION:Room 4.11\r\n" +
                description + "END:VEVENT\r\n";
    }
    return text + "END:VCALENDAR\r\n";
}

void BM_IcsFeedParseAndStore(benchmark::State& state) {
    QTemporaryDir dir;
    auto db = storage::Database::openInDirectory(dir.path());
    if (!db) {
        state.SkipWithError("cannot open the database");
        return;
    }
    User admin;
    admin.username = QStringLiteral("bench");
    admin.email = QStringLiteral("bench@example.com");
    admin.name = QStringLiteral("Bench");
    admin.timeZone = QStringLiteral("Europe/Berlin");
    auto user = storage::UserRepository((*db)->connection()).create(admin);
    CalendarIntegration feed;
    feed.userId = user ? user->id : QString();
    feed.type = CalendarType::IcsFeed;
    feed.keychainKey = QStringLiteral("ics-feed/bench");
    auto integration = storage::CalendarIntegrationRepository((*db)->connection()).create(feed);
    if (!user || !integration) {
        state.SkipWithError("cannot create the feed");
        return;
    }
    const QByteArray text = feedOf(static_cast<int>(state.range(0)));
    IcsBusyParser::Options options;
    options.from = kNow.addDays(-90);
    options.to = kNow.addDays(400);
    options.fallbackZone = admin.timeZone;
    for (auto _ : state) {
        auto parsed = IcsBusyParser(options).parse(text);
        if (!parsed || parsed->events.size() != state.range(0)) {
            state.SkipWithError("parse failed");
            return;
        }
        for (CalendarEvent& event : parsed->events) {
            event.calendarIntegrationId = integration->id;
            event.syncedAt = kNow;
        }
        auto connection = (*db)->connection();
        auto tx = storage::Transaction::begin(connection, storage::Transaction::Mode::Write);
        if (!tx ||
            !storage::CalendarEventRepository(connection)
                 .replaceAll(integration->id, parsed->events)
                 .ok() ||
            !tx->commit().ok()) {
            state.SkipWithError("store failed");
            return;
        }
    }
    state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_IcsFeedParseAndStore)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return EXIT_SUCCESS;
}
