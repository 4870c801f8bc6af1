// Settings: the profile saves to the database and a bad value is reported beside its field;
// the listen address is checked, kept in (test-mode) QSettings and announced; the booking
// link's state reaches the Settings page and the status bar.

#include "backup/BackupFolder.h"
#include "backup/BackupScheduler.h"
#include "models/AdminSession.h"
#include "profile/ProfileService.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/BackupCard.h"
#include "ui/FormFeedback.h"
#include "ui/MainWindow.h"
#include "ui/ProfileForm.h"
#include "ui/SettingsPage.h"
#include "ui/TimeZoneBox.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace slotdesk;

class TestSettingsPage : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

private slots:
    void profileSavesOrExplains() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        models::AdminSession session(**db);
        ui::SettingsPage page(&session);
        ui::ProfileForm* form = page.profileForm();
        QTRY_COMPARE(form->nameEdit()->text(), "Alice Admin");

        form->emailEdit()->setText("nope");
        QVERIFY(!page.saveProfile());
        QVERIFY(form->feedback().message("email").contains("email", Qt::CaseInsensitive));
        QCOMPARE(ProfileService(**db).admin()->email, "alice@example.org");

        form->emailEdit()->setText("alice@new.example");
        form->nameEdit()->setText("Alice Renamed");
        form->zoneBox()->setZone("Asia/Tokyo");
        QVERIFY(page.saveProfile());
        QVERIFY(form->feedback().message("email").isEmpty());
        QTRY_COMPARE(ProfileService(**db).admin()->email, "alice@new.example");
        auto admin = ProfileService(**db).admin();
        QCOMPARE(admin->email, "alice@new.example");
        QCOMPARE(admin->name, "Alice Renamed");
        QCOMPARE(admin->timeZone, "Asia/Tokyo");
        QTRY_COMPARE(session.timeZone(), "Asia/Tokyo");
    }

    // Settings → Backups: "Back up now" makes a checked backup off the GUI thread and shows it;
    // a failing one shows why, in the card, and is logged.
    void backupCardShowsTheLastBackupAndFailures() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        test::seedAdmin(**db);
        models::AdminSession session(**db);
        backup::BackupScheduler scheduler(**db, session.clock());
        ui::SettingsPage page(&session);
        ui::BackupCard* card = page.backupCard();
        QCOMPARE(card->lastBackupText(), "No backup yet.");
        QVERIFY(card->folderText().contains(dir.filePath("backups")));
        QVERIFY(!card->backUpButton()->isEnabled());
        card->setScheduler(&scheduler);
        QVERIFY(card->backUpButton()->isEnabled());
        QSignalSpy finished(&scheduler, &backup::BackupScheduler::finished);
        card->backUpButton()->click();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toString(), QString());
        QVERIFY2(card->lastBackupText().startsWith("Last backup: just now"),
                 qPrintable(card->lastBackupText()));
        const auto backups = backup::BackupFolder(dir.filePath("backups")).list();
        QCOMPARE(backups.size(), 1);
        QVERIFY(card->lastBackupText().contains(backups.first().path));
        QVERIFY(card->errorText().isEmpty());

        // A folder that cannot be made: the failure is shown (the good one stays listed).
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        card->chooseFolder(blocker.fileName() + "/sub");
        QVERIFY(card->folderText().contains("blocker"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("The manual backup of .* failed"));
        card->backUpButton()->click();
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!finished.last().first().toString().isEmpty());
        QVERIFY2(card->errorText().startsWith("The last backup failed (just now): Cannot create"),
                 qPrintable(card->errorText()));
        QVERIFY(card->lastBackupText().contains(backups.first().path));
        card->chooseFolder({});
        QVERIFY(card->folderText().endsWith("(the default)"));
    }

    void listenAddressAndLink() {
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        ui::SettingsPage* page = window.settingsPage();
        QCOMPARE(page->addressEdit()->text(), "127.0.0.1");
        QCOMPARE(page->portBox()->value(), 8765);
        QTRY_COMPARE(page->linkText(), "http://127.0.0.1:8765/alice");
        QVERIFY(page->linkStatusText().contains("Offline"));

        QSignalSpy changed(&window, &ui::MainWindow::listenAddressChanged);
        page->addressEdit()->setText("not an address");
        QVERIFY(!page->applyListenAddress());
        QCOMPARE(changed.count(), 0);
        page->addressEdit()->setText("0.0.0.0");
        page->portBox()->setValue(9000);
        QVERIFY(page->applyListenAddress());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), "0.0.0.0");
        QCOMPARE(changed.at(0).at(1).value<quint16>(), quint16(9000));
        QCOMPARE(ui::AppSettings::settings().value("server/address").toString(), "0.0.0.0");
        QCOMPARE(ui::AppSettings::settings().value("server/port").toInt(), 9000);
        QCOMPARE(ui::AppSettings::listenPort(), quint16(9000));
        // Nothing changed: no signal.
        QVERIFY(page->applyListenAddress());
        QCOMPARE(changed.count(), 1);

        window.setBookingLink(QUrl("http://192.168.1.5:9000/alice"), true, {});
        QCOMPARE(page->linkText(), "http://192.168.1.5:9000/alice");
        QVERIFY(page->linkStatusText().contains("Online"));
        auto* indicator = window.statusBar()->findChild<QLabel*>("linkIndicator");
        QVERIFY(indicator);
        QVERIFY(indicator->text().contains("http://192.168.1.5:9000/alice"));
        window.setBookingLink(QUrl("http://192.168.1.5:9000/alice"), false, "Port 9000 is in use");
        QVERIFY(page->linkStatusText().contains("Port 9000 is in use"));
        QVERIFY(indicator->text().contains("offline"));
    }

    void publicAddressIsCheckedSavedAndAnnounced() {
        ui::AppSettings::settings().clear();
        QTemporaryDir dir;
        auto db = test::openSeededIn(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        ui::SettingsPage* page = window.settingsPage();
        QCOMPARE(page->publicUrlEdit()->text(), "");
        QSignalSpy changed(&window, &ui::MainWindow::publicUrlChanged);
        QSignalSpy moved(&window, &ui::MainWindow::listenAddressChanged);
        const auto shownError = [page] {
            for (QLabel* label : page->findChildren<QLabel*>("fieldError")) {
                if (!label->isHidden())
                    return label->text();
            }
            return QString();
        };

        // Not a public address: said beside the field, nothing saved or announced.
        for (const char* bad : {"https://book.example.org/?x=1", "ftp://book.example.org",
                                "book.example.org", "https://user:pw@book.example.org"}) {
            page->publicUrlEdit()->setText(bad);
            QVERIFY2(!page->applyListenAddress(), bad);
            QVERIFY2(shownError().contains("https://book.example.org"), bad);
            QVERIFY(!page->publicUrlEdit()->accessibleDescription().isEmpty());
        }
        QCOMPARE(changed.count(), 0);
        QVERIFY(!ui::AppSettings::settings().contains("server/publicUrl"));

        page->publicUrlEdit()->setText("  HTTPS://Book.Example.org/ ");
        QVERIFY(page->applyListenAddress());
        QCOMPARE(shownError(), QString());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toUrl(), QUrl("https://book.example.org"));
        QCOMPARE(moved.count(), 0); // the listen address did not change
        QCOMPARE(ui::AppSettings::settings().value("server/publicUrl").toString(),
                 "https://book.example.org");
        QCOMPARE(page->publicUrlEdit()->text(), "https://book.example.org");
        QCOMPARE(ui::AppSettings::bookingUrl("alice"), QUrl("https://book.example.org/alice"));
        QVERIFY(page->applyListenAddress()); // nothing changed: no signal
        QCOMPARE(changed.count(), 1);
        {
            // The next start shows the public link from the beginning.
            ui::MainWindow again(**db);
            QCOMPARE(again.settingsPage()->publicUrlEdit()->text(), "https://book.example.org");
            QTRY_COMPARE(again.settingsPage()->linkText(), "https://book.example.org/alice");
        }

        // Emptied: no public address any more.
        page->publicUrlEdit()->clear();
        QVERIFY(page->applyListenAddress());
        QCOMPARE(changed.count(), 2);
        QVERIFY(changed.at(1).at(0).toUrl().isEmpty());
        QVERIFY(!ui::AppSettings::settings().contains("server/publicUrl"));
        QCOMPARE(ui::AppSettings::bookingUrl("alice"), QUrl("http://127.0.0.1:8765/alice"));
        ui::AppSettings::settings().clear();
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
