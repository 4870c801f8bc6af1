// Attendee privacy (issue 19): `attendee show` lists exactly one attendee's rows; `attendee
// forget` refuses without --yes when there is no terminal, cancels their future bookings,
// anonymises the rest keeping times, deletes their mails and tokens, and leaves nothing of them
// in any table (PostgreSQL) or in the file's and the -wal's bytes (SQLite), other attendees
// untouched; retention anonymises exactly the bookings that ended N days ago or earlier.

#include "privacy/AttendeePrivacy.h"
#include "privacy/RetentionScheduler.h"
#include "storage/AttendeeDataRepository.h"
#include "storage/BookingAccessTokenRepository.h"
#include "storage/BookingRepository.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "support/InProcessCli.h"
#include "support/SecretScan.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <cstdio>

using namespace slotdesk;
using storage::AttendeeDataRepository;

namespace {

const QString kZoeName = QStringLiteral("Zoë Quartermaine");
const QString kZoeEmail = QStringLiteral("Zoe.Quartermaine@Example.org");
const QString kZoeNotes = QStringLiteral("zq-private-notes: allergic to peanuts");
const QString kOtherEmail = QStringLiteral("other.person@example.net");

} // namespace

class TestPrivacy : public QObject {
    Q_OBJECT

    core::ManualClock m_time{test::utc("2027-03-01T12:00:00Z")};
    std::unique_ptr<test::TestDatabase> m_target;
    std::unique_ptr<storage::Database> m_db;
    QString m_adminId;

    test::CliRun cli(const QStringList& arguments) {
        return test::runCliInProcess(m_time.clock(), m_target->cliArguments() + arguments);
    }

    Booking seed(const QString& name, const QString& email, const QString& notes,
                 const QDateTime& start, BookingStatus status) {
        Booking b = test::makeBooking(m_adminId, start, 60, status);
        b.attendeeName = name;
        b.attendeeEmail = email;
        b.notes = notes;
        auto created = storage::BookingRepository(m_db->connection(), m_time.clock()).create(b);
        if (!created)
            return {};
        // A mail to the attendee and a manage token minted for it, as MailDelivery leaves them.
        storage::MailOutboxEntry mail;
        mail.userId = m_adminId;
        mail.bookingId = created->id;
        mail.kind = QStringLiteral("request_received");
        mail.recipient = email;
        mail.language = QStringLiteral("en");
        mail.idempotencyKey = created->id + QStringLiteral("/request_received/0");
        mail.nextAttemptAt = m_time.now();
        if (!storage::MailOutboxRepository(m_db->connection(), m_time.clock()).enqueue(mail))
            return {};
        if (!storage::BookingAccessTokenRepository(m_db->connection(), m_time.clock())
                 .add(created->id, QStringLiteral("hash-of-") + created->id))
            return {};
        return *created;
    }

    Booking reread(const QString& id) {
        auto found = storage::BookingRepository(m_db->connection()).findById(m_adminId, id);
        return found && found->has_value() ? **found : Booking{};
    }

