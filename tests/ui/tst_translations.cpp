// Translations: with `--lang de` / `--lang fr` (installTranslations with "de" / "fr") the main
// window speaks German / French — navigation, page titles, menus, Qt's own buttons — and dates
// are written the German / French way; with no override the system language (LANG=de_DE.UTF-8,
// set before the application starts) decides; `--lang en` and unknown languages behave.

#include "models/StatusText.h"
#include "models/TimeText.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/SeededSuite.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/Localization.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace slotdesk;

namespace {

struct WindowTexts {
    QStringList navigation;
    QStringList pageTitles;
    QStringList menus;
};

WindowTexts textsOf(const ui::MainWindow& window) {
    WindowTexts texts;
    const auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    for (int i = 0; navigation && i < navigation->count(); ++i)
        texts.navigation.append(navigation->item(i)->text());
    const auto labels = window.findChildren<QLabel*>(QStringLiteral("pageTitle"));
    for (const QLabel* label : labels)
        texts.pageTitles.append(label->text());
    const auto actions = window.menuBar()->actions();
    for (const QAction* action : actions)
        texts.menus.append(action->text());
    return texts;
}

QString cancelButtonText() {
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    return box.button(QDialogButtonBox::Cancel)->text();
}

const QDate kFirstOfDecember(2026, 12, 1); // a Tuesday

} // namespace

class TestTranslations : public test::SeededSuite {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

    WindowTexts windowTexts() {
        ui::MainWindow window(*m_db);
        return textsOf(window);
    }

private slots:
    void initTestCase() { QVERIFY(openSeeded()); }
    void cleanupTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void catalogsAreEmbedded() {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/slotdesk_de.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/slotdesk_fr.qm")));
    }

