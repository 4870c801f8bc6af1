#pragma once
// MailTexts: the words of SlotDesk's e-mails in English, German and French — one table per
// language, chosen per message by the recipient's language. Placeholders: %1, %2 as noted.

#include "mail/MailKind.h"

#include <QString>

namespace slotdesk::mail {

struct MailTexts {
    struct Message {
        QString subject; // %1: the meeting's title, %2: its start in the recipient's zone
        QString intro;   // %1: the attendee's name (admin mails)
    };

    QString locale;      // for dates: "en_GB", "de_DE", "fr_FR"
    QString greeting;    // %1: the recipient's name
    QString meetingWith; // %1: the admin's name — the meeting's title for the attendee
    QString meetingFrom; // %1: the attendee's name — the title for the admin
    QString when;
    QString attendeeTime; // the label of the time in the attendee's zone (admin mails)
    QString host;
    QString attendee;
    QString video;
    QString notes;
    QString reason;
    QString manage;       // the label before the manage link
    QString openApp;      // admin mails: where to act
    QString calendarHint; // mails with an invitation
    QString signature;    // %1: the admin's name
    QString previously;   // the label of the time a move replaces
    QString stillBooked;  // the label of the meeting a declined move leaves as it was
    Message messages[11]; // indexed by MailKind
    // The variants for moves (a booking with rescheduledFromId):
    Message rescheduleRequested;    // RequestReceived: the attendee asked to move
    Message adminRescheduleRequest; // AdminNewRequest: the attendee asks to move
    Message rescheduledRequest;     // Rescheduled while still pending: the admin moved a request
    Message rescheduleDeclined;     // Rejected: the admin declined the move

    [[nodiscard]] const Message& message(MailKind kind) const {
        return messages[static_cast<int>(kind)];
    }
    // The table for "en", "de" or "fr"; English for anything else.
    static const MailTexts& forLanguage(const QString& language);
};

} // namespace slotdesk::mail
