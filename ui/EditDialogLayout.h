#pragma once
// The bottom half every small editing dialog shares (a weekly block, a date override): the
// form, a hint under it, the line for errors that belong to no field, and Save / Cancel, with
// Save styled as the primary action.

#include <QString>

#include <functional>

class QDialog;
class QFormLayout;
class QLabel;

namespace slotdesk::ui {

void layOutEditDialog(QDialog* dialog, QFormLayout* form, const QString& hint, QLabel* generalError,
                      const std::function<void()>& save, int width);

} // namespace slotdesk::ui
