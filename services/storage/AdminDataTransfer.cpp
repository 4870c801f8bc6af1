#include "storage/AdminDataTransfer.h"

#include "storage/Migrations.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QSqlRecord>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace slotdesk::storage {
namespace {

enum class Kind { Text, Integer };

// How a column's value goes in on import.
enum class Link {
    None,
    // Names a row of the same table (a reschedule chain), which may come later in key order:
    // the rows go in without it, and it is set once all of the table's rows are in.
    SameTable,
};

struct Column {
    const char* name;
    Kind kind;
    int since = 1; // the format version that added it; older files lack it (the default applies)
    Link link = Link::None;
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

// In the order rows can be inserted (references first): the format's current version. A column
// a migration adds is exported (with `since` = a new version) or named, with the reason, in
// tst_export's list of what is left out on purpose — that test compares this with the live
// schema. Left out: the calendar_integrations' token expiry, Google's sync cursor and an ICS
// feed's HTTP validators (ETag, Last-Modified), which describe the busy-time cache that is not
// exported either: a feed imported with them would answer "not modified" and stay empty.
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
          {"updated_at", I},
          {"approval_policy", T, 2},
          {"approval_within_hours", I, 2},
          {"attendee_change_notice_hours", I, 2},
          {"attendee_reschedule", I, 2},
          {"max_bookings_per_week", I, 2},
          {"max_bookings_per_month", I, 2}}},
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
          {"updated_at", I},
          {"display_name", T, 2},
          {"source_url", T, 2},
          {"username", T, 2}}},
        // Which of an integration's calendars block time and which receives bookings; not
        // each calendar's sync cursors (sync_token, ctag) or last read, which belong to the
        // busy-time cache.
        {"integration_calendars",
         "id",
         "integration_id IN (SELECT id FROM calendar_integrations WHERE user_id = ?)",
         {{"id", T, 3},
          {"integration_id", T, 3},
          {"remote_id", T, 3},
          {"display_name", T, 3},
          {"color", T, 3},
          {"blocks_time", I, 3},
          {"receives_bookings", I, 3},
          {"created_at", I, 3},
          {"updated_at", I, 3}}},
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
          {"updated_at", I},
          {"rescheduled_from_id", T, 2, Link::SameTable},
          {"rescheduled_to_id", T, 2, Link::SameTable},
          {"event_calendar_id", T, 3}}},
        {"booking_access_tokens",
         "token_hash",
         kOwnBookings,
         {{"token_hash", T}, {"booking_id", T}, {"created_at", I}}},
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
          {"created_at", I},
          {"needs_update", I, 2}}},
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

// The table's columns a document of format `version` carries that go in as `link` says.
std::vector<Column> columnsOf(const Table& table, int version, Link link) {
    std::vector<Column> columns;
    for (const Column& c : table.columns)
        if (c.since <= version && c.link == link)
            columns.push_back(c);
    return columns;
}

QString columnList(const std::vector<Column>& columns) {
    QStringList names;
    for (const Column& c : columns)
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

// The values of `columns` in `row`, checked against their kinds; `where` names the row.
Result<QVariantList> valuesOf(const QJsonObject& row, const std::vector<Column>& columns,
                              const QString& where) {
    QVariantList values;
    for (const Column& column : columns) {
        auto value = fromJson(row.value(camelCase(column.name)), column, where);
        if (!value)
            return value.error();
        values.append(*value);
    }
    return values;
}

Error notAdded(const QString& where, const QString& table, const QString& key, const Error& why) {
    return Error{
        why.code,
        QStringLiteral("%1 (%2 %3) could not be added: %4").arg(where, table, key, why.message),
        {}};
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

QList<std::pair<QString, QStringList>> AdminDataTransfer::exportedColumns() {
    QList<std::pair<QString, QStringList>> all;
    for (const Table& table : tables()) {
        QStringList columns;
        for (const Column& c : table.columns)
            columns << QLatin1String(c.name);
        all.append({QLatin1String(table.name), columns});
    }
    return all;
}

Result<QJsonObject> AdminDataTransfer::exportAdmin(const QSqlDatabase& db, const QString& userId,
                                                   const QDateTime& exportedAt) {
    auto tx = Transaction::begin(db, Transaction::Mode::Read); // one consistent snapshot
    if (!tx)
        return tx.error();
    QJsonObject data;
    for (const Table& table : tables()) {
        const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4")
                                .arg(columnList(table.columns), QLatin1String(table.name),
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
    const int version = document.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kFormatVersion)
        return Error::validation(QStringLiteral("version"),
                                 QStringLiteral("Export format version %1 is not one this "
                                                "SlotDesk reads (1 to %2)")
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
        const std::vector<Column> plain = columnsOf(table, version, Link::None);
        const std::vector<Column> links = columnsOf(table, version, Link::SameTable);
        QStringList placeholders;
        for (std::size_t i = 0; i < plain.size(); ++i)
            placeholders << QStringLiteral("?");
        const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(QLatin1String(table.name), columnList(plain),
                                        placeholders.join(QStringLiteral(", ")));
        QStringList assignments;
        for (const Column& c : links)
            assignments << QStringLiteral("%1 = ?").arg(QLatin1String(c.name));
        const QString link =
            QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                .arg(QLatin1String(table.name), assignments.join(QStringLiteral(", ")),
                     QLatin1String(table.key));
        std::vector<std::pair<QString, QVariantList>> linksOwed; // (where, values + key)
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            const QString where = QStringLiteral("%1[%2]").arg(tableName).arg(r);
            auto values = valuesOf(row, plain, where);
            if (!values)
                return values.error();
            auto linkValues = valuesOf(row, links, where);
            if (!linkValues)
                return linkValues.error();
            const QString key = row.value(camelCase(table.key)).toString();
            auto exists = keyExists(db, table, key);
            if (!exists)
                return exists.error();
            entries.append({tableName, key, !*exists});
            if (*exists || dryRun)
                continue;
            if (auto s = execNoRows(db, insert, *values); !s)
                return notAdded(where, tableName, key, s.error());
            if (std::any_of(linkValues->cbegin(), linkValues->cend(),
                            [](const QVariant& v) { return !v.isNull(); }))
                linksOwed.emplace_back(where, *linkValues + QVariantList{key});
        }
        for (const auto& [where, values] : linksOwed)
            if (auto s = execNoRows(db, link, values); !s)
                return notAdded(where, tableName, values.last().toString(), s.error());
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
