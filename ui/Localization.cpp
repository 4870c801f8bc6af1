#include "ui/Localization.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

namespace slotdesk::ui {

Q_LOGGING_CATEGORY(lcLocalization, "slotdesk.ui.localization")

namespace {

const auto kTranslatorName = QStringLiteral("slotdesk-translator");

// "de", "de-AT", "de_AT.UTF-8" → "de"; anything SlotDesk has no text for → empty.
QString supportedLanguageOf(const QString& name) {
    const QString language = name.section(QLatin1Char('-'), 0, 0)
                                 .section(QLatin1Char('_'), 0, 0)
                                 .section(QLatin1Char('.'), 0, 0)
                                 .toLower();
    return supportedLanguages().contains(language) ? language : QString();
}

// The system locale if it already speaks `language` (keeps de_AT's or en_GB's formats),
// otherwise the language's main locale.
QLocale localeFor(const QString& language) {
    const QLocale system = QLocale::system();
    if (supportedLanguageOf(system.name()) == language)
        return system;
    return QLocale(language);
}

QLocale systemChoice() {
    // uiLanguages() follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG in the order the user set them.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString language = supportedLanguageOf(name);
        if (!language.isEmpty())
            return localeFor(language);
    }
    // No language of ours: English text, but the user's own date and number formats.
    return QLocale::system();
}

void removeOurTranslators(QApplication& app) {
    const auto translators = app.findChildren<QTranslator*>(kTranslatorName);
    for (QTranslator* translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool installTranslator(QApplication& app, const QLocale& locale, const QString& file,
                       const QString& directory) {
    auto* translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (!translator->load(locale, file, QStringLiteral("_"), directory) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

QStringList supportedLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QLocale chooseLocale(const QString& languageOverride) {
    if (languageOverride.isEmpty())
        return systemChoice();
    const QString language = supportedLanguageOf(languageOverride);
    if (language.isEmpty()) {
        qCWarning(lcLocalization).noquote() << "SlotDesk has no translation for" << languageOverride
                                            << "- using the system language. Available:"
                                            << supportedLanguages().join(QStringLiteral(", "));
        return systemChoice();
    }
    // An override with a region ("fr_CA") keeps it for the formats.
    const QLocale requested(languageOverride);
    if (languageOverride.size() > 2 && supportedLanguageOf(requested.name()) == language)
        return requested;
    return localeFor(language);
}

void installTranslations(QApplication& app, const QString& languageOverride) {
    const QLocale locale = chooseLocale(languageOverride);
    QLocale::setDefault(locale);
    removeOurTranslators(app);

    const QString language = supportedLanguageOf(locale.name());
    if (language.isEmpty() || language == QLatin1String("en"))
        return; // The sources are English.
    // QTranslator::load(QLocale, ...) tries every UI language of the locale; a locale made from
    // the language alone has just the one we chose.
    const QLocale textLocale(language);
    if (!installTranslator(app, textLocale, QStringLiteral("slotdesk"), QStringLiteral(":/i18n")))
        qCWarning(lcLocalization) << "The" << language << "translation is missing from the build";
    // Qt's own strings (standard buttons, the colour and file dialogs); optional at run time.
    if (!installTranslator(app, textLocale, QStringLiteral("qtbase"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qCInfo(lcLocalization) << "No qtbase translation for" << language << "in"
                               << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

} // namespace slotdesk::ui
