#include "ui/BookingActions.h"
#include "models/Plural.h"

#include "availability/AvailabilityService.h"
#include "booking/BookingConflictService.h"
#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/ChangeWatcher.h"
#include "models/DatabaseWorker.h"
#include "models/TimeText.h"
#include "privacy/AttendeePrivacy.h"
#include "ui/RescheduleDialog.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace slotdesk::ui {

BookingActions::BookingActions(models::AdminSession* session, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_dialogParent(dialogParent) {}

void BookingActions::approve(const QStringList& bookingIds) {
    if (bookingIds.isEmpty() || !m_session->hasAdmin())
        return;
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), bookingIds,
         clock = m_session->clock()](storage::Database& database) -> Result<QVector<Candidate>> {
            BookingService bookings(database, clock);
            BookingConflictService conflicts(database);
            QVector<Candidate> candidates;
            for (const QString& id : bookingIds) {
                auto booking = bookings.find(userId, id);
                if (!booking)
                    return booking.error();
                auto found = conflicts.conflicts(userId, *booking);
                if (!found)
                    return found.error();
                candidates.append({std::move(*booking), std::move(*found)});
            }
            return candidates;
        },
        [this, bookingIds](Result<QVector<Candidate>> candidates) {
            if (!candidates) {
                emit failed(candidates.error().message);
                return;
            }
            askOrApprove(bookingIds, *candidates);
        });
}

void BookingActions::askOrApprove(const QStringList& bookingIds,
                                  const QVector<Candidate>& candidates) {
    const QString zone = m_session->timeZone();
    QStringList problems;
    QVector<Booking> batch;
    for (const auto& [booking, conflicts] : candidates) {
        for (const auto& c : conflicts) {
            const QString when = models::TimeText::range(c.start, c.end, zone);
            problems.append(
                c.kind == BookingConflict::Kind::BusyEvent
                    ? tr("%1 overlaps “%2” in your calendar (%3)")
                          .arg(booking.attendeeName, c.title.isEmpty() ? tr("Busy") : c.title, when)
                    : tr("%1 overlaps your confirmed booking with %2 (%3)")
                          .arg(booking.attendeeName, c.title, when));
        }
        for (const auto& other : std::as_const(batch)) {
            if (other.startTime < booking.endTime && booking.startTime < other.endTime)
                problems.append(
                    tr("%1 and %2 overlap each other (%3)")
                        .arg(other.attendeeName, booking.attendeeName,
                             models::TimeText::range(booking.startTime, booking.endTime, zone)));
        }
        batch.append(booking);
    }
    if (problems.isEmpty()) {
        approveNow(bookingIds);
        return;
    }
    const QString text =
        tr("This time is no longer free:\n\n• %1\n\nApprove anyway? The attendee will be "
           "confirmed for a time that collides.")
            .arg(problems.join(QStringLiteral("\n• ")));
    ask(tr("Approve despite the collision?"), text, tr("Approve anyway"), tr("Keep waiting"),
        [this, bookingIds](bool yes) {
            if (yes)
                approveNow(bookingIds);
        });
}

void BookingActions::approveNow(const QStringList& bookingIds) {
    applyEach(
        bookingIds,
        [](BookingService& bookings, const QString& userId, const QString& id) {
            return bookings.approve(userId, id);
        },
        [](int approved) {
            return models::plural(tr("Approved %n request(s)", nullptr, approved), approved);
        });
}

void BookingActions::reject(const QStringList& bookingIds, const QString& reason) {
    applyWithReason(bookingIds, reason, &BookingService::reject, [](int rejected) {
        return models::plural(tr("Rejected %n request(s)", nullptr, rejected), rejected);
    });
}

void BookingActions::cancel(const QStringList& bookingIds, const QString& reason) {
    applyWithReason(bookingIds, reason, &BookingService::cancel, [](int cancelled) {
        return models::plural(tr("Cancelled %n booking(s)", nullptr, cancelled), cancelled);
    });
}

void BookingActions::applyWithReason(const QStringList& bookingIds, const QString& reason,
                                     ChangeWithReason change, Summary summary) {
    if (bookingIds.isEmpty() || !m_session->hasAdmin())
        return;
    applyEach(
        bookingIds,
        [change, reason = reason.trimmed()](BookingService& bookings, const QString& userId,
                                            const QString& id) {
            return (bookings.*change)(userId, id, reason);
        },
        std::move(summary));
}

