#pragma once
// IntegrationsPageSuite: what the suites of the Integrations page (tst_integrationspage,
// tst_addcalendar) share — each test's fresh database with its admin (SeededSuite); QSettings,
// which GoogleConfig and ZoomConfig read, in a throw-away config directory, never the user's; the
// fake Google server; the page over its own session, shown, the addresses it opens kept in
// m_opened; its widgets found by objectName (named()); and m_keychainKeys, the keychain entries a
// test leaves, for cleanup() to remove. Header-only: the suites link slotdesk_ui.

#include "fakes/FakeGoogleServer.h"
#include "models/AdminSession.h"
#include "support/SeededSuite.h"
#include "ui/IntegrationsPage.h"

#include <QList>
#include <QPushButton>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace slotdesk::test {

class IntegrationsPageSuite : public SeededSuite {
protected:
    // The widget of `root` called `name` (the test stops when there is none).
    template <typename T = QPushButton> static T* named(const QWidget* root, const QString& name) {
        auto* found = root ? root->findChild<T*>(name) : nullptr;
        if (!found)
            qFatal("no %s", qPrintable(name));
        return found;
    }
    template <typename T = QPushButton> T* named(const QString& name) const {
        return named<T>(m_page.get(), name);
    }

    // In initTestCase().
    void useScratchConfig() {
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }
    // In init(), before the services (they read Google's endpoints when they are made): the
    // test's fresh database (openSeeded()) and the fake Google server, its addresses exported.
    bool openSeededWithGoogle() {
        if (!openSeeded())
            return false;
        m_google = std::make_unique<FakeGoogleServer>();
        if (!m_google->listen())
            return false;
        m_google->exportEnvironment();
        return true;
    }
    // In init(), after openSeeded(): the page for these services, shown.
    void showPage(CalendarSyncService* calendar, zoom::ZoomService* zoom) {
        m_session = std::make_unique<models::AdminSession>(*m_db);
        m_page = std::make_unique<ui::IntegrationsPage>(m_session.get());
        m_opened.clear();
        m_page->setUrlOpener([this](const QUrl& url) {
            m_opened.append(url);
            return true;
        });
        m_page->setServices(calendar, zoom);
        m_page->show();
    }
    // In cleanup(), before the services go.
    void closePage() {
        m_page.reset();
        m_session.reset();
    }
    // In cleanup(), after the services.
    void stopGoogle() { m_google.reset(); }

    QTemporaryDir m_config;
    std::unique_ptr<FakeGoogleServer> m_google;
    std::unique_ptr<models::AdminSession> m_session;
    std::unique_ptr<ui::IntegrationsPage> m_page;
    QList<QUrl> m_opened;
    QStringList m_keychainKeys;
};

} // namespace slotdesk::test
