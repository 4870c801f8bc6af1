// The booking state machine: every allowed and every refused transition, in the pure rule and
// through BookingService against a real database (a refused change changes nothing).

#include "booking/BookingService.h"
#include "booking/BookingStateMachine.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

Q_DECLARE_METATYPE(slotdesk::BookingStatus)

class TestBookingStates : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;

private slots:
    void initTestCase() { SLOTDESK_REQUIRE_TEST_ENGINE(); }
    void init() {
        m_tdb = std::make_unique<test::TestDatabase>();
        auto db = m_tdb->open();
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db);
    }
    void cleanup() {
        m_db.reset();
        m_tdb.reset();
    }

    void transitions_data() {
        QTest::addColumn<BookingStatus>("from");
        QTest::addColumn<BookingStatus>("to");
        QTest::addColumn<bool>("allowed");
        const BookingStatus all[] = {BookingStatus::Pending, BookingStatus::Confirmed,
                                     BookingStatus::Rejected, BookingStatus::Cancelled};
        for (auto from : all) {
            for (auto to : all) {
                const bool allowed =
                    (from == BookingStatus::Pending && to != BookingStatus::Pending) ||
                    (from == BookingStatus::Confirmed && to == BookingStatus::Cancelled);
                QTest::addRow("%s -> %s", qPrintable(toText(from)), qPrintable(toText(to)))
                    << from << to << allowed;
            }
        }
    }

    void transitions() {
        QFETCH(BookingStatus, from);
        QFETCH(BookingStatus, to);
        QFETCH(bool, allowed);
        QCOMPARE(BookingStateMachine::isAllowed(from, to), allowed);
        const auto check = BookingStateMachine::check(from, to);
        QCOMPARE(check.ok(), allowed);
        if (!allowed) {
            QCOMPARE(check.error().code, ErrorCode::InvalidTransition);
            QVERIFY(check.error().message.contains(toText(from)));
        }
    }

    void transitionsThroughTheService_data() { transitions_data(); }
    void transitionsThroughTheService() {
        QFETCH(BookingStatus, from);
        QFETCH(BookingStatus, to);
        QFETCH(bool, allowed);
        const Booking seeded =
            test::seedBooking(*m_db, m_admin.id, test::utc("2026-12-01T08:00:00Z"), 30, from);
        QVERIFY(!seeded.id.isEmpty());
        BookingService service(*m_db);
        const QString reason = QStringLiteral("Travelling");
        Result<Booking> result =
            to == BookingStatus::Confirmed  ? service.approve(m_admin.id, seeded.id)
            : to == BookingStatus::Rejected ? service.reject(m_admin.id, seeded.id, reason)
            : to == BookingStatus::Cancelled
                ? service.cancel(m_admin.id, seeded.id, reason)
                : Result<Booking>(Error{ErrorCode::InvalidTransition, {}, {}});
        const auto stored = service.find(m_admin.id, seeded.id);
        QVERIFY(stored.ok());
        if (to == BookingStatus::Pending) {
            QVERIFY(!BookingStateMachine::check(from, to).ok()); // nothing offers a way back
            return;
        }
        QCOMPARE(result.ok(), allowed);
        if (allowed) {
            QCOMPARE(stored->status, to);
            QVERIFY(stored->updatedAt >= seeded.updatedAt);
            if (to != BookingStatus::Confirmed)
                QCOMPARE(stored->statusReason, reason);
        } else {
            QCOMPARE(result.error().code, ErrorCode::InvalidTransition);
            QCOMPARE(stored->status, from);
            QCOMPARE(stored->updatedAt, seeded.updatedAt);
            QCOMPARE(stored->statusReason, seeded.statusReason);
        }
    }

    void unknownAndForeignBookingsAreNotFound() {
        BookingService service(*m_db);
        QCOMPARE(service.approve(m_admin.id, QStringLiteral("nope")).error().code,
                 ErrorCode::NotFound);
        const Booking seeded =
            test::seedBooking(*m_db, m_admin.id, test::utc("2026-12-01T08:00:00Z"));
        const User other = test::seedAdmin(*m_db, QStringLiteral("carol"));
        QCOMPARE(service.approve(other.id, seeded.id).error().code, ErrorCode::NotFound);
        QCOMPARE(service.find(m_admin.id, seeded.id)->status, BookingStatus::Pending);
    }
};

QTEST_GUILESS_MAIN(TestBookingStates)
#include "tst_bookingstates.moc"
