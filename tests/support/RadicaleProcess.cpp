#include "support/RadicaleProcess.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>

namespace slotdesk::test {

RadicaleProcess::RadicaleProcess(QString directory, QString user, QString password)
    : m_directory(std::move(directory))
    , m_user(std::move(user))
    , m_password(std::move(password))
    , m_server(m_directory + QStringLiteral("/radicale.log")) {}

bool RadicaleProcess::start() {
    m_error.clear();
    QFile users(m_directory + QStringLiteral("/users"));
    if (!users.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        users.write((m_user + QLatin1Char(':') + m_password + QLatin1Char('\n')).toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write the htpasswd file");
        return false;
    }
    users.close();
    // An empty configuration file: nothing from /etc/radicale applies, the options say it all.
    QFile(m_directory + QStringLiteral("/config")).open(QIODevice::WriteOnly);
    static const QRegularExpression listening(
        QStringLiteral(R"(Listening on '\[127\.0\.0\.1\]:(\d+)')"));
    return m_server.start(QStringLiteral("/usr/bin/radicale"),
                          {QStringLiteral("-C"),
                           m_directory + QStringLiteral("/config"),
                           QStringLiteral("--server-hosts"),
                           QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--auth-type"),
                           QStringLiteral("htpasswd"),
                           QStringLiteral("--auth-htpasswd-filename"),
                           users.fileName(),
                           QStringLiteral("--auth-htpasswd-encryption"),
                           QStringLiteral("plain"),
                           QStringLiteral("--auth-delay"),
                           QStringLiteral("0"),
                           QStringLiteral("--rights-type"),
                           QStringLiteral("owner_only"),
                           QStringLiteral("--storage-filesystem-folder"),
                           m_directory + QStringLiteral("/collections"),
                           QStringLiteral("--web-type"),
                           QStringLiteral("none"),
                           QStringLiteral("--logging-level"),
                           QStringLiteral("debug")},
                          listening);
}

QUrl RadicaleProcess::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port()));
}

QUrl RadicaleProcess::url(const QString& path) const {
    return baseUrl().resolved(QUrl(path));
}

RadicaleProcess::Response
RadicaleProcess::request(const QByteArray& verb, const QString& path, const QByteArray& body,
                         const QList<std::pair<QByteArray, QByteArray>>& headers) {
    QNetworkAccessManager network;
    QNetworkRequest request(url(path));
    request.setRawHeader("Authorization",
                         "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(30000);
    QNetworkReply* reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.etag = reply->rawHeader("ETag");
    delete reply;
    return response;
}

bool RadicaleProcess::makeCalendar(const QString& name, const QString& displayName,
                                   const QString& color) {
    const QByteArray body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" "
        "xmlns:a=\"http://apple.com/ns/ical/\"><d:set><d:prop><d:displayname>" +
        displayName.toHtmlEscaped().toUtf8() + "</d:displayname><a:calendar-color>" +
        color.toUtf8() +
        "</a:calendar-color><c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
        "</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>";
    return request("MKCALENDAR", QStringLiteral("/%1/%2/").arg(m_user, name), body,
                   {{"Content-Type", "application/xml"}})
               .status == 201;
}

QByteArray RadicaleProcess::putObject(const QString& calendar, const QString& object,
                                      const QByteArray& ics) {
    const Response response =
        request("PUT", QStringLiteral("/%1/%2/%3.ics").arg(m_user, calendar, object), ics,
                {{"Content-Type", "text/calendar; charset=utf-8"}});
    return response.status == 201 || response.status == 204 ? response.etag : QByteArray();
}

bool RadicaleProcess::removeObject(const QString& calendar, const QString& object) {
    return request("DELETE", QStringLiteral("/%1/%2/%3.ics").arg(m_user, calendar, object))
               .status == 200;
}

QByteArray RadicaleProcess::calendarText(const QString& calendar) {
    return request("GET", QStringLiteral("/%1/%2/").arg(m_user, calendar)).body;
}

} // namespace slotdesk::test
