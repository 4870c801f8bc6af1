#include "ui/FormFeedback.h"

#include <QLabel>
#include <QWidget>

namespace slotdesk::ui {
namespace {

QLabel* makeErrorLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldError"));
    label->setTextFormat(Qt::PlainText); // a message may quote what was typed
    label->setWordWrap(true);
    label->setVisible(false);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

FormFeedback::FormFeedback(QWidget* parent)
    : m_parent(parent)
    , m_general(makeErrorLabel(parent)) {}

QLabel* FormFeedback::addField(const QString& field, QWidget* input) {
    auto* label = makeErrorLabel(m_parent);
    label->setAccessibleName(QObject::tr("Problem with this field"));
    m_labels.insert(field, label);
    m_inputs.insert(field, input);
    return label;
}

void FormFeedback::show(const Error& error) {
    clear();
    auto label = m_labels.value(error.field);
    if (label) {
        label->setText(error.message);
        label->setVisible(true);
        if (auto input = m_inputs.value(error.field)) {
            input->setAccessibleDescription(error.message);
            input->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    m_general->setText(error.message);
    m_general->setVisible(true);
}

void FormFeedback::clear() {
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        if (it.value()) {
            it.value()->clear();
            it.value()->setVisible(false);
        }
    }
    for (auto it = m_inputs.cbegin(); it != m_inputs.cend(); ++it) {
        if (it.value())
            it.value()->setAccessibleDescription(QString());
    }
    m_general->clear();
    m_general->setVisible(false);
}

QString FormFeedback::message(const QString& field) const {
    auto label = m_labels.value(field);
    if (label && label->isVisibleTo(m_parent))
        return label->text();
    if (field.isEmpty() && m_general->isVisibleTo(m_parent))
        return m_general->text();
    return {};
}

} // namespace slotdesk::ui
