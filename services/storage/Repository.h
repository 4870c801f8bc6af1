#pragma once
// Repository: what every repository that writes rows is made of — the connection its statements
// run on (the caller's, so they join the caller's Transaction) and the clock that stamps the
// rows it writes.

#include "core/Clock.h"

#include <QSqlDatabase>

#include <utility>

namespace slotdesk::storage {

class Repository {
public:
    explicit Repository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

protected:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
