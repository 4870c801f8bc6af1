#include "storage/Transaction.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {

Result<Transaction> Transaction::begin(const QSqlDatabase& db, Mode mode) {
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    QString statement = QStringLiteral("BEGIN");
    if (sqlite && mode == Mode::Write)
        statement = QStringLiteral("BEGIN IMMEDIATE");
    if (auto s = execNoRows(db, statement); !s)
        return s.error();
    return Transaction(db);
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
    if (auto s = execNoRows(m_db, QStringLiteral("COMMIT")); !s) {
        (void)execNoRows(m_db, QStringLiteral("ROLLBACK"));
        return s;
    }
    return success();
}

void Transaction::rollback() {
    if (!m_active)
        return;
    m_active = false;
    (void)execNoRows(m_db, QStringLiteral("ROLLBACK"));
}

} // namespace slotdesk::storage
