#pragma once
// BookingAccessTokenRepository: the `booking_access_tokens` table — hashes of further manage
// tokens of a booking (minted for the attendee's e-mails), valid besides
// bookings.manage_token_hash. Rows go with their booking (ON DELETE CASCADE).

#include "core/Result.h"
#include "storage/Repository.h"

#include <QSqlDatabase>

namespace slotdesk::storage {

class BookingAccessTokenRepository : public Repository {
public:
    // `clock` stamps created_at.
    using Repository::Repository;

    // Records `tokenHash` (ManageToken::hash) as a manage token of `bookingId`.
    Status add(const QString& bookingId, const QString& tokenHash);
    // Whether `tokenHash` was recorded for `bookingId`.
    Result<bool> grants(const QString& bookingId, const QString& tokenHash);
};

} // namespace slotdesk::storage
