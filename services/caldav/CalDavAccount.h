#pragma once
// CalDavAccount: what identifies an admin's CalDAV account — the server's address, the user
// name, and the password (or app password), which lives in the OS keychain only
// (keychainKeyFor()) and is never stored, logged or put in a message.

#include "core/Result.h"
#include "integration/Provider.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace slotdesk::caldav {

struct CalDavAccount {
    QUrl serverUrl; // where discovery starts: a base URL, a principal or a calendar home
    QString username;
    QByteArray password;
};

// The names shared messages use ("CalDAV server answered HTTP 503").
integration::Provider provider();

// `text` as a server address: https, or http on this machine (a password must not cross the
// network in the clear); no user name or password inside it. Errors name the field "url".
Result<QUrl> parseServerUrl(const QString& text);

// The account as the admin typed it: the address (parseServerUrl), a user name and a password,
// neither empty. Errors name the field: "url", "username" or "password".
Result<CalDavAccount> makeAccount(const QString& url, const QString& username,
                                  const QString& password);

// The keychain entry of the password of the CalDAV integration with this id.
QString keychainKeyFor(const QString& integrationId);

} // namespace slotdesk::caldav
