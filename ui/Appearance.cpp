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

QPalette Appearance::lightPalette() {
    QPalette p;
    const QColor window(0xf4, 0xf5, 0xf7), base(Qt::white), text(0x1d, 0x21, 0x27);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xec, 0xee, 0xf2));
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x30, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfa, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xdd, 0xe1, 0xe7));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbe, 0xc8));
    p.setColor(QPalette::Dark, QColor(0x8a, 0x91, 0x9c));
    p.setColor(QPalette::Shadow, QColor(0x40, 0x44, 0x4c));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6b, 0xdb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x2f, 0x6b, 0xdb));
    p.setColor(QPalette::LinkVisited, QColor(0x6b, 0x4f, 0xc8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa0, 0xa8));
    return p;
}

QPalette Appearance::darkPalette() {
    QPalette p;
    const QColor window(0x1e, 0x20, 0x24), base(0x25, 0x28, 0x2d), text(0xe6, 0xe8, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x19, 0x1b, 0x1f));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x37, 0x3e));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x94, 0x9a, 0xa4));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2c, 0x30, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x46));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3a, 0x41));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x50, 0x59));
    p.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x4a, 0x82, 0xe8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7d, 0xaa, 0xf7));
    p.setColor(QPalette::LinkVisited, QColor(0xa9, 0x8d, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6c, 0x72, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6c, 0x72, 0x7b));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6c, 0x72, 0x7b));
    return p;
}

} // namespace slotdesk::ui
