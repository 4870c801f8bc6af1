#include "storage/AdminDataTransfer.h"

#include "storage/Migrations.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QSqlRecord>
#include <QStringList>

#include <vector>

namespace slotdesk::storage {
namespace {

enum class Kind { Text, Integer };

struct Column {
    const char* name;
    Kind kind;
};

// One exported table: its key, its columns and which rows are the admin's.
struct Table {
    const char* name;
    const char* key;
    const char* ownedBy; // the WHERE clause selecting the admin's rows, `?` = the user id
    std::vector<Column> columns;
};

constexpr Kind T = Kind::Text;
constexpr Kind I = Kind::Integer;
const char* const kOwnBookings = "booking_id IN (SELECT id FROM bookings WHERE user_id = ?)";

// In the order rows can be inserted (references first). The format's version 1.
const std::vector<Table>& tables() {
    static const std::vector<Table> all{
        {"users",
         "id",
         "id = ?",
         {{"id", T},
          {"username", T},
          {"email", T},
          {"name", T},
          {"timezone", T},
          {"created_at", I},
          {"updated_at", I}}},
        {"booking_settings",
         "user_id",
         "user_id = ?",
         {{"user_id", T},
          {"default_duration", I},
          {"durations", T},
          {"slot_interval", I},
          {"buffer_before", I},
          {"buffer_after", I},
          {"minimum_notice", I},
          {"horizon_days", I},
          {"max_bookings_per_day", I},
          {"updated_at", I}}},
        {"availability_blocks",
         "id",
         "user_id = ?",
         {{"id", T},
          {"user_id", T},
          {"day_of_week", I},
          {"start_minute", I},
          {"end_minute", I},
          {"timezone", T},
          {"is_active", I},
          {"created_at", I},
          {"updated_at", I}}},
        {"date_overrides",
         "id",
         "user_id = ?",
         {{"id", T},
          {"user_id", T},
          {"local_date", T},
          {"timezone", T},
          {"start_minute", I},
          {"end_minute", I},
          {"created_at", I},
          {"updated_at", I}}},
        {"bookings",
         "id",
         "user_id = ?",
         {{"id", T},
          {"user_id", T},
          {"title", T},
          {"start_time", I},
          {"end_time", I},
          {"attendee_name", T},
          {"attendee_email", T},
          {"notes", T},
          {"requested_video_provider", T},
          {"video_provider", T},
          {"video_link", T},
          {"status", T},
          {"status_reason", T},
          {"timezone", T},
          {"calendar_event_id", T},
          {"manage_token_hash", T},
          {"language", T},
          {"ics_sequence", I},
          {"created_at", I},
          {"updated_at", I}}},
        {"booking_access_tokens",
         "token_hash",
         kOwnBookings,
         {{"token_hash", T}, {"booking_id", T}, {"created_at", I}}},
        {"calendar_integrations",
         "id",
         "user_id = ?",
         {{"id", T},
          {"user_id", T},
          {"type", T},
          {"keychain_key", T},
          {"account_email", T},
          {"calendar_id", T},
          {"last_sync_at", I},
          {"sync_status", T},
          {"sync_error", T},
          {"created_at", I},
          {"updated_at", I}}},
        {"video_integrations",
         "id",
         "user_id = ?",
         {{"id", T},
          {"user_id", T},
          {"provider", T},
          {"account_email", T},
          {"status", T},
          {"last_error", T},
          {"created_at", I},
          {"updated_at", I}}},
        {"video_meetings",
         "booking_id",
         kOwnBookings,
         {{"booking_id", T},
          {"provider", T},
          {"meeting_id", T},
          {"join_url", T},
          {"deleted_at", I},
          {"created_at", I}}},
        {"mail_settings",
         "user_id",
         "user_id = ?",
         {{"user_id", T},
          {"host", T},
          {"port", I},
          {"security", T},
          {"username", T},
          {"ca_file", T},
          {"from_address", T},
          {"from_name", T},
          {"language", T},
          {"reminder_minutes", I},
          {"admin_notices", I},
          {"updated_at", I}}},
        {"privacy_settings",
         "user_id",
         "user_id = ?",
         {{"user_id", T}, {"retention_days", I}, {"updated_at", I}}},
    };
    return all;
}

// start_time → startTime: the JSON names follow the spec's camelCase.
QString camelCase(const char* column) {
    QString name;
    bool upper = false;
    for (const char* c = column; *c; ++c) {
        if (*c == '_') {
            upper = true;
            continue;
        }
        name += upper ? QChar::fromLatin1(*c).toUpper() : QChar::fromLatin1(*c);
        upper = false;
    }
    return name;
}

QString columnList(const Table& table) {
    QStringList names;
    for (const Column& c : table.columns)
        names << QLatin1String(c.name);
    return names.join(QStringLiteral(", "));
}

QJsonValue toJson(const QVariant& value, Kind kind) {
    if (value.isNull())
        return QJsonValue::Null;
    return kind == Kind::Integer ? QJsonValue(value.toLongLong()) : QJsonValue(value.toString());
}

Result<QVariant> fromJson(const QJsonValue& value, const Column& column, const QString& where) {
    if (value.isNull() || value.isUndefined())
        return column.kind == Kind::Integer ? QVariant(QMetaType(QMetaType::LongLong))
                                            : QVariant(QMetaType(QMetaType::QString));
    if (column.kind == Kind::Integer && value.isDouble())
        return QVariant(static_cast<qint64>(value.toDouble()));
    if (column.kind == Kind::Text && value.isString())
        return QVariant(value.toString());
    return Error::malformed(QStringLiteral("%1.%2 must be %3")
                                .arg(where, camelCase(column.name),
                                     column.kind == Kind::Integer ? QStringLiteral("a number")
                                                                  : QStringLiteral("text")),
                            camelCase(column.name));
}

Result<bool> keyExists(const QSqlDatabase& db, const Table& table, const QVariant& key) {
    auto q = exec(db,
                  QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?")
                      .arg(QLatin1String(table.name), QLatin1String(table.key)),
                  {key});
    if (!q)
        return q.error();
    return q->next() && q->value(0).toLongLong() > 0;
}

} // namespace

Result<QJsonObject> AdminDataTransfer::exportAdmin(const QSqlDatabase& db, const QString& userId,
                                                   const QDateTime& exportedAt) {
    auto tx = Transaction::begin(db, Transaction::Mode::Read); // one consistent snapshot
    if (!tx)
        return tx.error();
    QJsonObject data;
    for (const Table& table : tables()) {
        const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
                                .arg(columnList(table), QLatin1String(table.name),
                                     QLatin1String(table.ownedBy), QLatin1String(table.key));
        auto q = exec(db, sql, {userId});
        if (!q)
            return q.error();
        QJsonArray rows;
        while (q->next()) {
            QJsonObject row;
            for (int i = 0; i < static_cast<int>(table.columns.size()); ++i)
                row.insert(camelCase(table.columns[i].name),
                           toJson(q->value(i), table.columns[i].kind));
            rows.append(row);
        }
        data.insert(camelCase(table.name), rows);
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("slotdesk-export")},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("schemaVersion"), Migrations::currentVersion(db)},
        {QStringLiteral("exportedAt"), exportedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("data"), data}};
}

