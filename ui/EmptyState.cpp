#include "ui/EmptyState.h"

#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk::ui {

EmptyState::EmptyState(Icons::Glyph glyph, const QString& title, const QString& text,
                       QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(text, this)) {
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::icon(glyph).pixmap(QSize(48, 48)));
    icon->setAlignment(Qt::AlignCenter);
    icon->setEnabled(false);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setMaximumWidth(420);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void EmptyState::setText(const QString& title, const QString& text) {
    m_title->setText(title);
    m_text->setText(text);
}

} // namespace slotdesk::ui
