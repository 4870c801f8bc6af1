#include "models/DatabaseWorker.h"

#include "storage/Database.h"

#include <QLoggingCategory>
#include <QThread>

namespace slotdesk::models {
namespace {

Q_LOGGING_CATEGORY(lcWorker, "slotdesk.models.database")

} // namespace

DatabaseWorker::DatabaseWorker(const storage::Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database) {
    m_thread = QThread::create([this] { runJobs(); });
    m_thread->setObjectName(QStringLiteral("slotdesk-database"));
    m_thread->start();
}

DatabaseWorker::~DatabaseWorker() {
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.wakeAll();
    m_thread->wait();
    delete m_thread;
}

void DatabaseWorker::enqueue(QObject* context, Job job) {
    const quint64 id = ++m_nextId;
    m_contexts.insert(id, context);
    {
        const QMutexLocker lock(&m_mutex);
        m_queue.emplace_back(id, std::move(job));
    }
    m_wake.wakeOne();
}

void DatabaseWorker::runJobs() {
    std::unique_ptr<storage::Database> connection;
    Error unavailable;
    for (;;) {
        std::pair<quint64, Job> next;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            next = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (!connection) {
            auto opened = m_database.openAgain();
            if (opened) {
                connection = std::move(*opened);
            } else {
                unavailable = opened.error();
                qCWarning(lcWorker, "cannot open the window's database connection: %s",
                          qPrintable(unavailable.message));
            }
        }
        Delivery delivery = next.second(connection.get(), unavailable);
        const quint64 id = next.first;
        QMetaObject::invokeMethod(
            this, [this, id, delivery = std::move(delivery)] { deliver(id, delivery); },
            Qt::QueuedConnection);
    }
    // Closed on the thread that opened it.
    connection.reset();
}

void DatabaseWorker::deliver(quint64 id, const Delivery& delivery) {
    const QPointer<QObject> context = m_contexts.take(id);
    if (context)
        delivery();
    if (m_contexts.isEmpty())
        emit idle();
}

} // namespace slotdesk::models
