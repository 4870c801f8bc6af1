#include "ui/PageHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk::ui {

PageHeader::PageHeader(const QString& title, const QString& subtitle, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_subtitle(new QLabel(subtitle, this))
    , m_actions(new QHBoxLayout) {
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setAccessibleName(title);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_subtitle);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(text, 1);
    m_actions->setSpacing(8);
    layout->addLayout(m_actions);
}

void PageHeader::setSubtitle(const QString& text) {
    m_subtitle->setText(text);
}

QString PageHeader::subtitle() const {
    return m_subtitle->text();
}

void PageHeader::addAction(QWidget* widget) {
    m_actions->addWidget(widget, 0, Qt::AlignBottom);
}

} // namespace slotdesk::ui
