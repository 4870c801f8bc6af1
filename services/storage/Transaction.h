#pragma once
// Transaction: a scoped database transaction that rolls back unless committed. Write
// transactions take the write lock up front (SQLite BEGIN IMMEDIATE; on PostgreSQL a
// transaction-scoped advisory lock), so a read-check-write sequence inside one cannot
// interleave with another process's.

#include "core/Result.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class Transaction {
public:
    enum class Mode { Read, Write };

    // Taken by every PostgreSQL write transaction: the key pair ('SLDK', the oid of the schema
    // SlotDesk's tables live in), so SlotDesk instances in different schemas don't wait on
    // each other.
    static constexpr auto kPostgresWriteLock =
        "SELECT pg_advisory_xact_lock(1397572683, current_schema()::regnamespace::oid::int4)";

    static Result<Transaction> begin(const QSqlDatabase& db, Mode mode);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Every QSqlQuery used inside must be finished or destroyed before commit().
    [[nodiscard]] Status commit();
    void rollback();

private:
    explicit Transaction(QSqlDatabase db)
        : m_db(std::move(db)) {}

    QSqlDatabase m_db;
    bool m_active = true;
};

} // namespace slotdesk::storage
