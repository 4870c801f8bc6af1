#pragma once
// BookingAccessTokenRepository: the `booking_access_tokens` table — hashes of further manage
// tokens of a booking (minted for the attendee's e-mails), valid besides
// bookings.manage_token_hash. Rows go with their booking (ON DELETE CASCADE).

#include "core/Clock.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class BookingAccessTokenRepository {
public:
    // `clock` stamps created_at.
    explicit BookingAccessTokenRepository(QSqlDatabase db, core::Clock clock = {})
        : m_db(std::move(db))
        , m_clock(std::move(clock)) {}

    // Records `tokenHash` (ManageToken::hash) as a manage token of `bookingId`.
    Status add(const QString& bookingId, const QString& tokenHash);
    // Whether `tokenHash` was recorded for `bookingId`.
    Result<bool> grants(const QString& bookingId, const QString& tokenHash);

private:
    QSqlDatabase m_db;
    core::Clock m_clock;
};

} // namespace slotdesk::storage
