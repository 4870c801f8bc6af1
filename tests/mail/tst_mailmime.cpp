// E-mail as bytes: MimeWriter's messages parsed back by Python's `email` package, and the
// booking's iCalendar object (IcsCalendar) checked by Python's `icalendar` — headers, RFC 2047
// names and subjects, RFC 2231 file names, the multipart structure an invitation needs, UID and
// SEQUENCE, ORGANIZER/ATTENDEE, VALARM, escaping and folding.

#include "booking/IcsCalendar.h"
#include "mail/MimeWriter.h"
#include "support/MailInspection.h"
#include "support/TestData.h"

#include <QJsonArray>
#include <QTest>

using namespace slotdesk;
using namespace slotdesk::mail;

namespace {

User host() {
    User user = test::makeUser();
    user.name = QStringLiteral("Jürgen Müller-Lüdenscheidt");
    user.email = QStringLiteral("juergen@example.org");
    return user;
}

Booking booking() {
    Booking b = test::makeBooking(QStringLiteral("user-1"), test::utc("2027-03-01T09:00:00Z"), 45,
                                  BookingStatus::Confirmed);
    b.id = QStringLiteral("0b5e6f0a-1111-4222-8333-944455556666");
    b.attendeeName = QStringLiteral("Zoë Ångström, \"the\" Reviewer");
    b.attendeeEmail = QStringLiteral("zoe@example.com");
    b.notes = QStringLiteral("Agenda: one; two, three\nback\\slash — ünïcödé ") + QString(60, u'é');
    b.videoLink = QStringLiteral("https://meet.example.com/abc-defg-hij");
    b.sequence = 3;
    return b;
}

MailMessage invitation() {
    MailMessage m;
    m.from = {QStringLiteral("Jürgen Müller (SlotDesk)"), QStringLiteral("bookings@example.org")};
    m.replyTo = {QStringLiteral("Jürgen Müller"), QStringLiteral("juergen@example.org")};
    m.to = {{QStringLiteral("Zoë Ångström"), QStringLiteral("zoe@example.com")}};
    m.subject =
        QStringLiteral("Bestätigt: Besprechung am 1. März — 10:00 (Zoë) ") + QString(40, u'ß');
    m.text = QStringLiteral("Hallo Zoë,\n\nIhr Termin ist bestätigt.\n");
    m.html = QStringLiteral("<p>Hallo Zoë,</p><p>Ihr Termin ist <b>bestätigt</b>.</p>");
    m.calendar = {"REQUEST",
                  IcsCalendar::forBooking(booking(), host(), test::utc("2027-02-01T08:00:00Z"),
                                          IcsCalendar::Method::Request)};
    m.attachments = {{QStringLiteral("Übersicht für Zoë – März.txt"), "text/plain",
                      QStringLiteral("Grüße\n").toUtf8()}};
    m.messageId = QStringLiteral("abc123@example.org");
    m.date = test::utc("2027-02-01T08:00:00Z");
    return m;
}

QJsonObject partOfType(const QJsonObject& report, const QString& type) {
    for (const auto& part : report.value(QStringLiteral("parts")).toArray())
        if (part.toObject().value(QStringLiteral("content_type")).toString() == type)
            return part.toObject();
    return {};
}

bool isAscii(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() > 0x7F)
            return false;
    return true;
}

} // namespace

