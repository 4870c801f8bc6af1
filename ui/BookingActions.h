#pragma once
// BookingActions: the admin's decisions on bookings — approve, reject with an optional reason,
// cancel with a reason, move to another time — for one or several at once, shared by every page
// that offers them.
// Before approving, it checks what each request would now collide with (a confirmed booking,
// a busy event, another request approved in the same batch) and asks first. Everything is
// asynchronous: the checks and the changes run on the session's DatabaseWorker, questions are
// window-modal dialogs opened with open() (replaceable for tests), and done() or failed() says
// how it ended.

#include "booking/BookingConflictService.h"
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
    // Moves a booking to `start` (UTC) for `duration` minutes (BookingService::reschedule): reads
    // it and what the new time would collide with, then asks — always when `confirm` (a drag in
    // the calendar), otherwise only if something collides (the time was chosen in a dialog).
    void reschedule(const QString& bookingId, const QDateTime& start, int duration, bool confirm);
    // Asks for the new time in a RescheduleDialog first.
    void askAndReschedule(const QString& bookingId);
    // Erases an attendee's data (privacy::AttendeePrivacy::forget: their future bookings
    // cancelled, all anonymised); askAndForget() asks first.
    void forget(const QString& email);
    void askAndForget(const QString& email);

signals:
    // What happened, for the status bar ("Approved 2 requests").
    void done(const QString& summary);
    void failed(const QString& message);

private:
    // A request to approve and what it would now collide with.
    struct Candidate {
        Booking booking;
        QVector<BookingConflict> conflicts;
    };
    // What the reschedule dialog starts from.
    struct RescheduleChoices {
        Booking booking;
        BookingSettings settings;
    };
    // Runs on the worker thread: everything it needs comes in as arguments.
    using Change =
        std::function<Result<Booking>(BookingService&, const QString& userId, const QString& id)>;
    using Summary = std::function<QString(int changed)>;
    // Applies `change` to each booking on the worker; then reports the last failure, and
    // summary(how many changed) when any did.
    void applyEach(const QStringList& bookingIds, Change change, Summary summary);
    // Rejecting and cancelling: a change that takes the admin's reason.
    using ChangeWithReason = Result<Booking> (BookingService::*)(const QString& userId,
                                                                 const QString& id,
                                                                 const QString& reason);
    void applyWithReason(const QStringList& bookingIds, const QString& reason,
                         ChangeWithReason change, Summary summary);
    void askOrApprove(const QStringList& bookingIds, const QVector<Candidate>& candidates);
    void approveNow(const QStringList& bookingIds);
    void moveNow(const Booking& booking, const QDateTime& start, int duration);
    void ask(const QString& title, const QString& text, const QString& yesText,
             const QString& noText, Answer answer);
    void askReason(const QString& title, const QString& label, const QString& okText,
                   ReasonAnswer answer);

    models::AdminSession* m_session;
    QPointer<QWidget> m_dialogParent;
    Question m_question;
    ReasonPrompt m_reasonPrompt;
};

} // namespace slotdesk::ui
