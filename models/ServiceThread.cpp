#include "models/ServiceThread.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

namespace slotdesk::models {

Result<std::unique_ptr<ServiceThread>> ServiceThread::start(const storage::Database& database) {
    std::unique_ptr<ServiceThread> thread(new ServiceThread(database));
    Status opened = success();
    {
        QMutexLocker lock(&thread->m_mutex);
        while (!thread->m_opened)
            thread->m_started.wait(&thread->m_mutex);
        opened = *thread->m_opened;
    }
    if (!opened)
        return opened.error();
    return thread;
}

ServiceThread::ServiceThread(const storage::Database& database)
    : m_database(database) {
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("slotdesk-services"));
    m_thread->start();
}

ServiceThread::~ServiceThread() {
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void ServiceThread::run() {
    QObject anchor;
    auto opened = m_database.openAgain();
    if (opened)
        m_connection = std::move(*opened);
    {
        const QMutexLocker lock(&m_mutex);
        m_anchor = &anchor;
        m_opened = opened ? success() : Status(opened.error());
    }
    m_started.wakeAll();
    if (!m_connection)
        return;
    QEventLoop loop;
    loop.exec(); // until ~ServiceThread() quits it
    // Newest first: what was made later may use what was made before it. Then what they left
    // for deleteLater() — all of it while the connection is still open — and the connection,
    // closed on the thread that opened it.
    for (auto it = m_owned.rbegin(); it != m_owned.rend(); ++it)
        delete it->data();
    m_owned.clear();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_connection.reset();
}

void ServiceThread::runAndWait(const std::function<void(storage::Database&)>& work) {
    Q_ASSERT(QThread::currentThread() != m_thread);
    QMetaObject::invokeMethod(
        m_anchor, [this, &work] { work(*m_connection); }, Qt::BlockingQueuedConnection);
}

void ServiceThread::adopt(QObject* object) {
    Q_ASSERT(object && !object->parent() && object->thread() == m_thread);
    m_owned.emplace_back(object);
}

} // namespace slotdesk::models