void BookingActions::applyEach(const QStringList& bookingIds, Change change, Summary summary) {
    struct Outcome {
        int changed = 0;
        QString problem;
    };
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), bookingIds, change,
         clock = m_session->clock()](storage::Database& database) {
            BookingService bookings(database, clock);
            Outcome outcome;
            for (const QString& id : bookingIds) {
                auto result = change(bookings, userId, id);
                if (result)
                    ++outcome.changed;
                else
                    outcome.problem = result.error().message;
            }
            return Result<Outcome>(outcome);
        },
        [this, summary](Result<Outcome> outcome) {
            if (!outcome) {
                emit failed(outcome.error().message);
                return;
            }
            // Every view follows at once rather than at the watcher's next tick.
            m_session->watcher()->check();
            if (!outcome->problem.isEmpty())
                emit failed(outcome->problem);
            if (outcome->changed > 0)
                emit done(summary(outcome->changed));
        });
}

void BookingActions::askAndReject(const QStringList& bookingIds) {
    if (bookingIds.isEmpty())
        return;
    askReason(
        models::plural(tr("Reject %n request(s)", nullptr, static_cast<int>(bookingIds.size())),
                       static_cast<int>(bookingIds.size())),
        tr("Reason (optional, shown to the attendee):"), tr("Reject"),
        [this, bookingIds](bool ok, const QString& reason) {
            if (ok)
                reject(bookingIds, reason);
        });
}

void BookingActions::askAndCancel(const QStringList& bookingIds) {
    if (bookingIds.isEmpty())
        return;
    askReason(
        models::plural(tr("Cancel %n booking(s)", nullptr, static_cast<int>(bookingIds.size())),
                       static_cast<int>(bookingIds.size())),
        tr("Reason (shown to the attendee):"), tr("Cancel booking"),
        [this, bookingIds](bool ok, const QString& reason) {
            if (ok)
                cancel(bookingIds, reason);
        });
}

void BookingActions::reschedule(const QString& bookingId, const QDateTime& start, int duration,
                                bool confirm) {
    if (bookingId.isEmpty() || !m_session->hasAdmin())
        return;
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), bookingId, start, duration,
         clock = m_session->clock()](storage::Database& database) -> Result<Candidate> {
            auto booking = BookingService(database, clock).find(userId, bookingId);
            if (!booking)
                return booking.error();
            Booking moved = *booking;
            moved.startTime = start;
            moved.endTime = start.addSecs(duration * 60LL);
            auto found = BookingConflictService(database).conflicts(userId, moved);
            if (!found)
                return found.error();
            return Candidate{std::move(*booking), std::move(*found)};
        },
        [this, start, duration, confirm](Result<Candidate> candidate) {
            if (!candidate) {
                emit failed(candidate.error().message);
                return;
            }
            const Booking& booking = candidate->booking;
            const QString zone = m_session->timeZone();
            QStringList problems;
            for (const auto& c : std::as_const(candidate->conflicts))
                problems.append(
                    tr("“%1” (%2)")
                        .arg(c.kind == BookingConflict::Kind::BusyEvent && c.title.isEmpty()
                                 ? tr("Busy")
                                 : c.title,
                             models::TimeText::range(c.start, c.end, zone)));
            if (problems.isEmpty() && !confirm) {
                moveNow(booking, start, duration);
                return;
            }
            const QDateTime end = start.addSecs(duration * 60LL);
            QString text =
                tr("Move the meeting with %1?\n\nFrom: %2\nTo: %3")
                    .arg(booking.attendeeName,
                         models::TimeText::range(booking.startTime, booking.endTime, zone),
                         models::TimeText::range(start, end, zone));
            if (!problems.isEmpty())
                text += tr("\n\nThe new time overlaps:\n• %1")
                            .arg(problems.join(QStringLiteral("\n• ")));
            text += booking.status == BookingStatus::Confirmed
                        ? tr("\n\nThe attendee is told of the new time.")
                        : tr("\n\nThe request moves to the new time and still waits for your "
                             "approval.");
            ask(problems.isEmpty() ? tr("Move this booking?") : tr("Move despite the collision?"),
                text, tr("Move"), tr("Keep the time"), [this, booking, start, duration](bool yes) {
                    if (yes)
                        moveNow(booking, start, duration);
                });
        });
}

