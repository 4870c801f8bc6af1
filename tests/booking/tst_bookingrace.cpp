// Race-free booking across processes: several slotdesk-cli processes ask for the same (or
// overlapping) time on one database at once; exactly one wins, the rest are told the slot is
// no longer available, and the database holds exactly the winner. Likewise for a weekly cap:
// processes asking for different free times of one week never book more than the cap.

#include "availability/AvailabilityService.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace slotdesk;

class TestBookingRace : public QObject {
    Q_OBJECT

    test::TestDatabase m_tdb;
    User m_admin;
    QDateTime m_base; // a whole hour a day or more ahead

    struct Outcome {
        int wins = 0;
        int conflicts = 0;
        QStringList other;
    };

    // Starts every request as its own process before waiting for any of them. A refusal counts
    // as a conflict when its message says `conflict`.
    Outcome race(const QList<QPair<QDateTime, int>>& requests,
                 const QString& conflict = QStringLiteral("That slot is no longer available")) {
        std::vector<std::unique_ptr<QProcess>> processes;
        int n = 0;
        for (const auto& [start, minutes] : requests) {
            auto process = std::make_unique<QProcess>();
            process->start(SLOTDESK_CLI_PATH,
                           m_tdb.cliArguments() +
                               QStringList{"bookings", "create", "--start",
                                           start.toString(Qt::ISODate), "--duration",
                                           QString::number(minutes), "--name",
                                           QString("Racer %1").arg(++n), "--email",
                                           QString("racer%1@example.com").arg(n), "--json"});
            processes.push_back(std::move(process));
        }
        Outcome outcome;
        for (auto& process : processes) {
            if (!process->waitForFinished(60000)) {
                outcome.other << "timeout";
                continue;
            }
            const QString err = QString::fromUtf8(process->readAllStandardError());
            if (process->exitCode() == 0)
                ++outcome.wins;
            else if (process->exitCode() == 1 && err.contains(conflict))
                ++outcome.conflicts;
            else
                outcome.other << QString("exit %1: %2").arg(process->exitCode()).arg(err.trimmed());
        }
        return outcome;
    }
    int bookingsBetween(const QDateTime& from, const QDateTime& to) {
        auto db = m_tdb.open();
        storage::BookingFilter filter;
        filter.startsFrom = from;
        filter.startsBefore = to;
        return static_cast<int>(
            storage::BookingRepository((*db)->connection()).list(m_admin.id, filter)->size());
    }

private slots:
    void initTestCase() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        QVERIFY(test::seedBookableAdmin(m_tdb, m_admin, "UTC"));
        const qint64 hour = 3600;
        m_base = QDateTime::fromSecsSinceEpoch(
            (QDateTime::currentSecsSinceEpoch() / hour + 26) * hour, Qt::UTC);
    }

    void eightProcessesOneSlot() {
        for (int round = 0; round < 3; ++round) {
            const QDateTime start = m_base.addSecs(round * 3600);
            QList<QPair<QDateTime, int>> requests;
            for (int i = 0; i < 8; ++i)
                requests.append({start, 30});
            const Outcome outcome = race(requests);
            QVERIFY2(outcome.other.isEmpty(), qPrintable(outcome.other.join('\n')));
            QCOMPARE(outcome.wins, 1);
            QCOMPARE(outcome.conflicts, 7);
            QCOMPARE(bookingsBetween(start, start.addSecs(3600)), 1);
        }
    }

    void overlappingLengthsOnlyOneWins() {
        // 60 minutes at :00 overlaps 30 minutes at :00 and at :30; the two 30s don't overlap
        // each other, so either the 60 wins alone, or one or both 30s win.
        const QDateTime start = m_base.addSecs(10 * 3600);
        const Outcome outcome =
            race({{start, 60}, {start, 30}, {start.addSecs(1800), 30}, {start, 60}});
        QVERIFY2(outcome.other.isEmpty(), qPrintable(outcome.other.join('\n')));
        QCOMPARE(outcome.wins + outcome.conflicts, 4);
        const int stored = bookingsBetween(start, start.addSecs(3600));
        QCOMPARE(stored, outcome.wins);
        auto db = m_tdb.open();
        storage::BookingFilter filter;
        filter.startsFrom = start;
        filter.startsBefore = start.addSecs(3600);
        const auto winners =
            *storage::BookingRepository((*db)->connection()).list(m_admin.id, filter);
        for (int i = 0; i < winners.size(); ++i) {
            for (int j = i + 1; j < winners.size(); ++j) {
                const bool overlap = winners[i].startTime < winners[j].endTime &&
                                     winners[j].startTime < winners[i].endTime;
                QVERIFY2(!overlap, "two stored bookings overlap");
            }
        }
        QVERIFY(outcome.wins >= 1 && outcome.wins <= 2);
    }

    void weeklyCapHoldsUnderARace() {
        // Eight different free times in the (UTC) week starting on the Monday 3-4 weeks ahead,
        // far from the other cases' times; the cap lets three through.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate monday = today.addDays(21 + (8 - today.dayOfWeek()) % 7);
        const QDateTime weekStart = monday.startOfDay(Qt::UTC);
        {
            auto db = m_tdb.open();
            QVERIFY(db.ok());
            AvailabilityService availability(**db);
            BookingSettings settings = *availability.settings(m_admin.id);
            settings.maxBookingsPerWeek = 3;
            QVERIFY(availability.saveSettings(settings).ok());
        }
        QList<QPair<QDateTime, int>> requests;
        for (int i = 0; i < 8; ++i)
            requests.append({weekStart.addSecs(qint64(i) * 17 * 3600), 30});
        const Outcome outcome =
            race(requests, QStringLiteral("That week is fully booked (at most 3 bookings a week)"));
        QVERIFY2(outcome.other.isEmpty(), qPrintable(outcome.other.join('\n')));
        QCOMPARE(outcome.wins, 3);
        QCOMPARE(outcome.conflicts, 5);
        QCOMPARE(bookingsBetween(weekStart, weekStart.addDays(7)), 3);
        auto db = m_tdb.open();
        AvailabilityService availability(**db);
        BookingSettings settings = *availability.settings(m_admin.id);
        settings.maxBookingsPerWeek = 0;
        QVERIFY(availability.saveSettings(settings).ok());
    }
};

QTEST_GUILESS_MAIN(TestBookingRace)
#include "tst_bookingrace.moc"
