// The calendar view paints from its model: items land in their day column at their local time,
// overlapping items share the width, the arrow keys walk the items in time order, Page Down
// asks for the next period, month view folds extra items into "+N more", clicking a
// booking opens its details with both time zones, and a booking dragged to another time (or
// given one in the Reschedule dialog) moves once the admin confirms.

#include "availability/AvailabilityService.h"
#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/CalendarItemModel.h"
#include "models/DatabaseWorker.h"
#include "models/ItemRoles.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/Database.h"
#include "storage/IntegrationCalendarRepository.h"
#include "storage/MailOutboxRepository.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/BookingActions.h"
#include "ui/BookingDetailsPanel.h"
#include "ui/CalendarPage.h"
#include "ui/CalendarView.h"
#include "ui/RescheduleDialog.h"
#include "ui/TimeOfDayBox.h"

#include <QApplication>
#include <QDateEdit>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

namespace {

models::CalendarItem item(const QString& id, const char* start, int minutes,
                          BookingStatus status = BookingStatus::Confirmed) {
    Booking b = test::makeBooking("u", test::utc(start), minutes, status);
    b.id = id;
    b.attendeeName = id;
    return models::CalendarItem::fromBooking(b, "Europe/Berlin");
}

} // namespace

class TestCalendarView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // weeks on Monday
    }

    void laysOutAndNavigates() {
        models::CalendarItemModel model;
        // Week of Monday 1 March 2027, Berlin (UTC+1).
        model.setItems({item("a", "2027-03-01T08:00:00Z", 60),
                        item("b", "2027-03-01T08:30:00Z", 60),
                        item("c", "2027-03-03T13:00:00Z", 30, BookingStatus::Pending),
                        item("d", "2027-03-09T13:00:00Z", 30)},
                       "Europe/Berlin");
        ui::CalendarView view;
        view.resize(1000, 700);
        view.setTimeZone("Europe/Berlin");
        view.setModel(&model);
        view.setDate(QDate(2027, 3, 3));
        QCOMPARE(view.firstVisibleDate(), QDate(2027, 3, 1));
        QCOMPARE(view.lastVisibleDate(), QDate(2027, 3, 7));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToMinute(8 * 60);

        const QRect a = view.visualRect(model.index(0, 0));
        const QRect b = view.visualRect(model.index(1, 0));
        const QRect c = view.visualRect(model.index(2, 0));
        QVERIFY(a.isValid() && b.isValid() && c.isValid());
        QVERIFY(!view.visualRect(model.index(3, 0)).isValid()); // next week
        QCOMPARE(view.dateAt(a.center()), QDate(2027, 3, 1));
        QCOMPARE(view.dateAt(c.center()), QDate(2027, 3, 3));
        // a and b overlap: side by side, each about half the day.
        QVERIFY(a.right() <= b.left() + 1);
        QVERIFY(b.top() > a.top());
        QVERIFY(c.left() > b.right());
        // One hour tall at 09:00 local → above the 10:00 of c's day... c at 14:00.
        QVERIFY(c.top() > a.bottom());
        QCOMPARE(view.indexAt(a.center()), model.index(0, 0));
        QCOMPARE(view.indexAt(b.center()), model.index(1, 0));

        // Keyboard: Right walks to the next item in time.
        view.setFocus();
        view.setCurrentIndex(model.index(0, 0));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex().row(), 1);
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentIndex().row(), 2);
        QTest::keyClick(&view, Qt::Key_Right); // d is not shown: stays
        QCOMPARE(view.currentIndex().row(), 2);
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(view.currentIndex().row(), 1);

        QSignalSpy step(&view, &ui::CalendarView::periodStepRequested);
        QSignalSpy mode(&view, &ui::CalendarView::modeChangeRequested);
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(step.count(), 1);
        QCOMPARE(step.at(0).at(0).toInt(), 1);
        QTest::keyClick(&view, Qt::Key_M);
        QCOMPARE(mode.count(), 1);
        QCOMPARE(mode.at(0).at(0).value<ui::CalendarView::Mode>(), ui::CalendarView::Mode::Month);

        // Pixels: a confirmed item is painted in a blue accent; an empty day is not.
        QImage image(view.viewport()->size(), QImage::Format_ARGB32);
        view.viewport()->render(&image);
        const QPoint inA = a.center() + QPoint(0, a.height() / 4);
        const QPoint empty((a.center().x() + c.center().x()) / 2, inA.y());
        QCOMPARE(view.dateAt(empty), QDate(2027, 3, 2));
        QVERIFY(!view.indexAt(empty).isValid());
        const QColor atA = image.pixelColor(inA);
        const QColor atEmpty = image.pixelColor(empty);
        QVERIFY2(atA.blue() > atA.red() + 60, qPrintable(atA.name()));
        QVERIFY2(atEmpty.lightness() > 200, qPrintable(atEmpty.name()));
    }

    void monthFoldsExtraItems() {
        QVector<models::CalendarItem> items;
        for (int i = 0; i < 12; ++i)
            items.append(item(
                QStringLiteral("m%1").arg(i, 2, 10, QLatin1Char('0')),
                qPrintable(
                    QStringLiteral("2027-03-10T%1:00:00Z").arg(6 + i, 2, 10, QLatin1Char('0'))),
                30));
        models::CalendarItemModel model;
        model.setItems(items, "Europe/Berlin");
        ui::CalendarView view;
        view.resize(900, 640);
        view.setModel(&model);
        view.setTimeZone("Europe/Berlin");
        view.setDate(QDate(2027, 3, 10));
        view.setMode(ui::CalendarView::Mode::Month);
        QCOMPARE(view.firstVisibleDate(), QDate(2027, 3, 1));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        int shown = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (view.visualRect(model.index(r, 0)).isValid())
                ++shown;
        }
        QVERIFY(shown > 0);
        QVERIFY(shown < 12);
        // Clicking below the last chip ("+N more") asks for that day.
        QSignalSpy day(&view, &ui::CalendarView::dayRequested);
        const QRect last = view.visualRect(model.index(shown - 1, 0));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          last.center() + QPoint(0, last.height() + 2));
        QCOMPARE(day.count(), 1);
        QCOMPARE(day.at(0).at(0).toDate(), QDate(2027, 3, 10));
    }

    void followsTheSessionsClock() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        // 23:30 UTC on Tuesday is already Wednesday in Berlin.
        core::ManualClock clock(test::utc("2027-03-02T23:30:00Z"));
        models::AdminSession session(**db, QString(), clock.clock());
        QTRY_VERIFY(session.hasAdmin());
        ui::BookingActions actions(&session, nullptr);
        ui::CalendarPage page(&session, &actions);
        QCOMPARE(page.view()->date(), QDate(2027, 3, 3));
        QCOMPARE(page.view()->now(), test::utc("2027-03-02T23:30:00Z"));
        QCOMPARE(page.view()->firstVisibleDate(), QDate(2027, 3, 1));
        page.step(2);
        QCOMPARE(page.view()->firstVisibleDate(), QDate(2027, 3, 15));
        clock.advance(std::chrono::hours(24 * 40));
        page.goToday();
        QCOMPARE(page.view()->date(), QDate(2027, 4, 12));
    }

    void clickingABookingShowsItsDetails() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        Booking b = test::makeBooking(admin.id, test::utc("2027-03-02T10:00:00Z"), 45);
        b.notes = "Bring the slides";
        auto created = storage::BookingRepository((*db)->connection()).create(b);
        QVERIFY(created.ok());
        // What became of its mails: one sent, one refused by the server.
        storage::MailOutboxRepository outbox((*db)->connection());
        const QDateTime due = test::utc("2027-03-01T08:00:00Z");
        for (const char* kind : {"request_received", "admin_new_request"}) {
            storage::MailOutboxEntry mail;
            mail.userId = admin.id;
            mail.bookingId = created->id;
            mail.kind = QString::fromLatin1(kind);
            mail.recipient = mail.kind.startsWith("admin") ? admin.email : b.attendeeEmail;
            mail.language = QStringLiteral("en");
            mail.idempotencyKey = created->id + mail.kind;
            mail.nextAttemptAt = due;
            QVERIFY(*outbox.enqueue(mail));
        }
        for (int i = 0; i < 2; ++i) {
            const auto claimed = outbox.claimNext("t", due, due.addSecs(600));
            QVERIFY(claimed && claimed->has_value());
            const QString id = (*claimed)->id;
            QVERIFY((*claimed)->kind == "request_received"
                        ? *outbox.markSent(id, "t", due.addSecs(2))
                        : *outbox.markFailed(id, "t", 1, "550 no such user"));
        }
        models::AdminSession session(**db);
        ui::BookingActions actions(&session, nullptr);
        ui::CalendarPage page(&session, &actions);
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.view()->setDate(QDate(2027, 3, 2));
        page.view()->scrollToMinute(9 * 60);
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QVERIFY(page.periodTitle().contains("March 2027"));
        QVERIFY(!page.details()->isVisible());
        const QRect rect = page.view()->visualRect(page.model()->index(0, 0));
        QVERIFY(rect.isValid());
        QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(page.details()->isVisible());
        QVERIFY(page.view()->selectionModel()->isSelected(page.model()->index(0, 0)));
        QCOMPARE(page.details()->bookingId(), created->id);
        auto text = [&](const char* name) {
            return page.details()->findChild<QLabel*>(name)->text();
        };
        QCOMPARE(text("detailsTitle"), "Bob Attendee");
        QVERIFY(text("detailsEmail").contains("bob@example.com"));
        QCOMPARE(text("detailsNotes"), "Bring the slides");
        QVERIFY(text("detailsAdminTime").contains(QString::fromUtf8("11:00–11:45")));
        QVERIFY(text("detailsAdminTime").contains("Berlin"));
        QVERIFY(text("detailsAttendeeTime").contains(QString::fromUtf8("05:00–05:45")));
        QVERIFY(text("detailsAttendeeTime").contains("New York"));
        QVERIFY(!text("detailsVideo").isEmpty());
        const QString mails = text("detailsMails");
        QVERIFY2(mails.contains("Request received to bob@example.com: sent 1 Mar, 09:00"),
                 qPrintable(mails));
        QVERIFY2(
            mails.contains("New request notice to alice@example.org: failed: 550 no such user"),
            qPrintable(mails));

        // Escape closes it again.
        QTest::keyClick(page.view(), Qt::Key_Escape);
        QTRY_VERIFY(!page.details()->isVisible());
    }

    void busyEventsShowTheirCalendarsColour() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        // One account, two calendars: "Family" orange, "Work" without a colour.
        CalendarIntegration integration;
        integration.userId = admin.id;
        integration.type = CalendarType::CalDav;
        integration.keychainKey = QStringLiteral("k");
        auto created =
            storage::CalendarIntegrationRepository((*db)->connection()).create(integration);
        QVERIFY(created.ok());
        QStringList calendarIds;
        for (const QString& color : {QStringLiteral("#ff8800"), QString()}) {
            storage::IntegrationCalendar calendar;
            calendar.integrationId = created->id;
            calendar.remoteId = QStringLiteral("/cal/") + QString::number(calendarIds.size());
            calendar.color = color;
            calendar.blocksTime = true;
            auto made =
                storage::IntegrationCalendarRepository((*db)->connection()).create(calendar);
            QVERIFY2(made.ok(), qPrintable(made ? QString() : made.error().message));
            calendarIds.append(made->id);
        }
        for (int i = 0; i < 2; ++i) {
            CalendarEvent event;
            event.calendarIntegrationId = created->id;
            event.integrationCalendarId = calendarIds.at(i);
            event.externalEventId = QStringLiteral("e") + QString::number(i);
            event.startTime = test::utc("2027-03-02T10:00:00Z").addDays(i);
            event.endTime = event.startTime.addSecs(3600);
            event.title = QStringLiteral("Event %1").arg(i);
            QVERIFY(storage::CalendarEventRepository((*db)->connection()).upsert(event).ok());
        }
        core::ManualClock clock(test::utc("2027-03-01T07:00:00Z"));
        models::AdminSession session(**db, QString(), clock.clock());
        QTRY_VERIFY(session.hasAdmin());
        ui::BookingActions actions(&session, nullptr);
        ui::CalendarPage page(&session, &actions);
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.view()->setDate(QDate(2027, 3, 2));
        page.view()->scrollToMinute(10 * 60);
        QTRY_COMPARE(page.model()->rowCount(), 2);
        QMap<QString, QString> colors;
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = page.model()->index(row, 0);
            colors.insert(index.data(models::TitleRole).toString(),
                          index.data(models::CalendarColorRole).toString());
        }
        QCOMPARE(colors.value(QStringLiteral("Event 0")), QStringLiteral("#ff8800"));
        QCOMPARE(colors.value(QStringLiteral("Event 1")), QString());
        // The coloured one is painted with its calendar's colour at its left edge; the other not.
        const QImage shot = page.view()->viewport()->grab().toImage();
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = page.model()->index(row, 0);
            const QRect box = page.view()->visualRect(index);
            QVERIFY(box.isValid());
            const QColor edge = shot.pixelColor(box.left() + 2, box.center().y());
            QCOMPARE(edge == QColor(QStringLiteral("#ff8800")),
                     index.data(models::CalendarColorRole).toString() == QLatin1String("#ff8800"));
        }
    }

    void draggingABookingMovesIt() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db); // Europe/Berlin
        addWeekdayHours(**db, admin.id);
        // Tuesday 11:00–11:30 Berlin, confirmed; Wednesday 11:00–12:00 Berlin is busy.
        const Booking booking = test::seedBooking(**db, admin.id, test::utc("2027-03-02T10:00:00Z"),
                                                  30, BookingStatus::Confirmed);
        addBusyEvent(**db, admin.id, "Dentist", "2027-03-03T10:00:00Z", "2027-03-03T11:00:00Z");
        core::ManualClock clock(test::utc("2027-03-01T07:00:00Z"));
        models::AdminSession session(**db, QString(), clock.clock());
        QTRY_VERIFY(session.hasAdmin());
        ui::BookingActions actions(&session, nullptr);
        QStringList questions;
        bool answer = false;
        actions.setQuestionHandler([&](const QString&, const QString& text, auto reply) {
            questions.append(text);
            reply(answer);
        });
        ui::CalendarPage page(&session, &actions);
        page.resize(1200, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        ui::CalendarView* view = page.view();
        view->setDate(QDate(2027, 3, 2));
        view->scrollToMinute(9 * 60);
        QTRY_COMPARE(page.model()->rowCount(), 2);
        QTRY_COMPARE(session.worker()->pendingJobs(), 0);
        const int row =
            page.model()->index(0, 0).data(models::IdRole).toString() == booking.id ? 0 : 1;
        // Selecting it opens the details beside the calendar, which narrows the grid: measure
        // after.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(page.model()->index(row, 0)).center());
        QTRY_VERIFY(page.details()->isVisible());
        QApplication::processEvents(); // the layout settles
        const QRect from = view->visualRect(page.model()->index(row, 0));
        QVERIFY(from.isValid());
        auto* hint = page.findChild<QLabel*>("moveHint");
        QVERIFY(hint);
        QSignalSpy moves(view, &ui::CalendarView::moveRequested);
        QWidget* viewport = view->viewport();
        const QPoint grab = from.topLeft() + QPoint(from.width() / 2, 4);
        const int hour = view->visualRect(page.model()->index(row, 0)).height() * 2; // 30 min
        const int day = from.width() + 2;

        // Onto Wednesday 11:00: the ghost overlaps the dentist, and the line below says so.
        QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
        moveMouse(viewport, grab + QPoint(day / 2, 0));
        moveMouse(viewport, grab + QPoint(day, 0));
        QTRY_VERIFY2(hint->text().contains("Dentist"), qPrintable(hint->text()));
        QVERIFY(hint->text().contains("Wed 3 Mar, 11:00"));
        // Escape gives up: nothing is asked, nothing moves.
        QTest::keyClick(view, Qt::Key_Escape);
        QVERIFY(hint->text().isEmpty());
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, grab + QPoint(day, 0));
        QCOMPARE(moves.count(), 0);

        // Onto Wednesday 14:00: free. Dropping asks first; "no" keeps the time.
        const QPoint target = grab + QPoint(day, 3 * hour);
        QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
        moveMouse(viewport, grab + QPoint(day / 2, hour));
        moveMouse(viewport, target);
        QTRY_VERIFY2(hint->text().contains("Wed 3 Mar, 14:00"), qPrintable(hint->text()));
        QVERIFY(!hint->text().contains("overlaps"));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, target);
        QCOMPARE(moves.count(), 1);
        QTRY_COMPARE(questions.size(), 1);
        QVERIFY2(questions.at(0).contains(QString::fromUtf8("Wed 3 Mar · 14:00–14:30")),
                 qPrintable(questions.at(0)));
        QTRY_COMPARE(session.worker()->pendingJobs(), 0);
        QCOMPARE(statusOf(**db, admin.id, booking.id), BookingStatus::Confirmed);

        // "Yes": the original is cancelled and a confirmed booking at the new time replaces it.
        answer = true;
        QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
        moveMouse(viewport, grab + QPoint(day / 2, hour));
        moveMouse(viewport, target);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, target);
        QTRY_COMPARE(questions.size(), 2);
        QTRY_COMPARE(statusOf(**db, admin.id, booking.id), BookingStatus::Cancelled);
        const auto original = BookingService(**db).find(admin.id, booking.id);
        QVERIFY(original.ok());
        const auto moved = BookingService(**db).find(admin.id, original->rescheduledToId);
        QVERIFY(moved.ok());
        QCOMPARE(moved->status, BookingStatus::Confirmed);
        QCOMPARE(moved->startTime, test::utc("2027-03-03T13:00:00Z"));
        QCOMPARE(moved->endTime, test::utc("2027-03-03T13:30:00Z"));
        QCOMPARE(moved->rescheduledFromId, booking.id);
    }

    void rescheduleDialogMovesARequest() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        const User admin = test::seedAdmin(**db);
        addWeekdayHours(**db, admin.id);
        const Booking request =
            test::seedBooking(**db, admin.id, test::utc("2027-03-02T10:00:00Z"), 30);
        core::ManualClock clock(test::utc("2027-03-01T07:00:00Z"));
        models::AdminSession session(**db, QString(), clock.clock());
        QTRY_VERIFY(session.hasAdmin());
        QWidget parent;
        ui::BookingActions actions(&session, &parent);
        QSignalSpy failed(&actions, &ui::BookingActions::failed);
        QSignalSpy done(&actions, &ui::BookingActions::done);
        actions.askAndReschedule(request.id);
        ui::RescheduleDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = parent.findChild<ui::RescheduleDialog*>("rescheduleDialog")));
        QCOMPARE(dialog->findChild<QDateEdit*>("rescheduleDate")->date(), QDate(2027, 3, 2));
        dialog->findChild<QDateEdit*>("rescheduleDate")->setDate(QDate(2027, 3, 4));
        dialog->findChild<ui::TimeOfDayBox*>("rescheduleTime")->setMinutes(15 * 60);
        dialog->submit();
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(done.at(0).at(0).toString().contains("Thu 4 Mar"));
        const auto original = BookingService(**db).find(admin.id, request.id);
        QVERIFY(original.ok());
        QVERIFY(original->status != BookingStatus::Pending);
        const auto moved = BookingService(**db).find(admin.id, original->rescheduledToId);
        QVERIFY(moved.ok());
        QCOMPARE(moved->status, BookingStatus::Pending);
        QCOMPARE(moved->startTime, test::utc("2027-03-04T14:00:00Z"));

        // Each side's details name the other.
        ui::BookingDetailsPanel panel;
        panel.showBookingById(&session, moved->id);
        auto* moves = panel.findChild<QLabel*>("detailsMoves");
        QTRY_VERIFY(panel.isVisible());
        QVERIFY2(moves->text().contains(QString::fromUtf8("Moved from Tue 2 Mar · 11:00–11:30")),
                 qPrintable(moves->text()));
        panel.showBookingById(&session, request.id);
        QTRY_VERIFY2(moves->text().contains(QString::fromUtf8("to Thu 4 Mar · 15:00–15:30")),
                     qPrintable(moves->text()));
    }