void BookingActions::moveNow(const Booking& booking, const QDateTime& start, int duration) {
    const QString when =
        models::TimeText::range(start, start.addSecs(duration * 60LL), m_session->timeZone());
    applyEach(
        {booking.id},
        [start, duration](BookingService& bookings, const QString& userId, const QString& id) {
            return bookings.reschedule(userId, id, start, duration);
        },
        [name = booking.attendeeName, when](int) {
            return tr("Moved the meeting with %1 to %2").arg(name, when);
        });
}

void BookingActions::askAndReschedule(const QString& bookingId) {
    if (bookingId.isEmpty() || !m_session->hasAdmin())
        return;
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), bookingId,
         clock = m_session->clock()](storage::Database& database) -> Result<RescheduleChoices> {
            auto booking = BookingService(database, clock).find(userId, bookingId);
            if (!booking)
                return booking.error();
            auto settings = AvailabilityService(database).settings(userId);
            if (!settings)
                return settings.error();
            return RescheduleChoices{std::move(*booking), std::move(*settings)};
        },
        [this](Result<RescheduleChoices> choices) {
            if (!choices) {
                emit failed(choices.error().message);
                return;
            }
            auto* dialog = new RescheduleDialog(choices->booking, choices->settings,
                                                m_session->timeZone(), m_dialogParent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowModality(Qt::WindowModal);
            connect(dialog, &QDialog::accepted, this, [this, dialog, id = choices->booking.id] {
                reschedule(id, dialog->start(), dialog->duration(), false);
            });
            dialog->open();
        });
}

void BookingActions::askAndForget(const QString& email) {
    if (email.isEmpty())
        return;
    ask(tr("Forget %1?").arg(email),
        tr("Their future bookings are cancelled, and the name, e-mail address and notes of all "
           "their bookings are erased, with the mails and links sent to them. The times stay. "
           "This cannot be undone."),
        tr("Forget attendee"), tr("Keep"), [this, email](bool yes) {
            if (yes)
                forget(email);
        });
}

void BookingActions::forget(const QString& email) {
    if (email.isEmpty() || !m_session->hasAdmin())
        return;
    m_session->worker()->post(
        this,
        [userId = m_session->userId(), email,
         clock = m_session->clock()](storage::Database& database) {
            return privacy::AttendeePrivacy(database, clock).forget(userId, email);
        },
        [this, email](Result<privacy::ForgetOutcome> outcome) {
            if (!outcome) {
                emit failed(outcome.error().message);
                return;
            }
            m_session->watcher()->check();
            emit done(models::plural(
                          tr("Forgot %1: %n booking(s) anonymised", nullptr, outcome->anonymised),
                          outcome->anonymised)
                          .arg(email));
        });
}

void BookingActions::ask(const QString& title, const QString& text, const QString& yesText,
                         const QString& noText, Answer answer) {
    if (m_question) {
        m_question(title, text, std::move(answer));
        return;
    }
    auto* box =
        new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_dialogParent);
    // The text names attendees and calendar events: plain, not whatever Qt guesses.
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    auto* yes = box->addButton(yesText, QMessageBox::AcceptRole);
    box->addButton(noText, QMessageBox::RejectRole);
    box->setDefaultButton(qobject_cast<QPushButton*>(box->buttons().last()));
    connect(box, &QMessageBox::finished, this,
            [box, yes, answer = std::move(answer)](int) { answer(box->clickedButton() == yes); });
    box->open();
}

void BookingActions::askReason(const QString& title, const QString& label, const QString& okText,
                               ReasonAnswer answer) {
    if (m_reasonPrompt) {
        m_reasonPrompt(title, label, std::move(answer));
        return;
    }
    auto* dialog = new QInputDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog->setOkButtonText(okText);
    dialog->setCancelButtonText(tr("Back"));
    dialog->resize(420, 220);
    connect(dialog, &QInputDialog::finished, this,
            [dialog, answer = std::move(answer)](int result) {
                answer(result == QDialog::Accepted, dialog->textValue());
            });
    dialog->open();
}

} // namespace slotdesk::ui
