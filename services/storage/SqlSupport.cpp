#include "storage/SqlSupport.h"

#include <QSqlError>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStorage, "slotdesk.storage")

namespace slotdesk::storage {
namespace {

Error toError(const QSqlError& error) {
    const QString native = error.nativeErrorCode();
    // SQLite's constraint family (19, 275, 531, 787, 1043, 1299, 1555, 1811, 2067, 2323, 2579,
    // 2835) and PostgreSQL's class 23. Which row and column is the caller's to explain.
    bool isNumber = false;
    const int code = native.toInt(&isNumber);
    if ((isNumber && (code & 0xff) == 19) || native.startsWith(QStringLiteral("23")))
        return Error{
            ErrorCode::Conflict, QStringLiteral("The change conflicts with existing data"), {}};
    if (isNumber && ((code & 0xff) == 5 || (code & 0xff) == 6))
        return Error::storage(QStringLiteral("The database is busy; try again"));
    return Error::storage(QStringLiteral("Database error: %1").arg(error.databaseText()));
}

} // namespace

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& params) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        qCWarning(lcStorage) << "prepare failed:" << query.lastError().text();
        return toError(query.lastError());
    }
    for (const auto& param : params)
        query.addBindValue(param);
    if (!query.exec()) {
        // Log the statement, never the bound values: they may hold personal data.
        qCWarning(lcStorage) << "statement failed:" << query.lastError().nativeErrorCode()
                             << query.lastError().databaseText() << "in" << sql.left(80);
        return toError(query.lastError());
    }
    return query;
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

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace slotdesk::storage
