#pragma once
// AppSettings: the GUI's own preferences (window geometry, last page, theme, the booking link's
// listen address) in QSettings under SlotDesk/SlotDesk. Under QStandardPaths' test mode they
// live in a throw-away file per test program, so tests never touch the user's settings.

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

    // The booking page the server will serve for `username` at the configured address.
    static QUrl bookingUrl(const QString& username);
};

} // namespace slotdesk::ui
