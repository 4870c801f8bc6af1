// Backups of the SQLite database (services/backup, storage::SqliteBackup): checked copies, the
// rotation across a simulated month (a ManualClock, no sleeping), the backup before a schema
// upgrade, restore and its refusals (newer schema, corrupt file, a process holding the
// database — each one line, nothing changed), `kill -9` in the middle of a backup, and what the
// commands say on PostgreSQL.

#include "backup/BackupFolder.h"
#include "backup/BackupRestore.h"
#include "backup/BackupRotation.h"
#include "backup/BackupService.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/SqliteBackup.h"
#include "support/InProcessCli.h"
#include "support/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace slotdesk;

namespace {

using Run = test::CliRun;

// Every file under `dir` (recursively) with its digest: "nothing changed" for a directory.
QMap<QString, QByteArray> tree(const QString& dir) {
    QMap<QString, QByteArray> files;
    QDir base(dir);
    const auto entries =
        base.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& entry : entries) {
        if (entry.isDir()) {
            const auto inner = tree(entry.absoluteFilePath());
            for (auto it = inner.begin(); it != inner.end(); ++it)
                files.insert(entry.fileName() + u'/' + it.key(), it.value());
        } else {
            files.insert(entry.fileName(), test::fileDigest(entry.absoluteFilePath()));
        }
    }
    return files;
}

