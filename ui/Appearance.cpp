#include "ui/Appearance.h"

#include "ui/AppSettings.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace slotdesk::ui {
namespace {

Appearance::Theme g_current = Appearance::Theme::System;

QPalette& systemPalette() {
    static QPalette palette = QApplication::palette();
    return palette;
}

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

const char* const kStyleSheet = R"(
QFrame#card {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 10px;
}
QLabel#pageTitle { font-size: 20pt; font-weight: 600; }
QLabel#periodTitle { font-size: 16pt; font-weight: 600; }
QPushButton#modeDay, QPushButton#modeWeek, QPushButton#modeMonth {
    padding: 5px 14px; border: 1px solid palette(mid); background: palette(button);
}
QPushButton#modeDay { border-top-left-radius: 6px; border-bottom-left-radius: 6px; }
QPushButton#modeMonth { border-top-right-radius: 6px; border-bottom-right-radius: 6px; }
QPushButton#modeWeek { border-left: none; border-right: none; }
QPushButton#modeDay:checked, QPushButton#modeWeek:checked, QPushButton#modeMonth:checked {
    background: palette(highlight); color: palette(highlighted-text); border-color: palette(highlight);
}
QLabel#pageSubtitle { color: %1; }
QLabel#sectionTitle { font-size: 12pt; font-weight: 600; }
QLabel#fieldError { color: %2; }
QLabel#emptyTitle { font-size: 14pt; font-weight: 600; }
QLabel#emptyText { color: %1; }
QLabel#hint { color: %1; }
QPushButton#durationChip { padding: 4px 0; border: 1px solid palette(mid); border-radius: 6px;
                           background: palette(button); }
QPushButton#durationChip:checked { background: palette(highlight); color: palette(highlighted-text);
                                   border-color: palette(highlight); }
QPushButton#primary {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 5px; padding: 4px 14px; font-weight: 600;
}
QPushButton#primary:disabled { background: palette(mid); border-color: palette(mid); }
QPushButton#primary:hover { border-color: palette(dark); }
QListView#approvalsList, QListWidget#navigation { background: transparent; border: none; }
QWidget#sidebar { background: palette(alternate-base); border-right: 1px solid palette(midlight); }
QStatusBar { border-top: 1px solid palette(midlight); }
)";

} // namespace

Appearance::Theme Appearance::savedTheme() {
    const QString name =
        AppSettings::settings().value(QStringLiteral("appearance/theme")).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void Appearance::saveTheme(Theme theme) {
    const QString name = theme == Theme::Light  ? QStringLiteral("light")
                         : theme == Theme::Dark ? QStringLiteral("dark")
                                                : QStringLiteral("system");
    AppSettings::settings().setValue(QStringLiteral("appearance/theme"), name);
}

void Appearance::apply(Theme theme) {
    systemPalette(); // remember the platform's palette before we replace it
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    g_current = theme;
    QPalette palette = theme == Theme::Light  ? lightPalette()
                       : theme == Theme::Dark ? darkPalette()
                                              : systemPalette();
    // Hints and subtitles use the placeholder colour; some platform palettes make it as dark
    // as the text itself.
    palette.setColor(QPalette::PlaceholderText, subtleText(palette));
    QApplication::setPalette(palette);
    // palette() references in the sheet are resolved when it is set: set it again.
    qApp->setStyleSheet(QString());
    // Colours the sheet cannot name (palette(placeholder-text) is newer than Qt 6.4).
    qApp->setStyleSheet(
        QString::fromLatin1(kStyleSheet).arg(subtleText(palette).name(), danger(palette).name()));
}

Appearance::Theme Appearance::current() {
    return g_current;
}

bool Appearance::isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor Appearance::accent(const QPalette& palette) {
    return isDark(palette) ? QColor(0x5b, 0x93, 0xf5) : QColor(0x2f, 0x6b, 0xdb);
}

QColor Appearance::onAccent(const QPalette& palette) {
    return isDark(palette) ? QColor(0x0d, 0x16, 0x2a) : QColor(Qt::white);
}

QColor Appearance::pending(const QPalette& palette) {
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x4c) : QColor(0xb5, 0x6a, 0x00);
}