    // Every value of every row of every table (any column type) that contains `needle`.
    QStringList mentions(const QString& needle) const {
        const QString name = QStringLiteral("mentions");
        QStringList found;
        {
            QSqlDatabase db = m_target->rawConnection(name);
            QSqlQuery tables(db);
            tables.exec(
                test::usingPostgres()
                    ? QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE "
                                     "schemaname = current_schema()")
                    : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            for (const QString& table : names) {
                QSqlQuery rows(db);
                rows.exec(QStringLiteral("SELECT * FROM %1").arg(table));
                while (rows.next())
                    for (int i = 0; i < rows.record().count(); ++i)
                        if (rows.value(i).toString().contains(needle, Qt::CaseInsensitive))
                            found << table + u'.' + rows.record().fieldName(i);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return found;
    }

    int mailsOf(const QString& bookingId) {
        auto mails = storage::MailOutboxRepository(m_db->connection()).listForBooking(bookingId);
        return mails ? int(mails->size()) : -1;
    }

private slots:
    void initTestCase() {
        SLOTDESK_REQUIRE_TEST_ENGINE();
        // No terminal to ask on, wherever the suite runs.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
    }

    void init() {
        m_db.reset();
        m_target = std::make_unique<test::TestDatabase>();
        QVERIFY(m_target->isValid());
        auto db = m_target->open();
        QVERIFY(db);
        m_db = std::move(*db);
        m_adminId = test::seedAdmin(*m_db, QStringLiteral("alice")).id;
    }

    void cleanup() {
        m_db.reset();
        m_target.reset();
    }

    void showListsExactlyThatAttendee() {
        const Booking past = seed(kZoeName, kZoeEmail, kZoeNotes, test::utc("2027-02-01T09:00:00Z"),
                                  BookingStatus::Confirmed);
        const Booking future = seed(kZoeName, kZoeEmail.toLower(), {},
                                    test::utc("2027-03-10T09:00:00Z"), BookingStatus::Pending);
        seed(QStringLiteral("Other Person"), kOtherEmail, QStringLiteral("other notes"),
             test::utc("2027-03-11T09:00:00Z"), BookingStatus::Confirmed);

        const auto r = cli({QStringLiteral("--json"), QStringLiteral("attendee"),
                            QStringLiteral("show"), kZoeEmail.toUpper()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray bookings =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("bookings")].toArray();
        QCOMPARE(bookings.size(), 2);
        QCOMPARE(bookings[0][QStringLiteral("id")].toString(), past.id);
        QCOMPARE(bookings[1][QStringLiteral("id")].toString(), future.id);
        QCOMPARE(bookings[0][QStringLiteral("notes")].toString(), kZoeNotes);
        const QJsonArray mails = bookings[0][QStringLiteral("mails")].toArray();
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails[0][QStringLiteral("recipient")].toString(), kZoeEmail);
        QCOMPARE(bookings[1][QStringLiteral("accessTokens")][QStringLiteral("mailTokens")].toInt(),
                 1);
        // Counts, never the tokens' hashes.
        QVERIFY(!r.out.contains(QStringLiteral("hash-of-")));
        QVERIFY(!r.out.contains(kOtherEmail));

        const auto none = cli({QStringLiteral("attendee"), QStringLiteral("show"),
                               QStringLiteral("nobody@example.com")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QStringLiteral("Nothing is held")), qPrintable(none.out));
        const auto bad = cli(
            {QStringLiteral("attendee"), QStringLiteral("show"), QStringLiteral("not-an-address")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.startsWith(QStringLiteral("slotdesk-cli: email:")), qPrintable(bad.err));
    }

    void forgetRefusesWithoutYes() {
        seed(kZoeName, kZoeEmail, kZoeNotes, test::utc("2027-03-10T09:00:00Z"),
             BookingStatus::Confirmed);
        const QByteArray before = m_target->contentDigest();
        const auto r = cli({QStringLiteral("attendee"), QStringLiteral("forget"), kZoeEmail});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QCOMPARE(m_target->contentDigest(), before);
    }

    void forgetLeavesNoTrace() {
        const Booking past = seed(kZoeName, kZoeEmail, kZoeNotes, test::utc("2027-02-01T09:00:00Z"),
                                  BookingStatus::Confirmed);
        const Booking pastCancelled =
            seed(kZoeName, kZoeEmail, kZoeNotes, test::utc("2027-02-02T09:00:00Z"),
                 BookingStatus::Cancelled);
        const Booking future = seed(kZoeName, kZoeEmail.toLower(), kZoeNotes,
                                    test::utc("2027-03-10T09:00:00Z"), BookingStatus::Confirmed);
        const Booking request = seed(kZoeName, kZoeEmail, kZoeNotes,
                                     test::utc("2027-03-12T09:00:00Z"), BookingStatus::Pending);
        const Booking other =
            seed(QStringLiteral("Other Person"), kOtherEmail, QStringLiteral("other notes"),
                 test::utc("2027-03-11T09:00:00Z"), BookingStatus::Confirmed);
        QVERIFY(!mentions(kZoeNotes).isEmpty()); // the search finds what is there

        const auto r = cli({QStringLiteral("--json"), QStringLiteral("attendee"),
                            QStringLiteral("forget"), kZoeEmail, QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject outcome = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(outcome[QStringLiteral("anonymised")].toInt(), 4);
        QCOMPARE(outcome[QStringLiteral("cancelled")].toArray().size(), 2);
        QVERIFY(outcome[QStringLiteral("compacted")].toBool());

        // Future ones cancelled, past ones kept; times unchanged; the attendee replaced.
        const QList<std::pair<Booking, BookingStatus>> expected{
            {past, BookingStatus::Confirmed},
            {pastCancelled, BookingStatus::Cancelled},
            {future, BookingStatus::Cancelled},
            {request, BookingStatus::Cancelled}};
        for (const auto& [before, status] : expected) {
            const Booking after = reread(before.id);
            QCOMPARE(after.status, status);
            QCOMPARE(after.startTime, before.startTime);
            QCOMPARE(after.endTime, before.endTime);
            QCOMPARE(after.attendeeName,
                     QString::fromLatin1(AttendeeDataRepository::kForgottenName));
            QCOMPARE(after.attendeeEmail,
                     QString::fromLatin1(AttendeeDataRepository::kForgottenEmail));
            QVERIFY(after.notes.isEmpty());
            QVERIFY(after.manageTokenHash.isEmpty());
            QCOMPARE(mailsOf(before.id), 0);
        }
        // The other attendee untouched: their booking, mail and token.
        const Booking otherAfter = reread(other.id);
        QCOMPARE(otherAfter.attendeeEmail, kOtherEmail);
        QCOMPARE(otherAfter.notes, QStringLiteral("other notes"));
        QCOMPARE(otherAfter.status, BookingStatus::Confirmed);
        QCOMPARE(mailsOf(other.id), 1);
        QVERIFY(*storage::BookingAccessTokenRepository(m_db->connection())
                     .grants(other.id, QStringLiteral("hash-of-") + other.id));

        // Nothing of Zoë in any table ...
        for (const QString& trace : {kZoeName, kZoeEmail, kZoeNotes})
            QVERIFY2(mentions(trace).isEmpty(), qPrintable(mentions(trace).join(u',')));
        QVERIFY(mentions(QStringLiteral("hash-of-") + past.id).isEmpty());
        // ... nor in the SQLite file's or its -wal's bytes.
        if (!test::usingPostgres())
            for (const QString& trace : {kZoeName, kZoeEmail, kZoeEmail.toLower(), kZoeNotes})
                SLOTDESK_VERIFY_NO_SECRET_IN(m_target->dataDir(), trace);
    }

    void retentionAnonymisesWhatEndedDaysAgo() {
        const int days = 30;
        const QDateTime now = m_time.now();
        // Ends exactly 30 days ago: due. Ends a second later: not yet.
        const Booking boundary = seed(
            QStringLiteral("Boundary Person"), QStringLiteral("boundary@example.com"),
            QStringLiteral("b-notes"), now.addDays(-days).addSecs(-3600), BookingStatus::Confirmed);
        const Booking notYet =
            seed(QStringLiteral("Recent Person"), QStringLiteral("recent@example.com"),
                 QStringLiteral("r-notes"), now.addDays(-days).addSecs(-3600 + 1),
                 BookingStatus::Confirmed);
        const Booking old =
            seed(QStringLiteral("Old Person"), QStringLiteral("old@example.com"),
                 QStringLiteral("o-notes"), now.addDays(-400), BookingStatus::Rejected);
        const Booking upcoming =
            seed(QStringLiteral("Future Person"), QStringLiteral("future@example.com"), {},
                 now.addDays(3), BookingStatus::Confirmed);

        privacy::RetentionScheduler scheduler(*m_db, m_time.clock());
        QSignalSpy finished(&scheduler, &privacy::RetentionScheduler::finished);
        // Off by default: nothing changes.
        scheduler.checkNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeFirst().at(0).toInt(), 0);
        QCOMPARE(reread(old.id).attendeeEmail, QStringLiteral("old@example.com"));

        auto r =
            cli({QStringLiteral("attendee"), QStringLiteral("retention"), QString::number(days)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("30 day(s)")), qPrintable(r.out));
        scheduler.checkNow();
        QVERIFY(finished.wait(60000));
        const auto first = finished.takeFirst();
        QCOMPARE(first.at(1).toString(), QString());
        QCOMPARE(first.at(0).toInt(), 2);
        const QString forgotten = QString::fromLatin1(AttendeeDataRepository::kForgottenEmail);
        QCOMPARE(reread(boundary.id).attendeeEmail, forgotten);
        QCOMPARE(reread(boundary.id).status, BookingStatus::Confirmed);
        QCOMPARE(reread(boundary.id).endTime, boundary.endTime);
        QCOMPARE(reread(old.id).attendeeEmail, forgotten);
        QCOMPARE(mailsOf(old.id), 0);
        QCOMPARE(reread(notYet.id).attendeeEmail, QStringLiteral("recent@example.com"));
        QCOMPARE(reread(notYet.id).notes, QStringLiteral("r-notes"));
        QCOMPARE(mailsOf(notYet.id), 1);
        QCOMPARE(reread(upcoming.id).attendeeEmail, QStringLiteral("future@example.com"));

        // A second later the other one is due too.
        m_time.advance(std::chrono::seconds(1));
        scheduler.checkNow();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeFirst().at(0).toInt(), 1);
        QCOMPARE(reread(notYet.id).attendeeEmail, forgotten);
        QCOMPARE(reread(upcoming.id).attendeeEmail, QStringLiteral("future@example.com"));
        for (const char* trace : {"Boundary Person", "recent@example.com", "o-notes"})
            QVERIFY2(mentions(QString::fromLatin1(trace)).isEmpty(), trace);
    }

    void retentionSetting() {
        auto r = cli({QStringLiteral("attendee"), QStringLiteral("retention")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("off")), qPrintable(r.out));
        r = cli({QStringLiteral("attendee"), QStringLiteral("retention"), QStringLiteral("90")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(*privacy::AttendeePrivacy(*m_db).retentionDays(m_adminId), 90);
        r = cli({QStringLiteral("attendee"), QStringLiteral("retention"), QStringLiteral("99999")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("slotdesk-cli: retentionDays:")),
                 qPrintable(r.err));
        r = cli({QStringLiteral("attendee"), QStringLiteral("retention"), QStringLiteral("soon")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(*privacy::AttendeePrivacy(*m_db).retentionDays(m_adminId), 90);
        r = cli({QStringLiteral("attendee"), QStringLiteral("retention"), QStringLiteral("off")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(*privacy::AttendeePrivacy(*m_db).retentionDays(m_adminId), 0);
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
