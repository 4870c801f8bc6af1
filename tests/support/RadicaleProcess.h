#pragma once
// RadicaleProcess: a real CalDAV server — Debian's radicale (/usr/bin/radicale) — on 127.0.0.1
// and a free port, with a throwaway storage folder and one htpasswd user (plain passwords: the
// encryption Debian's radicale reads without extra packages), for the CalDAV suites. start()
// waits until the port accepts connections; the destructor stops the server. The test seeds
// and inspects calendars over plain HTTP (MKCALENDAR, PUT, GET, DELETE) with request(), a
// blocking call on its own QNetworkAccessManager. The server logs at debug level into
// DIRECTORY/radicale.log (request bodies included, passwords masked), which log() returns.

#include "support/ListeningProcess.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace slotdesk::test {

class RadicaleProcess {
public:
    struct Response {
        int status = 0; // 0: no HTTP answer
        QByteArray body;
        QByteArray etag;
    };

    // Everything (storage, users file, log) lives under `directory`, which must exist.
    explicit RadicaleProcess(QString directory, QString user = QStringLiteral("alice"),
                             QString password = QStringLiteral("correct horse"));

    // False, with the reason in errorText(), when the server does not come up within 60 s.
    bool start();
    void stop() { m_server.stop(); }
    [[nodiscard]] quint16 port() const { return m_server.port(); }
    [[nodiscard]] QString errorText() const {
        return m_error.isEmpty() ? m_server.errorText() : m_error;
    }
    [[nodiscard]] QString user() const { return m_user; }
    [[nodiscard]] QString password() const { return m_password; }
    // http://127.0.0.1:PORT/ and the user's home, http://127.0.0.1:PORT/USER/.
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QUrl url(const QString& path) const;
    [[nodiscard]] QByteArray log() const { return m_server.log(); }

    // One request as the user (Basic auth), waiting for the answer.
    Response request(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                     const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    // MKCALENDAR /USER/NAME/ for VEVENTs with a display name and an Apple calendar-color.
    bool makeCalendar(const QString& name, const QString& displayName, const QString& color);
    // PUT /USER/CALENDAR/OBJECT.ics; the new ETag, or empty on failure.
    QByteArray putObject(const QString& calendar, const QString& object, const QByteArray& ics);
    bool removeObject(const QString& calendar, const QString& object);
    // GET /USER/CALENDAR/: every object of the calendar as one iCalendar text (Radicale's
    // collection export).
    QByteArray calendarText(const QString& calendar);

private:
    QString m_directory;
    QString m_user;
    QString m_password;
    ListeningProcess m_server;
    QString m_error; // before the server runs
};

} // namespace slotdesk::test
