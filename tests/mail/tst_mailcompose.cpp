// The e-mails a booking owes: every kind in English, German and French, rendered and parsed back
// (Python's email package) — recipient, reply-to, subject and times in the recipient's language
// and zone, the invitation's METHOD — and, against a real database, one UID with a SEQUENCE that
// rises as BookingService changes the booking.

#include "booking/BookingService.h"
#include "booking/IcsCalendar.h"
#include "mail/MailComposer.h"
#include "mail/MimeWriter.h"
#include "storage/BookingRepository.h"
#include "storage/VideoIntegrationRepository.h"
#include "support/MailInspection.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::mail;

Q_DECLARE_METATYPE(slotdesk::mail::MailKind)
Q_DECLARE_METATYPE(slotdesk::BookingStatus)

namespace {

MailContext context(const QString& language) {
    MailContext c;
    c.admin = test::makeUser();
    c.admin.id = QStringLiteral("admin-1");
    c.admin.name = QStringLiteral("Jürgen Müller");
    c.admin.email = QStringLiteral("juergen@example.org");
    c.admin.timeZone = QStringLiteral("America/New_York");
    c.adminLanguage = language;
    c.booking = test::makeBooking(c.admin.id, test::utc("2027-03-01T09:00:00Z"), 45,
                                  BookingStatus::Confirmed);
    c.booking.id = QStringLiteral("b7c1d2e3-0000-4000-8000-000000000001");
    c.booking.attendeeName = QStringLiteral("Zoë Ångström");
    c.booking.attendeeEmail = QStringLiteral("zoe@example.com");
    c.booking.timeZone = QStringLiteral("Europe/Berlin");
    c.booking.language = language;
    c.booking.videoLink = QStringLiteral("https://meet.example.com/abc-defg-hij");
    c.booking.statusReason = QStringLiteral("Double-booked <sorry>");
    c.booking.sequence = 1;
    c.from = {QString(), QStringLiteral("bookings@example.org")};
    c.manageUrl = QStringLiteral("https://book.example.org/booking/b7c1?token=secret-token");
    c.now = test::utc("2027-02-01T08:00:00Z");
    return c;
}

} // namespace

class TestMailCompose : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<storage::Database> m_db;

