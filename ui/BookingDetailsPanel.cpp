#include "ui/BookingDetailsPanel.h"

#include "storage/MailOutboxRepository.h"

#include "booking/BookingService.h"
#include "models/AdminSession.h"
#include "models/DatabaseWorker.h"
#include "models/StatusText.h"
#include "models/TimeText.h"
#include "storage/Database.h"
#include "storage/MailOutboxRepository.h"
#include "ui/Appearance.h"
#include "ui/BookingActions.h"
#include "ui/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace slotdesk::ui {
namespace {

QString linkHtml(const QString& url, const QString& text) {
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

BookingDetailsPanel::BookingDetailsPanel(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_approve(new QPushButton(tr("Approve"), this))
    , m_reject(new QPushButton(tr("Reject…"), this))
    , m_cancel(new QPushButton(tr("Cancel booking…"), this))
    , m_reschedule(new QPushButton(tr("Reschedule…"), this))
    , m_close(new QToolButton(this))
    , m_rows(new QVBoxLayout) {
    setObjectName(QStringLiteral("card"));
    setAccessibleName(tr("Booking details"));
    setMinimumWidth(280);
    setMaximumWidth(360);

    m_title->setObjectName(QStringLiteral("detailsTitle"));
    // The attendee's name or a calendar event's title: never markup, whatever it looks like.
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("detailsStatus"));
    m_close->setIcon(Icons::icon(Icons::Glyph::Cross));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close details (Esc)"));
    m_close->setAccessibleName(tr("Close details"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_close, 0, Qt::AlignTop);

    m_rows->setSpacing(10);
    m_adminTime = addRow(QStringLiteral("detailsAdminTime"), tr("Time in your zone"));
    m_attendeeTime = addRow(QStringLiteral("detailsAttendeeTime"), tr("Time for the attendee"));
    m_email = addRow(QStringLiteral("detailsEmail"), tr("Email"));
    m_email->setOpenExternalLinks(true);
    m_video = addRow(QStringLiteral("detailsVideo"), tr("Video meeting"));
    m_video->setOpenExternalLinks(true);
    m_notes = addRow(QStringLiteral("detailsNotes"), tr("Notes"));
    m_reason = addRow(QStringLiteral("detailsReason"), tr("Reason"));
    m_mails = addRow(QStringLiteral("detailsMails"), tr("E-mails"));
    m_moves = addRow(QStringLiteral("detailsMoves"), tr("Rescheduled"));
    for (QLabel* plain : {m_adminTime, m_attendeeTime, m_notes, m_reason, m_mails, m_moves})
        plain->setTextFormat(Qt::PlainText);
    // Rich text for the links only; every part from outside goes in through toHtmlEscaped().
    m_email->setTextFormat(Qt::RichText);
    m_video->setTextFormat(Qt::RichText);
    m_status->setTextFormat(Qt::RichText);

    m_approve->setObjectName(QStringLiteral("primary"));
    m_approve->setAccessibleName(tr("Approve this request"));
    m_reject->setAccessibleName(tr("Reject this request"));
    m_cancel->setAccessibleName(tr("Cancel this booking"));
    m_reschedule->setObjectName(QStringLiteral("detailsReschedule"));
    m_reschedule->setAccessibleName(tr("Move this booking to another time"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_reschedule);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 18);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_status, 0, Qt::AlignLeft);
    layout->addSpacing(6);
    layout->addLayout(m_rows);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_close, &QToolButton::clicked, this, &BookingDetailsPanel::closeRequested);
    connect(m_approve, &QPushButton::clicked, this, [this] { emit approveRequested(m_bookingId); });
    connect(m_reject, &QPushButton::clicked, this, [this] { emit rejectRequested(m_bookingId); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { emit cancelRequested(m_bookingId); });
    connect(m_reschedule, &QPushButton::clicked, this,
            [this] { emit rescheduleRequested(m_bookingId); });
}

QLabel* BookingDetailsPanel::addRow(const QString& objectName, const QString& accessibleName) {
    auto* caption = new QLabel(accessibleName, this);
    caption->setObjectName(QStringLiteral("hint"));
    QFont small = caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.88);
    caption->setFont(small);
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    value->setAccessibleName(accessibleName);
    caption->setBuddy(value);
    auto* box = new QVBoxLayout;
    box->setSpacing(1);
    box->addWidget(caption);
    box->addWidget(value);
    m_rows->addLayout(box);
    value->setProperty("caption", QVariant::fromValue(static_cast<QObject*>(caption)));
    return value;
}

void BookingDetailsPanel::setRow(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (auto* caption = qobject_cast<QLabel*>(label->property("caption").value<QObject*>()))
        caption->setVisible(!text.isEmpty());
}

void BookingDetailsPanel::setActions(BookingActions* actions) {
    connect(this, &BookingDetailsPanel::approveRequested, actions,
            [actions](const QString& id) { actions->approve({id}); });
    connect(this, &BookingDetailsPanel::rejectRequested, actions,
            [actions](const QString& id) { actions->askAndReject({id}); });
    connect(this, &BookingDetailsPanel::cancelRequested, actions,
            [actions](const QString& id) { actions->askAndCancel({id}); });
    connect(this, &BookingDetailsPanel::rescheduleRequested, actions,
            [actions](const QString& id) { actions->askAndReschedule(id); });
}

void BookingDetailsPanel::showBookingById(models::AdminSession* session, const QString& bookingId) {
    if (bookingId.isEmpty() || !session->hasAdmin()) {
        dismiss();
        return;
    }
    struct Details {
        Booking booking;
        QVector<storage::MailOutboxEntry> mails;
        std::optional<Booking> movedFrom; // the booking this one moved
        std::optional<Booking> movedTo;   // the move of this one
    };
    const quint64 request = ++m_request;
    session->worker()->post(
        this,
        [userId = session->userId(), bookingId](storage::Database& database) -> Result<Details> {
            auto booking = BookingService(database).find(userId, bookingId);
            if (!booking)
                return booking.error();
            // The mails this booking owed and what became of them (none without e-mail set up).
            auto mails =
                storage::MailOutboxRepository(database.connection()).listForBooking(booking->id);
            if (!mails)
                return mails.error();
            Details details{*booking, *mails, {}, {}};
            // A link that can't be followed (the other booking is gone) is left out.
            BookingService bookings(database);
            if (!booking->rescheduledFromId.isEmpty())
                if (auto from = bookings.find(userId, booking->rescheduledFromId))
                    details.movedFrom = *from;
            if (!booking->rescheduledToId.isEmpty())
                if (auto to = bookings.find(userId, booking->rescheduledToId))
                    details.movedTo = *to;
            return details;
        },
        [this, request, zone = session->timeZone()](Result<Details> details) {
            if (request != m_request)
                return;
            if (!details) {
                hide();
                return;
            }
            showBooking(details->booking, zone);
            QStringList lines;
            for (const auto& mail : details->mails)
                lines.append(models::StatusText::mail(mail, zone));
            setRow(m_mails, lines.join(u'\n'));
            QStringList moves;
            if (details->movedFrom)
                moves.append(tr("Moved from %1")
                                 .arg(models::TimeText::range(details->movedFrom->startTime,
                                                              details->movedFrom->endTime, zone)));
            if (details->movedTo)
                moves.append((details->movedTo->status == BookingStatus::Pending
                                  ? tr("A move to %1 waits for your approval")
                                  : tr("Moved to %1"))
                                 .arg(models::TimeText::range(details->movedTo->startTime,
                                                              details->movedTo->endTime, zone)));
            setRow(m_moves, moves.join(u'\n'));
            show();
        });
}

void BookingDetailsPanel::dismiss() {
    ++m_request;
    hide();
}

void BookingDetailsPanel::showBooking(const Booking& booking, const QString& adminZone) {
    using models::TimeText;
    ++m_request;
    m_bookingId = booking.id;
    m_title->setText(booking.attendeeName);
    const QPalette& pal = palette();
    QColor color = Appearance::accent(pal);
    if (booking.status == BookingStatus::Pending)
        color = Appearance::pending(pal);
    else if (booking.status != BookingStatus::Confirmed)
        color = Appearance::subtleText(pal);
    m_status->setText(
        QStringLiteral("<span style=\"color:%1\">●</span> %2")
            .arg(color.name(), models::StatusText::booking(booking.status).toHtmlEscaped()));
    setRow(m_adminTime, TimeText::rangeWithZone(booking.startTime, booking.endTime, adminZone));
    setRow(m_attendeeTime,
           booking.timeZone == adminZone || booking.timeZone.isEmpty()
               ? tr("Same as yours")
               : TimeText::rangeWithZone(booking.startTime, booking.endTime, booking.timeZone));
    setRow(m_email,
           linkHtml(QStringLiteral("mailto:") + booking.attendeeEmail, booking.attendeeEmail));
    QString video;
    const QUrl videoUrl(booking.videoLink);
    if (!booking.videoLink.isEmpty() &&
        (videoUrl.scheme() == QLatin1String("https") || videoUrl.scheme() == QLatin1String("http")))
        video = linkHtml(booking.videoLink, booking.videoLink); // only web links are clickable
    else if (!booking.videoLink.isEmpty())
        video = booking.videoLink.toHtmlEscaped();
    else if (booking.requestedVideoProvider)
        video =
            tr("%1 requested — the link is created once the booking is confirmed")
                .arg(*booking.requestedVideoProvider == VideoProvider::Zoom ? tr("Zoom")
                                                                            : tr("Google Meet"));
    else
        video = tr("None");
    setRow(m_video, video);
    setRow(m_notes, booking.notes.isEmpty() ? tr("No notes") : booking.notes);
    setRow(m_reason, booking.statusReason);
    setRow(m_mails, QString());
    setRow(m_moves, QString());
    m_approve->setVisible(booking.status == BookingStatus::Pending);
    m_reject->setVisible(booking.status == BookingStatus::Pending);
    m_cancel->setVisible(booking.status == BookingStatus::Confirmed);
    m_reschedule->setVisible(booking.status == BookingStatus::Pending ||
                             booking.status == BookingStatus::Confirmed);
}

void BookingDetailsPanel::showBusyEvent(const QString& title, const QDateTime& start,
                                        const QDateTime& end, const QString& adminZone) {
    ++m_request;
    m_bookingId.clear();
    m_title->setText(title.isEmpty() ? tr("Busy") : title);
    m_status->setText(tr("Busy in your calendar").toHtmlEscaped());
    setRow(m_adminTime, models::TimeText::rangeWithZone(start, end, adminZone));
    setRow(m_attendeeTime, QString());
    setRow(m_email, QString());
    setRow(m_video, QString());
    setRow(m_notes, tr("Synced from your calendar. SlotDesk offers no slots at this time."));
    setRow(m_reason, QString());
    setRow(m_mails, QString());
    setRow(m_moves, QString());
    m_approve->setVisible(false);
    m_reject->setVisible(false);
    m_cancel->setVisible(false);
    m_reschedule->setVisible(false);
}

} // namespace slotdesk::ui
