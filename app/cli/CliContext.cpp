#include "cli/CliContext.h"

#include "backup/BackupService.h"
#include "profile/ProfileService.h"
#include "storage/DatabaseSelection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slotdesk::cli {

Status CliContext::openDatabase() {
    auto opened = storage::openSelectedDatabase(parser.value(QStringLiteral("database")),
                                                parser.value(QStringLiteral("data-dir")),
                                                backup::BackupService::preMigrationHook(m_clock));
    if (!opened)
        return opened.error();
    m_database = std::move(*opened);
    return success();
}

QString CliContext::sqliteFile() const {
    return storage::selectedSqliteFile(parser.value(QStringLiteral("database")),
                                       parser.value(QStringLiteral("data-dir")));
}

Result<User> CliContext::admin() {
    return ProfileService(*m_database).admin(parser.value(QStringLiteral("user")));
}

int CliContext::fail(const Error& error) {
    QString line = error.message;
    if (!error.field.isEmpty())
        line = QStringLiteral("%1: %2").arg(error.field, error.message);
    m_err << "slotdesk-cli: " << line.simplified() << Qt::endl;
    return error.isUserError() ? UserError : InternalError;
}

int CliContext::usage(const QString& message) {
    m_err << "slotdesk-cli: " << message << " (see --help)" << Qt::endl;
    return UserError;
}

int CliContext::print(const QJsonValue& json, const QString& text) {
    if (this->json()) {
        const auto doc =
            json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        m_out << doc.toJson(QJsonDocument::Indented);
    } else {
        m_out << text;
        if (!text.isEmpty() && !text.endsWith(u'\n'))
            m_out << '\n';
    }
    m_out.flush();
    return Ok;
}

} // namespace slotdesk::cli
