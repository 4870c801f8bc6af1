#include "storage/Transaction.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {

Result<Transaction> Transaction::begin(const QSqlDatabase& db, Mode mode) {
    const SqlDialect dialect = dialectOf(db);
    QString statement = QStringLiteral("BEGIN");
    if (dialect == SqlDialect::SQLite && mode == Mode::Write)
        statement = QStringLiteral("BEGIN IMMEDIATE");
    if (auto s = execDirect(db, statement); !s)
        return s.error();
    Transaction transaction(db);
    if (dialect == SqlDialect::PostgreSQL && mode == Mode::Write) {
        // PostgreSQL's counterpart of BEGIN IMMEDIATE: one lock per schema that every write
        // transaction takes first and holds until it ends. In READ COMMITTED each later
        // statement sees what the previous holder committed, so a read-check-write cannot
        // interleave with another process's. Lock waits end after lock_timeout (10 s).
        if (auto s = execDirect(db, QString::fromLatin1(kPostgresWriteLock)); !s)
            return s.error(); // `transaction` rolls back
    }
    return transaction;
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::move(other.m_db))
    , m_active(other.m_active) {
    other.m_active = false;
}

Transaction::~Transaction() {
    rollback();
}

Status Transaction::commit() {
    if (!m_active)
        return Error::storage(QStringLiteral("The transaction has already ended"));
    m_active = false;
    if (auto s = execDirect(m_db, QStringLiteral("COMMIT")); !s) {
        (void)execDirect(m_db, QStringLiteral("ROLLBACK"));
        return s;
    }
    return success();
}

void Transaction::rollback() {
    if (!m_active)
        return;
    m_active = false;
    (void)execDirect(m_db, QStringLiteral("ROLLBACK"));
}

} // namespace slotdesk::storage
