#include "storage/DatabaseUrl.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace slotdesk::storage {
namespace {

// The libpq parameters a URL may carry; anything else is refused rather than ignored.
const QStringList& knownParameters() {
    static const QStringList names{QStringLiteral("sslmode"),
                                   QStringLiteral("sslrootcert"),
                                   QStringLiteral("sslcert"),
                                   QStringLiteral("sslkey"),
                                   QStringLiteral("sslcrl"),
                                   QStringLiteral("channel_binding"),
                                   QStringLiteral("gssencmode"),
                                   QStringLiteral("connect_timeout"),
                                   QStringLiteral("application_name"),
                                   QStringLiteral("options"),
                                   QStringLiteral("target_session_attrs"),
                                   QStringLiteral("keepalives"),
                                   QStringLiteral("keepalives_idle"),
                                   QStringLiteral("keepalives_interval"),
                                   QStringLiteral("keepalives_count"),
                                   QStringLiteral("tcp_user_timeout"),
                                   QStringLiteral("passfile")};
    return names;
}

Error invalid(const QString& why) {
    return Error::validation(QStringLiteral("database"),
                             QStringLiteral("Not a usable PostgreSQL URL (%1); expected "
                                            "postgresql://user[:password]@host[:port]/dbname")
                                 .arg(why));
}

QString quoted(const QString& value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

} // namespace

bool DatabaseUrl::isPostgresUrl(const QString& text) {
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text) {
    if (!isPostgresUrl(text))
        return invalid(QStringLiteral("it must start with postgresql://"));
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    // QUrl's own message may quote the whole URL, password included: never pass it on.
    if (!url.isValid())
        return invalid(QStringLiteral("malformed"));
    DatabaseUrl parsed;
    parsed.user = url.userName(QUrl::FullyDecoded);
    parsed.password = url.password(QUrl::FullyDecoded);
    parsed.host = url.host(QUrl::FullyDecoded);
    parsed.port = url.port(kDefaultPort);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    parsed.databaseName = path;
    if (parsed.host.isEmpty())
        return invalid(QStringLiteral("no host"));
    if (parsed.user.isEmpty())
        return invalid(QStringLiteral("no user name"));
    if (parsed.databaseName.isEmpty() || parsed.databaseName.contains(u'/'))
        return invalid(QStringLiteral("no database name"));
    if (parsed.port < 1 || parsed.port > 65535)
        return invalid(QStringLiteral("bad port"));
    const QUrlQuery query(url);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!knownParameters().contains(name))
            return invalid(QStringLiteral("unknown parameter '%1'").arg(displayValue(name)));
        // QPSQL turns ';' into a separator.
        if (value.contains(u';'))
            return invalid(QStringLiteral("parameter '%1' contains ';'").arg(name));
        parsed.parameters.append({name, value});
    }
    return parsed;
}

QString DatabaseUrl::masked() const {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + databaseName);
    if (!parameters.isEmpty()) {
        QUrlQuery query;
        query.setQueryItems(parameters);
        url.setQuery(query);
    }
    QString text = url.toString();
    if (!password.isEmpty()) {
        const QString prefix = QStringLiteral("postgresql://");
        const qsizetype at = text.indexOf(u'@', prefix.size());
        if (at > 0)
            text.insert(at, QStringLiteral(":***"));
    }
    return text;
}

QString DatabaseUrl::keychainKey() const {
    return QStringLiteral("postgresql/%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

QString DatabaseUrl::connectOptions() const {
    QStringList pairs;
    for (const auto& [name, value] : parameters)
        pairs.append(name + u'=' + quoted(value));
    return pairs.join(u';');
}

QString resolveDatabaseUrl(const QString& option, const QString& setting) {
    if (!option.isEmpty())
        return option;
    const QString fromEnv = qEnvironmentVariable("SLOTDESK_DATABASE_URL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return setting;
}

} // namespace slotdesk::storage
