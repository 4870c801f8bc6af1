#include "ui/EditDialogLayout.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace slotdesk::ui {

void layOutEditDialog(QDialog* dialog, QFormLayout* form, const QString& hint, QLabel* generalError,
                      const std::function<void()>& save, int width) {
    auto* hintLabel = new QLabel(hint, dialog);
    hintLabel->setObjectName(QStringLiteral("hint"));
    hintLabel->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("primary"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, save);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);

    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(hintLabel);
    layout->addWidget(generalError);
    layout->addWidget(buttons);
    dialog->resize(width, dialog->sizeHint().height());
}

} // namespace slotdesk::ui
