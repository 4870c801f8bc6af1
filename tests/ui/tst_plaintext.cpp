// Text from outside — an attendee's name, email, notes and reason, a calendar event's title, a
// video link, what Google or Zoom say — is shown as written, never as markup. Labels carry it
// with Qt::PlainText (their text() is then exactly the string); our own rich text (links, the
// coloured status dot) escapes it; tooltips, which Qt renders as HTML whenever
// Qt::mightBeRichText() guesses so, render to the very same characters. Each case uses a name
// that Qt would otherwise show as a big red "URGENT" with a broken image.

#include "booking/BookingService.h"
#include "calendar/CalendarSyncService.h"
#include "models/AdminSession.h"
#include "models/BookingTableModel.h"
#include "models/CalendarItemModel.h"
#include "storage/BookingRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/CalendarIntegrationRepository.h"
#include "storage/CalendarJobRepository.h"
#include "storage/Database.h"
#include "storage/UserRepository.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "ui/BookingActions.h"
#include "ui/BookingDetailsPanel.h"
#include "ui/CalendarView.h"
#include "ui/FormFeedback.h"
#include "ui/IntegrationsPage.h"
#include "ui/MainWindow.h"
#include "video/ZoomService.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

using namespace slotdesk;

namespace {

const QString kName = QStringLiteral("<font size=6 color=red>URGENT</font><img src=x>");
const QString kNotes = QStringLiteral("<b>x</b>&amp;\n  <i>second</i>  line");
const QString kReason = QStringLiteral("<a href=\"https://evil.example\">click</a> &lt;now&gt;");
const QString kEventTitle = QStringLiteral("<h1>Dentist</h1><img src=x>");

// What Qt shows for a tooltip (or an AutoText label): HTML when it guesses rich text, else the
// characters themselves.
QString shownAsQtGuesses(const QString& text) {
    QTextDocument document;
    if (Qt::mightBeRichText(text))
        document.setHtml(text);
    else
        document.setPlainText(text);
    return document.toPlainText();
}

// What a label shows, by its text format.
QString shown(const QLabel* label) {
    if (label->textFormat() == Qt::PlainText)
        return label->text();
    if (label->textFormat() == Qt::AutoText)
        return shownAsQtGuesses(label->text());
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

QLabel* labelShowing(const QWidget* root, const QString& text) {
    const auto labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->text().contains(text))
            return label;
    }
    return nullptr;
}

} // namespace

// A label that shows `expected` (text from outside) must be plain text and hold it unchanged.
#define VERIFY_PLAIN_LABEL(label, expected)                                                        \
    do {                                                                                           \
        const QLabel* plainLabel = (label);                                                        \
        QVERIFY2(plainLabel, "no label shows the text");                                           \
        QCOMPARE(plainLabel->textFormat(), Qt::PlainText);                                         \
        QCOMPARE(plainLabel->text(), expected);                                                    \
    } while (false)

class TestPlainText : public test::SeededSuite {
    Q_OBJECT

    Booking attendeeBooking(const char* start, BookingStatus status = BookingStatus::Pending) {
        Booking b = test::makeBooking(m_admin.id, test::utc(start), 60, status);
        b.attendeeName = kName;
        b.notes = kNotes;
        auto created = storage::BookingRepository(m_db->connection()).create(b);
        return created ? *created : Booking{};
    }

