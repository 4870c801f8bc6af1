// The models that follow the database: the DatabaseWorker runs their reads on its own thread,
// in order, and drops answers for objects that are gone; ChangeWatcher notices commits by other
// connections; each model (pending queue, calendar items, weekly hours, overrides, slot
// preview, integrations) reads the right rows, shows that it is loading, stays structurally
// sound under QAbstractItemModelTester across reloads, keeps rows in place when only some
// change, and never applies an answer that a newer request replaced.

#include "models/AdminSession.h"
#include "models/AvailabilityBlockModel.h"
#include "models/CalendarItemModel.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "models/DateOverrideModel.h"
#include "models/IntegrationModel.h"
#include "models/ItemRoles.h"
#include "models/PendingBookingModel.h"
#include "models/SlotPreviewModel.h"

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "core/ZonedTime.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "support/TestData.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace slotdesk;

namespace {

using Tester = QAbstractItemModelTester;
constexpr auto kFail = QAbstractItemModelTester::FailureReportingMode::QtTest;

QString seedBusyEvent(storage::Database& db, const QString& userId, const QDateTime& start,
                      int minutes, const QString& title) {
    CalendarIntegration integration;
    integration.userId = userId;
    integration.keychainKey = QStringLiteral("test");
    integration.syncStatus = SyncStatus::Active;
    auto existing = storage::CalendarIntegrationRepository(db.connection()).list(userId);
    QString integrationId;
    if (existing && !existing->isEmpty()) {
        integrationId = existing->constFirst().id;
    } else {
        auto created = storage::CalendarIntegrationRepository(db.connection()).create(integration);
        if (!created)
            return {};
        integrationId = created->id;
    }
    CalendarEvent event;
    event.calendarIntegrationId = integrationId;
    event.externalEventId = title;
    event.startTime = start;
    event.endTime = start.addSecs(60 * minutes);
    event.title = title;
    auto saved = storage::CalendarEventRepository(db.connection()).upsert(event);
    return saved ? saved->id : QString();
}

} // namespace

