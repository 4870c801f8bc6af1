#include "storage/SqlSupport.h"

#include <QSqlError>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStorage, "slotdesk.storage")

namespace slotdesk::storage {
namespace {

QString busyMessage() {
    return QStringLiteral("The database is busy; try again");
}

// The engine's message without PostgreSQL's DETAIL/HINT lines, which quote row values (personal
// data) and must not reach a log or an error message.
QString messageOf(const QSqlError& error) {
    QString text = error.databaseText();
    if (const qsizetype newline = text.indexOf(u'\n'); newline >= 0)
        text.truncate(newline);
    return text.trimmed();
}

Error toError(const QSqlError& error, SqlDialect dialect) {
    const QString native = error.nativeErrorCode();
    bool conflict = false;
    bool busy = false;
    if (dialect == SqlDialect::SQLite) {
        // The constraint family (19, 275, 531, 787, ...) and BUSY/LOCKED (5, 6).
        bool isNumber = false;
        const int code = native.toInt(&isNumber) & 0xff;
        conflict = isNumber && code == 19;
        busy = isNumber && (code == 5 || code == 6);
    } else {
        // SQLSTATE: class 23 is integrity constraint violation; serialization failure, deadlock
        // and lock_timeout mean "try again".
        conflict = native.startsWith(QLatin1String("23"));
        busy = native == QLatin1String("40001") || native == QLatin1String("40P01") ||
               native == QLatin1String("55P03");
    }
    // Which row and column is the caller's to explain.
    if (conflict)
        return Error{
            ErrorCode::Conflict, QStringLiteral("The change conflicts with existing data"), {}};
    if (busy)
        return Error::storage(busyMessage());
    return Error::storage(QStringLiteral("Database error: %1").arg(messageOf(error)));
}

} // namespace

bool isBusy(const Error& error) {
    return error.code == ErrorCode::Storage && error.message == busyMessage();
}

SqlDialect dialectOf(const QSqlDatabase& db) {
    return db.driverName() == QLatin1String("QPSQL") ? SqlDialect::PostgreSQL : SqlDialect::SQLite;
}

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcStorage) << "prepare failed:" << messageOf(query.lastError()) << "in"
                             << sql.left(80);
        return toError(query.lastError(), dialectOf(db));
    }
    for (const auto& param : params)
        query.addBindValue(param);
    if (!query.exec()) {
        // Log the statement, never the bound values: they may hold personal data.
        qCWarning(lcStorage) << "statement failed:" << query.lastError().nativeErrorCode()
                             << messageOf(query.lastError()) << "in" << sql.left(80);
        return toError(query.lastError(), dialectOf(db));
    }
    return query;
}

Status execDirect(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        qCWarning(lcStorage) << "statement failed:" << query.lastError().nativeErrorCode()
                             << messageOf(query.lastError()) << "in" << sql.left(80);
        return toError(query.lastError(), dialectOf(db));
    }
    return success();
}

Status execNoRows(const QSqlDatabase& db, const QString& sql, const QVariantList& params) {
    auto result = exec(db, sql, params);
    if (!result)
        return result.error();
    return success();
}

QVariant toDb(const QDateTime& instant) {
    return instant.isValid() ? QVariant(instant.toMSecsSinceEpoch())
                             : QVariant(QMetaType::fromType<qint64>());
}

QDateTime instantFromDb(const QVariant& value) {
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant toDb(const QString& optionalText) {
    return optionalText.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                  : QVariant(optionalText);
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace slotdesk::storage
