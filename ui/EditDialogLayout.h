#pragma once
// What every small editing dialog shares (a weekly block, a date override): the bottom half —
// the form, a hint under it, the line for errors that belong to no field, and Save / Cancel,
// with Save styled as the primary action — and how Save writes: on the session's worker, the
// dialog staying open (with the problem beside its field) until the write has succeeded.

#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "ui/FormFeedback.h"

#include <QDialog>
#include <QString>

#include <functional>

class QFormLayout;
class QLabel;

namespace slotdesk::ui {

void layOutEditDialog(QDialog* dialog, QFormLayout* form, const QString& hint, QLabel* generalError,
                      const std::function<void()>& save, int width);

// Runs `write(database)` (a Result<T>) on the session's worker unless `saving` says a save is
// under way; then, on success, `saved(value)`, the session's change check and accept(); on
// failure the error goes to `feedback`.
template <typename Write, typename Saved>
void saveFromDialog(QDialog* dialog, models::AdminSession* session, FormFeedback* feedback,
                    bool& saving, Write write, Saved saved) {
    if (saving)
        return;
    saving = true;
    session->worker()->post(dialog, std::move(write),
                            [dialog, session, feedback, &saving, saved](auto result) mutable {
                                saving = false;
                                if (!result) {
                                    feedback->show(result.error());
                                    return;
                                }
                                saved(*result);
                                session->watcher()->check();
                                dialog->accept();
                            });
}

} // namespace slotdesk::ui