Result<QList<AdminDataTransfer::Entry>> AdminDataTransfer::importAdmin(const QSqlDatabase& db,
                                                                       const QJsonObject& document,
                                                                       bool merge, bool dryRun) {
    if (document.value(QStringLiteral("format")).toString() != QLatin1String("slotdesk-export"))
        return Error::malformed(QStringLiteral("This is not a SlotDesk export (no \"format\": "
                                               "\"slotdesk-export\")"),
                                QStringLiteral("format"));
    if (const int version = document.value(QStringLiteral("version")).toInt();
        version != kFormatVersion)
        return Error::validation(QStringLiteral("version"),
                                 QStringLiteral("Export format version %1 is not one this "
                                                "SlotDesk reads (%2)")
                                     .arg(version)
                                     .arg(kFormatVersion));
    const QJsonObject data = document.value(QStringLiteral("data")).toObject();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    if (!merge) {
        auto q = exec(db, QStringLiteral("SELECT COUNT(*) FROM users"));
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toLongLong() > 0)
            return Error::conflict(QStringLiteral("The database has an admin already: import "
                                                  "into an empty one, or merge with --merge "
                                                  "(try --dry-run first)"));
    }
    QList<Entry> entries;
    for (const Table& table : tables()) {
        const QString tableName = camelCase(table.name);
        const QJsonArray rows = data.value(tableName).toArray();
        QStringList placeholders;
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            placeholders << QStringLiteral("?");
        const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(QLatin1String(table.name), columnList(table),
                                        placeholders.join(QStringLiteral(", ")));
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            const QString where = QStringLiteral("%1[%2]").arg(tableName).arg(r);
            QVariantList values;
            for (const Column& column : table.columns) {
                auto value = fromJson(row.value(camelCase(column.name)), column, where);
                if (!value)
                    return value.error();
                values.append(*value);
            }
            const QString key = row.value(camelCase(table.key)).toString();
            auto exists = keyExists(db, table, key);
            if (!exists)
                return exists.error();
            entries.append({tableName, key, !*exists});
            if (*exists || dryRun)
                continue;
            if (auto s = execNoRows(db, insert, values); !s)
                return Error{s.error().code,
                             QStringLiteral("%1 (%2 %3) could not be added: %4")
                                 .arg(where, tableName, key, s.error().message),
                             {}};
        }
    }
    if (dryRun) {
        tx->rollback();
        return entries;
    }
    if (auto s = tx->commit(); !s)
        return s.error();
    return entries;
}

} // namespace slotdesk::storage
