#pragma once
// AppSettings: the GUI's own preferences (window geometry, last page, theme, the booking link's
// listen address and public URL) in QSettings under SlotDesk/SlotDesk. Under QStandardPaths' test
// mode they live in a throw-away file per test program, so tests never touch the user's settings.

#include <QSettings>
#include <QString>
#include <QUrl>

namespace slotdesk::ui {

class AppSettings {
public:
    static constexpr quint16 kDefaultPort = 8765;

    static QSettings settings();

    static QString listenAddress(); // server/address, default 127.0.0.1
    static quint16 listenPort();    // server/port, default 8765
    static void setListen(const QString& address, quint16 port);
    // server/publicUrl: the address attendees use (https://book.example.org behind an HTTPS
    // proxy), or empty. A saved value that is not a valid public URL reads as empty.
    static QUrl publicUrl();
    static void setPublicUrl(const QUrl& url);

    // The booking page for `username`: under the public URL when one is set, else where the
    // server will serve it at the configured address.
    static QUrl bookingUrl(const QString& username);
};

} // namespace slotdesk::ui