private slots:
    void everyKindInEveryLanguage_data() {
        QTest::addColumn<MailKind>("kind");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("subjectStart");
        QTest::addColumn<QString>("method"); // of the invitation, empty: none
        const struct {
            MailKind kind;
            const char* subjects[3];
            const char* method;
        } kinds[] = {
            {MailKind::RequestReceived,
             {"Request received:", "Anfrage erhalten:", "Demande reçue :"},
             ""},
            {MailKind::Approved, {"Confirmed:", "Bestätigt:", "Confirmé :"}, "REQUEST"},
            {MailKind::Rejected, {"Declined:", "Abgelehnt:", "Refusé :"}, ""},
            {MailKind::CancelledByAdmin, {"Cancelled:", "Abgesagt:", "Annulé :"}, "CANCEL"},
            {MailKind::Withdrawn,
             {"Request withdrawn:", "Anfrage zurückgezogen:", "Demande retirée :"},
             ""},
            {MailKind::CancelledByAttendee, {"Cancelled:", "Abgesagt:", "Annulé :"}, "CANCEL"},
            {MailKind::Reminder, {"Reminder:", "Erinnerung:", "Rappel :"}, "REQUEST"},
            {MailKind::Rescheduled, {"Rescheduled:", "Verschoben:", "Déplacé :"}, "REQUEST"},
            {MailKind::AdminNewRequest,
             {"New request:", "Neue Anfrage:", "Nouvelle demande :"},
             ""},
            {MailKind::AdminAttendeeWithdrew,
             {"Request withdrawn:", "Anfrage zurückgezogen:", "Demande retirée :"},
             ""},
            {MailKind::AdminAttendeeCancelled,
             {"Cancelled by the attendee:", "Vom Teilnehmer abgesagt:",
              "Annulé par le participant :"},
             ""},
        };
        const char* languages[] = {"en", "de", "fr"};
        for (const auto& k : kinds)
            for (int l = 0; l < 3; ++l)
                QTest::addRow("%s %s", qPrintable(toText(k.kind)), languages[l])
                    << k.kind << QString(languages[l]) << QString::fromUtf8(k.subjects[l])
                    << QString(k.method);
    }
    void everyKindInEveryLanguage() {
        QFETCH(MailKind, kind);
        QFETCH(QString, language);
        QFETCH(QString, subjectStart);
        QFETCH(QString, method);
        const MailContext c = context(language);
        const auto composed = MailComposer::compose(kind, c);
        QVERIFY2(composed.ok(), composed ? "" : qPrintable(composed.error().message));
        const auto bytes = MimeWriter::render(*composed);
        QVERIFY(bytes.ok());
        const auto parsed = test::inspectMail(*bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        const QJsonObject r = parsed.report;
        QCOMPARE(r.value("defects").toArray().size(), 0);
        QVERIFY2(r.value("subject").toString().startsWith(subjectStart),
                 qPrintable(r.value("subject").toString()));

        const bool toAdmin = isForAdmin(kind);
        const auto to = r.value("to").toArray().at(0).toObject();
        const auto replyTo = r.value("reply_to").toArray().at(0).toObject();
        QCOMPARE(to.value("address").toString(), toAdmin ? c.admin.email : c.booking.attendeeEmail);
        QCOMPARE(replyTo.value("address").toString(),
                 toAdmin ? c.booking.attendeeEmail : c.admin.email);
        QCOMPARE(r.value("from").toArray().at(0).toObject().value("name").toString(), c.admin.name);

        // Times in the recipient's zone (and the attendee's too, for the admin).
        const QString text = test::partOfType(r, "text/plain").value("content").toString();
        const QString html = test::partOfType(r, "text/html").value("content").toString();
        const QString berlin =
            language == "de"   ? "Montag, 1. März 2027, 10:00–10:45 (Europe/Berlin)"
            : language == "fr" ? "lundi 1 mars 2027, 10:00–10:45 (Europe/Berlin)"
                               : "Monday, 1 March 2027, 10:00–10:45 (Europe/Berlin)";
        QVERIFY2(text.contains(berlin), qPrintable(text));
        QCOMPARE(text.contains("America/New_York"), toAdmin);
        QVERIFY2(text.contains(toAdmin ? c.admin.name : c.booking.attendeeName), qPrintable(text));
        // The manage link only where the attendee can still act on the booking.
        const bool live = kind == MailKind::RequestReceived || kind == MailKind::Approved ||
                          kind == MailKind::Reminder || kind == MailKind::Rescheduled;
        QCOMPARE(text.contains(c.manageUrl), live);
        QCOMPARE(html.contains(c.manageUrl.toHtmlEscaped()), live);
        // The reason of a refusal, cancellation or move, escaped in HTML.
        const bool reason = kind == MailKind::Rejected || kind == MailKind::CancelledByAdmin ||
                            kind == MailKind::CancelledByAttendee ||
                            kind == MailKind::AdminAttendeeCancelled ||
                            kind == MailKind::Rescheduled;
        QCOMPARE(text.contains(c.booking.statusReason), reason);
        QCOMPARE(html.contains("Double-booked &lt;sorry&gt;"), reason);
        QVERIFY(!html.contains("<sorry>"));
        // Nothing is loaded from elsewhere.
        QVERIFY(!html.contains("<img", Qt::CaseInsensitive));
        QVERIFY(!html.contains("src=", Qt::CaseInsensitive));

        const QJsonObject calendar = test::partOfType(r, "text/calendar");
        QCOMPARE(calendar.value("params").toObject().value("method").toString(), method);
        if (!method.isEmpty()) {
            const auto ics = test::inspectIcs(calendar.value("content").toString().toUtf8());
            QVERIFY2(ics.ok(), qPrintable(ics.error));
            QCOMPARE(ics.report.value("method").toString(), method);
            QCOMPARE(ics.report.value("uid").toString(), c.booking.id + "@slotdesk");
            QCOMPARE(ics.report.value("sequence").toInt(), 1);
            // The event's title in the attendee's language.
            QCOMPARE(ics.report.value("summary").toString(),
                     language == "de"   ? QString("Termin mit Jürgen Müller")
                     : language == "fr" ? QString("Rendez-vous avec Jürgen Müller")
                                        : QString("Meeting with Jürgen Müller"));
        }
    }

    // A move's mails say what it replaces: their own subject and intro, and the earlier time
    // ("Previously") — or, for a declined move, the meeting that stays. The "rescheduled"
    // invitation continues the first booking's event; a request the admin moved has none yet.
    void moveMailsShowTheTimeTheyReplace_data() {
        QTest::addColumn<MailKind>("kind");
        QTest::addColumn<BookingStatus>("status");
        QTest::addColumn<QString>("subjectStart");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("method");
        QTest::newRow("attendee asked") << MailKind::RequestReceived << BookingStatus::Pending
                                        << "Request to reschedule received:"
                                        << "Previously"
                                        << "";
        QTest::newRow("admin told")
            << MailKind::AdminNewRequest << BookingStatus::Pending << "Reschedule request:"
            << "Previously"
            << "";
        QTest::newRow("declined") << MailKind::Rejected << BookingStatus::Rejected
                                  << "New time declined:"
                                  << "Still booked"
                                  << "";
        QTest::newRow("moved") << MailKind::Rescheduled << BookingStatus::Confirmed
                               << "Rescheduled:"
                               << "Previously"
                               << "REQUEST";
        QTest::newRow("request moved")
            << MailKind::Rescheduled << BookingStatus::Pending << "Request moved:"
            << "Previously"
            << "";
    }
    void moveMailsShowTheTimeTheyReplace() {
        QFETCH(MailKind, kind);
        QFETCH(BookingStatus, status);
        QFETCH(QString, subjectStart);
        QFETCH(QString, label);
        QFETCH(QString, method);
        MailContext c = context(QStringLiteral("en"));
        Booking previous = c.booking;
        previous.id = QStringLiteral("b7c1d2e3-0000-4000-8000-000000000000");
        previous.startTime = test::utc("2027-02-26T14:00:00Z");
        previous.endTime = test::utc("2027-02-26T14:45:00Z");
        c.previous = previous;
        c.eventBookingId = QStringLiteral("first-booking");
        c.booking.rescheduledFromId = previous.id;
        c.booking.status = status;
        c.booking.sequence = 4;
        const auto composed = MailComposer::compose(kind, c);
        QVERIFY(composed.ok());
        const auto parsed = test::inspectMail(*MimeWriter::render(*composed));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QVERIFY2(parsed.report.value("subject").toString().startsWith(subjectStart),
                 qPrintable(parsed.report.value("subject").toString()));
        const QString text =
            test::partOfType(parsed.report, "text/plain").value("content").toString();
        const QString zone = isForAdmin(kind) ? "America/New_York" : "Europe/Berlin";
        const QString earlier = MailComposer::formatTime(previous, zone, QStringLiteral("en"));
        QVERIFY2(text.contains(label + ": " + earlier), qPrintable(text));
        const QJsonObject calendar = test::partOfType(parsed.report, "text/calendar");
        QCOMPARE(calendar.value("params").toObject().value("method").toString(), method);
        if (!method.isEmpty()) {
            const auto ics = test::inspectIcs(calendar.value("content").toString().toUtf8());
            QVERIFY2(ics.ok(), qPrintable(ics.error));
            QCOMPARE(ics.report.value("uid").toString(), QString("first-booking@slotdesk"));
            QCOMPARE(ics.report.value("sequence").toInt(), 4);
            QCOMPARE(ics.report.value("status").toString(), QString("CONFIRMED"));
        }
    }

    void uidStaysAndSequenceRisesThroughBookingService() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        m_tdb = std::make_unique<test::TestDatabase>();
        auto db = m_tdb->open();
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = std::move(*db);
        const User admin = test::seedAdmin(*m_db);
        Booking seeded = test::makeBooking(admin.id, test::utc("2027-03-01T09:00:00Z"));
        seeded.language = QStringLiteral("fr");
        auto created = storage::BookingRepository(m_db->connection()).create(seeded);
        QVERIFY(created.ok());
        QCOMPARE(created->sequence, 0);

        BookingService service(*m_db);
        MailContext c = context(QStringLiteral("en"));
        c.admin = admin;
        const auto icsOf = [&](MailKind kind, const Booking& booking) {
            c.booking = booking;
            const auto composed = MailComposer::compose(kind, c);
            return test::inspectIcs(composed->calendar.ics);
        };

        const auto approved = service.approve(admin.id, created->id);
        QVERIFY(approved.ok());
        QCOMPARE(approved->sequence, 1);
        QCOMPARE(approved->language, QString("fr"));
        const auto invitation = icsOf(MailKind::Approved, *approved);
        QVERIFY2(invitation.ok(), qPrintable(invitation.error));
        QCOMPARE(invitation.report.value("sequence").toInt(), 1);
        QCOMPARE(invitation.report.value("status").toString(), QString("CONFIRMED"));

        // A video link is news for the attendee's calendar too; the same link again is not.
        storage::VideoMeeting meeting;
        meeting.bookingId = created->id;
        meeting.provider = QStringLiteral("zoom");
        meeting.meetingId = QStringLiteral("123");
        meeting.joinUrl = QStringLiteral("https://zoom.example/j/123");
        QVERIFY(service.recordVideoMeeting(admin.id, meeting).ok());
        QCOMPARE(service.find(admin.id, created->id)->sequence, 2);
        QVERIFY(service.recordVideoMeeting(admin.id, meeting).ok());
        QCOMPARE(service.find(admin.id, created->id)->sequence, 2);

        const auto cancelled = service.cancel(admin.id, created->id, QStringLiteral("ill"));
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled->sequence, 3);
        const auto cancellation = icsOf(MailKind::CancelledByAdmin, *cancelled);
        QVERIFY2(cancellation.ok(), qPrintable(cancellation.error));
        QCOMPARE(cancellation.report.value("method").toString(), QString("CANCEL"));
        QCOMPARE(cancellation.report.value("status").toString(), QString("CANCELLED"));
        QCOMPARE(cancellation.report.value("sequence").toInt(), 3);
        QCOMPARE(cancellation.report.value("uid").toString(),
                 invitation.report.value("uid").toString());
        // The manage page's file is the same event at the same sequence.
        const auto download = test::inspectIcs(
            IcsCalendar::forBooking(*cancelled, admin, QDateTime::currentDateTimeUtc()));
        QVERIFY2(download.ok(), qPrintable(download.error));
        QCOMPARE(download.report.value("uid").toString(),
                 invitation.report.value("uid").toString());
        QCOMPARE(download.report.value("sequence").toInt(), 3);

        // A refused change changes nothing, the sequence included.
        QVERIFY(!service.approve(admin.id, created->id).ok());
        QCOMPARE(service.find(admin.id, created->id)->sequence, 3);
        m_db.reset();
        m_tdb.reset();
    }

    void composeRefusesAnUnknownZone() {
        MailContext c = context(QStringLiteral("en"));
        c.booking.timeZone.clear();
        const auto composed = MailComposer::compose(MailKind::Approved, c);
        QVERIFY(!composed.ok());
        QCOMPARE(composed.error().field, QString("timezone"));
    }
};

QTEST_GUILESS_MAIN(TestMailCompose)
#include "tst_mailcompose.moc"