QColor Appearance::pendingFill(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), pending(palette), isDark(palette) ? 0.16 : 0.12);
}

QColor Appearance::busyFill(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text),
               isDark(palette) ? 0.18 : 0.10);
}

QColor Appearance::busyText(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.70);
}

QColor Appearance::danger(const QPalette& palette) {
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd6, 0x45, 0x45);
}

QColor Appearance::success(const QPalette& palette) {
    return isDark(palette) ? QColor(0x4c, 0xc3, 0x8a) : QColor(0x1f, 0x8a, 0x57);
}

QColor Appearance::gridLine(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text),
               isDark(palette) ? 0.16 : 0.09);
}

QColor Appearance::subtleText(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.58);
}

QColor Appearance::todayFill(const QPalette& palette) {
    return mix(palette.color(QPalette::Base), accent(palette), isDark(palette) ? 0.10 : 0.05);
}

QColor Appearance::sidebar(const QPalette& palette) {
    return palette.color(QPalette::AlternateBase);
}

namespace {

// The colours of one palette, role by role; disabledText serves the three disabled text roles.
struct PaletteColors {
    QRgb window, windowText, base, alternateBase, toolTipBase, toolTipText, placeholderText, button,
        light, midlight, mid, dark, shadow, highlight, link, linkVisited, disabledText;
};

QPalette paletteFrom(const PaletteColors& c) {
    QPalette p;
    const std::pair<QPalette::ColorRole, QRgb> roles[] = {
        {QPalette::Window, c.window},
        {QPalette::WindowText, c.windowText},
        {QPalette::Base, c.base},
        {QPalette::AlternateBase, c.alternateBase},
        {QPalette::ToolTipBase, c.toolTipBase},
        {QPalette::ToolTipText, c.toolTipText},
        {QPalette::PlaceholderText, c.placeholderText},
        {QPalette::Text, c.windowText},
        {QPalette::Button, c.button},
        {QPalette::ButtonText, c.windowText},
        {QPalette::BrightText, 0xffffffff},
        {QPalette::Light, c.light},
        {QPalette::Midlight, c.midlight},
        {QPalette::Mid, c.mid},
        {QPalette::Dark, c.dark},
        {QPalette::Shadow, c.shadow},
        {QPalette::Highlight, c.highlight},
        {QPalette::HighlightedText, 0xffffffff},
        {QPalette::Link, c.link},
        {QPalette::LinkVisited, c.linkVisited},
    };
    for (const auto& [role, rgb] : roles)
        p.setColor(role, QColor::fromRgb(rgb));
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor::fromRgb(c.disabledText));
    return p;
}

} // namespace

QPalette Appearance::lightPalette() {
    return paletteFrom({
        .window = 0xfff4f5f7,
        .windowText = 0xff1d2127,
        .base = 0xffffffff,
        .alternateBase = 0xffeceef2,
        .toolTipBase = 0xff2b3038,
        .toolTipText = 0xfff4f5f7,
        .placeholderText = 0xff6b7280,
        .button = 0xfffafbfc,
        .light = 0xffffffff,
        .midlight = 0xffdde1e7,
        .mid = 0xffb8bec8,
        .dark = 0xff8a919c,
        .shadow = 0xff40444c,
        .highlight = 0xff2f6bdb,
        .link = 0xff2f6bdb,
        .linkVisited = 0xff6b4fc8,
        .disabledText = 0xff9aa0a8,
    });
}

QPalette Appearance::darkPalette() {
    return paletteFrom({
        .window = 0xff1e2024,
        .windowText = 0xffe6e8eb,
        .base = 0xff25282d,
        .alternateBase = 0xff191b1f,
        .toolTipBase = 0xff33373e,
        .toolTipText = 0xffe6e8eb,
        .placeholderText = 0xff949aa4,
        .button = 0xff2c3036,
        .light = 0xff3a3f46,
        .midlight = 0xff363a41,
        .mid = 0xff4a5059,
        .dark = 0xff15171a,
        .shadow = 0xff000000,
        .highlight = 0xff4a82e8,
        .link = 0xff7daaf7,
        .linkVisited = 0xffa98df0,
        .disabledText = 0xff6c727b,
    });
}

} // namespace slotdesk::ui