class TestMailMime : public QObject {
    Q_OBJECT

private slots:
    void invitationParsesBack() {
        const MailMessage m = invitation();
        const auto bytes = MimeWriter::render(m);
        QVERIFY2(bytes.ok(), bytes ? "" : qPrintable(bytes.error().message));

        // On the wire: 7-bit, CRLF lines, none longer than RFC 5322's 998 octets.
        QVERIFY(!bytes->contains("\r\r"));
        for (const QByteArray& line : bytes->split('\n')) {
            QVERIFY2(line.isEmpty() || line.endsWith('\r'), line.constData());
            QVERIFY2(line.size() <= 999, line.constData());
            for (const char c : line)
                QVERIFY2(static_cast<unsigned char>(c) < 0x80, line.constData());
        }

        const auto parsed = test::inspectMail(*bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        const QJsonObject r = parsed.report;
        QCOMPARE(r.value("defects").toArray().size(), 0);
        QCOMPARE(r.value("tree").toString(),
                 QString("multipart/mixed(multipart/alternative(text/plain,text/html,"
                         "text/calendar),application/ics,text/plain)"));
        QCOMPARE(r.value("mime_version").toString(), QString("1.0"));
        // Display names and subject decode to the Unicode put in; on the wire they are ASCII
        // (RFC 2047 encoded words).
        const auto from = r.value("from").toArray().at(0).toObject();
        QCOMPARE(from.value("name").toString(), m.from.name);
        QCOMPARE(from.value("address").toString(), m.from.address);
        const auto replyTo = r.value("reply_to").toArray().at(0).toObject();
        QCOMPARE(replyTo.value("name").toString(), m.replyTo.name);
        QCOMPARE(replyTo.value("address").toString(), m.replyTo.address);
        const auto to = r.value("to").toArray();
        QCOMPARE(to.size(), 1);
        QCOMPARE(to.at(0).toObject().value("name").toString(), m.to.first().name);
        QCOMPARE(r.value("subject").toString(), m.subject);
        const QJsonObject raw = r.value("raw_headers").toObject();
        QVERIFY2(raw.value("subject").toString().toLower().contains("=?utf-8?"),
                 qPrintable(raw.value("subject").toString()));
        QVERIFY(isAscii(raw.value("subject").toString()));
        QVERIFY(isAscii(raw.value("from").toString()));
        QCOMPARE(r.value("message_id").toString(), QString("<abc123@example.org>"));
        QCOMPARE(r.value("date").toString(), QString("2027-02-01T08:00:00+00:00"));
        QCOMPARE(raw.value("auto-submitted").toString(), QString("auto-generated"));

        const QJsonObject text = partOfType(r, "text/plain");
        QCOMPARE(text.value("charset").toString(), QString("utf-8"));
        // Lines end in CRLF inside the message (text parts are line-based).
        QCOMPARE(text.value("content").toString().replace("\r\n", "\n"), m.text);
        QCOMPARE(partOfType(r, "text/html").value("content").toString(), m.html);

        // The invitation: a text/calendar alternative with its METHOD, and the same object as
        // an invite.ics attachment.
        const QJsonObject calendar = partOfType(r, "text/calendar");
        QCOMPARE(calendar.value("params").toObject().value("method").toString(),
                 QString("REQUEST"));
        QCOMPARE(calendar.value("charset").toString().toLower(), QString("utf-8"));
        QCOMPARE(calendar.value("content").toString().toUtf8(), m.calendar.ics);
        const QJsonObject ics = partOfType(r, "application/ics");
        QCOMPARE(ics.value("disposition").toString(), QString("attachment"));
        QCOMPARE(ics.value("filename").toString(), QString("invite.ics"));
        QCOMPARE(ics.value("content").toString().toUtf8(), m.calendar.ics);

        // An attachment's Unicode file name: RFC 2231 on the wire, decoded back exactly.
        const auto parts = r.value("parts").toArray();
        const QJsonObject file = parts.last().toObject();
        QCOMPARE(file.value("filename").toString(), m.attachments.first().fileName);
        const QString disposition =
            file.value("raw_headers").toObject().value("content-disposition").toString();
        QVERIFY2(disposition.contains("filename*"), qPrintable(disposition));
        QVERIFY(isAscii(disposition));
        QCOMPARE(file.value("content").toString().replace("\r\n", "\n"), QString("Grüße\n"));
    }

    void textOnlyMessageIsOneAlternative() {
        MailMessage m;
        m.from = {QString(), QStringLiteral("a@example.org")};
        m.to = {{QString(), QStringLiteral("b@example.org")}};
        m.subject = QStringLiteral("plain");
        m.text = QStringLiteral("hello\n");
        const auto bytes = MimeWriter::render(m);
        QVERIFY(bytes.ok());
        const auto parsed = test::inspectMail(*bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.report.value("tree").toString(),
                 QString("multipart/alternative(text/plain)"));
        QVERIFY(parsed.report.value("reply_to").toArray().isEmpty());
        // A Message-ID is made when none is given, at the sender's domain, and differs each time.
        const QString id = parsed.report.value("message_id").toString();
        QVERIFY2(id.startsWith('<') && id.endsWith("@example.org>"), qPrintable(id));
        const auto again = test::inspectMail(*MimeWriter::render(m));
        QVERIFY(again.report.value("message_id").toString() != id);
        QVERIFY(!parsed.report.value("date").toString().isEmpty());
    }

    void headerInjectionAndBadAddressesAreRefused_data() {
        QTest::addColumn<QString>("field");
        QTest::addRow("subject") << "subject";
        QTest::addRow("from name") << "from";
        QTest::addRow("to address") << "to";
        QTest::addRow("reply-to address") << "replyTo";
        QTest::addRow("no recipient") << "to";
    }
    void headerInjectionAndBadAddressesAreRefused() {
        QFETCH(QString, field);
        MailMessage m = invitation();
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == "subject")
            m.subject = "Hi\r\nBcc: victim@example.net";
        else if (tag == "from name")
            m.from.name = "Eve\nBcc: victim@example.net";
        else if (tag == "to address")
            m.to = {{"X", "x@example.com>, victim@example.net"}};
        else if (tag == "reply-to address")
            m.replyTo = {"X", "no address"};
        else
            m.to.clear();
        const auto bytes = MimeWriter::render(m);
        QVERIFY(!bytes.ok());
        QCOMPARE(bytes.error().field, field);
    }

