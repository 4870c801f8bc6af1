#pragma once
// Icons: SlotDesk's line icons, drawn as vector paths in the palette's text colour at whatever
// size and device pixel ratio they are asked for — crisp on HiDPI screens and right in both
// themes, with no icon theme needed. Also the app icon and the tray icon with its count badge.

#include <QIcon>

namespace slotdesk::ui {

class Icons {
public:
    enum class Glyph {
        Calendar,
        Approvals,
        Bookings,
        Availability,
        Integrations,
        Settings,
        ChevronLeft,
        ChevronRight,
        Plus,
        Edit,
        Remove,
        Copy,
        OpenExternal,
        Check,
        Cross,
        Video,
        Mail,
        Globe,
        Search,
    };

    static QIcon icon(Glyph glyph);
    static QIcon appIcon();
    // The app icon with a red badge carrying `count` (none for 0).
    static QIcon trayIcon(int count);
    // A calendar's colour ("#rrggbb") as a small filled square; a null icon when it has none.
    static QIcon swatch(const QString& color);
};

} // namespace slotdesk::ui
