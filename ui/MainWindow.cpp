#include "ui/MainWindow.h"

#include "profile/ProfileService.h"
#include "storage/Database.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace slotdesk::ui {

MainWindow::MainWindow(storage::Database& database, QWidget* parent)
    : QMainWindow(parent)
    , m_database(database) {
    setWindowTitle(tr("SlotDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1100, 720);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setFixedWidth(190);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    const QStringList sections{tr("Calendar"),     tr("Approvals"),    tr("Bookings"),
                               tr("Availability"), tr("Integrations"), tr("Settings")};
    m_navigation->addItems(sections);

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(
        makePlaceholder(tr("Calendar"), tr("Your bookings by day, week and month.")));
    m_pages->addWidget(makePlaceholder(tr("Approvals"), tr("Booking requests waiting for you.")));
    m_pages->addWidget(makePlaceholder(tr("Bookings"), tr("Every booking, searchable.")));
    m_pages->addWidget(makePlaceholder(tr("Availability"), tr("When people can book you.")));
    m_pages->addWidget(
        makePlaceholder(tr("Integrations"), tr("Google Calendar and video meetings.")));
    m_pages->addWidget(makePlaceholder(tr("Settings"), tr("Your profile and booking link.")));

    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(Calendar);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    auto admin = ProfileService(m_database).admin();
    statusBar()->showMessage(admin ? tr("Signed in as %1 (%2)").arg(admin->name, admin->timeZone)
                                   : tr("No admin profile yet"));
}

MainWindow::Page MainWindow::currentPage() const {
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::showPage(Page page) {
    m_navigation->setCurrentRow(page);
}

QWidget* MainWindow::makePlaceholder(const QString& title, const QString& text) {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(32, 24, 32, 24);
    auto* heading = new QLabel(title, page);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    auto* body = new QLabel(text, page);
    body->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addStretch(1);
    return page;
}

} // namespace slotdesk::ui