    void germanOverride() {
        ui::installTranslations(*qApp, QStringLiteral("de"));
        QCOMPARE(QLocale().language(), QLocale::German);
        const WindowTexts texts = windowTexts();
        QCOMPARE(texts.navigation,
                 QStringList({QStringLiteral("Kalender"), QStringLiteral("Genehmigungen"),
                              QStringLiteral("Buchungen"), QStringLiteral("Verfügbarkeit"),
                              QStringLiteral("Integrationen"), QStringLiteral("Einstellungen")}));
        for (const char* title :
             {"Genehmigungen", "Buchungen", "Verfügbarkeit", "Integrationen", "Einstellungen"})
            QVERIFY2(texts.pageTitles.contains(QString::fromUtf8(title)),
                     qPrintable(texts.pageTitles.join(QStringLiteral(", "))));
        QCOMPARE(texts.menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
                                           QStringLiteral("&Hilfe")}));
        // Qt's own strings come from qtbase_de.qm.
        QCOMPARE(cancelButtonText(), QStringLiteral("Abbrechen"));
        // The models' strings, with German plural forms.
        QCOMPARE(models::StatusText::booking(BookingStatus::Confirmed),
                 QStringLiteral("Bestätigt"));
        const QDateTime now = test::utc("2026-12-03T12:00:00Z");
        QCOMPARE(models::TimeText::ago(now.addDays(-1), now), QStringLiteral("vor 1 Tag"));
        QCOMPARE(models::TimeText::ago(now.addDays(-3), now), QStringLiteral("vor 3 Tagen"));
    }

    void germanDates() {
        ui::installTranslations(*qApp, QStringLiteral("de"));
        QCOMPARE(models::TimeText::day(kFirstOfDecember), QStringLiteral("Di., 1. Dez."));
        QCOMPARE(models::TimeText::longDate(kFirstOfDecember),
                 QStringLiteral("Dienstag, 1. Dezember 2026"));
        QCOMPARE(models::TimeText::monthYear(kFirstOfDecember), QStringLiteral("Dezember 2026"));
        QCOMPARE(models::TimeText::time(QTime(14, 5)), QStringLiteral("14:05"));
        QCOMPARE(models::TimeText::range(test::utc("2026-12-01T08:00:00Z"),
                                         test::utc("2026-12-01T08:30:00Z"),
                                         QStringLiteral("Europe/Berlin")),
                 QStringLiteral("Di., 1. Dez. · 09:00–09:30"));
    }

    void frenchOverride() {
        ui::installTranslations(*qApp, QStringLiteral("fr"));
        QCOMPARE(QLocale().language(), QLocale::French);
        const WindowTexts texts = windowTexts();
        QCOMPARE(texts.navigation,
                 QStringList({QStringLiteral("Calendrier"), QStringLiteral("Approbations"),
                              QStringLiteral("Réservations"), QStringLiteral("Disponibilités"),
                              QStringLiteral("Intégrations"), QStringLiteral("Paramètres")}));
        for (const char* title :
             {"Approbations", "Réservations", "Disponibilités", "Intégrations", "Paramètres"})
            QVERIFY2(texts.pageTitles.contains(QString::fromUtf8(title)),
                     qPrintable(texts.pageTitles.join(QStringLiteral(", "))));
        QCOMPARE(texts.menus.first(), QStringLiteral("&Fichier"));
        QCOMPARE(cancelButtonText(), QStringLiteral("Annuler"));
        QCOMPARE(models::StatusText::booking(BookingStatus::Rejected), QStringLiteral("Refusée"));
        const QDateTime now = test::utc("2026-12-03T12:00:00Z");
        QCOMPARE(models::TimeText::ago(now.addDays(-3), now), QStringLiteral("il y a 3 jours"));
        QCOMPARE(models::TimeText::day(kFirstOfDecember), QStringLiteral("mar. 1 déc."));
        QCOMPARE(models::TimeText::longDate(kFirstOfDecember),
                 QStringLiteral("mardi 1 décembre 2026"));
    }

    void systemLanguageDecidesWithoutOverride() {
        // main() below starts the application with LANG=de_DE.UTF-8 and nothing overriding it.
        ui::installTranslations(*qApp, QString());
        QCOMPARE(QLocale().name(), QStringLiteral("de_DE"));
        QCOMPARE(windowTexts().navigation.first(), QStringLiteral("Kalender"));
        QCOMPARE(models::TimeText::day(kFirstOfDecember), QStringLiteral("Di., 1. Dez."));
    }

    void englishOverridesAGermanSystem() {
        ui::installTranslations(*qApp, QStringLiteral("de"));
        ui::installTranslations(*qApp, QStringLiteral("en")); // replaces the German catalogues
        QCOMPARE(QLocale().language(), QLocale::English);
        const WindowTexts texts = windowTexts();
        QCOMPARE(texts.navigation.first(), QStringLiteral("Calendar"));
        QVERIFY(texts.pageTitles.contains(QStringLiteral("Approvals")));
        QCOMPARE(cancelButtonText(), QStringLiteral("Cancel"));
        QCOMPARE(models::TimeText::day(kFirstOfDecember), QStringLiteral("Tue 1 Dec"));
    }

    void unknownLanguageFallsBackToTheSystem() {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("no translation for.*xx")));
        ui::installTranslations(*qApp, QStringLiteral("xx"));
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(windowTexts().navigation.first(), QStringLiteral("Kalender"));
    }

    void regionalOverrideKeepsItsFormats() {
        QCOMPARE(ui::chooseLocale(QStringLiteral("de_AT")).name(), QStringLiteral("de_AT"));
        QCOMPARE(ui::chooseLocale(QStringLiteral("fr-CA")).name(), QStringLiteral("fr_CA"));
        QCOMPARE(ui::chooseLocale(QStringLiteral("DE")).language(), QLocale::German);
        QCOMPARE(ui::chooseLocale(QStringLiteral("en")).language(), QLocale::English);
    }
};

int main(int argc, char* argv[]) {
    // The system language comes from the environment, read once when Qt first needs it: make it
    // German whatever this machine's is, with nothing that would take precedence over LANG.
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    qunsetenv("LANGUAGE");
    qputenv("LANG", "de_DE.UTF-8");
    QApplication app(argc, argv);
    TestTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
