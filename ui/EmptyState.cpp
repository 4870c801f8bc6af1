#include "ui/EmptyState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk::ui {

EmptyState::EmptyState(Icons::Glyph glyph, const QString& title, const QString& text,
                       QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(text, this))
    , m_titleText(title)
    , m_bodyText(text) {
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
    // Centred by stretches, not by an alignment flag: an aligned item gets its size hint, so the
    // wrapped text would be cut off after two lines instead of growing in height.
    auto* textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addStretch(2);
}

void EmptyState::setText(const QString& title, const QString& text) {
    m_titleText = title;
    m_bodyText = text;
    showTexts();
}

void EmptyState::setLoading(bool loading) {
    if (loading == m_loading)
        return;
    m_loading = loading;
    showTexts();
}

QString EmptyState::loadingText() {
    return tr("Loading…");
}

void EmptyState::showTexts() {
    m_title->setText(m_loading ? loadingText() : m_titleText);
    m_text->setText(m_loading ? QString() : m_bodyText);
}

} // namespace slotdesk::ui