private:
    // Monday to Friday, 09:00–17:00 Berlin.
    static void addWeekdayHours(storage::Database& db, const QString& userId) {
        AvailabilityService service(db);
        for (int day = 1; day <= 5; ++day) {
            AvailabilityBlock block;
            block.userId = userId;
            block.dayOfWeek = day;
            block.startMinute = 9 * 60;
            block.endMinute = 17 * 60;
            block.timeZone = QStringLiteral("Europe/Berlin");
            QVERIFY(service.add(block).ok());
        }
    }
    static void addBusyEvent(storage::Database& db, const QString& userId, const QString& title,
                             const char* start, const char* end) {
        CalendarIntegration integration;
        integration.userId = userId;
        integration.keychainKey = QStringLiteral("k");
        auto created = storage::CalendarIntegrationRepository(db.connection()).create(integration);
        QVERIFY(created.ok());
        CalendarEvent event;
        event.calendarIntegrationId = created->id;
        event.externalEventId = QStringLiteral("e1");
        event.startTime = test::utc(start);
        event.endTime = test::utc(end);
        event.title = title;
        QVERIFY(storage::CalendarEventRepository(db.connection()).upsert(event).ok());
    }
    static BookingStatus statusOf(storage::Database& db, const QString& userId, const QString& id) {
        auto booking = BookingService(db).find(userId, id);
        return booking ? booking->status : BookingStatus::Rejected;
    }
    // QTest::mouseMove sends no button state; a drag needs the left button held.
    static void moveMouse(QWidget* widget, const QPoint& to) {
        QMouseEvent move(QEvent::MouseMove, to, widget->mapToGlobal(to), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }
};

QTEST_MAIN(TestCalendarView)
#include "tst_calendarview.moc"