int bookingCount(storage::Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM bookings")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    core::ManualClock m_time{test::utc("2027-03-01T03:00:00Z")};

    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString dbFile() const { return dataDir() + QStringLiteral("/slotdesk.sqlite"); }
    QString backupsDir() const { return dataDir() + QStringLiteral("/backups"); }

    Run cli(const QStringList& arguments) {
        return test::runCliInProcess(
            m_time.clock(), QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments);
    }

    // A database file at schema version `version`.
    void makeOlderDatabase(int version) {
        QVERIFY(QDir().mkpath(dataDir()));
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            raw.setDatabaseName(dbFile());
            QVERIFY(raw.open());
            QVERIFY(storage::Migrations::migrate(raw, version));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
    }

    // A database with an admin and `bookings` bookings; closed again.
    void seed(int bookings) {
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        const User admin = test::seedAdmin(**db);
        for (int i = 0; i < bookings; ++i)
            test::seedBooking(**db, admin.id,
                              test::utc("2027-04-01T09:00:00Z").addSecs(3600LL * i));
    }

    // A backup made through the service, as the CLI does it.
    QString makeBackup(const QString& kind = QStringLiteral("manual")) {
        auto db = storage::Database::openInDirectory(dataDir());
        if (!db)
            return {};
        auto made =
            backup::BackupService(dbFile(), m_time.clock()).create((*db)->connection(), kind);
        return made ? made->path : QString();
    }

    // A copy of `from` whose bytes `mutate` changes.
    QString alteredCopy(const QString& from, const QString& name,
                        const std::function<void(QFile&)>& mutate) {
        const QString path = m_dir->filePath(name);
        QFile::remove(path);
        if (!QFile::copy(from, path))
            return {};
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite))
            return {};
        mutate(file);
        return path;
    }

    void verifyRefused(const QString& backupFile, const QString& expected) {
        const auto before = tree(dataDir());
        const Run r = cli({QStringLiteral("backup"), QStringLiteral("restore"), backupFile});
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1); // one line
        QVERIFY(r.err.startsWith(QStringLiteral("slotdesk-cli: ")));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was changed")), qPrintable(r.err));
        QCOMPARE(tree(dataDir()), before);
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_time.set(test::utc("2027-03-01T03:00:00Z"));
        // The commands run in this process turn their log lines off; back on for each test.
        QLoggingCategory::setFilterRules(QString());
    }

    void backupIsCheckedAndComplete() {
        seed(3);
        const QString file = makeBackup();
        QVERIFY(!file.isEmpty());
        QVERIFY(
            QFileInfo(file).fileName().startsWith(QStringLiteral("slotdesk-20270301T030000000Z")));
        QCOMPARE(test::fileMode(file), 0600);
        auto check = storage::SqliteBackup::verify(file);
        QVERIFY(check);
        QCOMPARE(check->schemaVersion, storage::Migrations::latestVersion());
        // No leftovers: the partial file became the backup (one file, no -wal).
        QCOMPARE(QDir(backupsDir()).entryList(QDir::Files | QDir::Hidden).size(), 1);
        auto copy = storage::Database::openFile(file);
        QVERIFY(copy);
        QCOMPARE(bookingCount(**copy), 3);
        const auto status = backup::BackupSettings(dbFile()).lastGood();
        QVERIFY(status.ok);
        QCOMPARE(status.file, file);
        QCOMPARE(status.size, QFileInfo(file).size());
    }

    void rotationAcrossASimulatedMonth() {
        seed(1);
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY(db);
        backup::BackupService service(dbFile(), m_time.clock());
        QVERIFY(service.create((*db)->connection(), QStringLiteral("manual")));
        // 2027-03-01 is a Monday: five ISO weeks of one daily backup a day, at 03:00 UTC.
        QCOMPARE(QDate(2027, 3, 1).dayOfWeek(), 1);
        for (int day = 0; day < 35; ++day) {
            m_time.set(test::utc("2027-03-01T03:00:00Z").addDays(day));
            auto made = service.runIfDue((*db)->connection());
            QVERIFY2(made && made->has_value(), qPrintable(QString::number(day)));
            // The window and serve both check every hour: the same day adds nothing.
            m_time.advance(std::chrono::hours(9));
            made = service.runIfDue((*db)->connection());
            QVERIFY(made && !made->has_value());
            int dailies = 0;
            for (const auto& b : service.folder().list())
                dailies += b.kind == QLatin1String("daily") ? 1 : 0;
            QVERIFY(dailies <= backup::BackupRotation::kDaily + backup::BackupRotation::kWeekly);
        }
        QStringList kept;
        for (const auto& b : service.folder().list())
            kept << QStringLiteral("%1 %2").arg(b.takenAt.date().toString(Qt::ISODate), b.kind);
        // The last 7 days, then the newest (Sunday's) of each of the 4 weeks before; the manual
        // backup of the first day stays.
        QCOMPARE(kept, QStringList({"2027-04-04 daily", "2027-04-03 daily", "2027-04-02 daily",
                                    "2027-04-01 daily", "2027-03-31 daily", "2027-03-30 daily",
                                    "2027-03-29 daily", "2027-03-28 daily", "2027-03-21 daily",
                                    "2027-03-14 daily", "2027-03-07 daily", "2027-03-01 manual"}));
        // Every one of them is a sound database.
        for (const auto& b : service.folder().list())
            QVERIFY(storage::SqliteBackup::verify(b.path));
    }

    void rotationCountsDaysThatHaveBackups() {
        // A laptop off for three weeks keeps the older backups: days without one don't count.
        QList<backup::BackupFile> backups;
        for (int i = 0; i < 4; ++i)
            backups.append({QStringLiteral("/b/old%1").arg(i),
                            test::utc("2027-01-04T10:00:00Z").addDays(i), "daily", 1});
        for (int i = 0; i < 3; ++i)
            backups.append({QStringLiteral("/b/new%1").arg(i),
                            test::utc("2027-02-01T10:00:00Z").addDays(i), "daily", 1});
        QVERIFY(backup::BackupRotation::expired(backups).isEmpty());
        // Two the same day: the older goes.
        backups.append({QStringLiteral("/b/early"), test::utc("2027-02-03T08:00:00Z"), "daily", 1});
        const auto expired = backup::BackupRotation::expired(backups);
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.first().path, QStringLiteral("/b/early"));
    }

    void backupBeforeEverySchemaUpgrade() {
        const int older = storage::Migrations::latestVersion() - 1;
        makeOlderDatabase(older);
        const auto hook = backup::BackupService::preMigrationHook(m_time.clock());
        {
            auto db = storage::Database::openFile(dbFile(), hook);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            QCOMPARE((*db)->schemaVersion(), storage::Migrations::latestVersion());
        }
        const auto backups = backup::BackupFolder(backupsDir()).list();
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().kind, QStringLiteral("pre-migration-v%1").arg(older));
        auto check = storage::SqliteBackup::verify(backups.first().path);
        QVERIFY(check);
        QCOMPARE(check->schemaVersion, older); // the file as it was before the upgrade
        // Nothing to migrate: no backup.
        QVERIFY(storage::Database::openFile(dbFile(), hook));
        QCOMPARE(backup::BackupFolder(backupsDir()).list().size(), 1);
        // A new database has nothing to lose.
        const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
        QVERIFY(storage::Database::openInDirectory(fresh, hook));
        QVERIFY(!QFileInfo::exists(fresh + QStringLiteral("/backups")));
    }

    void noUpgradeWhenTheBackupFails() {
        const int older = storage::Migrations::latestVersion() - 1;
        makeOlderDatabase(older);
        // A folder that cannot be made (a file is in the way), even for root.
        QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        backup::BackupSettings(dbFile()).setFolder(blocker.fileName() + QStringLiteral("/sub"));
        auto db = storage::Database::openFile(
            dbFile(), backup::BackupService::preMigrationHook(m_time.clock()));
        QVERIFY(!db);
        QVERIFY2(db.error().message.contains(QStringLiteral("did not upgrade")),
                 qPrintable(db.error().message));
        const auto attempt = backup::BackupSettings(dbFile()).lastAttempt();
        QVERIFY(!attempt.ok);
        QVERIFY(!attempt.error.isEmpty());
        // Still the old version.
        auto check = storage::SqliteBackup::verify(dbFile());
        QVERIFY(check);
        QCOMPARE(check->schemaVersion, older);
    }

    void restoreRefusesANewerSchema() {
        seed(2);
        const QString good = makeBackup();
        const QString newer = alteredCopy(good, QStringLiteral("newer.sqlite"), [](QFile&) {});
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("n"));
            raw.setDatabaseName(newer);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, 'future', 0)")
                               .arg(storage::Migrations::latestVersion() + 1)));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("n"));
        verifyRefused(newer, QStringLiteral("newer than this SlotDesk"));
    }

    void restoreRefusesACorruptFile() {
        seed(40);
        const QString good = makeBackup();
        // Pages overwritten in the middle of the file.
        const QString damaged = alteredCopy(good, QStringLiteral("damaged.sqlite"), [](QFile& f) {
            f.seek(f.size() / 2);
            f.write(QByteArray(8192, 'x'));
        });
        verifyRefused(damaged, QStringLiteral("not a usable SlotDesk backup"));
        // Cut short.
        const QString cut = alteredCopy(good, QStringLiteral("cut.sqlite"),
                                        [](QFile& f) { f.resize(f.size() / 3); });
        verifyRefused(cut, QStringLiteral("not a usable SlotDesk backup"));
        // Not a database at all, and a database that is not SlotDesk's.
        QFile text(m_dir->filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(5000, 'n'));
        text.close();
        verifyRefused(text.fileName(), QStringLiteral("not a usable SlotDesk backup"));
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("o"));
            raw.setDatabaseName(m_dir->filePath(QStringLiteral("other.sqlite")));
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("o"));
        verifyRefused(m_dir->filePath(QStringLiteral("other.sqlite")),
                      QStringLiteral("no SlotDesk schema"));
        const Run missing = cli({"backup", "restore", m_dir->filePath(QStringLiteral("nope"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("There is no file")), qPrintable(missing.err));
    }

    void restoreRefusesWhileTheDatabaseIsOpen() {
        seed(2);
        const QString good = makeBackup();
        {
            // This process holds it, like the window or serve would.
            auto holder = storage::Database::openInDirectory(dataDir());
            QVERIFY(holder);
            const auto before = tree(dataDir());
            const Run r = cli({QStringLiteral("backup"), QStringLiteral("restore"), good});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("has ")) &&
                         r.err.contains(QStringLiteral("open; close it")),
                     qPrintable(r.err));
            QCOMPARE(r.err.count(u'\n'), 1);
            QCOMPARE(tree(dataDir()), before);
        }
        // Another process holds it: the same.
        QProcess serve;
        serve.start(QStringLiteral(SLOTDESK_CLI_PATH),
                    {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("serve"),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--no-mail")});
        QByteArray out;
        while (!out.contains("listening on") && serve.waitForReadyRead(30000))
            out += serve.readAllStandardOutput();
        QVERIFY2(out.contains("listening on"), out.constData());
        const auto before = tree(dataDir());
        const Run r = cli({QStringLiteral("backup"), QStringLiteral("restore"), good});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("open; close it")), qPrintable(r.err));
        QCOMPARE(tree(dataDir()), before);
        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
    }

    void restoreKeepsTheCurrentFileFirst() {
        seed(2);
        const QString good = makeBackup();
        {
            auto db = storage::Database::openInDirectory(dataDir());
            QVERIFY(db);
            auto admin = test::seedAdmin(**db, QStringLiteral("bob"));
            test::seedBooking(**db, admin.id, test::utc("2027-05-01T09:00:00Z"));
            QCOMPARE(bookingCount(**db), 3);
        }
        m_time.advance(std::chrono::minutes(5));
        const Run r = cli({QStringLiteral("backup"), QStringLiteral("restore"), good, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QString kept = answer.value(QStringLiteral("previousKeptAs")).toString();
        QVERIFY(QFileInfo(kept).fileName().endsWith(QStringLiteral("-pre-restore.sqlite")));
        for (const char* suffix : {"-wal", "-shm"})
            QVERIFY(!QFileInfo::exists(dbFile() + QLatin1String(suffix)));
        {
            auto db = storage::Database::openInDirectory(dataDir());
            QVERIFY(db);
            QCOMPARE(bookingCount(**db), 2);
        }
        {
            auto previous = storage::Database::openFile(kept);
            QVERIFY(previous);
            QCOMPARE(bookingCount(**previous), 3); // the restore can be undone
        }
        // backup list shows both, newest first.
        const Run list = cli({QStringLiteral("backup"), QStringLiteral("list"), "--json"});
        const auto rows = QJsonDocument::fromJson(list.out.toUtf8())["backups"].toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0]["kind"].toString(), QStringLiteral("pre-restore"));
        QCOMPARE(rows[1]["kind"].toString(), QStringLiteral("manual"));
    }

    void restoreIntoALostDataDirectory() {
        seed(2);
        const QString good = makeBackup();
        const QString safe = m_dir->filePath(QStringLiteral("external.sqlite"));
        QVERIFY(QFile::copy(good, safe));
        QVERIFY(QDir(dataDir()).removeRecursively());
        const Run r = cli({QStringLiteral("backup"), QStringLiteral("restore"), safe});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY(db);
        QCOMPARE(bookingCount(**db), 2);
    }

    void killedInTheMiddleOfABackup() {
        // Big enough that the copy takes a while: the partial file is seen before it is done.
        {
            auto db = storage::Database::openInDirectory(dataDir());
            QVERIFY(db);
            const User admin = test::seedAdmin(**db);
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.prepare(QStringLiteral(
                "INSERT INTO bookings (id, user_id, start_time, end_time, attendee_name, "
                "attendee_email, notes, status, timezone, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'A', 'a@example.com', ?, 'confirmed', 'UTC', 0, 0)")));
            const QString notes(2000, u'n');
            for (int i = 0; i < 60000; ++i) {
                const qint64 start = 1800000000000LL + i * 3600000LL;
                q.addBindValue(QStringLiteral("b%1").arg(i));
                q.addBindValue(admin.id);
                q.addBindValue(start);
                q.addBindValue(start + 1800000);
                q.addBindValue(notes);
                QVERIFY(q.exec());
            }
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        const QByteArray liveBefore = test::fileDigest(dbFile());
        QProcess process;
        process.start(QStringLiteral(SLOTDESK_CLI_PATH),
                      {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("backup"),
                       QStringLiteral("create")});
        QVERIFY(process.waitForStarted());
        bool sawPartial = false;
        while (process.state() != QProcess::NotRunning) {
            const auto partials =
                QDir(backupsDir())
                    .entryList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden);
            if (!partials.isEmpty() &&
                QFileInfo(backupsDir() + u'/' + partials.first()).size() > 0) {
                ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
                sawPartial = true;
                break;
            }
        }
        process.waitForFinished(30000);
        QVERIFY2(sawPartial, "the backup finished before it could be interrupted");
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        // A half-written file is there but is no backup.
        QCOMPARE(QDir(backupsDir())
                     .entryList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden)
                     .size(),
                 1);
        QVERIFY(backup::BackupFolder(backupsDir()).list().isEmpty());
        const Run status = cli({QStringLiteral("backup"), QStringLiteral("status"), "--json"});
        QVERIFY(QJsonDocument::fromJson(status.out.toUtf8())["lastGood"].toObject().isEmpty());
        // The live database was only read.
        QCOMPARE(test::fileDigest(dbFile()), liveBefore);
        QVERIFY(storage::SqliteBackup::verify(dbFile()));
        // The next backup clears the leftover and succeeds.
        const Run again = cli({QStringLiteral("backup"), QStringLiteral("create")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(QDir(backupsDir())
                    .entryList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden)
                    .isEmpty());
        const auto backups = backup::BackupFolder(backupsDir()).list();
        QCOMPARE(backups.size(), 1);
        auto copy = storage::Database::openFile(backups.first().path);
        QVERIFY(copy);
        QCOMPARE(bookingCount(**copy), 60000);
    }

    void folderSettingAndStatus() {
        seed(1);
        const QString chosen = m_dir->filePath(QStringLiteral("synced/SlotDesk"));
        const Run set = cli({QStringLiteral("backup"), QStringLiteral("folder"), chosen});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(QFileInfo(chosen).isDir());
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("create")}).exitCode == 0);
        QCOMPARE(backup::BackupFolder(chosen).list().size(), 1);
        const Run status = cli({QStringLiteral("backup"), QStringLiteral("status")});
        QVERIFY2(status.out.contains(QStringLiteral("Folder: ") + chosen), qPrintable(status.out));
        QVERIFY(
            status.out.contains(QStringLiteral("Last good backup: 2027-03-01T03:00:00Z (manual)")));
        // --to a file that is there already: refused, not counted as a failed backup.
        const Run taken = cli(
            {QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("--to"), dbFile()});
        QCOMPARE(taken.exitCode, 1);
        QVERIFY(taken.err.contains(QStringLiteral("to: ")));
        QVERIFY(backup::BackupSettings(dbFile()).lastAttempt().ok);
        QVERIFY(cli({QStringLiteral("backup"), QStringLiteral("folder"), "--default"}).exitCode ==
                0);
        QCOMPARE(backup::BackupSettings(dbFile()).folder(), backupsDir());
    }

    void failureIsRecordedAndLogged() {
        seed(1);
        QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        backup::BackupSettings(dbFile()).setFolder(blocker.fileName() + QStringLiteral("/sub"));
        auto db = storage::Database::openInDirectory(dataDir());
        QVERIFY(db);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("The daily backup of .* failed")));
        auto made = backup::BackupService(dbFile(), m_time.clock()).runIfDue((*db)->connection());
        QVERIFY(!made);
        const Run status = cli({QStringLiteral("backup"), QStringLiteral("status")});
        QVERIFY2(status.out.contains(
                     QStringLiteral("Last attempt: FAILED at 2027-03-01T03:00:00Z (daily)")),
                 qPrintable(status.out));
    }

    void postgresBackupsBelongToTheServer() {
        for (const char* command : {"create", "list", "status"}) {
            const Run r = test::runCliInProcess(
                m_time.clock(), {QStringLiteral("--database"),
                                 QStringLiteral("postgresql://team@db.invalid/slotdesk"),
                                 QStringLiteral("backup"), QLatin1String(command)});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("pg_dump")) &&
                         r.err.contains(QStringLiteral("docs/BACKUP.md")),
                     qPrintable(r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
