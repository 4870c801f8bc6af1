// The availability editor round-trips: hours added, edited and removed through the page's
// dialogs land in the database and come back into the weekly editor; a bad range is reported
// beside its field and saves nothing; date overrides and booking rules save and reload; the
// slot preview follows.

#include "availability/AvailabilityService.h"
#include "models/AdminSession.h"
#include "models/AvailabilityBlockModel.h"
#include "models/ChangeWatcher.h"
#include "models/DateOverrideModel.h"
#include "models/SlotPreviewModel.h"
#include "storage/Database.h"
#include "support/TestData.h"
#include "ui/AppSettings.h"
#include "ui/AvailabilityPage.h"
#include "ui/BlockDialog.h"
#include "ui/BookingRulesForm.h"
#include "ui/FormFeedback.h"
#include "ui/OverrideDialog.h"
#include "ui/TimeOfDayBox.h"
#include "ui/TimeZoneBox.h"
#include "ui/WeeklyHoursEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace slotdesk;

class TestAvailabilityEditor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    User m_admin;

    QVector<AvailabilityBlock> stored() {
        auto blocks = AvailabilityService(*m_db).list(m_admin.id);
        return blocks ? *blocks : QVector<AvailabilityBlock>{};
    }

    // The texts of the weekly editor's labels, as the admin reads them.
    QStringList editorTexts(ui::AvailabilityPage& page) {
        QStringList texts;
        for (auto* label : page.weeklyHours()->findChildren<QLabel*>()) {
            if (label->isVisibleTo(page.weeklyHours()))
                texts.append(label->text());
        }
        return texts;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        auto db = storage::Database::openInDirectory(m_dir.path());
        QVERIFY(db.ok());
        m_db = std::move(*db);
        m_admin = test::seedAdmin(*m_db);
    }

    void hoursRoundTrip() {
        models::AdminSession session(*m_db);
        ui::AvailabilityPage page(&session);
        page.show();
        QTRY_VERIFY(page.weeklyHours()->isEnabled()); // once the profile has been read
        QVERIFY(stored().isEmpty());
        QTRY_COMPARE(editorTexts(page).count("Unavailable"), 7);

        // Add Tuesday 08:30–12:00 through the "+" button and its dialog.
        auto* addTuesday = page.weeklyHours()->findChild<QToolButton*>("addHours2");
        QVERIFY(addTuesday);
        QTest::mouseClick(addTuesday, Qt::LeftButton);
        ui::BlockDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<ui::BlockDialog*>()) != nullptr);
        QCOMPARE(dialog->dayBox()->currentData().toInt(), 2);
        QCOMPARE(dialog->zoneBox()->zone(), "Europe/Berlin");
        dialog->fromBox()->setEditText("08:30");
        dialog->toBox()->setMinutes(12 * 60);
        QSignalSpy saved(dialog, &QDialog::finished); // it deletes itself once closed
        dialog->save();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toInt(), int(QDialog::Accepted));
        QTRY_VERIFY(!page.findChild<ui::BlockDialog*>());
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().at(0).dayOfWeek, 2);
        QCOMPARE(stored().at(0).startMinute, 8 * 60 + 30);
        QCOMPARE(stored().at(0).endMinute, 12 * 60);
        QTRY_VERIFY(editorTexts(page).contains(QString::fromUtf8("08:30 – 12:00")));
        QCOMPARE(editorTexts(page).count("Unavailable"), 6);

        // Edit it: Wednesday, until midnight, in another zone.
        const QString id = stored().at(0).id;
        dialog = page.editHours(id);
        QVERIFY(dialog);
        QCOMPARE(dialog->fromBox()->currentText(), "08:30");
        dialog->dayBox()->setCurrentIndex(dialog->dayBox()->findData(3));
        dialog->toBox()->setEditText("24:00");
        dialog->zoneBox()->setZone("Asia/Kathmandu");
        QSignalSpy edited(dialog, &QDialog::finished);
        dialog->save();
        QTRY_COMPARE(edited.count(), 1);
        QCOMPARE(edited.at(0).at(0).toInt(), int(QDialog::Accepted));
        QCOMPARE(stored().size(), 1);
        QCOMPARE(stored().at(0).id, id);
        QCOMPARE(stored().at(0).dayOfWeek, 3);
        QCOMPARE(stored().at(0).endMinute, 1440);
        QCOMPARE(stored().at(0).timeZone, "Asia/Kathmandu");
        QTRY_VERIFY(editorTexts(page).contains(QString::fromUtf8("08:30 – 24:00 (Kathmandu)")));

        // An end before the start stays in the dialog, with the problem beside "To".
        dialog = page.addHours(5);
        dialog->fromBox()->setMinutes(15 * 60);
        dialog->toBox()->setMinutes(10 * 60);
        dialog->save();
        QTRY_VERIFY(!dialog->feedback().message("endTime").isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(stored().size(), 1);
        dialog->reject();

        // Remove it with the chip's remove button.
        QToolButton* remove = nullptr;
        for (auto* button : page.weeklyHours()->findChildren<QToolButton*>()) {
            if (button->accessibleName().startsWith("Remove") && button->isVisibleTo(&page))
                remove = button;
        }
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(stored().isEmpty());
        QTRY_COMPARE(editorTexts(page).count("Unavailable"), 7);
    }

    void overridesAndRules() {
        models::AdminSession session(*m_db);
        ui::AvailabilityPage page(&session);

        // Weekly hours every day so that the preview has something to show.
        for (int day = 0; day < 7; ++day) {
            AvailabilityBlock block;
            block.userId = m_admin.id;
            block.dayOfWeek = day;
            block.startMinute = 0;
            block.endMinute = 1440;
            block.timeZone = "Europe/Berlin";
            QVERIFY(AvailabilityService(*m_db).add(block).ok());
        }
        session.watcher()->check();
        QTRY_VERIFY(page.preview()->totalSlots() > 0);
        const int allDays = page.preview()->totalSlots();

        // A day off tomorrow.
        ui::OverrideDialog* dialog = page.addOverride();
        const QDate tomorrow = dialog->dateEdit()->date();
        dialog->unavailableButton()->setChecked(true);
        // Through the dialog's own Save button this time.
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Save)->objectName(), "primary");
        QSignalSpy saved(dialog, &QDialog::finished); // it deletes itself once closed
        buttons->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toInt(), int(QDialog::Accepted));
        auto overrides = AvailabilityService(*m_db).overrides(m_admin.id);
        QCOMPARE(overrides->size(), 1);
        QCOMPARE(overrides->at(0).date, tomorrow);
        QVERIFY(overrides->at(0).isUnavailable());
        QTRY_COMPARE(page.overrides()->rowCount(), 1);
        QTRY_COMPARE(page.preview()->slotCountOn(1), 0);
        QVERIFY(page.preview()->totalSlots() < allDays);

        // Rules: offer 45 minutes as the default, a 15-minute buffer, cap 4 a day.
        ui::BookingRulesForm* rules = page.rules();
        rules->setDurationOffered(45, true);
        rules->defaultLength()->setCurrentIndex(rules->defaultLength()->findData(45));
        rules->bufferAfterBox()->setValue(15);
        rules->dailyCapBox()->setValue(4);
        rules->save();
        QTRY_COMPARE(AvailabilityService(*m_db).settings(m_admin.id)->maxBookingsPerDay, 4);
        auto settings = AvailabilityService(*m_db).settings(m_admin.id);
        QVERIFY(settings.ok());
        QCOMPARE(settings->defaultDuration, 45);
        QVERIFY(settings->durations.contains(45));
        QVERIFY(settings->durations.contains(30));
        QCOMPARE(settings->bufferAfter, 15);
        QCOMPARE(settings->maxBookingsPerDay, 4);
        QTRY_COMPARE(page.preview()->meetingLength(), 45);

        // A new form reads them back.
        ui::BookingRulesForm again(&session);
        QTRY_COMPARE(again.defaultLength()->currentData().toInt(), 45);
        QCOMPARE(again.bufferAfterBox()->value(), 15);
        QCOMPARE(again.dailyCapBox()->value(), 4);

        // Not offering the default any more is a problem beside the default length.
        rules->setDurationOffered(30, false);
        rules->setDurationOffered(45, false);
        rules->save();
        QTRY_VERIFY(!rules->feedback().message("defaultDuration").isEmpty());
        QCOMPARE(AvailabilityService(*m_db).settings(m_admin.id)->defaultDuration, 45);
    }

    // The booking policies: approval (the short-notice hours only mean something with that
    // policy), the attendees' change notice and reschedule switch, weekly and monthly caps —
    // saved, read back by a new form, and followed when they change elsewhere.
    void policiesSaveAndReload() {
        models::AdminSession session(*m_db);
        ui::BookingRulesForm form(&session);
        QTRY_VERIFY(form.rescheduleBox()->isChecked());
        QCOMPARE(form.approvalBox()->currentData().toInt(), int(ApprovalPolicy::Always));
        QVERIFY(!form.approvalWithinBox()->isEnabled());
        QCOMPARE(form.changeNoticeBox()->text(), QStringLiteral("Until the start"));
        QCOMPARE(form.weeklyCapBox()->text(), QStringLiteral("No limit"));
        QVERIFY(!form.saveButton()->isEnabled());

        form.approvalBox()->setCurrentIndex(
            form.approvalBox()->findData(int(ApprovalPolicy::ShortNotice)));
        QVERIFY(form.approvalWithinBox()->isEnabled());
        QVERIFY(form.saveButton()->isEnabled());
        form.approvalWithinBox()->setValue(12);
        form.changeNoticeBox()->setValue(48);
        form.rescheduleBox()->setChecked(false);
        form.weeklyCapBox()->setValue(5);
        form.monthlyCapBox()->setValue(20);
        QTest::mouseClick(form.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(AvailabilityService(*m_db).settings(m_admin.id)->maxBookingsPerMonth, 20);
        const auto stored = AvailabilityService(*m_db).settings(m_admin.id);
        QCOMPARE(stored->approvalPolicy, ApprovalPolicy::ShortNotice);
        QCOMPARE(stored->approvalWithinHours, 12);
        QCOMPARE(stored->attendeeChangeNoticeHours, 48);
        QVERIFY(!stored->attendeeReschedule);
        QCOMPARE(stored->maxBookingsPerWeek, 5);
        QTRY_VERIFY(!form.saveButton()->isEnabled());

        ui::BookingRulesForm again(&session);
        QTRY_COMPARE(again.monthlyCapBox()->value(), 20);
        QCOMPARE(again.approvalBox()->currentData().toInt(), int(ApprovalPolicy::ShortNotice));
        QVERIFY(again.approvalWithinBox()->isEnabled());
        QCOMPARE(again.approvalWithinBox()->value(), 12);
        QCOMPARE(again.changeNoticeBox()->value(), 48);
        QVERIFY(!again.rescheduleBox()->isChecked());
        QCOMPARE(again.weeklyCapBox()->value(), 5);

        // Changed elsewhere (the CLI, another window): the form follows.
        BookingSettings elsewhere = *stored;
        elsewhere.approvalPolicy = ApprovalPolicy::Never;
        elsewhere.attendeeReschedule = true;
        QVERIFY(AvailabilityService(*m_db).saveSettings(elsewhere).ok());
        session.watcher()->check();
        QTRY_COMPARE(form.approvalBox()->currentData().toInt(), int(ApprovalPolicy::Never));
        QVERIFY(form.rescheduleBox()->isChecked());
        QVERIFY(!form.approvalWithinBox()->isEnabled());
        QVERIFY(!form.saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestAvailabilityEditor)
#include "tst_availabilityeditor.moc"