    void icsIsValidAndDescribesTheBooking() {
        const Booking b = booking();
        const QByteArray ics = IcsCalendar::forBooking(b, host(), test::utc("2027-02-01T08:00:00Z"),
                                                       IcsCalendar::Method::Request, 30);
        const auto checked = test::inspectIcs(ics);
        QVERIFY2(checked.ok(), qPrintable(checked.error));
        const QJsonObject r = checked.report;
        QCOMPARE(r.value("method").toString(), QString("REQUEST"));
        QCOMPARE(r.value("uid").toString(), b.id + "@slotdesk");
        QCOMPARE(r.value("sequence").toInt(), 3);
        QCOMPARE(r.value("status").toString(), QString("CONFIRMED"));
        QCOMPARE(r.value("dtstart").toString(), QString("2027-03-01T09:00:00+00:00"));
        QCOMPARE(r.value("dtend").toString(), QString("2027-03-01T09:45:00+00:00"));
        QCOMPARE(r.value("description").toString(), b.notes);
        QCOMPARE(r.value("location").toString(), b.videoLink);
        const QJsonObject organizer = r.value("organizer").toObject();
        QCOMPARE(organizer.value("value").toString(), QString("mailto:juergen@example.org"));
        QCOMPARE(organizer.value("cn").toString(), host().name);
        const auto attendees = r.value("attendees").toArray();
        QCOMPARE(attendees.size(), 1);
        const QJsonObject attendee = attendees.at(0).toObject();
        QCOMPARE(attendee.value("value").toString(), QString("mailto:zoe@example.com"));
        // The parameter can't hold a DQUOTE: it is dropped, the rest kept.
        QCOMPARE(attendee.value("cn").toString(), QString("Zoë Ångström, the Reviewer"));
        QCOMPARE(attendee.value("partstat").toString(), QString("ACCEPTED"));
        QCOMPARE(attendee.value("rsvp").toString(), QString("TRUE"));
        QCOMPARE(attendee.value("role").toString(), QString("REQ-PARTICIPANT"));
        const auto alarms = r.value("alarms").toArray();
        QCOMPARE(alarms.size(), 1);
        QCOMPARE(alarms.at(0).toObject().value("action").toString(), QString("DISPLAY"));
        QCOMPARE(alarms.at(0).toObject().value("trigger_minutes").toInt(), -30);
    }

    void icsMethodsAndStatuses_data() {
        QTest::addColumn<BookingStatus>("status");
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("methodText");
        QTest::addColumn<QString>("statusText");
        QTest::addColumn<QString>("partstat");
        QTest::addColumn<int>("alarms");
        QTest::addRow("pending, published") << BookingStatus::Pending << 0 << "PUBLISH"
                                            << "TENTATIVE"
                                            << "NEEDS-ACTION" << 1;
        QTest::addRow("confirmed, request") << BookingStatus::Confirmed << 1 << "REQUEST"
                                            << "CONFIRMED"
                                            << "ACCEPTED" << 1;
        QTest::addRow("cancelled, cancel") << BookingStatus::Cancelled << 2 << "CANCEL"
                                           << "CANCELLED"
                                           << "DECLINED" << 0;
        QTest::addRow("rejected, published") << BookingStatus::Rejected << 0 << "PUBLISH"
                                             << "CANCELLED"
                                             << "DECLINED" << 0;
    }
    void icsMethodsAndStatuses() {
        QFETCH(BookingStatus, status);
        QFETCH(int, method);
        QFETCH(QString, methodText);
        QFETCH(QString, statusText);
        QFETCH(QString, partstat);
        QFETCH(int, alarms);
        Booking b = booking();
        b.status = status;
        const auto checked =
            test::inspectIcs(IcsCalendar::forBooking(b, host(), test::utc("2027-02-01T08:00:00Z"),
                                                     static_cast<IcsCalendar::Method>(method)));
        QVERIFY2(checked.ok(), qPrintable(checked.error));
        QCOMPARE(checked.report.value("method").toString(), methodText);
        QCOMPARE(checked.report.value("status").toString(), statusText);
        QCOMPARE(checked.report.value("attendees")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("partstat")
                     .toString(),
                 partstat);
        QCOMPARE(checked.report.value("alarms").toArray().size(), alarms);
    }

    void checkerRefusesABrokenFile() {
        // The independent check can fail: an unfolded 80-octet line and a missing UID.
        QByteArray ics =
            IcsCalendar::forBooking(booking(), host(), QDateTime::currentDateTimeUtc());
        QByteArray unfolded = ics;
        unfolded.replace("\r\n ", "");
        QVERIFY(!test::inspectIcs(unfolded).ok());
        QByteArray noUid = ics;
        noUid.replace("UID:", "X-UID:");
        const auto checked = test::inspectIcs(noUid);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error.contains("UID"), qPrintable(checked.error));
    }
};

QTEST_GUILESS_MAIN(TestMailMime)
#include "tst_mailmime.moc"
