#pragma once
// IcsFeedSyncRun: one pass (an IcsCalendarPass) over one read-only ICS feed — take the lease,
// read the feed's address from the keychain, GET it (conditional on the last answer's ETag and
// Last-Modified), and on 200 parse it (IcsBusyParser) and replace the feed's events in one
// transaction; a 304 keeps them. Any failure (keychain, network, 404, 500, not iCalendar, an
// answer over integration::kMaxReplyBytes) puts the integration in error with back-off and keeps
// the events it had. The address is never logged or put in a message.

#include "calendar/IcsCalendarPass.h"

#include <QNetworkReply>
#include <QPointer>

namespace slotdesk::icsfeed {

class IcsFeedSyncRun : public IcsCalendarPass {
    Q_OBJECT
public:
    IcsFeedSyncRun(const Setup& setup, integration::KeychainSecretStore* secrets,
                   QObject* parent = nullptr);
    ~IcsFeedSyncRun() override;

private:
    void begin(const QByteArray& secret) override;
    void onReply(QNetworkReply* reply);
    void store(const QByteArray& body, const QString& etag, const QString& lastModified);
    void fail(integration::Failure failure, const QString& message);

    QPointer<QNetworkReply> m_reply;
};

} // namespace slotdesk::icsfeed
