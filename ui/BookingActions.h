#pragma once
// BookingActions: the admin's decisions on bookings — approve, reject with an optional reason,
// cancel with a reason — for one or several at once, shared by every page that offers them.
// Before approving, it checks what each request would now collide with (a confirmed booking,
// a busy event, another request approved in the same batch) and asks first. Questions are
// asynchronous (window-modal dialogs opened with open()), and replaceable for tests.

#include "core/Result.h"
#include "domain/Entities.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QWidget;

namespace slotdesk {
class BookingService;
}

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class BookingActions : public QObject {
    Q_OBJECT
public:
    using Answer = std::function<void(bool yes)>;
    using Question = std::function<void(const QString& title, const QString& text, Answer)>;
    using ReasonAnswer = std::function<void(bool ok, const QString& text)>;
    using ReasonPrompt =
        std::function<void(const QString& title, const QString& label, ReasonAnswer)>;

    BookingActions(models::AdminSession* session, QWidget* dialogParent);

    // Replace the dialogs (tests answer at once).
    void setQuestionHandler(Question question) { m_question = std::move(question); }
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }

    void approve(const QStringList& bookingIds);
    void reject(const QStringList& bookingIds, const QString& reason);
    void cancel(const QStringList& bookingIds, const QString& reason);
    // Ask for an optional reason first.
    void askAndReject(const QStringList& bookingIds);
    void askAndCancel(const QStringList& bookingIds);

signals:
    // What happened, for the status bar ("Approved 2 requests").
    void done(const QString& summary);
    void failed(const QString& message);

private:
    using Change = std::function<Result<Booking>(BookingService&, const QString& id)>;
    // Applies `change` to each booking; reports the last failure; returns how many changed.
    int applyEach(const QStringList& bookingIds, const Change& change);
    void approveNow(const QStringList& bookingIds);
    void ask(const QString& title, const QString& text, Answer answer);
    void askReason(const QString& title, const QString& label, const QString& okText,
                   ReasonAnswer answer);

    models::AdminSession* m_session;
    QPointer<QWidget> m_dialogParent;
    Question m_question;
    ReasonPrompt m_reasonPrompt;
};

} // namespace slotdesk::ui