class TestLiveModels : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void init() {
        m_db.reset();
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath("slotdesk.sqlite"));
        QFile::remove(m_dir.filePath("slotdesk.sqlite-wal"));
        QFile::remove(m_dir.filePath("slotdesk.sqlite-shm"));
        auto db = storage::Database::openInDirectory(m_dir.path());
        QVERIFY(db.ok());
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db);
        QVERIFY(!m_admin.id.isEmpty());
    }

    void workerRunsJobsInOrderOffTheGuiThread() {
        models::DatabaseWorker worker(*m_db);
        QStringList order;
        QObject context;
        QThread* const gui = QThread::currentThread();
        for (const QString& name : {QStringLiteral("first"), QStringLiteral("second")}) {
            worker.post(
                &context,
                [gui, name](storage::Database& database) -> Result<QString> {
                    if (QThread::currentThread() == gui)
                        return Error::storage(QStringLiteral("on the GUI thread"));
                    // The worker's own connection, not the one it was made from.
                    auto stamp = database.changeStamp();
                    return stamp ? Result<QString>(name) : Result<QString>(stamp.error());
                },
                [&, gui](Result<QString> answer) {
                    QCOMPARE(QThread::currentThread(), gui);
                    order.append(answer ? *answer : answer.error().message);
                });
        }
        QCOMPARE(worker.pendingJobs(), 2);
        QTRY_COMPARE(order, QStringList({"first", "second"}));
        QCOMPARE(worker.pendingJobs(), 0);

        // An answer for an object that is gone is dropped, and the worker says when it is idle.
        QSemaphore release;
        bool delivered = false;
        QSignalSpy idle(&worker, &models::DatabaseWorker::idle);
        {
            QObject shortLived;
            worker.post(
                &shortLived,
                [&release](storage::Database&) {
                    release.acquire();
                    return Result<int>(1);
                },
                [&](Result<int>) { delivered = true; });
        }
        release.release();
        QTRY_COMPARE(idle.count(), 1);
        QVERIFY(!delivered);
    }

    void workerReportsAnUnreachableDatabase() {
        QTemporaryDir gone;
        QString reason;
        {
            auto db = storage::Database::openInDirectory(gone.filePath("data"));
            QVERIFY(db.ok());
            models::DatabaseWorker worker(**db);
            // Its connection is opened with the first job: make that impossible.
            QVERIFY(QDir(gone.filePath("data")).removeRecursively());
            QVERIFY(QFile(gone.filePath("data")).open(QIODevice::WriteOnly)); // a file, not a dir
            QObject context;
            worker.post(
                &context, [](storage::Database&) { return Result<int>(1); },
                [&](Result<int> answer) { reason = answer ? "answered" : answer.error().message; });
            QTRY_VERIFY(!reason.isEmpty());
        }
        QVERIFY2(reason != "answered", qPrintable(reason));
    }

    void watcherSeesOtherConnections() {
        models::DatabaseWorker worker(*m_db);
        models::ChangeWatcher watcher(&worker);
        QSignalSpy changed(&watcher, &models::ChangeWatcher::changed);
        watcher.check();
        QTRY_COMPARE(worker.pendingJobs(), 0);
        QCOMPARE(changed.count(), 0); // nothing happened yet
        auto other = storage::Database::openFile(m_db->filePath());
        QVERIFY(other.ok());
        test::seedBooking(**other, m_admin.id, test::utc("2027-03-01T09:00:00Z"));
        watcher.check();
        QTRY_COMPARE(changed.count(), 1);
        watcher.check();
        QTRY_COMPARE(worker.pendingJobs(), 0);
        QCOMPARE(changed.count(), 1); // once per change
        // Our own writes count too, and the timer finds them without being asked.
        watcher.setInterval(20);
        watcher.start();
        test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-02T09:00:00Z"));
        QTRY_COMPARE(changed.count(), 2);
    }

    void pendingQueueIsOldestFirstAndAnnouncesNewcomers() {
        const Booking later =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-01T09:00:00Z"));
        QTest::qWait(5); // distinct created_at
        const Booking sooner =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-02-01T09:00:00Z"));
        test::seedBooking(*m_db, m_admin.id, test::utc("2027-02-02T09:00:00Z"), 30,
                          BookingStatus::Confirmed);
        models::AdminSession session(*m_db);
        models::PendingBookingModel model(&session);
        Tester tester(&model, kFail);
        QSignalSpy arrived(&model, &models::PendingBookingModel::newRequests);
        QSignalSpy count(&model, &models::PendingBookingModel::countChanged);
        QVERIFY(model.isLoading()); // the profile, then the requests, arrive from the worker
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(!model.isLoading());
        QCOMPARE(arrived.count(), 0); // already waiting: not announced
        // Oldest request first, not earliest meeting.
        QCOMPARE(model.index(0, 0).data(models::IdRole).toString(), later.id);
        QCOMPARE(model.index(1, 0).data(models::IdRole).toString(), sooner.id);
        QCOMPARE(model.index(0, models::PendingBookingModel::AdminTime).data().toString(),
                 QString::fromUtf8("Mon 1 Mar · 10:00–10:30"));
        QVERIFY(model.index(0, models::PendingBookingModel::AttendeeTime)
                    .data()
                    .toString()
                    .contains("New York (UTC"));

        const Booking fresh =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-04-01T09:00:00Z"));
        session.watcher()->check();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(arrived.count(), 1);
        const auto announced = arrived.at(0).at(0).value<QVector<Booking>>();
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.at(0).id, fresh.id);
        QCOMPARE(count.last().at(0).toInt(), 3);

        // Approving the first keeps the others' rows (and their selection) in place.
        QItemSelectionModel selection(&model);
        selection.select(model.index(2, 0), QItemSelectionModel::Select);
        QVERIFY(BookingService(*m_db).approve(m_admin.id, later.id).ok());
        session.watcher()->check();
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(selection.selectedIndexes().size(), 1);
        QCOMPARE(selection.selectedIndexes().at(0).data(models::IdRole).toString(), fresh.id);
        QCOMPARE(arrived.count(), 1); // nothing new arrived
    }

    void calendarShowsHoldingBookingsAndBusyTimeInRange() {
        // Monday 1 March 2027 .. Sunday 7 March, Europe/Berlin.
        const Booking confirmed = test::seedBooking(
            *m_db, m_admin.id, test::utc("2027-03-01T08:00:00Z"), 60, BookingStatus::Confirmed);
        const Booking pending =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-02T08:00:00Z"));
        test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-03T08:00:00Z"), 30,
                          BookingStatus::Rejected);
        test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-10T08:00:00Z")); // next week
        // Starts on Sunday evening before the range and runs into Monday (local).
        const Booking overnight = test::seedBooking(
            *m_db, m_admin.id, test::utc("2027-02-28T22:30:00Z"), 120, BookingStatus::Confirmed);
        QVERIFY(!seedBusyEvent(*m_db, m_admin.id, test::utc("2027-03-04T12:00:00Z"), 90, "Dentist")
                     .isEmpty());

        models::AdminSession session(*m_db);
        models::CalendarItemModel model;
        Tester tester(&model, kFail);
        model.setRange(QDate(2027, 3, 1), QDate(2027, 3, 7));
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data(models::IdRole).toString(), overnight.id);
        QCOMPARE(model.index(1, 0).data(models::IdRole).toString(), confirmed.id);
        QCOMPARE(model.index(1, 0).data(models::LocalStartRole).toDateTime().time(), QTime(9, 0));
        QCOMPARE(model.index(2, 0).data(models::IdRole).toString(), pending.id);
        QCOMPARE(model.index(2, 0).data(models::StatusRole).toInt(), int(BookingStatus::Pending));
        QCOMPARE(model.index(3, 0).data(models::KindRole).toInt(),
                 int(models::CalendarItem::Kind::BusyEvent));
        QCOMPARE(model.index(3, 0).data().toString(), "Dentist");

        // A request rejected elsewhere leaves the calendar at the next check.
        QVERIFY(BookingService(*m_db).reject(m_admin.id, pending.id, {}).ok());
        session.watcher()->check();
        QTRY_COMPARE(model.rowCount(), 3);
        model.setRange(QDate(2027, 3, 8), QDate(2027, 3, 14));
        QCOMPARE(model.rowCount(), 0); // another range: nothing shown until it is read
        QVERIFY(model.isLoading());
        QTRY_COMPARE(model.rowCount(), 1);
    }

    void anAnswerThatANewerRequestReplacedIsDropped() {
        for (int day = 1; day <= 7; ++day)
            test::seedBooking(
                *m_db, m_admin.id,
                test::utc(qPrintable(QStringLiteral("2027-03-0%1T09:00:00Z").arg(day))));
        models::AdminSession session(*m_db);
        QTRY_VERIFY(session.isLoaded());
        models::CalendarItemModel model;
        Tester tester(&model, kFail);
        model.setSession(&session);
        // Hold the worker, so that both ranges below are asked for before either is read.
        QSemaphore release;
        QObject holder;
        session.worker()->post(
            &holder,
            [&release](storage::Database&) {
                release.acquire();
                return Result<int>(0);
            },
            [](Result<int>) {});
        model.setRange(QDate(2027, 3, 1), QDate(2027, 3, 7));  // seven bookings
        model.setRange(QDate(2027, 4, 5), QDate(2027, 4, 11)); // none
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy loading(&model, &models::CalendarItemModel::loadingChanged);
        release.release();
        QTRY_VERIFY(!model.isLoading());
        QTRY_COMPARE(session.worker()->pendingJobs(), 0);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(inserted.count(), 0); // March's answer never reached the rows
        QCOMPARE(loading.count(), 1);  // loading → loaded once, for April's answer
        model.setRange(QDate(2027, 3, 1), QDate(2027, 3, 7));
        QTRY_COMPARE(model.rowCount(), 7);
    }

    void weeklyHoursOverridesAndPreview() {
        AvailabilityService service(*m_db);
        for (int day : {0, 1, 3}) {
            AvailabilityBlock block;
            block.userId = m_admin.id;
            block.dayOfWeek = day;
            block.startMinute = day == 3 ? 13 * 60 : 9 * 60;
            block.endMinute = day == 0 ? 1440 : 17 * 60;
            block.timeZone = day == 3 ? "Asia/Kathmandu" : "Europe/Berlin";
            QVERIFY(service.add(block).ok());
        }
        AvailabilityBlock morning;
        morning.userId = m_admin.id;
        morning.dayOfWeek = 3;
        morning.startMinute = 8 * 60;
        morning.endMinute = 10 * 60;
        morning.timeZone = "Europe/Berlin";
        QVERIFY(service.add(morning).ok());

        models::AdminSession session(*m_db);
        models::AvailabilityBlockModel blocks(&session);
        Tester blockTester(&blocks, kFail);
        QTRY_COMPARE(blocks.rowCount(), 4);
        // Monday first, Sunday last; within a day by start.
        QCOMPARE(blocks.index(0, models::AvailabilityBlockModel::Day).data().toString(), "Monday");
        QCOMPARE(blocks.index(1, models::AvailabilityBlockModel::From).data().toString(), "08:00");
        QCOMPARE(blocks.index(2, models::AvailabilityBlockModel::TimeZone).data().toString(),
                 "Asia/Kathmandu");
        QCOMPARE(blocks.index(3, models::AvailabilityBlockModel::To).data().toString(), "24:00");
        QCOMPARE(blocks.blocksOn(3).size(), 2);

        models::DateOverrideModel overrides(&session);
        Tester overrideTester(&overrides, kFail);
        QTRY_VERIFY(!overrides.isLoading());
        QCOMPARE(overrides.rowCount(), 0);
        const QDate tomorrow =
            zonedtime::toLocal(session.clock().now(), "Europe/Berlin").date().addDays(1);
        AvailabilityOverride off;
        off.userId = m_admin.id;
        off.date = tomorrow;
        off.timeZone = "Europe/Berlin";
        QVERIFY(service.addOverride(off).ok());
        AvailabilityOverride past = off;
        past.date = tomorrow.addDays(-30);
        QVERIFY(service.addOverride(past).ok());
        session.watcher()->check();
        QTRY_COMPARE(overrides.rowCount(), 1); // only what is still ahead
        QCOMPARE(overrides.index(0, models::DateOverrideModel::Hours).data().toString(),
                 "Unavailable all day");

        models::SlotPreviewModel preview(&session);
        Tester previewTester(&preview, kFail);
        QCOMPARE(preview.columnCount(), 7);
        QTRY_VERIFY(preview.totalSlots() > 0);
        QCOMPARE(preview.headerData(1, Qt::Horizontal, models::DateRole).toDate(), tomorrow);
        QCOMPARE(preview.slotCountOn(1), 0); // tomorrow is off
        const int before = preview.totalSlots();
        QVERIFY(service.clear(m_admin.id).ok());
        session.watcher()->check();
        QTRY_COMPARE(preview.totalSlots(), 0);
        QVERIFY(before > 0);
    }

    void integrationsFollowTheDatabase() {
        models::AdminSession session(*m_db);
        models::IntegrationModel model(&session);
        Tester tester(&model, kFail);
        QSignalSpy refreshed(&model, &models::IntegrationModel::refreshed);
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(model.googleCalendarRow(), -1);
        QVERIFY(!model.zoom());
        CalendarIntegration integration;
        integration.userId = m_admin.id;
        integration.keychainKey = "k";
        integration.accountEmail = "alice@gmail.com";
        integration.syncStatus = SyncStatus::Error;
        integration.syncError = "Token expired";
        QVERIFY(
            storage::CalendarIntegrationRepository(m_db->connection()).create(integration).ok());
        session.watcher()->check();
        QTRY_COMPARE(model.googleCalendarRow(), 0);
        QCOMPARE(model.index(0, models::IntegrationModel::Status).data().toString(), "Sync failed");
        QCOMPARE(model.index(0, models::IntegrationModel::Problem).data().toString(),
                 "Token expired");
        QCOMPARE(model.index(0, models::IntegrationModel::LastSync).data().toString(), "Never");
    }
};

QTEST_GUILESS_MAIN(TestLiveModels)
#include "tst_livemodels.moc"
