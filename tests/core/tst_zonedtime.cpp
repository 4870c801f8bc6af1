// zonedtime: wall clock ↔ instant through date/tz, for the date in question — including the hour
// that does not exist in spring (it maps to the end of the gap) and the one that happens twice in
// autumn (the earlier instant), and zones on the other side of UTC.

#include "core/ZonedTime.h"
#include "support/TestData.h"

#include <QTest>

using namespace slotdesk;
using test::utc;

class TestZonedTime : public QObject {
    Q_OBJECT

private slots:
    void fromLocal_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("wallClock");
        QTest::addColumn<QDateTime>("instant");
        auto wall = [](int y, int mo, int d, int h, int mi) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
        };
        QTest::newRow("winter") << "Europe/Berlin" << wall(2027, 3, 2, 11, 0)
                                << utc("2027-03-02T10:00:00Z");
        QTest::newRow("summer") << "Europe/Berlin" << wall(2027, 7, 2, 11, 0)
                                << utc("2027-07-02T09:00:00Z");
        QTest::newRow("spring gap")
            << "Europe/Berlin" << wall(2027, 3, 28, 2, 30) << utc("2027-03-28T01:00:00Z");
        QTest::newRow("autumn twice")
            << "Europe/Berlin" << wall(2027, 10, 31, 2, 30) << utc("2027-10-31T00:30:00Z");
        QTest::newRow("west of UTC")
            << "America/New_York" << wall(2027, 11, 7, 1, 30) << utc("2027-11-07T05:30:00Z");
        QTest::newRow("across the date line")
            << "Pacific/Auckland" << wall(2027, 1, 1, 9, 0) << utc("2026-12-31T20:00:00Z");
    }

    void fromLocal() {
        QFETCH(QString, zone);
        QFETCH(QDateTime, wallClock);
        QFETCH(QDateTime, instant);
        QCOMPARE(zonedtime::fromLocal(wallClock, zone), instant);
        QCOMPARE(zonedtime::fromLocal(wallClock, zone).timeSpec(), Qt::UTC);
        // Back again: the same wall clock, except in the gap, which has none.
        if (QTest::currentDataTag() != QByteArray("spring gap"))
            QCOMPARE(zonedtime::toLocal(instant, zone), wallClock);
    }
};

QTEST_GUILESS_MAIN(TestZonedTime)
#include "tst_zonedtime.moc"
