#pragma once
// PasswordSource: where the SMTP password of an admin's mail settings comes from when a send
// needs it — the OS keychain in the programs (the lead wires it to the keychain secret store),
// a fixed value in tests. Asked per send; SmtpSender never keeps it.

#include "core/Result.h"

#include <QString>

namespace slotdesk::mail {

class PasswordSource {
public:
    virtual ~PasswordSource() = default;
    // The SMTP password of admin `userId`, or an error saying why there is none (a locked or
    // missing keychain entry).
    virtual Result<QString> password(const QString& userId) const = 0;
};

} // namespace slotdesk::mail
