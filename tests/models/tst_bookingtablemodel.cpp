// BookingTableModel: structurally sound (QAbstractItemModelTester), shows times in the admin's
// zone, and reads the database (on the session's worker) a page at a time, with filters and
// order in SQL.

#include "models/AdminSession.h"
#include "models/BookingFilterProxyModel.h"
#include "models/BookingTableModel.h"
#include "models/ItemRoles.h"
#include "storage/BookingRepository.h"
#include "storage/Transaction.h"
#include "support/TestData.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

// What a view does when scrolled to the end, until every row is there.
bool fetchAll(models::BookingTableModel& model) {
    QElapsedTimer timer;
    timer.start();
    while (model.canFetchMore({}) || model.isLoading()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTest::qWait(1);
        if (timer.elapsed() > 30000)
            return false;
    }
    return true;
}

} // namespace

class TestBookingTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void rowsAndColumns() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db); // Europe/Berlin
        models::AdminSession session(**db);
        models::BookingTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSession(&session);
        QTRY_VERIFY(session.isLoaded() && !model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
        const Booking winter =
            test::seedBooking(**db, admin.id, test::utc("2026-12-01T08:00:00Z"), 45);
        const Booking summer = test::seedBooking(**db, admin.id, test::utc("2026-07-01T08:00:00Z"),
                                                 30, BookingStatus::Confirmed);
        QVERIFY(!winter.id.isEmpty() && !summer.id.isEmpty());
        session.refresh(); // what the window's change watcher does
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.columnCount(), int(models::BookingTableModel::ColumnCount));
        // In start order. Summer (+02:00) and winter (+01:00) offsets, each for its own date,
        // in the admin's zone.
        QCOMPARE(model.index(0, models::BookingTableModel::Start).data().toString(),
                 QString::fromUtf8("Wed 1 Jul 2026 · 10:00"));
        QCOMPARE(model.index(1, models::BookingTableModel::Start).data().toString(),
                 QString::fromUtf8("Tue 1 Dec 2026 · 09:00"));
        QCOMPARE(model.index(1, models::BookingTableModel::Duration).data().toString(), "45 min");
        QCOMPARE(model.index(0, models::BookingTableModel::Status).data().toString(), "Confirmed");
        QCOMPARE(model.index(0, 0).data(models::IdRole).toString(), summer.id);
        QVERIFY(
            model.index(1, 0).data(models::AttendeeTimeTextRole).toString().contains("New York"));
        QCOMPARE(model.headerData(models::BookingTableModel::Attendee, Qt::Horizontal).toString(),
                 "Attendee");
        model.sort(models::BookingTableModel::Start, Qt::DescendingOrder);
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data(models::IdRole).toString(), winter.id);
        // Without a session, no rows.
        model.setSession(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void pagesThroughTheDatabase() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        {
            auto tx =
                storage::Transaction::begin((*db)->connection(), storage::Transaction::Mode::Write);
            QVERIFY(tx.ok());
            const QDateTime base = test::utc("2027-01-04T08:00:00Z");
            for (int i = 0; i < 450; ++i) {
                Booking b = test::makeBooking(admin.id, base.addSecs(3600 * i), 30,
                                              i % 3 == 0 ? BookingStatus::Confirmed
                                                         : BookingStatus::Pending);
                b.attendeeName = i == 7 ? QStringLiteral("Zoë Needle") : QStringLiteral("Bob");
                QVERIFY(storage::BookingRepository((*db)->connection()).create(b).ok());
            }
            QVERIFY(tx->commit().ok());
        }
        models::AdminSession session(**db);
        models::BookingTableModel model;
        model.setSession(&session);
        // Only the first page is read...
        QTRY_COMPARE(model.rowCount(), models::BookingTableModel::kPageSize);
        QCOMPARE(model.totalCount(), 450);
        QVERIFY(model.canFetchMore({}));
        // ... the rest when asked, as a view (or the tester) does.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(fetchAll(model));
        QCOMPARE(model.rowCount(), 450);
        QSet<QString> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.index(r, 0).data(models::IdRole).toString());
        QCOMPARE(ids.size(), 450);

        // Sorting happens in SQL: the newest booking comes first, before any more fetching.
        model.sort(models::BookingTableModel::Start, Qt::DescendingOrder);
        QTRY_VERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 450);
        QCOMPARE(model.index(0, 0).data(models::StartUtcRole).toDateTime(),
                 test::utc("2027-01-04T08:00:00Z").addSecs(3600 * 449));

        // The proxy's filters narrow the SQL too.
        models::BookingFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        // Attached after setSourceModel: during the proxy's own reset the tester would ask a
        // lazy source for more rows, which QAbstractItemModelTester itself counts as nesting.
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSearchText("needle");
        QTRY_COMPARE(model.totalCount(), 1);
        QTRY_COMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, models::BookingTableModel::Attendee).data().toString(),
                 QString::fromUtf8("Zoë Needle"));
        proxy.setSearchText({});
        proxy.setStatusFilter(BookingStatus::Confirmed);
        QTRY_COMPARE(model.totalCount(), 150);
        QTRY_VERIFY(!model.isLoading());
        for (int r = 0; r < proxy.rowCount(); ++r)
            QCOMPARE(proxy.index(r, 0).data(models::StatusRole).toInt(),
                     int(BookingStatus::Confirmed));
    }
};

QTEST_MAIN(TestBookingTableModel)
#include "tst_bookingtablemodel.moc"
