#pragma once
// Localization: picks the language SlotDesk speaks — the system's, or the one given with
// `--lang` — installs the matching translations (SlotDesk's own, embedded under :/i18n, and
// Qt's qtbase_*.qm for the standard dialogs) and makes that locale the default QLocale, so
// dates and times are written the same way as the text around them.

#include <QLocale>
#include <QString>
#include <QStringList>

class QApplication;

namespace slotdesk::ui {

// The languages SlotDesk has text for, as ISO 639 codes; "en" (the source language) first.
QStringList supportedLanguages();

// The locale SlotDesk uses for `languageOverride` ("de", "fr", "en", also "de_AT" or "fr-CA"),
// or for the system's preferred UI languages when it is empty. An unsupported or unknown
// override falls back to the system's choice (with a warning).
QLocale chooseLocale(const QString& languageOverride);

// Installs the translations for chooseLocale(languageOverride) and sets it as the default
// QLocale. Call once after the QApplication exists and before any window is built; calling it
// again replaces the previous translations (tests switch languages this way).
void installTranslations(QApplication& app, const QString& languageOverride);

} // namespace slotdesk::ui
