#include "storage/BookingAccessTokenRepository.h"

#include "storage/SqlSupport.h"

namespace slotdesk::storage {

Status BookingAccessTokenRepository::add(const QString& bookingId, const QString& tokenHash) {
    return execNoRows(m_db,
                      QStringLiteral("INSERT INTO booking_access_tokens "
                                     "(token_hash, booking_id, created_at) VALUES (?, ?, ?)"),
                      {tokenHash, bookingId, toDb(m_clock.now())});
}

Result<bool> BookingAccessTokenRepository::grants(const QString& bookingId,
                                                  const QString& tokenHash) {
    auto q = exec(m_db,
                  QStringLiteral("SELECT 1 FROM booking_access_tokens "
                                 "WHERE token_hash = ? AND booking_id = ?"),
                  {tokenHash, bookingId});
    if (!q)
        return q.error();
    return q->next();
}

} // namespace slotdesk::storage
