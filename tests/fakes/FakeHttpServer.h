#pragma once
// FakeHttpServer: the HTTP/1.1 half the fake providers (FakeGoogleServer, FakeZoomServer) share —
// a real socket on 127.0.0.1 (random port), each request read off its connection once it is
// whole (several in a row on a keep-alive connection, a body by its Content-Length) and handed
// to serve(), and the answers written back with write(). What the routes mean is the subclass's.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

class QTcpSocket;

namespace slotdesk::test {

class FakeHttpServer : public QObject {
    Q_OBJECT
public:
    struct HttpRequest {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    struct Response {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json; charset=UTF-8"; // sent with a body only
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    // After an answer: wait for the next request on the connection, or close it.
    enum class Connection { KeepAlive, Close };

    ~FakeHttpServer() override;

    bool listen();
    // http://127.0.0.1:PORT, and that with `path` appended.
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] QUrl url(const QString& path) const;

protected:
    explicit FakeHttpServer(Connection connection, QObject* parent = nullptr);

    // A whole request off `socket`: answer it with write(), now, later or never.
    virtual void serve(QTcpSocket* socket, const HttpRequest& request) = 0;
    void write(QTcpSocket* socket, const Response& response) const;
    static Response json(int status, const QJsonObject& body);

private:
    void onConnection();
    void onReadable(QTcpSocket* socket);

    Connection m_connection;
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace slotdesk::test
