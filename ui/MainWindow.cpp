#include "ui/MainWindow.h"
#include "models/Plural.h"

#include "models/AdminSession.h"
#include "models/PendingBookingModel.h"
#include "models/ServiceThread.h"
#include "models/TimeText.h"
#include "ui/AppSettings.h"
#include "ui/Appearance.h"
#include "ui/ApprovalsPage.h"
#include "ui/AvailabilityPage.h"
#include "ui/BackupCard.h"
#include "ui/BookingActions.h"
#include "ui/BookingsPage.h"
#include "ui/CalendarPage.h"
#include "ui/Icons.h"
#include "ui/IntegrationsPage.h"
#include "ui/NavigationDelegate.h"
#include "ui/OnboardingDialog.h"
#include "ui/RequestNotifier.h"
#include "ui/SettingsPage.h"

#include "calendar/CalendarSyncService.h"
#include "storage/Database.h"
#include "video/ZoomService.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

const char* const kPageNames[] = {"calendar",     "approvals",    "bookings",
                                  "availability", "integrations", "settings"};

} // namespace

MainWindow::MainWindow(storage::Database& database, QWidget* parent)
    : MainWindow(database, QString(), parent) {}

MainWindow::MainWindow(storage::Database& database, const QString& username, QWidget* parent)
    : MainWindow(database, username, core::Clock(), parent) {}

