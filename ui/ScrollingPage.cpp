#include "ui/ScrollingPage.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace slotdesk::ui {

QVBoxLayout* layOutScrollingPage(QWidget* page, QWidget* content) {
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(24, 18, 24, 24);
    column->setSpacing(18);
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    return column;
}

} // namespace slotdesk::ui