    CalendarIntegration seedGoogle(const QString& accountEmail = {}, const QString& error = {}) {
        CalendarIntegration integration;
        integration.userId = m_admin.id;
        integration.keychainKey = QStringLiteral("k");
        integration.accountEmail = accountEmail;
        integration.syncStatus = error.isEmpty() ? SyncStatus::Active : SyncStatus::Error;
        integration.syncError = error;
        auto created =
            storage::CalendarIntegrationRepository(m_db->connection()).create(integration);
        return created ? *created : CalendarIntegration{};
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init() { QVERIFY(openSeeded()); }

    void cleanup() { closeSeeded(); }

    void detailsPanelShowsABookingAsWritten() {
        Booking b = test::makeBooking(m_admin.id, test::utc("2027-03-02T10:00:00Z"), 45,
                                      BookingStatus::Cancelled);
        b.attendeeName = kName;
        b.notes = kNotes;
        b.statusReason = kReason;
        b.videoLink = QStringLiteral("zoommtg://join?confno=<b>1</b>&amp;"); // shown, not linked
        ui::BookingDetailsPanel panel;
        panel.showBooking(b, QStringLiteral("Europe/Berlin"));
        auto label = [&](const char* name) { return panel.findChild<QLabel*>(name); };
        VERIFY_PLAIN_LABEL(label("detailsTitle"), kName);
        VERIFY_PLAIN_LABEL(label("detailsNotes"), kNotes);
        VERIFY_PLAIN_LABEL(label("detailsReason"), kReason);
        // Our own rich text (the video line, the mailto link) escapes what it quotes.
        QCOMPARE(label("detailsVideo")->textFormat(), Qt::RichText);
        QCOMPARE(shown(label("detailsVideo")), b.videoLink);
        QCOMPARE(shown(label("detailsEmail")), b.attendeeEmail);

        b.videoLink = QStringLiteral("https://zoom.example/j/1?pwd=<b>x</b>&amp;");
        panel.showBooking(b, QStringLiteral("Europe/Berlin"));
        QCOMPARE(shown(label("detailsVideo")), b.videoLink);
    }

    void detailsPanelShowsABusyEventTitleAsWritten() {
        ui::BookingDetailsPanel panel;
        panel.showBusyEvent(kEventTitle, test::utc("2027-03-02T10:00:00Z"),
                            test::utc("2027-03-02T11:00:00Z"), QStringLiteral("Europe/Berlin"));
        VERIFY_PLAIN_LABEL(panel.findChild<QLabel*>("detailsTitle"), kEventTitle);
    }

    void bookingTableToolTipsShowNameAndNotesAsWritten() {
        Booking b = test::makeBooking(m_admin.id, test::utc("2027-03-02T10:00:00Z"), 45);
        b.attendeeName = kName;
        b.notes = kNotes;
        storage::BookingRepository bookings(m_db->connection());
        auto created = bookings.create(b);
        QVERIFY(created.ok());
        models::AdminSession session(*m_db);
        models::BookingTableModel model;
        model.setSession(&session);
        QTRY_COMPARE(model.rowCount(), 1);
        const QString startTip =
            model.index(0, models::BookingTableModel::Start).data(Qt::ToolTipRole).toString();
        QVERIFY2(shownAsQtGuesses(startTip).contains(kName), qPrintable(startTip));
        QVERIFY(shownAsQtGuesses(startTip).contains(QLatin1String("New York")));
        const QString notesTip =
            model.index(0, models::BookingTableModel::Attendee).data(Qt::ToolTipRole).toString();
        QCOMPARE(shownAsQtGuesses(notesTip), kNotes);
        // No notes, no tooltip.
        created->notes.clear();
        QVERIFY(bookings.update(*created).ok());
        session.refresh();
        QTRY_VERIFY(model.index(0, models::BookingTableModel::Attendee)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .isEmpty());
    }

    void calendarToolTipsShowTitlesAsWritten() {
        Booking b = test::makeBooking(m_admin.id, test::utc("2027-03-02T10:00:00Z"), 45);
        b.id = QStringLiteral("b1");
        b.attendeeName = kName;
        CalendarEvent event;
        event.id = QStringLiteral("e1");
        event.startTime = test::utc("2027-03-03T10:00:00Z");
        event.endTime = test::utc("2027-03-03T11:00:00Z");
        event.title = kEventTitle;
        models::CalendarItemModel model;
        model.setItems({models::CalendarItem::fromBooking(b, QStringLiteral("Europe/Berlin")),
                        models::CalendarItem::fromEvent(event, QStringLiteral("Europe/Berlin"))},
                       QStringLiteral("Europe/Berlin"));
        const QString bookingTip = model.index(0, 0).data(Qt::ToolTipRole).toString();
        const QString eventTip = model.index(1, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(shownAsQtGuesses(bookingTip).startsWith(kName + QLatin1Char('\n')),
                 qPrintable(shownAsQtGuesses(bookingTip)));
        QVERIFY2(shownAsQtGuesses(eventTip).startsWith(kEventTitle + QLatin1Char('\n')),
                 qPrintable(shownAsQtGuesses(eventTip)));
        QVERIFY(shownAsQtGuesses(eventTip).endsWith(QLatin1String("Busy in your calendar")));
    }

    void calendarViewShowsTheToolTipAsWritten() {
        Booking b = test::makeBooking(m_admin.id, test::utc("2027-03-02T10:00:00Z"), 60);
        b.id = QStringLiteral("b1");
        b.attendeeName = kName;
        models::CalendarItemModel model;
        model.setItems({models::CalendarItem::fromBooking(b, QStringLiteral("Europe/Berlin"))},
                       QStringLiteral("Europe/Berlin"));
        ui::CalendarView view;
        view.resize(1000, 700);
        view.setTimeZone(QStringLiteral("Europe/Berlin"));
        view.setModel(&model);
        view.setDate(QDate(2027, 3, 2));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToMinute(10 * 60);
        const QRect rect = view.visualRect(model.index(0, 0));
        QVERIFY(rect.isValid());
        QHelpEvent help(QEvent::ToolTip, rect.center(),
                        view.viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(view.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString shownText = shownAsQtGuesses(QToolTip::text());
        QVERIFY2(shownText.startsWith(kName + QLatin1Char('\n')), qPrintable(shownText));
        QToolTip::hideText();
    }

    void collisionQuestionIsPlainText() {
        const Booking confirmed =
            attendeeBooking("2027-03-01T09:00:00Z", BookingStatus::Confirmed); // named kName
        Booking clash = test::makeBooking(m_admin.id, test::utc("2027-03-01T09:30:00Z"), 30);
        clash.attendeeName = QStringLiteral("<b>Bold</b> Bob");
        auto created = storage::BookingRepository(m_db->connection()).create(clash);
        QVERIFY(created.ok());
        const CalendarIntegration google = seedGoogle();
        QVERIFY(!google.id.isEmpty());
        CalendarEvent event;
        event.calendarIntegrationId = google.id;
        event.externalEventId = QStringLiteral("e1");
        event.startTime = test::utc("2027-03-01T09:45:00Z");
        event.endTime = test::utc("2027-03-01T10:30:00Z");
        event.title = kEventTitle;
        QVERIFY(storage::CalendarEventRepository(m_db->connection()).upsert(event).ok());

        models::AdminSession session(*m_db);
        QTRY_VERIFY(session.hasAdmin());
        QWidget parent;
        ui::BookingActions actions(&session, &parent);
        actions.approve({created->id});
        QTRY_VERIFY(parent.findChild<QMessageBox*>());
        auto* box = parent.findChild<QMessageBox*>();
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY(box->text().contains(kName));
        QVERIFY(box->text().contains(kEventTitle));
        QVERIFY(box->text().contains(clash.attendeeName));
        box->reject();
        QCOMPARE(BookingService(*m_db).find(m_admin.id, created->id)->status,
                 BookingStatus::Pending);
        QVERIFY(!confirmed.id.isEmpty());
    }

    void mainWindowShowsNamesAndFailuresAsWritten() {
        User admin = m_admin;
        admin.name = kName;
        QVERIFY(storage::UserRepository(m_db->connection()).update(admin).ok());
        ui::MainWindow window(*m_db);
        QTRY_VERIFY(labelShowing(&window, kName));
        VERIFY_PLAIN_LABEL(labelShowing(&window, kName),
                           kName + QStringLiteral("\nBerlin")); // the sidebar's signed-in admin

        // A failure message (which may quote Google, Zoom or the database) in a message box.
        auto* actions = window.findChild<ui::BookingActions*>();
        QVERIFY(actions);
        const QString failure = QStringLiteral("Zoom said: <b>%1</b>").arg(kName);
        emit actions->failed(failure);
        auto* box = window.findChild<QMessageBox*>();
        QVERIFY(box);
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QCOMPARE(box->text(), failure);
        box->reject();
    }

    void integrationsPageQuotesGoogleAndZoomAsWritten() {
        const QString googleAccount = QStringLiteral("<b>me</b>@example.com");
        const QString googleError = QStringLiteral("<font color=red>Google:</font> <img src=x>");
        const CalendarIntegration google = seedGoogle(googleAccount, googleError);
        QVERIFY(!google.id.isEmpty());
        const Booking booking = attendeeBooking("2027-03-01T09:00:00Z", BookingStatus::Confirmed);
        storage::CalendarJobRepository jobs(m_db->connection());
        auto job = jobs.enqueue(m_admin.id, booking.id, storage::CalendarJobAction::Insert,
                                QDateTime::currentDateTimeUtc());
        QVERIFY(job.ok());
        const QString jobError = QStringLiteral("<i>quota</i> &amp; more");
        QVERIFY(jobs.markFailed(job->id, 5, jobError).ok());
        storage::VideoIntegration zoom;
        zoom.userId = m_admin.id;
        zoom.accountEmail = QStringLiteral("<u>zoom</u>@example.com");
        zoom.status = VideoIntegrationStatus::Error;
        zoom.lastError = QStringLiteral("<table><tr><td>Zoom</td></tr></table>");
        QVERIFY(storage::VideoIntegrationRepository(m_db->connection()).save(zoom).ok());

        CalendarSyncService calendar(*m_db);
        zoom::ZoomService zoomService(*m_db);
        models::AdminSession session(*m_db);
        ui::IntegrationsPage page(&session);
        page.setServices(&calendar, &zoomService);
        // Read on the session's worker.
        QTRY_COMPARE(page.findChild<QLabel*>("zoomAccount")->text(), zoom.accountEmail);
        VERIFY_PLAIN_LABEL(page.findChild<QLabel*>("integrationAccount"), googleAccount);
        VERIFY_PLAIN_LABEL(labelShowing(&page, googleError), googleError);
        const QLabel* jobsLabel = page.findChild<QLabel*>("integrationJobs");
        QVERIFY(jobsLabel);
        QCOMPARE(jobsLabel->textFormat(), Qt::PlainText);
        QVERIFY2(jobsLabel->text().endsWith(jobError), qPrintable(jobsLabel->text()));
        VERIFY_PLAIN_LABEL(page.findChild<QLabel*>("zoomAccount"), zoom.accountEmail);
        VERIFY_PLAIN_LABEL(labelShowing(&page, zoom.lastError), zoom.lastError);

        // What a failed connect reports quotes the provider.
        const QString googleReply = QStringLiteral("<b>access_denied</b>: %1").arg(kName);
        emit calendar.connectFinished(false, QString(), googleReply);
        const QLabel* googleMessage = labelShowing(&page, googleReply);
        QVERIFY(googleMessage);
        QCOMPARE(googleMessage->textFormat(), Qt::PlainText);
        const QString zoomReply = QStringLiteral("<h1>invalid_client</h1> %1").arg(kName);
        emit zoomService.connectFinished(false, zoomReply);
        const QLabel* zoomMessage = labelShowing(&page, zoomReply);
        QVERIFY(zoomMessage);
        QCOMPARE(zoomMessage->textFormat(), Qt::PlainText);
    }

    void formErrorsArePlainText() {
        QWidget form;
        ui::FormFeedback feedback(&form);
        auto* input = new QWidget(&form);
        QLabel* fieldLabel = feedback.addField(QStringLiteral("name"), input);
        const QString message = QStringLiteral("“%1” is not allowed").arg(kName);
        feedback.show(Error::validation(QStringLiteral("name"), message));
        VERIFY_PLAIN_LABEL(fieldLabel, message);
        feedback.show(Error::storage(message));
        VERIFY_PLAIN_LABEL(feedback.generalLabel(), message);
    }
};

QTEST_MAIN(TestPlainText)
#include "tst_plaintext.moc"
