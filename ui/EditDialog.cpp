#include "ui/EditDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

EditDialog::EditDialog(models::AdminSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_feedback(new FormFeedback(this)) {}

EditDialog::~EditDialog() {
    delete m_feedback;
}

void EditDialog::layOut(QFormLayout* form, const QString& hint, const std::function<void()>& save,
                        int width) {
    auto* hintLabel = new QLabel(hint, this);
    hintLabel->setObjectName(QStringLiteral("hint"));
    hintLabel->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("primary"));
    connect(buttons, &QDialogButtonBox::accepted, this, save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hintLabel);
    layout->addWidget(m_feedback->generalLabel());
    layout->addWidget(buttons);
    resize(width, sizeHint().height());
}

} // namespace slotdesk::ui
