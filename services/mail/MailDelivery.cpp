#include "mail/MailDelivery.h"

#include "mail/KeychainPasswordSource.h"
#include "mail/MailOutbox.h"
#include "storage/Database.h"

#include <QLoggingCategory>

#include <memory>
#include <optional>
#include <utility>

namespace slotdesk::mail {
namespace {

Q_LOGGING_CATEGORY(lcDelivery, "slotdesk.mail")

// Mails one run handles at most; the next run goes on.
constexpr int kRunLimit = 100;

} // namespace

MailDelivery::MailDelivery(storage::Database& database, core::Clock clock, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(std::move(clock)) {
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &MailDelivery::deliverSoon);
}

MailDelivery::~MailDelivery() {
    stop();
}

void MailDelivery::setInterval(std::chrono::milliseconds interval) {
    m_timer.setInterval(interval);
}

void MailDelivery::start() {
    if (m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = false;
        m_soon = true;
    }
    m_thread = std::thread([this] { work(); });
    m_timer.start();
}

void MailDelivery::stop() {
    m_timer.stop();
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool MailDelivery::isRunning() const {
    return m_thread.joinable();
}

void MailDelivery::deliverSoon() {
    {
        const std::lock_guard lock(m_mutex);
        m_soon = true;
    }
    m_wake.notify_all();
}

void MailDelivery::setManageLink(MailOutbox::ManageLink link) {
    const std::lock_guard lock(m_mutex);
    m_manageLink = std::move(link);
}

void MailDelivery::work() {
    // Opened, used and closed on this thread.
    std::unique_ptr<storage::Database> connection;
    const KeychainPasswordSource passwords;
    std::optional<MailOutbox> outbox;
    std::optional<qint64> seenStamp;
    const auto stopping = [this] {
        const std::lock_guard lock(m_mutex);
        return m_stopping;
    };
    for (;;) {
        bool soon = false;
        MailOutbox::ManageLink manageLink;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_pollInterval, [this] { return m_stopping || m_soon; });
            if (m_stopping)
                break;
            soon = std::exchange(m_soon, false);
            manageLink = m_manageLink;
        }
        if (!connection) {
            auto opened = m_database.openAgain();
            if (!opened) {
                qCWarning(lcDelivery, "cannot open the database for mail delivery: %s",
                          qPrintable(opened.error().message));
                continue; // tried again at the next poll
            }
            connection = std::move(*opened);
            outbox.emplace(*connection, passwords, m_clock);
        }
        outbox->setManageLink(std::move(manageLink));
        auto stamp = connection->changeStamp();
        if (!soon && stamp && seenStamp == *stamp)
            continue;
        DeliveryReport total;
        bool failed = false;
        // One mail at a time, so that stop() waits for one SMTP conversation at most.
        for (int handled = 0; handled < kRunLimit && !stopping(); ++handled) {
            auto report = outbox->deliverDue(1);
            if (!report) {
                qCWarning(lcDelivery, "mail delivery failed: %s",
                          qPrintable(report.error().message));
                failed = true;
                break;
            }
            total.sent += report->sent;
            total.retrying += report->retrying;
            total.failed += report->failed;
            total.dropped += report->dropped;
            if (report->sent + report->retrying + report->failed + report->dropped == 0)
                break;
        }
        // This run's own writes are no reason for another one.
        if (auto after = connection->changeStamp(); after && !failed)
            seenStamp = *after;
        if (total.sent + total.retrying + total.failed + total.dropped == 0) {
            qCDebug(lcDelivery, "mail delivery: nothing due");
            continue;
        }
        qCInfo(lcDelivery, "mail delivery: %d sent, %d to retry, %d failed, %d dropped", total.sent,
               total.retrying, total.failed, total.dropped);
        emit delivered(total.sent, total.retrying, total.failed, total.dropped);
    }
    outbox.reset();
    connection.reset();
}

} // namespace slotdesk::mail
