#pragma once
// EditDialog: what every small editing dialog shares (a weekly block, a date override, a
// booking's new time): its FormFeedback (a problem beside the field it names, or on a line of
// its own), the bottom half — the form, a hint under it, that line, and Save / Cancel, with
// Save styled as the primary action — and how Save writes: on the session's worker, the dialog
// staying open (with the problem beside its field) until the write has succeeded.

#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "ui/FormFeedback.h"

#include <QDialog>
#include <QString>

#include <functional>

class QFormLayout;

namespace slotdesk::ui {

class EditDialog : public QDialog {
    Q_OBJECT
public:
    ~EditDialog() override;

    [[nodiscard]] FormFeedback& feedback() const { return *m_feedback; }

protected:
    // `session`: where writeAndAccept() writes (nullptr for a dialog that only asks).
    explicit EditDialog(models::AdminSession* session, QWidget* parent = nullptr);

    [[nodiscard]] models::AdminSession* session() const { return m_session; }
    // The dialog's layout: `form`, `hint`, the feedback's general line, Save (runs `save`) and
    // Cancel; `width` pixels wide.
    void layOut(QFormLayout* form, const QString& hint, const std::function<void()>& save,
                int width);
    // Runs `write(database)` (a Result<T>) on the session's worker unless a write is under way;
    // then, on success, `saved(value)`, the session's change check and accept(); on failure the
    // error goes to feedback().
    template <typename Write, typename Saved> void writeAndAccept(Write write, Saved saved) {
        if (m_saving)
            return;
        m_saving = true;
        m_session->worker()->post(this, std::move(write), [this, saved](auto result) mutable {
            m_saving = false;
            if (!result) {
                m_feedback->show(result.error());
                return;
            }
            saved(*result);
            m_session->watcher()->check();
            accept();
        });
    }

private:
    models::AdminSession* m_session;
    FormFeedback* m_feedback;
    bool m_saving = false;
};

} // namespace slotdesk::ui
