// core::Clock and core::ManualClock: a default Clock reads the system clock; a ManualClock
// stands still until it is moved, and every Clock made from it — copies too, in any thread —
// follows it, even after the ManualClock itself is gone.

#include "core/Clock.h"
#include "support/TestData.h"

#include <QTest>
#include <QTimeZone>

#include <thread>

using namespace slotdesk;
using test::utc;

class TestClock : public QObject {
    Q_OBJECT

private slots:
    void theDefaultClockIsTheSystemClock() {
        const core::Clock clock;
        QVERIFY(clock.isSystem());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = clock.now();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY(before <= now && now <= after);
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(clock.nowMs() >= now.toMSecsSinceEpoch());
    }

    void aManualClockStandsStillUntilMoved() {
        const QDateTime start = utc("2026-11-30T08:00:00.250Z");
        core::ManualClock time(start);
        const core::Clock clock = time.clock();
        QVERIFY(!clock.isSystem());
        QCOMPARE(clock.now(), start);
        QCOMPARE(clock.now(), start); // no time passes by itself
        QCOMPARE(clock.nowMs(), start.toMSecsSinceEpoch());
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);

        time.advance(std::chrono::seconds(30));
        QCOMPARE(clock.now(), start.addSecs(30));
        time.advance(std::chrono::milliseconds(1));
        QCOMPARE(clock.now(), start.addMSecs(30'001));
        time.advance(std::chrono::hours(-1)); // back, as a test may need
        QCOMPARE(clock.now(), start.addMSecs(30'001 - 3'600'000));
        time.set(utc("2027-01-01T00:00:00Z"));
        QCOMPARE(clock.now(), utc("2027-01-01T00:00:00Z"));
        QCOMPARE(time.now(), clock.now());
    }

    void everyClockMadeFromItFollowsIt() {
        core::ManualClock time(utc("2026-11-30T08:00:00Z"));
        const core::Clock first = time.clock();
        const core::Clock copy = first;
        const core::Clock second = time.clock();
        time.advance(std::chrono::minutes(5));
        QCOMPARE(first.now(), utc("2026-11-30T08:05:00Z"));
        QCOMPARE(copy.now(), utc("2026-11-30T08:05:00Z"));
        QCOMPARE(second.now(), utc("2026-11-30T08:05:00Z"));
        // Two ManualClocks are independent.
        core::ManualClock other(utc("2026-01-01T00:00:00Z"));
        other.advance(std::chrono::hours(1));
        QCOMPARE(first.now(), utc("2026-11-30T08:05:00Z"));
        QCOMPARE(other.clock().now(), utc("2026-01-01T01:00:00Z"));
    }

    void aClockOutlivesItsManualClock() {
        core::Clock clock;
        {
            core::ManualClock time(utc("2026-11-30T08:00:00Z"));
            clock = time.clock();
            time.advance(std::chrono::seconds(1));
        }
        QCOMPARE(clock.now(), utc("2026-11-30T08:00:01Z"));
    }

    void aSourceInAnotherZoneIsReadAsUtc() {
        const QDateTime berlin =
            QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone("Europe/Berlin"));
        const core::Clock clock([berlin] { return berlin; });
        QCOMPARE(clock.now().timeSpec(), Qt::UTC);
        QCOMPARE(clock.now(), utc("2026-11-30T08:00:00Z"));
        QCOMPARE(clock.now().time(), QTime(8, 0));
    }

    void anotherThreadSeesEveryMove() {
        core::ManualClock time(utc("2026-11-30T08:00:00Z"));
        const core::Clock clock = time.clock();
        constexpr int kSteps = 10'000;
        std::thread mover([&time] {
            for (int i = 0; i < kSteps; ++i)
                time.advance(std::chrono::milliseconds(1));
        });
        // Readers never see time go backwards while it is moved forward.
        qint64 last = clock.nowMs();
        for (int i = 0; i < kSteps; ++i) {
            const qint64 now = clock.nowMs();
            QVERIFY(now >= last);
            last = now;
        }
        mover.join();
        QCOMPARE(clock.now(), utc("2026-11-30T08:00:10Z"));
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
