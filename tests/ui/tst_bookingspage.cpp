// The bookings table: the status filter, the date range and the text search each narrow the
// rows (and combine); sorting by a column orders every booking; a confirmed booking is
// cancelled with a reason.

#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/BookingFilterProxyModel.h"
#include "models/BookingTableModel.h"
#include "models/ItemRoles.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/BookingActions.h"
#include "ui/BookingsPage.h"
#include "ui/EmptyState.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

class TestBookingsPage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;
    Booking m_carol;

    Booking seed(const QString& name, const QString& email, const char* start, BookingStatus status,
                 const QString& notes = {}) {
        Booking b = test::makeBooking(m_admin.id, test::utc(start), 30, status);
        b.attendeeName = name;
        b.attendeeEmail = email;
        b.notes = notes;
        auto created = storage::BookingRepository(m_db->connection()).create(b);
        return created ? *created : Booking{};
    }

    QStringList shownNames(ui::BookingsPage& page) {
        QStringList names;
        auto* model = page.table()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            names.append(model->index(r, models::BookingTableModel::Attendee).data().toString());
        return names;
    }

    static void choose(QComboBox* box, const QString& text) {
        const int index = box->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        box->setCurrentIndex(index);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        auto db = storage::Database::openInDirectory(m_dir.path());
        QVERIFY(db.ok());
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db);
        const QString soon = QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate);
        const QString later = QDateTime::currentDateTimeUtc().addDays(40).toString(Qt::ISODate);
        const QString past = QDateTime::currentDateTimeUtc().addDays(-10).toString(Qt::ISODate);
        seed("Anna Archer", "anna@example.com", qPrintable(soon), BookingStatus::Pending,
             "Wants to talk about the roadmap");
        seed("Ben Baker", "ben@example.net", qPrintable(later), BookingStatus::Confirmed);
        m_carol = seed("Carol Cook", "carol@example.com",
                       qPrintable(QDateTime::currentDateTimeUtc().addDays(5).toString(Qt::ISODate)),
                       BookingStatus::Confirmed);
        seed("Dan Dyer", "dan@example.org", qPrintable(past), BookingStatus::Rejected);
        const QString earlier = QDateTime::currentDateTimeUtc().addDays(-12).toString(Qt::ISODate);
        seed("Eve Ember", "eve@example.org", qPrintable(earlier), BookingStatus::Cancelled,
             "roadmap follow-up");
    }

    void filters() {
        models::AdminSession session(*m_db);
        ui::BookingActions actions(&session, nullptr);
        ui::BookingsPage page(&session, &actions);
        page.show();
        auto* empty = page.findChild<ui::EmptyState*>();
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(empty->findChild<QLabel*>("emptyTitle")->text(), "Loading…");

        // Upcoming (the default), in time order.
        QTRY_COMPARE(shownNames(page), QStringList({"Anna Archer", "Carol Cook", "Ben Baker"}));
        QCOMPARE(page.sourceModel()->totalCount(), 3);
        QVERIFY(!empty->isVisible());

        choose(page.rangeFilter(), "All dates");
        QTRY_COMPARE(shownNames(page).size(), 5);
        choose(page.rangeFilter(), "Past");
        QTRY_COMPARE(shownNames(page), QStringList({"Dan Dyer", "Eve Ember"}));

        choose(page.rangeFilter(), "All dates");
        choose(page.statusFilter(), "Confirmed");
        QTRY_COMPARE(shownNames(page), QStringList({"Carol Cook", "Ben Baker"}));
        choose(page.statusFilter(), "All statuses");

        // Text search matches names, emails and notes, case-insensitively.
        QTest::keyClicks(page.searchField(), "ROADMAP");
        page.applyFilters();
        QTRY_COMPARE(shownNames(page), QStringList({"Eve Ember", "Anna Archer"}));
        page.searchField()->setText(".net");
        page.applyFilters();
        QTRY_COMPARE(shownNames(page), QStringList({"Ben Baker"}));
        page.searchField()->clear();
        page.applyFilters();

        // A custom range: the next week only.
        choose(page.rangeFilter(), "Custom range");
        QVERIFY(page.fromEdit()->isVisible());
        const QDate today = QDate::currentDate();
        page.fromEdit()->setDate(today);
        page.toEdit()->setDate(today.addDays(7));
        QTRY_COMPARE(shownNames(page), QStringList({"Anna Archer", "Carol Cook"}));

        // Filters combine.
        choose(page.statusFilter(), "Pending");
        QTRY_COMPARE(shownNames(page), QStringList({"Anna Archer"}));
        page.searchField()->setText("nobody");
        page.applyFilters();
        QTRY_COMPARE(shownNames(page), QStringList());
        QTRY_COMPARE(empty->findChild<QLabel*>("emptyTitle")->text(), "No bookings match");
        QVERIFY(empty->isVisible());

        // Sorting by attendee, descending, orders them all.
        page.searchField()->clear();
        choose(page.statusFilter(), "All statuses");
        choose(page.rangeFilter(), "All dates");
        page.table()->sortByColumn(models::BookingTableModel::Attendee, Qt::DescendingOrder);
        QTRY_COMPARE(shownNames(page), QStringList({"Eve Ember", "Dan Dyer", "Carol Cook",
                                                    "Ben Baker", "Anna Archer"}));
    }

    void cancelsAConfirmedBookingWithAReason() {
        models::AdminSession session(*m_db);
        ui::BookingActions actions(&session, nullptr);
        actions.setReasonPrompt(
            [](const QString&, const QString&, ui::BookingActions::ReasonAnswer answer) {
                answer(true, "Travelling");
            });
        ui::BookingsPage page(&session, &actions);
        page.show();
        auto* cancel = page.findChild<QPushButton*>("cancelBooking");
        QVERIFY(cancel);
        QVERIFY(!cancel->isEnabled());
        QTRY_VERIFY(shownNames(page).contains("Carol Cook"));
        const int row = shownNames(page).indexOf("Carol Cook");
        page.table()->setCurrentIndex(page.table()->model()->index(row, 0));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        const auto carol = [&] { return *BookingService(*m_db).find(m_admin.id, m_carol.id); };
        QTRY_COMPARE(carol().status, BookingStatus::Cancelled);
        QCOMPARE(carol().statusReason, "Travelling");
        QTRY_COMPARE(page.table()->model()->index(row, 0).data(models::StatusRole).toInt(),
                     int(BookingStatus::Cancelled));
        QVERIFY(!cancel->isEnabled());
    }

    // Forget attendee…: asks first (no changes nothing), then cancels their future booking and
    // anonymises it on the session's worker; the row shows it and cannot be forgotten again.
    void forgetsTheSelectedAttendee() {
        models::AdminSession session(*m_db);
        ui::BookingActions actions(&session, nullptr);
        bool answer = false;
        QStringList asked;
        actions.setQuestionHandler(
            [&](const QString& title, const QString&, ui::BookingActions::Answer reply) {
                asked << title;
                reply(answer);
            });
        QSignalSpy done(&actions, &ui::BookingActions::done);
        ui::BookingsPage page(&session, &actions);
        page.show();
        auto* forget = page.findChild<QPushButton*>("forgetAttendee");
        QVERIFY(forget);
        QVERIFY(!forget->isEnabled());
        QTRY_VERIFY(shownNames(page).contains("Ben Baker"));
        const int row = shownNames(page).indexOf("Ben Baker");
        page.table()->setCurrentIndex(page.table()->model()->index(row, 0));
        QVERIFY(forget->isEnabled());
        const auto bookingsOfBen = [&] {
            const auto bookings = BookingService(*m_db).list(m_admin.id, {});
            QStringList emails;
            for (const Booking& b : *bookings)
                emails << b.attendeeEmail;
            return emails.count("ben@example.net");
        };

        QTest::mouseClick(forget, Qt::LeftButton);
        QCOMPARE(asked, QStringList({"Forget ben@example.net?"}));
        QCOMPARE(bookingsOfBen(), 1);

        answer = true;
        QTest::mouseClick(forget, Qt::LeftButton);
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.first().first().toString(), "Forgot ben@example.net: 1 booking anonymised");
        QCOMPARE(bookingsOfBen(), 0);
        QTRY_VERIFY(shownNames(page).contains("Forgotten attendee"));
        QVERIFY(!shownNames(page).contains("Ben Baker"));
        QVERIFY(shownNames(page).contains("Anna Archer"));
        const int forgotten = shownNames(page).indexOf("Forgotten attendee");
        QCOMPARE(page.table()->model()->index(forgotten, 0).data(models::StatusRole).toInt(),
                 int(BookingStatus::Cancelled));
        page.table()->setCurrentIndex(page.table()->model()->index(forgotten, 0));
        QVERIFY(!forget->isEnabled());
    }
};

QTEST_MAIN(TestBookingsPage)
#include "tst_bookingspage.moc"