MainWindow::MainWindow(storage::Database& database, const QString& username, core::Clock clock,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_session(new models::AdminSession(database, username, std::move(clock), this))
    , m_pending(new models::PendingBookingModel(m_session, this))
    , m_actions(new BookingActions(m_session, this)) {
    setWindowTitle(tr("SlotDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(Icons::appIcon());
    resize(1240, 800);
    setMinimumSize(900, 600);

    m_calendar = new CalendarPage(m_session, m_actions, this);
    m_approvals = new ApprovalsPage(m_session, m_pending, m_actions, this);
    m_bookings = new BookingsPage(m_session, m_actions, this);
    m_availability = new AvailabilityPage(m_session, this);
    m_integrations = new IntegrationsPage(m_session, this);
    m_settings = new SettingsPage(m_session, this);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    for (QWidget* page : std::initializer_list<QWidget*>{
             m_calendar, m_approvals, m_bookings, m_availability, m_integrations, m_settings})
        m_pages->addWidget(page);
    layout->addWidget(makeSidebar());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(Calendar);

    createMenus();

    m_linkLabel = new QLabel(this);
    m_linkLabel->setObjectName(QStringLiteral("linkIndicator"));
    m_linkLabel->setTextFormat(Qt::RichText);
    statusBar()->addPermanentWidget(m_linkLabel);
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (message.isEmpty() && !m_signedIn.isEmpty())
            statusBar()->showMessage(m_signedIn);
    });

    connect(m_pending, &models::PendingBookingModel::countChanged, this, &MainWindow::updateBadge);
    connect(m_pending, &models::PendingBookingModel::newRequests, this,
            &MainWindow::notifyNewRequests);
    connect(m_actions, &BookingActions::done, this,
            [this](const QString& text) { showNotice(text); });
    connect(m_actions, &BookingActions::failed, this, [this](const QString& text) {
        showNotice(text, 10000);
        QMessageBox* box =
            new QMessageBox(QMessageBox::Warning, tr("SlotDesk"), text, QMessageBox::Ok, this);
        // An error message may quote a server (Google, Zoom, the database): plain text.
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    connect(m_settings, &SettingsPage::listenAddressChanged, this,
            &MainWindow::listenAddressChanged);
    connect(m_settings, &SettingsPage::publicUrlChanged, this, &MainWindow::publicUrlChanged);
    connect(m_session, &models::AdminSession::adminChanged, this, [this] {
        updateSignedIn();
        // Until the booking server reports, the link the settings say it will have.
        if (!m_link.isValid() && m_session->hasAdmin())
            setBookingLink(AppSettings::bookingUrl(m_session->admin().username), false, {});
        checkOnboarding();
    });

    createTray();
    createNotifier();
    updateBadge(m_pending->rowCount());
    updateSignedIn();
    setBookingLink(QUrl(), false, QString()); // the admin's, once the profile has been read
    restoreState();
    // Only now: the first page set above must not overwrite the one remembered.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [](int row) {
        if (row >= 0)
            AppSettings::settings().setValue(QStringLiteral("window/page"),
                                             QString::fromLatin1(kPageNames[row]));
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { saveState(); });
}

void MainWindow::setBackupScheduler(backup::BackupScheduler* scheduler) {
    m_settings->backupCard()->setScheduler(scheduler);
}

void MainWindow::setIntegrationServices(CalendarSyncService* calendar, zoom::ZoomService* zoom) {
    disconnect(m_syncAfterDecision);
    disconnect(m_calendarAfterZoom);
    // Connect, disconnect and the page's reads act for this window's admin (--user). The
    // services may live on the service thread: they are called there.
    const QString username = m_session->username();
    models::invokeOnThread(
        calendar, [username](CalendarSyncService& service) { service.setAdminUsername(username); });
    models::invokeOnThread(
        zoom, [username](zoom::ZoomService& service) { service.setAdminUsername(username); });
    m_integrations->setServices(calendar, zoom);
    QPointer<CalendarSyncService> calendarPtr(calendar);
    QPointer<zoom::ZoomService> zoomPtr(zoom);
    m_syncAfterDecision = connect(m_actions, &BookingActions::done, this, [calendarPtr, zoomPtr] {
        // Zoom first: the calendar insert of a Zoom booking waits for the link.
        models::invokeOnThread(zoomPtr.data(),
                               [](zoom::ZoomService& service) { service.syncNow(); });
        models::invokeOnThread(calendarPtr.data(),
                               [](CalendarSyncService& service) { service.syncNow(); });
    });
    // Both on the same thread: the inserts that waited for the link are due now.
    if (calendar && zoom)
        m_calendarAfterZoom = connect(zoom, &zoom::ZoomService::meetingsCreated, calendar,
                                      [calendar] { calendar->syncNow(); });
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::makeSidebar() {
    auto* sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(212);

    auto* brand = new QWidget(sidebar);
    auto* brandLayout = new QHBoxLayout(brand);
    brandLayout->setContentsMargins(18, 18, 12, 14);
    brandLayout->setSpacing(10);
    auto* logo = new QLabel(brand);
    logo->setPixmap(Icons::appIcon().pixmap(QSize(28, 28)));
    auto* name = new QLabel(tr("SlotDesk"), brand);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setWeight(QFont::Bold);
    name->setFont(nameFont);
    brandLayout->addWidget(logo);
    brandLayout->addWidget(name, 1);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    m_navigation->setMouseTracking(true);
    m_navigation->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const struct {
        QString text;
        Icons::Glyph glyph;
    } sections[] = {{tr("Calendar"), Icons::Glyph::Calendar},
                    {tr("Approvals"), Icons::Glyph::Approvals},
                    {tr("Bookings"), Icons::Glyph::Bookings},
                    {tr("Availability"), Icons::Glyph::Availability},
                    {tr("Integrations"), Icons::Glyph::Integrations},
                    {tr("Settings"), Icons::Glyph::Settings}};
    for (int i = 0; i < PageCount; ++i) {
        auto* item = new QListWidgetItem(Icons::icon(sections[i].glyph), sections[i].text);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(sections[i].text).arg(i + 1));
        m_navigation->addItem(item);
    }

    m_adminLabel = new QLabel(sidebar);
    m_adminLabel->setObjectName(QStringLiteral("hint"));
    m_adminLabel->setTextFormat(Qt::PlainText); // a name, as typed
    m_adminLabel->setWordWrap(true);
    m_adminLabel->setContentsMargins(18, 8, 12, 16);

    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(brand);
    layout->addWidget(m_navigation, 1);
    layout->addWidget(m_adminLabel);
    return sidebar;
}

void MainWindow::createMenus() {
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* quitAction = fileMenu->addAction(tr("&Quit"), this, &MainWindow::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setObjectName(QStringLiteral("quitAction"));

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PageCount; ++i) {
        auto* action = viewMenu->addAction(m_navigation->item(i)->text(), this,
                                           [this, i] { showPage(static_cast<Page>(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        action->setObjectName(QStringLiteral("show_%1").arg(QString::fromLatin1(kPageNames[i])));
    }
    viewMenu->addSeparator();
    auto* today = viewMenu->addAction(tr("Go to &Today"), this, [this] {
        showPage(Calendar);
        m_calendar->goToday();
    });
    today->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About SlotDesk"), this, [this] {
        QMessageBox::about(this, tr("About SlotDesk"),
                           tr("<b>SlotDesk %1</b><p>Self-hosted scheduling on your desktop. "
                              "Your data stays in one file on this computer.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createTray() {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(Icons::trayIcon(0), this);
    auto* menu = new QMenu(this);
    menu->addAction(tr("Open SlotDesk"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    menu->addAction(tr("Approvals"), this, [this] {
        showNormal();
        raise();
        activateWindow();
        showPage(Approvals);
    });
    menu->addSeparator();
    menu->addAction(tr("Quit SlotDesk"), this, &MainWindow::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason != QSystemTrayIcon::Trigger)
                    return;
                if (isVisible() && !isMinimized() && isActiveWindow()) {
                    hide();
                } else {
                    showNormal();
                    raise();
                    activateWindow();
                }
            });
    m_tray->show();
}

void MainWindow::createNotifier() {
    m_notifier = new RequestNotifier(m_tray, this);
    connect(m_notifier, &RequestNotifier::openApprovalsRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
        showPage(Approvals);
    });
    // Straight from the notification: BookingActions still asks first if an approval would
    // now collide with something, and reports the outcome in the status bar (or a dialog).
    connect(m_notifier, &RequestNotifier::approveRequested, this,
            [this](const QString& id) { m_actions->approve({id}); });
    connect(m_notifier, &RequestNotifier::rejectRequested, this,
            [this](const QString& id) { m_actions->reject({id}, QString()); });
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::showPage(Page page) {
    m_navigation->setCurrentRow(page);
    m_pages->currentWidget()->setFocus();
}

std::optional<MainWindow::Page> MainWindow::pageFromName(const QString& name) {
    for (int i = 0; i < PageCount; ++i) {
        if (name.compare(QLatin1String(kPageNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<Page>(i);
    }
    return std::nullopt;
}

int MainWindow::pendingBadge() const {
    return m_navigation->item(Approvals)->data(NavigationDelegate::BadgeRole).toInt();
}

void MainWindow::updateBadge(int count) {
    QListWidgetItem* item = m_navigation->item(Approvals);
    item->setData(NavigationDelegate::BadgeRole, count);
    item->setData(
        Qt::AccessibleTextRole,
        count > 0 ? models::plural(tr("Approvals, %n request(s) waiting", nullptr, count), count)
                  : tr("Approvals"));
    setWindowTitle(count > 0 ? tr("SlotDesk (%1)").arg(count) : tr("SlotDesk"));
    if (m_tray) {
        m_tray->setIcon(Icons::trayIcon(count));
        m_tray->setToolTip(
            count > 0
                ? models::plural(tr("SlotDesk — %n request(s) waiting", nullptr, count), count)
                : tr("SlotDesk — no requests waiting"));
    }
}

void MainWindow::updateSignedIn() {
    if (!m_session->isLoaded()) {
        m_signedIn.clear();
        m_adminLabel->clear();
    } else if (m_session->hasAdmin()) {
        const User& admin = m_session->admin();
        m_signedIn = tr("Signed in as %1 (%2)").arg(admin.name, admin.timeZone);
        m_adminLabel->setText(
            tr("%1\n%2").arg(admin.name, models::TimeText::zoneCity(admin.timeZone)));
    } else {
        m_signedIn = tr("No admin profile yet");
        m_adminLabel->clear();
    }
    statusBar()->showMessage(m_signedIn);
}

void MainWindow::setBookingLink(const QUrl& url, bool online, const QString& problem) {
    m_link = url;
    m_linkOnline = online;
    m_settings->setBookingLink(url, online, problem);
    const QPalette& pal = palette();
    const QColor color = online ? Appearance::success(pal) : Appearance::subtleText(pal);
    const QString text =
        online ? tr("Booking link online: %1").arg(url.toString()) : tr("Booking link offline");
    m_linkLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                             .arg(color.name(), text.toHtmlEscaped()));
    m_linkLabel->setToolTip(online ? url.toString() : problem);
}

void MainWindow::notifyNewRequests(const QVector<Booking>& bookings) {
    m_notifier->notify(bookings, m_session->timeZone());
}

void MainWindow::showNotice(const QString& text, int milliseconds) {
    statusBar()->showMessage(text, milliseconds);
}

OnboardingDialog* MainWindow::startOnboarding() {
    auto* dialog = new OnboardingDialog(m_database, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            // Without a profile there is nothing to schedule (one may have been made before
            // the dialog was closed: ask the database).
            connect(
                m_session, &models::AdminSession::databaseChanged, this,
                [this] {
                    if (!m_session->hasAdmin())
                        quit();
                },
                Qt::SingleShotConnection);
        }
        m_session->refresh();
    });
    dialog->open();
    return dialog;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    checkOnboarding();
}

void MainWindow::checkOnboarding() {
    if (m_onboardingChecked || !m_session->isLoaded() || !isVisible())
        return;
    m_onboardingChecked = true;
    if (!m_session->hasAdmin())
        QTimer::singleShot(0, this, &MainWindow::startOnboarding);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveState();
    if (m_tray && m_tray->isVisible() && !m_quitting) {
        // The window goes; the app stays in the tray to take requests.
        hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showMessage(tr("SlotDesk is still running"),
                                tr("It keeps taking booking requests. Quit from the tray "
                                   "menu."),
                                Icons::appIcon());
        }
        event->ignore();
        return;
    }
    event->accept();
    // The app keeps running with no window only for the tray; without one, closing quits.
    if (!QApplication::quitOnLastWindowClosed())
        quit();
}

void MainWindow::quit() {
    m_quitting = true;
    saveState();
    QApplication::quit();
}

void MainWindow::restoreState() {
    QSettings settings = AppSettings::settings();
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    if (auto page = pageFromName(settings.value(QStringLiteral("window/page")).toString()))
        showPage(*page);
}

void MainWindow::saveState() const {
    QSettings settings = AppSettings::settings();
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"),
                      QString::fromLatin1(kPageNames[m_pages->currentIndex()]));
}

} // namespace slotdesk::ui
