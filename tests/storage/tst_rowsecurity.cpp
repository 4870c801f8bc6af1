// A team on one PostgreSQL (docs/DEPLOY.md): each admin's login role reaches only that admin's
// rows, whatever SQL it sends — checked through psql, not only through SlotDesk's queries; the
// booking endpoint's role books for every admin and lists their slots but cannot read attendee
// columns of bookings whose token it does not hold; only the owner migrates; a removed admin's
// desktop gets a clear error. Runs on the throwaway cluster of tools/with-postgres.sh.

#include "availability/AvailabilityService.h"
#include "cli/CliApplication.h"
#include "core/Clock.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/RowSecurity.h"
#include "support/TestData.h"
#include "support/TestDatabase.h"
#include "web/BookingApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace slotdesk;

class TestRowSecurity : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_tdb;
    std::unique_ptr<storage::Database> m_owner;
    QStringList m_roles; // created by this test, dropped in cleanup()
    core::ManualClock m_time{test::utc("2026-12-02T06:00:00Z")};

    QString uniqueRole(const char* name) {
        const QString role = QStringLiteral("%1_%2").arg(
            QLatin1String(name), QUuid::createUuid().toString(QUuid::Id128).left(10));
        m_roles << role;
        return role;
    }
    // The test database's URL (with its schema) as `role`, without a password.
    QString urlAs(const QString& role) const {
        QString url = m_tdb->url();
        url.replace(QRegularExpression(QStringLiteral("^postgresql://[^@/]+@")),
                    QStringLiteral("postgresql://%1@").arg(role));
        return url;
    }
    struct CliRun {
        int code;
        QString out;
        QString err;
    };
    CliRun cli(const QString& url, const QStringList& args) {
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        cli::CliApplication app(outStream, errStream, m_time.clock());
        const int code = app.run(QStringList{QStringLiteral("slotdesk-cli")} + args +
                                 QStringList{QStringLiteral("--database"), url});
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }
    // Adds an admin through `team add-admin` as the owner; returns their users.id.
    QString addAdmin(const QString& username, const QString& role) {
        const auto run = cli(m_tdb->url(), {"team", "add-admin", "--username", username, "--name",
                                            username, "--email", username + "@example.org",
                                            "--timezone", "UTC", "--role", role});
        if (run.code != 0)
            qWarning("add-admin: %s", qPrintable(run.err));
        QSqlQuery q(m_owner->connection());
        q.prepare(QStringLiteral("SELECT id FROM users WHERE username = ?"));
        q.addBindValue(username);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    // psql as `role`: the output rows, or the error text prefixed "ERROR".
    static QString psql(const QString& url, const QString& sql) {
        QProcess p;
        p.start(QStringLiteral("psql"),
                {"-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
        p.waitForFinished(60000);
        const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        if (p.exitCode() != 0)
            return QStringLiteral("ERROR ") + QString::fromUtf8(p.readAllStandardError());
        return out;
    }
    int ownerCount(const QString& sql) const {
        QSqlQuery q(m_owner->connection());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }
    void seedEverything(const QString& userId) {
        QVERIFY(AvailabilityService(*m_owner)
                    .add({{}, userId, 3, 8 * 60, 10 * 60, "UTC", true, {}, {}})
                    .ok());
        test::seedBooking(*m_owner, userId, test::utc("2026-12-09T08:00:00Z"));
    }

private slots:
    void initTestCase() {
        QVERIFY2(test::usingPostgres(), "runs on PostgreSQL only (SLOTDESK_TEST_ENGINE)");
        SLOTDESK_REQUIRE_TEST_ENGINE();
    }
    void init() {
        m_tdb = std::make_unique<test::TestDatabase>();
        auto db = m_tdb->open();
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_owner = std::move(*db);
    }
    void cleanup() {
        m_owner.reset();
        {
            QSqlDatabase raw = m_tdb->rawConnection(QStringLiteral("cleanup"));
            for (const QString& role : std::as_const(m_roles))
                QSqlQuery(raw).exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("cleanup"));
        m_roles.clear();
        m_tdb.reset();
    }

    // The list in RowSecurity.cpp covers every table: a table a later step adds and nobody
    // listed fails here (the database keeps it to the owner meanwhile).
    void everyTableIsUnderForcedRowSecurity() {
        const QStringList perAdmin = storage::RowSecurity::perAdminTables();
        const QStringList shared = storage::RowSecurity::sharedTables();
        QSqlQuery q(m_owner->connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = current_schema() "
            "AND p.tablename = c.relname AND p.policyname = 'slotdesk_owner'), "
            "EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = current_schema() "
            "AND p.tablename = c.relname AND p.policyname = 'slotdesk_admin' "
            "AND cmd = 'ALL') FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'")));
        int checked = 0;
        while (q.next()) {
            const QString table = q.value(0).toString();
            if (shared.contains(table))
                continue;
            ++checked;
            QVERIFY2(perAdmin.contains(table),
                     qPrintable(table + " is in no list of RowSecurity.cpp: add its rule"));
            QVERIFY2(q.value(1).toBool() && q.value(2).toBool(),
                     qPrintable(table + " lacks ENABLE/FORCE ROW LEVEL SECURITY"));
            QVERIFY2(q.value(3).toBool(), qPrintable(table + " lacks the owner's policy"));
            QVERIFY2(q.value(4).toBool(), qPrintable(table + " lacks the admins' policy"));
        }
        QVERIFY(checked >= 14);
    }

    void bobsRoleReachesNoneOfAlicesRowsWhateverSqlItSends() {
        const QString aliceRole = uniqueRole("alice");
        const QString bobRole = uniqueRole("bob");
        const QString alice = addAdmin(QStringLiteral("alice"), aliceRole);
        const QString bob = addAdmin(QStringLiteral("bob"), bobRole);
        QVERIFY(!alice.isEmpty() && !bob.isEmpty());
        seedEverything(alice);
        seedEverything(bob);
        const QString asBob = urlAs(bobRole);
        QCOMPARE(psql(asBob, "SELECT username FROM users ORDER BY 1"), QStringLiteral("bob"));
        QCOMPARE(psql(asBob, "SELECT count(*) FROM bookings"), QStringLiteral("1"));
        QCOMPARE(psql(asBob, "SELECT count(*) FROM availability_blocks"), QStringLiteral("1"));
        QCOMPARE(
            psql(asBob,
                 QStringLiteral("SELECT count(*) FROM bookings WHERE user_id = '%1'").arg(alice)),
            QStringLiteral("0"));
        // Writes: Alice's rows are not there for Bob's role.
        QCOMPARE(psql(asBob, "UPDATE bookings SET status = 'cancelled' WHERE user_id <> '' "
                             "RETURNING user_id")
                     .split(u'\n')
                     .filter(alice)
                     .size(),
                 0);
        QCOMPARE(psql(asBob, "DELETE FROM availability_blocks RETURNING user_id").split(u'\n'),
                 QStringList{bob});
        QCOMPARE(
            psql(asBob, QStringLiteral("UPDATE users SET name = 'x' WHERE id = '%1'").arg(alice)),
            QString());
        QVERIFY(psql(asBob, QStringLiteral("INSERT INTO bookings (id, user_id, start_time, "
                                           "end_time, attendee_name, attendee_email, timezone, "
                                           "created_at, updated_at) VALUES ('x', '%1', 1, 2, "
                                           "'a', 'a@b', 'UTC', 0, 0)")
                                .arg(alice))
                    .contains("row-level security"));
        // Bob cannot hand his role to Alice's row, nor take hers, nor create admins.
        QVERIFY(psql(asBob, QStringLiteral("UPDATE users SET db_role = '%1'").arg(aliceRole))
                    .contains("row-level security"));
        QVERIFY(psql(asBob, "INSERT INTO users (id, username, email, name, timezone, created_at, "
                            "updated_at) VALUES ('y', 'carol', 'c@d', 'C', 'UTC', 0, 0)")
                    .startsWith("ERROR"));
        QVERIFY(psql(asBob, "ALTER TABLE bookings DISABLE ROW LEVEL SECURITY").startsWith("ERROR"));
        // Alice's data is as it was; Bob's changes to his own rows went through.
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bookings WHERE user_id = '%1' "
                                           "AND status = 'pending'")
                                .arg(alice)),
                 1);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM availability_blocks "
                                           "WHERE user_id = '%1'")
                                .arg(alice)),
                 1);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bookings WHERE user_id = '%1' "
                                           "AND status = 'cancelled'")
                                .arg(bob)),
                 1);
        // Every per-admin table: Bob's role sees no row of Alice's through any of them.
        for (const QString& table : storage::RowSecurity::perAdminTables()) {
            const QString rows = psql(asBob, QStringLiteral("SELECT count(*) FROM %1").arg(table));
            if (rows.contains("does not exist"))
                continue;
            QVERIFY2(!rows.startsWith("ERROR"), qPrintable(table + ": " + rows));
        }
        QCOMPARE(psql(asBob, "SELECT count(*) FROM bookings b JOIN users u ON u.id = b.user_id "
                             "WHERE u.username = 'alice'"),
                 QStringLiteral("0"));
    }

    void theAppWithBobsCredentialsShowsNothingOfAlicesAndSaysWhy() {
        const QString bobRole = uniqueRole("bob");
        const QString alice = addAdmin(QStringLiteral("alice"), uniqueRole("alice"));
        addAdmin(QStringLiteral("bob"), bobRole);
        seedEverything(alice);
        const auto run = cli(urlAs(bobRole), {"bookings", "list", "--user", "alice"});
        QCOMPARE(run.code, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains("another admin's") && run.err.contains("'alice'"),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
        // His own data works as before.
        QCOMPARE(cli(urlAs(bobRole), {"bookings", "list", "--user", "bob"}).code, 0);
        QCOMPARE(cli(urlAs(bobRole), {"bookings", "list"}).code, 0);
        // The team is the owner's to manage.
        const auto add = cli(urlAs(bobRole), {"team", "list"});
        QCOMPARE(add.code, 1);
        QVERIFY(add.err.contains("owner"));
    }

    void aRemovedAdminsDesktopGetsAClearError() {
        const QString bobRole = uniqueRole("bob");
        const QString bob = addAdmin(QStringLiteral("bob"), bobRole);
        seedEverything(bob);
        const auto list = cli(m_tdb->url(), {"team", "list", "--json"});
        QCOMPARE(list.code, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().at(0)["role"].toString(),
                 bobRole);
        const auto unsure = cli(m_tdb->url(), {"team", "remove-admin", "--username", "bob"});
        QCOMPARE(unsure.code, 1);
        QVERIFY(unsure.err.contains("--keep-data") && unsure.err.contains("export"));
        QCOMPARE(
            cli(m_tdb->url(), {"team", "remove-admin", "--username", "bob", "--keep-data"}).code,
            0);
        QCOMPARE(ownerCount(
                     QStringLiteral("SELECT count(*) FROM bookings WHERE user_id = '%1'").arg(bob)),
                 1);
        const auto gone = cli(urlAs(bobRole), {"bookings", "list"});
        QCOMPARE(gone.code, 2);
        QVERIFY2(gone.err.contains("Cannot connect") && gone.err.contains(bobRole),
                 qPrintable(gone.err));
        QCOMPARE(gone.err.count(u'\n'), 1);
    }

    void onlyTheOwnerMigrates() {
        const QString bobRole = uniqueRole("bob");
        addAdmin(QStringLiteral("bob"), bobRole);
        // As if this SlotDesk were newer than the schema: its last step is pending.
        QSqlQuery(m_owner->connection())
            .exec(QStringLiteral("DELETE FROM schema_version WHERE version = %1")
                      .arg(storage::Migrations::latestVersion()));
        auto asBob = storage::Database::openUrl(urlAs(bobRole));
        QVERIFY(!asBob.ok());
        QVERIFY2(asBob.error().message.contains("only the owner role runs migrations"),
                 qPrintable(asBob.error().message));
    }

    void theEndpointRoleBooksForEveryAdminButReadsNoAttendee() {
        const QString alice = addAdmin(QStringLiteral("alice"), uniqueRole("alice"));
        const QString bob = addAdmin(QStringLiteral("bob"), uniqueRole("bob"));
        for (const QString& id : {alice, bob})
            QVERIFY(AvailabilityService(*m_owner)
                        .add({{}, id, 3, 8 * 60, 10 * 60, "UTC", true, {}, {}})
                        .ok());
        // Alice already has 08:00-08:30 booked, by someone the endpoint must not learn about.
        Booking secret = test::makeBooking(alice, test::utc("2026-12-02T08:00:00Z"));
        secret.attendeeEmail = QStringLiteral("secret@example.net");
        secret.notes = QStringLiteral("private notes");
        QVERIFY(storage::BookingRepository(m_owner->connection()).create(secret).ok());

        const QString endpointRole = uniqueRole("booking");
        const auto added = cli(m_tdb->url(), {"team", "add-endpoint", "--role", endpointRole});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        auto endpoint = storage::Database::openUrl(urlAs(endpointRole));
        QVERIFY2(endpoint.ok(), endpoint ? "" : qPrintable(endpoint.error().message));
        QCOMPARE((*endpoint)->role(), storage::RowSecurity::Role::Endpoint);

        web::ServerConfig config;
        config.publicUrl = QUrl(QStringLiteral("https://book.example.org"));
        web::BookingApi api(**endpoint, config, m_time.clock());
        const auto starts = [&](const char* user) {
            const auto listing = api.handle(test::apiRequest(
                "GET", QStringLiteral("/api/v1/users/%1/slots?from=2026-12-02&to=2026-12-02")
                           .arg(QLatin1String(user))));
            QStringList all;
            const auto days =
                QJsonDocument::fromJson(listing.body).object().value("days").toArray();
            for (const auto& day : days)
                for (const auto& slot : day.toObject().value("slots").toArray())
                    all.append(slot.toObject().value("start").toString());
            return all;
        };
        // Alice's booked 08:00 is not offered; Bob's day is free.
        QCOMPARE(starts("alice"),
                 (QStringList{"2026-12-02T08:30:00+00:00", "2026-12-02T09:00:00+00:00",
                              "2026-12-02T09:30:00+00:00"}));
        QCOMPARE(starts("bob").size(), 4);
        QStringList manageUrls;
        for (const char* user : {"alice", "bob"}) {
            const QByteArray body = QJsonDocument(QJsonObject{{"start", "2026-12-02T09:00:00Z"},
                                                              {"duration", 30},
                                                              {"name", "Carol"},
                                                              {"email", "carol@example.com"},
                                                              {"timezone", "UTC"}})
                                        .toJson(QJsonDocument::Compact);
            const auto created = api.handle(test::apiRequest(
                "POST", QStringLiteral("/api/v1/users/%1/bookings").arg(QLatin1String(user)),
                body));
            QVERIFY2(created.status == 201, created.body.constData());
            manageUrls << QJsonDocument::fromJson(created.body).object()["manageUrl"].toString();
        }
        QCOMPARE(starts("alice").size(), 2);
        QCOMPARE(starts("bob").size(), 3);
        // The attendee's own booking opens with its token.
        const QUrl manage(manageUrls.first());
        const QString id = manage.path().section(u'/', -1);
        const QString token = QUrlQuery(manage).queryItemValue(QStringLiteral("token"));
        QVERIFY(!token.isEmpty());
        const auto mine = api.handle(
            test::apiRequest("GET", QStringLiteral("/api/v1/bookings/%1?token=%2").arg(id, token)));
        QVERIFY2(mine.status == 200, mine.body.constData());
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bookings WHERE user_id IN "
                                           "('%1', '%2') AND attendee_email = "
                                           "'carol@example.com'")
                                .arg(alice, bob)),
                 2);
        // Whatever SQL the endpoint's role sends: no attendee of a booking it holds no token of.
        const QString asEndpoint = urlAs(endpointRole);
        QCOMPARE(psql(asEndpoint, "SELECT count(*) FROM bookings"), QStringLiteral("0"));
        QCOMPARE(psql(asEndpoint, "SELECT count(*) FROM bookings WHERE attendee_email LIKE '%'"),
                 QStringLiteral("0"));
        QCOMPARE(psql(asEndpoint, QStringLiteral("SELECT attendee_email, notes FROM "
                                                 "slotdesk_busy_bookings('%1', 0, 9e15::bigint)")
                                      .arg(alice)),
                 QStringLiteral("|\n|"));
        QVERIFY(psql(asEndpoint, "SELECT count(*) FROM mail_outbox").startsWith("ERROR"));
        QVERIFY(psql(asEndpoint, "SELECT count(*) FROM calendar_events").startsWith("ERROR"));
        QVERIFY(psql(asEndpoint, "UPDATE bookings SET status = 'cancelled'").isEmpty());
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bookings WHERE status = "
                                           "'cancelled'")),
                 0);
        // Presenting a made-up token opens nothing either.
        QCOMPARE(psql(asEndpoint, "SELECT set_config('slotdesk.booking_token', 'x', false); "
                                  "SELECT count(*) FROM bookings")
                     .split(u'\n')
                     .last(),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestRowSecurity)
#include "tst_rowsecurity.moc"
