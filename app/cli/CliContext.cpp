#include "cli/CliContext.h"

#include "profile/ProfileService.h"
#include "storage/DatabasePassword.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slotdesk::cli {

Status CliContext::openDatabase() {
    // --database, $SLOTDESK_DATABASE_URL, the GUI's setting — but an explicit --data-dir beats
    // the last two.
    const QString dataDirOption = parser.value(QStringLiteral("data-dir"));
    const QString option = parser.value(QStringLiteral("database"));
    QString url = option;
    if (url.isEmpty() && dataDirOption.isEmpty())
        url = storage::resolveDatabaseUrl({}, storage::DatabasePassword::savedUrl());
    if (!url.isEmpty()) {
        auto parsed = storage::DatabaseUrl::parse(url);
        if (!parsed)
            return parsed.error();
        if (parsed->password.isEmpty())
            parsed->password = storage::DatabasePassword::fromKeychain(*parsed);
        auto opened = storage::Database::openPostgres(*parsed);
        if (!opened)
            return opened.error();
        m_database = std::move(*opened);
        return success();
    }
    const QString dir = storage::resolveDataDirectory(dataDirOption);
    auto opened = storage::Database::openInDirectory(dir);
    if (!opened)
        return opened.error();
    m_database = std::move(*opened);
    return success();
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
