#pragma once
// ScratchAppSettings: the window's settings (ui::AppSettings) for a GUI suite — in Qt's test
// location, never the user's, and empty when the suite starts and when it ends. A member of the
// suite's test object (made after QApplication, as QTEST_MAIN does). Header-only: the suites
// that link slotdesk_ui include it.

#include "ui/AppSettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace slotdesk::test {

class ScratchAppSettings {
public:
    ScratchAppSettings() {
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings::settings().clear();
    }
    ~ScratchAppSettings() { ui::AppSettings::settings().clear(); }
    ScratchAppSettings(const ScratchAppSettings&) = delete;
    ScratchAppSettings& operator=(const ScratchAppSettings&) = delete;
};

} // namespace slotdesk::test
