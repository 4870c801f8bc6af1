// First run: the onboarding dialog creates the admin profile with the system's time zone
// preset, adds Monday–Friday 09:00–17:00, and shows the booking link; a bad field is reported
// beside it and creates nothing; the main window opens the dialog when there is no admin.

#include "availability/AvailabilityService.h"
#include "profile/ProfileService.h"
#include "storage/Database.h"
#include "support/ScratchAppSettings.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/FormFeedback.h"
#include "ui/MainWindow.h"
#include "ui/OnboardingDialog.h"
#include "ui/ProfileForm.h"
#include "ui/TimeZoneBox.h"

#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace slotdesk;

class TestOnboarding : public QObject {
    Q_OBJECT

    const test::ScratchAppSettings m_settings;

private slots:
    void presetsTheSystemZone() {
        const QString zone = ui::OnboardingDialog::systemTimeZone();
        QVERIFY(!zone.isEmpty());
        const QString system = QString::fromLatin1(QTimeZone::systemTimeZoneId());
        if (system == "Europe/Berlin" || system == "UTC" || system == "America/New_York")
            QCOMPARE(zone, system);
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        ui::OnboardingDialog dialog(**db);
        QCOMPARE(dialog.form()->zoneBox()->zone(), zone);
    }

    void createsTheProfileAndDefaultHours() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        QCOMPARE(ProfileService(**db).admin().error().code, ErrorCode::NotInitialized);

        ui::OnboardingDialog dialog(**db);
        ui::ProfileForm* form = dialog.form();
        QTest::keyClicks(form->nameEdit(), "Alice Example");
        QCOMPARE(form->usernameEdit()->text(), "alice-example"); // suggested from the name
        QTest::keyClicks(form->emailEdit(), "alice@example.org");
        form->zoneBox()->setZone("America/New_York");
        QVERIFY(dialog.createProfile());
        QVERIFY(dialog.isOnLinkStep());
        QCOMPARE(dialog.bookingLinkText(), "http://127.0.0.1:8765/alice-example");

        auto admin = ProfileService(**db).admin();
        QVERIFY(admin.ok());
        QCOMPARE(admin->name, "Alice Example");
        QCOMPARE(admin->username, "alice-example");
        QCOMPARE(admin->email, "alice@example.org");
        QCOMPARE(admin->timeZone, "America/New_York");
        auto blocks = AvailabilityService(**db).list(admin->id);
        QVERIFY(blocks.ok());
        QCOMPARE(blocks->size(), 5);
        for (const auto& block : *blocks) {
            QVERIFY(block.dayOfWeek >= 1 && block.dayOfWeek <= 5);
            QCOMPARE(block.startMinute, 9 * 60);
            QCOMPARE(block.endMinute, 17 * 60);
            QCOMPARE(block.timeZone, "America/New_York");
        }
    }

    void reportsAProblemBesideItsField() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        ui::OnboardingDialog dialog(**db);
        ui::ProfileForm* form = dialog.form();
        form->nameEdit()->setText("Alice");
        form->usernameEdit()->setText("alice");
        form->emailEdit()->setText("not an email");
        QVERIFY(!dialog.createProfile());
        QVERIFY(!dialog.isOnLinkStep());
        QVERIFY(!form->feedback().message("email").isEmpty());
        QVERIFY(form->feedback().message("name").isEmpty());
        QCOMPARE(ProfileService(**db).admin().error().code, ErrorCode::NotInitialized);

        form->emailEdit()->setText("alice@example.org");
        form->zoneBox()->setZone("Mars/Olympus_Mons");
        QVERIFY(!dialog.createProfile());
        QVERIFY(!form->feedback().message("timezone").isEmpty());
        QVERIFY(form->feedback().message("email").isEmpty());
        QCOMPARE(ProfileService(**db).admin().error().code, ErrorCode::NotInitialized);
    }

    void theWindowStartsItWithoutAnAdmin() {
        QTemporaryDir dir;
        auto db = storage::Database::openInDirectory(dir.path());
        QVERIFY(db.ok());
        ui::MainWindow window(**db);
        window.show();
        QTRY_VERIFY(window.findChild<ui::OnboardingDialog*>());
        auto* dialog = window.findChild<ui::OnboardingDialog*>();
        dialog->form()->nameEdit()->setText("Bea");
        dialog->form()->usernameEdit()->setText("bea");
        dialog->form()->emailEdit()->setText("bea@example.org");
        dialog->form()->zoneBox()->setZone("Europe/Berlin");
        QVERIFY(dialog->createProfile());
        dialog->accept();
        QTRY_VERIFY(window.statusBar()->currentMessage().contains("Bea"));
    }
};

QTEST_MAIN(TestOnboarding)
#include "tst_onboarding.moc"
