#pragma once
// Appearance: SlotDesk's look — the Fusion style with a light or dark palette (or the system's),
// a few style-sheet touches for cards and headings, and the colours the calendar paints with.
// Colours are derived from the current palette, so both themes stay legible.

#include <QColor>
#include <QPalette>

namespace slotdesk::ui {

class Appearance {
public:
    enum class Theme { System, Light, Dark };

    static Theme savedTheme();
    static void saveTheme(Theme theme);
    // Sets the style, palette and style sheet on the application.
    static void apply(Theme theme);
    static Theme current();

    static bool isDark(const QPalette& palette);

    // The brand's accent (also the confirmed-booking fill).
    static QColor accent(const QPalette& palette);
    static QColor onAccent(const QPalette& palette);
    static QColor pending(const QPalette& palette);
    static QColor pendingFill(const QPalette& palette);
    static QColor busyFill(const QPalette& palette);
    static QColor busyText(const QPalette& palette);
    static QColor danger(const QPalette& palette);
    static QColor success(const QPalette& palette);
    static QColor gridLine(const QPalette& palette);
    static QColor subtleText(const QPalette& palette);
    static QColor todayFill(const QPalette& palette);
    static QColor sidebar(const QPalette& palette);

    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace slotdesk::ui
