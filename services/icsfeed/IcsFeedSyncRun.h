#pragma once
// IcsFeedSyncRun: one pass (CalendarPass) over one read-only ICS feed — take the lease, read the
// feed's address from the keychain, GET it (conditional on the last answer's ETag and
// Last-Modified), and on 200 parse it (IcsBusyParser) and replace the feed's events in one
// transaction; a 304 keeps them. Any failure (keychain, network, 404, 500, not iCalendar) puts
// the integration in error with back-off and keeps the events it had. The address is never
// logged or put in a message.

#include "calendar/CalendarPass.h"

#include <QNetworkReply>
#include <QPointer>

class QNetworkAccessManager;

namespace slotdesk {
namespace integration {
class KeychainSecretStore;
}

namespace icsfeed {

class IcsFeedSyncRun : public CalendarPass {
    Q_OBJECT
public:
    struct Setup {
        storage::Database* database = nullptr;
        CalendarIntegration integration;
        LeaseHolder leaseHolder;
        core::Clock clock;
        integration::KeychainSecretStore* secrets = nullptr;
        QNetworkAccessManager* network = nullptr;
        QString userTimeZone;     // floating and all-day times, unless the feed names its zone
        QStringList ownAddresses; // the admin's, for their own PARTSTAT=DECLINED
        // Another admin's feed whose address is in their own machine's keychain: step aside.
        bool secretMayBeElsewhere = false;
    };

    // A larger answer is refused (a feed of 10,000 events is about 5 MB).
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    explicit IcsFeedSyncRun(Setup setup, QObject* parent = nullptr);
    ~IcsFeedSyncRun() override;

    void start() override;

private:
    void fetch(const QUrl& url);
    void onReply(QNetworkReply* reply);
    void store(const QByteArray& body, const QString& etag, const QString& lastModified);
    void fail(integration::Failure failure, const QString& message);

    Setup m_setup;
    QPointer<QNetworkReply> m_reply;
};

} // namespace icsfeed
} // namespace slotdesk
