// Approvals: approving and rejecting from the queue change the database, shrink the queue and
// update the sidebar badge; approving a request that now collides with a busy event or a
// confirmed booking asks first; a request inserted by another connection shows up on its own.
// The checks and changes run on the session's database thread: the tests wait for their
// outcome rather than expecting it when the click returns.

#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/CalendarItemModel.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "models/ItemRoles.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/ApprovalsPage.h"
#include "ui/BookingActions.h"
#include "ui/CalendarPage.h"
#include "ui/CalendarView.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace slotdesk;

class TestApprovals : public test::SeededSuite {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

    BookingStatus statusOf(const QString& id) {
        auto b = BookingService(*m_db).find(m_admin.id, id);
        return b ? b->status : BookingStatus::Cancelled;
    }

    // Selects the cards of these bookings (not positions: requests made in the same
    // millisecond have no fixed order).
    void select(ui::ApprovalsPage* page, const QStringList& ids) {
        auto* selection = page->list()->selectionModel();
        auto* model = page->list()->model();
        selection->clearSelection();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (ids.contains(model->index(row, 0).data(models::IdRole).toString()))
                selection->select(model->index(row, 0), QItemSelectionModel::Select);
        }
        QCOMPARE(page->selectedIds().size(), ids.size());
    }

private slots:
    void init() { QVERIFY(openSeeded()); }

    void approveAndRejectFromTheQueue() {
        const Booking a = test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-01T09:00:00Z"));
        const Booking b = test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-02T09:00:00Z"));
        const Booking c = test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-03T09:00:00Z"));
        const Booking d = test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-04T09:00:00Z"));
        ui::MainWindow window(*m_db);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(ui::MainWindow::Approvals);
        ui::ApprovalsPage* page = window.approvalsPage();
        QTRY_COMPARE(page->list()->model()->rowCount(), 4);
        QCOMPARE(window.pendingBadge(), 4);
        QCOMPARE(window.windowTitle(), "SlotDesk (4)");

        // One, with the Approve button.
        select(page, {a.id});
        auto* approve = page->findChild<QPushButton*>("primary");
        QVERIFY(approve && approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_COMPARE(statusOf(a.id), BookingStatus::Confirmed);
        QTRY_COMPARE(page->list()->model()->rowCount(), 3);
        QCOMPARE(window.pendingBadge(), 3);

        // Two at once, with Ctrl+Enter.
        select(page, {b.id, c.id});
        page->list()->setFocus();
        QTest::keyClick(page->list(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(statusOf(c.id), BookingStatus::Confirmed);
        QCOMPARE(statusOf(b.id), BookingStatus::Confirmed);
        QTRY_COMPARE(window.pendingBadge(), 1);

        // Reject with a reason, through the reason prompt.
        QString askedTitle;
        window.bookingActions()->setReasonPrompt(
            [&](const QString& title, const QString&, ui::BookingActions::ReasonAnswer answer) {
                askedTitle = title;
                answer(true, "Out of office");
            });
        select(page, {d.id});
        QTest::keyClick(page->list(), Qt::Key_Backspace, Qt::ControlModifier);
        QVERIFY(askedTitle.startsWith("Reject"));
        QTRY_COMPARE(statusOf(d.id), BookingStatus::Rejected);
        QCOMPARE(BookingService(*m_db).find(m_admin.id, d.id)->statusReason, "Out of office");
        QTRY_COMPARE(page->list()->model()->rowCount(), 0);
        QTRY_COMPARE(window.pendingBadge(), 0);
        QCOMPARE(window.windowTitle(), "SlotDesk");
    }

    void warnsBeforeApprovingACollision() {
        const Booking confirmed = test::seedBooking(
            *m_db, m_admin.id, test::utc("2027-03-01T09:00:00Z"), 60, BookingStatus::Confirmed);
        const Booking clash =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-01T09:30:00Z"));
        const Booking free =
            test::seedBooking(*m_db, m_admin.id, test::utc("2027-03-05T09:30:00Z"));
        models::AdminSession session(*m_db);
        QTRY_VERIFY(session.hasAdmin());
        ui::BookingActions actions(&session, nullptr);
        QSignalSpy done(&actions, &ui::BookingActions::done);
        QStringList questions;
        bool answer = false;
        actions.setQuestionHandler(
            [&](const QString&, const QString& text, ui::BookingActions::Answer reply) {
                questions.append(text);
                reply(answer);
            });

        // No collision: no question.
        actions.approve({free.id});
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(questions.size(), 0);
        QCOMPARE(statusOf(free.id), BookingStatus::Confirmed);

        // A confirmed booking in the way: asked, and "no" changes nothing.
        actions.approve({clash.id});
        QTRY_COMPARE(questions.size(), 1);
        QVERIFY(questions.at(0).contains("Bob Attendee"));
        QTRY_COMPARE(session.worker()->pendingJobs(), 0);
        QCOMPARE(statusOf(clash.id), BookingStatus::Pending);
        QCOMPARE(done.count(), 1);
        QVERIFY(BookingService(*m_db).cancel(m_admin.id, confirmed.id, {}).ok());

        // A busy event that arrived since: asked again; "yes" approves.
        CalendarIntegration integration;
        integration.userId = m_admin.id;
        integration.keychainKey = "k";
        auto created =
            storage::CalendarIntegrationRepository(m_db->connection()).create(integration);
        QVERIFY(created.ok());
        CalendarEvent event;
        event.calendarIntegrationId = created->id;
        event.externalEventId = "e1";
        event.startTime = test::utc("2027-03-01T09:45:00Z");
        event.endTime = test::utc("2027-03-01T10:30:00Z");
        event.title = "Dentist";
        QVERIFY(storage::CalendarEventRepository(m_db->connection()).upsert(event).ok());
        answer = true;
        actions.approve({clash.id});
        QTRY_COMPARE(questions.size(), 2);
        QVERIFY(questions.at(1).contains("Dentist"));
        QTRY_COMPARE(statusOf(clash.id), BookingStatus::Confirmed);
    }

    void requestsFromAnotherConnectionAppear() {
        ui::MainWindow window(*m_db);
        window.show();
        window.showPage(ui::MainWindow::Approvals);
        ui::ApprovalsPage* page = window.approvalsPage();
        QTRY_VERIFY(window.session()->isLoaded() && !window.session()->worker()->pendingJobs());
        QCOMPARE(page->list()->model()->rowCount(), 0);
        // Show the week of the new request on the calendar too.
        window.calendarPage()->view()->setDate(QDate(2027, 3, 1));

        // Another process (here: another connection to the same file) takes a request.
        auto other = storage::Database::openFile(m_db->filePath());
        QVERIFY(other.ok());
        const Booking arrived =
            test::seedBooking(**other, m_admin.id, test::utc("2027-03-01T09:00:00Z"));
        QTRY_COMPARE_WITH_TIMEOUT(page->list()->model()->rowCount(), 1, 3000);
        QCOMPARE(page->list()->model()->index(0, 0).data(models::IdRole).toString(), arrived.id);
        QCOMPARE(window.pendingBadge(), 1);
        QTRY_COMPARE(window.calendarPage()->model()->rowCount(), 1);

        // ... and approved there, it leaves the queue here.
        QVERIFY(BookingService(**other).approve(m_admin.id, arrived.id).ok());
        QTRY_COMPARE_WITH_TIMEOUT(page->list()->model()->rowCount(), 0, 3000);
        QCOMPARE(window.pendingBadge(), 0);
        QTRY_COMPARE(window.calendarPage()->model()->index(0, 0).data(models::StatusRole).toInt(),
                     int(BookingStatus::Confirmed));
    }
};

QTEST_MAIN(TestApprovals)
#include "tst_approvals.moc"
