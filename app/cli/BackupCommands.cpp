// slotdesk-cli backup create|list|status|restore|folder: the SQLite database's backups
// (services/backup). On PostgreSQL they explain that the server keeps the backups.

#include "cli/Command.h"

#include "backup/BackupRestore.h"
#include "backup/BackupService.h"
#include "core/TimeFormat.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

namespace slotdesk::cli {
namespace {

const QString kPostgresBackups = QStringLiteral(
    "Backups of a PostgreSQL database belong to its server: use pg_dump, or continuous archiving "
    "with point-in-time recovery (https://www.postgresql.org/docs/current/backup.html); see "
    "docs/BACKUP.md. `slotdesk-cli export` writes one admin's data as JSON on either engine.");

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

QJsonValue timeJson(const QDateTime& at) {
    return at.isValid() ? QJsonValue(timeformat::toRfc3339Utc(at)) : QJsonValue();
}

QJsonObject fileJson(const backup::BackupFile& b) {
    return {{QStringLiteral("file"), nativePath(b.path)},
            {QStringLiteral("takenAt"), timeJson(b.takenAt)},
            {QStringLiteral("kind"), b.kind},
            {QStringLiteral("size"), b.size}};
}

QJsonObject attemptJson(const backup::BackupAttempt& a) {
    if (!a.at.isValid())
        return {};
    return {{QStringLiteral("at"), timeJson(a.at)},
            {QStringLiteral("ok"), a.ok},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("file"), nativePath(a.file)},
            {QStringLiteral("size"), a.size},
            {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue() : QJsonValue(a.error)}};
}

// The preamble of every backup command: SQLite only; `run` gets the database file. The
// outcome is the command's output and exit status, so the log lines saying the same are off
// (QT_LOGGING_RULES, which wins over this, brings them back).
std::function<int(CliContext&)> onSqlite(int (*run)(CliContext&, const QString&)) {
    return [run](CliContext& c) {
        QLoggingCategory::setFilterRules(QStringLiteral("slotdesk.backup.info=false\n"
                                                        "slotdesk.backup.warning=false"));
        const QString file = c.sqliteFile();
        if (file.isEmpty())
            return c.fail(Error::validation(QStringLiteral("database"), kPostgresBackups));
        return run(c, file);
    };
}

int createBackup(CliContext& c, const QString&) {
    if (auto opened = c.openDatabase(); !opened)
        return c.fail(opened.error());
    backup::BackupService service(c.database().filePath(), c.clock());
    auto made = service.create(c.database().connection(), QStringLiteral("manual"),
                               c.parser.value(QStringLiteral("to")));
    if (!made)
        return c.fail(made.error());
    const QString message = QStringLiteral("Backed up %1 to %2 (%3 bytes, checked)")
                                .arg(nativePath(c.database().filePath()), nativePath(made->path))
                                .arg(made->size);
    return c.print(fileJson(*made), message);
}

int listBackups(CliContext& c, const QString& file) {
    const backup::BackupService service(file, c.clock());
    const auto backups = service.folder().list();
    QJsonArray rows;
    QStringList lines;
    for (const auto& b : backups) {
        rows.append(fileJson(b));
        lines << QStringLiteral("%1  %2  %3  %4")
                     .arg(timeformat::toRfc3339Utc(b.takenAt), b.kind.leftJustified(17))
                     .arg(b.size, 10)
                     .arg(nativePath(b.path));
    }
    if (lines.isEmpty())
        lines << QStringLiteral("No backups in %1").arg(nativePath(service.folder().path()));
    return c.print(QJsonObject{{QStringLiteral("folder"), nativePath(service.folder().path())},
                               {QStringLiteral("backups"), rows}},
                   lines.join(u'\n'));
}

QString attemptText(const backup::BackupAttempt& a) {
    if (!a.at.isValid())
        return QStringLiteral("none yet");
    if (!a.ok)
        return QStringLiteral("FAILED at %1 (%2): %3")
            .arg(timeformat::toRfc3339Utc(a.at), a.kind, a.error);
    return QStringLiteral("%1 (%2), %3 bytes, %4")
        .arg(timeformat::toRfc3339Utc(a.at), a.kind)
        .arg(a.size)
        .arg(nativePath(a.file));
}

int backupStatus(CliContext& c, const QString& file) {
    backup::BackupService service(file, c.clock());
    const auto last = service.settings().lastAttempt();
    const auto good = service.settings().lastGood();
    const auto backups = service.folder().list();
    QStringList lines{
        QStringLiteral("Database: %1").arg(nativePath(file)),
        QStringLiteral("Folder: %1%2")
            .arg(nativePath(service.folder().path()),
                 service.settings().hasChosenFolder() ? QString() : QStringLiteral(" (default)")),
        QStringLiteral("Last attempt: %1").arg(attemptText(last)),
        QStringLiteral("Last good backup: %1").arg(attemptText(good)),
        QStringLiteral("Backups in the folder: %1").arg(backups.size())};
    return c.print(QJsonObject{{QStringLiteral("database"), nativePath(file)},
                               {QStringLiteral("folder"), nativePath(service.folder().path())},
                               {QStringLiteral("lastAttempt"), attemptJson(last)},
                               {QStringLiteral("lastGood"), attemptJson(good)},
                               {QStringLiteral("backups"), backups.size()}},
                   lines.join(u'\n'));
}

int restoreBackup(CliContext& c, const QString& file) {
    const QString from = c.parser.positionalArguments().value(0);
    auto restored = backup::BackupRestore::restore(file, from, c.clock());
    if (!restored)
        return c.fail(restored.error());
    QString message = QStringLiteral("Restored %1 from %2 (schema version %3)")
                          .arg(nativePath(file), nativePath(restored->restoredFrom))
                          .arg(restored->schemaVersion);
    if (!restored->previousKeptAs.isEmpty())
        message += QStringLiteral("; the database as it was is kept in %1")
                       .arg(nativePath(restored->previousKeptAs));
    return c.print(QJsonObject{{QStringLiteral("database"), nativePath(file)},
                               {QStringLiteral("restoredFrom"), restored->restoredFrom},
                               {QStringLiteral("schemaVersion"), restored->schemaVersion},
                               {QStringLiteral("previousKeptAs"), restored->previousKeptAs}},
                   message);
}

int backupFolder(CliContext& c, const QString& file) {
    const auto positional = c.parser.positionalArguments();
    if (positional.size() > 1)
        return c.usage(QStringLiteral("unexpected argument '%1'").arg(positional.value(1)));
    backup::BackupService service(file, c.clock());
    if (c.parser.isSet(QStringLiteral("default"))) {
        service.settings().setFolder({});
    } else if (!positional.isEmpty()) {
        const backup::BackupFolder folder(QFileInfo(positional.first()).absoluteFilePath());
        if (auto s = folder.ensureExists(); !s)
            return c.fail(s.error());
        service.settings().setFolder(folder.path());
    }
    const QString folder = nativePath(service.folder().path());
    return c.print(QJsonObject{{QStringLiteral("folder"), folder}},
                   QStringLiteral("Backups go to %1").arg(folder));
}

Command backupCommand(const char* name, const char* arguments, int count, const char* summary,
                      QList<QCommandLineOption> options, int (*run)(CliContext&, const QString&),
                      const char* argumentHelp = "") {
    Command command{QLatin1String(name),        QLatin1String(arguments), count,
                    QLatin1String(summary),     std::move(options),       onSqlite(run),
                    QLatin1String(argumentHelp)};
    command.opensDatabase = false;
    return command;
}

} // namespace

QList<Command> backupCommands() {
    return {
        backupCommand("backup create", "", 0,
                      "Back up the database now (checked), into the backup folder or --to FILE",
                      {{QStringLiteral("to"),
                        QStringLiteral("Write the backup to this file (which must not exist)."),
                        QStringLiteral("FILE")}},
                      createBackup),
        backupCommand("backup list", "", 0, "The backups in the backup folder, newest first", {},
                      listBackups),
        backupCommand("backup status", "", 0,
                      "The backup folder, the last backup attempt and the last good backup", {},
                      backupStatus),
        backupCommand("backup restore", "FILE", 1,
                      "Put a backup in place of the database (no SlotDesk may have it open)", {},
                      restoreBackup, "The backup file, e.g. from backup list."),
        backupCommand("backup folder", "[DIR]", -1,
                      "Show or choose where backups go (--default: <data dir>/backups)",
                      {{QStringLiteral("default"),
                        QStringLiteral("Back to the default folder in the data directory.")}},
                      backupFolder, "The folder for backups."),
    };
}

} // namespace slotdesk::cli
