#pragma once
// ManageToken: the secret in an attendee's manage link (/booking/<id>?token=...). Only its
// SHA-256 is stored — bookings.manage_token_hash for the one made with the booking, and
// booking_access_tokens for the ones minted for the attendee's e-mails.

#include <QString>

namespace slotdesk {

class ManageToken {
public:
    // 256 random bits from the OS, URL-safe base64.
    static QString generate();
    // The stored form: SHA-256, lower-case hex.
    static QString hash(const QString& token);
    // Whether two hashes are equal, in time independent of where the first difference is.
    static bool hashesEqual(const QString& a, const QString& b);
};

} // namespace slotdesk
