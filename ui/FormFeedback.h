#pragma once
// FormFeedback: shows a service's validation Error beside the field it names. Each form
// registers its inputs by the spec's field names; an error for an unregistered field (or a
// non-validation failure) goes to the form's general message label.

#include "core/Error.h"

#include <QHash>
#include <QPointer>
#include <QString>

class QLabel;
class QWidget;

namespace slotdesk::ui {

class FormFeedback {
public:
    // A hidden red label for messages about the form as a whole; add it to the layout.
    explicit FormFeedback(QWidget* parent);

    // Makes a hidden error label for `field` (shown beside `input`) and returns it for layout.
    QLabel* addField(const QString& field, QWidget* input);
    [[nodiscard]] QLabel* generalLabel() const { return m_general; }

    void show(const Error& error);
    void clear();
    // The message shown for `field` ("" when none).
    [[nodiscard]] QString message(const QString& field) const;

private:
    QWidget* m_parent;
    QLabel* m_general;
    QHash<QString, QPointer<QLabel>> m_labels;
    QHash<QString, QPointer<QWidget>> m_inputs;
};

} // namespace slotdesk::ui
