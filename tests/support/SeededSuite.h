#pragma once
// SeededSuite: the base of a suite whose tests each start from a fresh database on the suite's
// engine (SQLite, or PostgreSQL in its _postgres run) with an admin in it — m_tdb, m_db opened
// on it, and m_admin. init() calls QVERIFY(openSeeded(...)); cleanup() calls closeSeeded() (the
// next openSeeded() and the suite's end drop them too). Header-only.

#include "support/TestData.h"
#include "support/TestDatabase.h"

#include <QObject>

#include <memory>

namespace slotdesk::test {

class SeededSuite : public QObject {
protected:
    // A fresh database with `username` seeded as its admin; false (and why, as a warning) when
    // any of it fails.
    bool openSeeded(const QString& username = QStringLiteral("alice"),
                    const QString& timeZone = QStringLiteral("Europe/Berlin")) {
        return test::openSeeded(m_tdb, m_db, m_admin, username, timeZone);
    }
    // The connection closed, then the database dropped.
    void closeSeeded() {
        m_db.reset();
        m_tdb.reset();
    }

    std::unique_ptr<TestDatabase> m_tdb;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;
};

} // namespace slotdesk::test
