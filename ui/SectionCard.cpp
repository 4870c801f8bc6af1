#include "ui/SectionCard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace slotdesk::ui {

SectionCard::SectionCard(const QString& title, const QString& subtitle, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_titleRow(new QHBoxLayout)
    , m_body(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("card"));
    m_body->setContentsMargins(20, 16, 20, 18);
    m_body->setSpacing(10);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_titleRow->addWidget(m_title, 1);
    m_body->addLayout(m_titleRow);
    if (!subtitle.isEmpty()) {
        auto* sub = new QLabel(subtitle, this);
        sub->setObjectName(QStringLiteral("hint"));
        sub->setWordWrap(true);
        m_body->addWidget(sub);
    }
}

void SectionCard::addTitleWidget(QWidget* widget) {
    m_titleRow->addWidget(widget);
}

void SectionCard::setTitle(const QString& title) {
    m_title->setText(title);
}

} // namespace slotdesk::ui
