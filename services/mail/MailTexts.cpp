#include "mail/MailTexts.h"

namespace slotdesk::mail {
namespace {

MailTexts english() {
    MailTexts t;
    t.locale = QStringLiteral("en_GB");
    t.greeting = QStringLiteral("Hello %1,");
    t.meetingWith = QStringLiteral("Meeting with %1");
    t.meetingFrom = QStringLiteral("Meeting with %1");
    t.when = QStringLiteral("When");
    t.attendeeTime = QStringLiteral("Their time");
    t.host = QStringLiteral("With");
    t.attendee = QStringLiteral("Attendee");
    t.video = QStringLiteral("Video");
    t.notes = QStringLiteral("Notes");
    t.reason = QStringLiteral("Reason");
    t.manage = QStringLiteral("See or cancel your booking");
    t.openApp = QStringLiteral("Open SlotDesk to approve or reject it.");
    t.calendarHint = QStringLiteral("The attached invitation adds it to your calendar.");
    t.signature = QStringLiteral("Sent by SlotDesk for %1.");
    t.messages[int(MailKind::RequestReceived)] = {
        QStringLiteral("Request received: %1, %2"),
        QStringLiteral("Thank you for your request. It is awaiting approval; you will hear "
                       "again as soon as it is decided.")};
    t.messages[int(MailKind::Approved)] = {QStringLiteral("Confirmed: %1, %2"),
                                           QStringLiteral("Your meeting is confirmed.")};
    t.messages[int(MailKind::Rejected)] = {
        QStringLiteral("Declined: %1, %2"),
        QStringLiteral("Unfortunately your request was declined.")};
    t.messages[int(MailKind::CancelledByAdmin)] = {
        QStringLiteral("Cancelled: %1, %2"),
        QStringLiteral("Unfortunately your meeting was cancelled.")};
    t.messages[int(MailKind::Withdrawn)] = {
        QStringLiteral("Request withdrawn: %1, %2"),
        QStringLiteral("You withdrew your request. Nothing else needs to be done.")};
    t.messages[int(MailKind::CancelledByAttendee)] = {
        QStringLiteral("Cancelled: %1, %2"),
        QStringLiteral("You cancelled your meeting. Nothing else needs to be done.")};
    t.messages[int(MailKind::Reminder)] = {QStringLiteral("Reminder: %1, %2"),
                                           QStringLiteral("A reminder of your meeting.")};
    t.messages[int(MailKind::Rescheduled)] = {
        QStringLiteral("Rescheduled: %1, %2"),
        QStringLiteral("Your meeting has been moved to a new time.")};
    t.previously = QStringLiteral("Previously");
    t.stillBooked = QStringLiteral("Still booked");
    t.rescheduleRequested = {
        QStringLiteral("Request to reschedule received: %1, %2"),
        QStringLiteral("Thank you for your request to move the meeting. It is awaiting approval; "
                       "until then your booking stays as it is, and you will hear again as soon "
                       "as it is decided.")};
    t.adminRescheduleRequest = {QStringLiteral("Reschedule request: %1, %2"),
                                QStringLiteral("%1 asks to move their meeting to a new time.")};
    t.rescheduledRequest = {
        QStringLiteral("Request moved: %1, %2"),
        QStringLiteral("Your request has been moved to a new time. It is still awaiting "
                       "approval; you will hear again as soon as it is decided.")};
    t.rescheduleDeclined = {
        QStringLiteral("New time declined: %1, %2"),
        QStringLiteral("Unfortunately the new time you asked for was declined.")};
    t.messages[int(MailKind::AdminNewRequest)] = {QStringLiteral("New request: %1, %2"),
                                                  QStringLiteral("%1 asks for a meeting.")};
    t.messages[int(MailKind::AdminAttendeeWithdrew)] = {
        QStringLiteral("Request withdrawn: %1, %2"), QStringLiteral("%1 withdrew their request.")};
    t.messages[int(MailKind::AdminAttendeeCancelled)] = {
        QStringLiteral("Cancelled by the attendee: %1, %2"),
        QStringLiteral("%1 cancelled the meeting.")};
    return t;
}

MailTexts german() {
    MailTexts t;
    t.locale = QStringLiteral("de_DE");
    t.greeting = QStringLiteral("Hallo %1,");
    t.meetingWith = QStringLiteral("Termin mit %1");
    t.meetingFrom = QStringLiteral("Termin mit %1");
    t.when = QStringLiteral("Wann");
    t.attendeeTime = QStringLiteral("Ortszeit");
    t.host = QStringLiteral("Mit");
    t.attendee = QStringLiteral("Teilnehmer");
    t.video = QStringLiteral("Video");
    t.notes = QStringLiteral("Notizen");
    t.reason = QStringLiteral("Grund");
    t.manage = QStringLiteral("Buchung ansehen oder absagen");
    t.openApp = QStringLiteral("Öffnen Sie SlotDesk, um sie anzunehmen oder abzulehnen.");
    t.calendarHint =
        QStringLiteral("Mit der angehängten Einladung tragen Sie ihn in Ihren Kalender ein.");
    t.signature = QStringLiteral("Gesendet von SlotDesk für %1.");
    t.messages[int(MailKind::RequestReceived)] = {
        QStringLiteral("Anfrage erhalten: %1, %2"),
        QStringLiteral("Vielen Dank für Ihre Anfrage. Sie wartet auf Bestätigung; Sie hören "
                       "wieder von uns, sobald sie entschieden ist.")};
    t.messages[int(MailKind::Approved)] = {QStringLiteral("Bestätigt: %1, %2"),
                                           QStringLiteral("Ihr Termin ist bestätigt.")};
    t.messages[int(MailKind::Rejected)] = {QStringLiteral("Abgelehnt: %1, %2"),
                                           QStringLiteral("Leider wurde Ihre Anfrage abgelehnt.")};
    t.messages[int(MailKind::CancelledByAdmin)] = {
        QStringLiteral("Abgesagt: %1, %2"), QStringLiteral("Leider wurde Ihr Termin abgesagt.")};
    t.messages[int(MailKind::Withdrawn)] = {
        QStringLiteral("Anfrage zurückgezogen: %1, %2"),
        QStringLiteral("Sie haben Ihre Anfrage zurückgezogen. Sonst ist nichts zu tun.")};
    t.messages[int(MailKind::CancelledByAttendee)] = {
        QStringLiteral("Abgesagt: %1, %2"),
        QStringLiteral("Sie haben Ihren Termin abgesagt. Sonst ist nichts zu tun.")};
    t.messages[int(MailKind::Reminder)] = {QStringLiteral("Erinnerung: %1, %2"),
                                           QStringLiteral("Eine Erinnerung an Ihren Termin.")};
    t.messages[int(MailKind::Rescheduled)] = {
        QStringLiteral("Verschoben: %1, %2"),
        QStringLiteral("Ihr Termin wurde auf eine neue Zeit verschoben.")};
    t.previously = QStringLiteral("Bisher");
    t.stillBooked = QStringLiteral("Weiterhin gebucht");
    t.rescheduleRequested = {
        QStringLiteral("Verschiebung angefragt: %1, %2"),
        QStringLiteral("Vielen Dank für Ihre Anfrage, den Termin zu verschieben. Sie wartet auf "
                       "Bestätigung; bis dahin bleibt Ihre Buchung, wie sie ist, und Sie hören "
                       "wieder von uns, sobald sie entschieden ist.")};
    t.adminRescheduleRequest = {
        QStringLiteral("Verschiebung angefragt: %1, %2"),
        QStringLiteral("%1 möchte den Termin auf eine neue Zeit verschieben.")};
    t.rescheduledRequest = {
        QStringLiteral("Anfrage verschoben: %1, %2"),
        QStringLiteral("Ihre Anfrage wurde auf eine neue Zeit verschoben. Sie wartet weiter auf "
                       "Bestätigung; Sie hören wieder von uns, sobald sie entschieden ist.")};
    t.rescheduleDeclined = {
        QStringLiteral("Neue Zeit abgelehnt: %1, %2"),
        QStringLiteral("Leider wurde die neue Zeit, um die Sie gebeten haben, abgelehnt.")};
    t.messages[int(MailKind::AdminNewRequest)] = {QStringLiteral("Neue Anfrage: %1, %2"),
                                                  QStringLiteral("%1 bittet um einen Termin.")};
    t.messages[int(MailKind::AdminAttendeeWithdrew)] = {
        QStringLiteral("Anfrage zurückgezogen: %1, %2"),
        QStringLiteral("%1 hat die Anfrage zurückgezogen.")};
    t.messages[int(MailKind::AdminAttendeeCancelled)] = {
        QStringLiteral("Vom Teilnehmer abgesagt: %1, %2"),
        QStringLiteral("%1 hat den Termin abgesagt.")};
    return t;
}

MailTexts french() {
    MailTexts t;
    t.locale = QStringLiteral("fr_FR");
    t.greeting = QStringLiteral("Bonjour %1,");
    t.meetingWith = QStringLiteral("Rendez-vous avec %1");
    t.meetingFrom = QStringLiteral("Rendez-vous avec %1");
    t.when = QStringLiteral("Quand");
    t.attendeeTime = QStringLiteral("Son heure");
    t.host = QStringLiteral("Avec");
    t.attendee = QStringLiteral("Participant");
    t.video = QStringLiteral("Vidéo");
    t.notes = QStringLiteral("Notes");
    t.reason = QStringLiteral("Motif");
    t.manage = QStringLiteral("Voir ou annuler votre réservation");
    t.openApp = QStringLiteral("Ouvrez SlotDesk pour l’accepter ou la refuser.");
    t.calendarHint = QStringLiteral("L’invitation jointe l’ajoute à votre agenda.");
    t.signature = QStringLiteral("Envoyé par SlotDesk pour %1.");
    t.messages[int(MailKind::RequestReceived)] = {
        QStringLiteral("Demande reçue : %1, %2"),
        QStringLiteral("Merci pour votre demande. Elle attend une confirmation ; vous aurez "
                       "des nouvelles dès qu’elle sera décidée.")};
    t.messages[int(MailKind::Approved)] = {QStringLiteral("Confirmé : %1, %2"),
                                           QStringLiteral("Votre rendez-vous est confirmé.")};
    t.messages[int(MailKind::Rejected)] = {
        QStringLiteral("Refusé : %1, %2"),
        QStringLiteral("Malheureusement, votre demande a été refusée.")};
    t.messages[int(MailKind::CancelledByAdmin)] = {
        QStringLiteral("Annulé : %1, %2"),
        QStringLiteral("Malheureusement, votre rendez-vous a été annulé.")};
    t.messages[int(MailKind::Withdrawn)] = {
        QStringLiteral("Demande retirée : %1, %2"),
        QStringLiteral("Vous avez retiré votre demande. Il n’y a rien d’autre à faire.")};
    t.messages[int(MailKind::CancelledByAttendee)] = {
        QStringLiteral("Annulé : %1, %2"),
        QStringLiteral("Vous avez annulé votre rendez-vous. Il n’y a rien d’autre à faire.")};
    t.messages[int(MailKind::Reminder)] = {QStringLiteral("Rappel : %1, %2"),
                                           QStringLiteral("Un rappel de votre rendez-vous.")};
    t.messages[int(MailKind::Rescheduled)] = {
        QStringLiteral("Déplacé : %1, %2"),
        QStringLiteral("Votre rendez-vous a été déplacé à un nouvel horaire.")};
    t.previously = QStringLiteral("Auparavant");
    t.stillBooked = QStringLiteral("Toujours réservé");
    t.rescheduleRequested = {
        QStringLiteral("Demande de changement reçue : %1, %2"),
        QStringLiteral("Merci pour votre demande de déplacer le rendez-vous. Elle attend une "
                       "confirmation ; d’ici là, votre réservation reste telle quelle, et vous "
                       "aurez des nouvelles dès qu’elle sera décidée.")};
    t.adminRescheduleRequest = {
        QStringLiteral("Demande de changement : %1, %2"),
        QStringLiteral("%1 demande à déplacer le rendez-vous à un nouvel horaire.")};
    t.rescheduledRequest = {
        QStringLiteral("Demande déplacée : %1, %2"),
        QStringLiteral("Votre demande a été déplacée à un nouvel horaire. Elle attend toujours "
                       "une confirmation ; vous aurez des nouvelles dès qu’elle sera décidée.")};
    t.rescheduleDeclined = {
        QStringLiteral("Nouvel horaire refusé : %1, %2"),
        QStringLiteral("Malheureusement, le nouvel horaire que vous avez demandé a été refusé.")};
    t.messages[int(MailKind::AdminNewRequest)] = {QStringLiteral("Nouvelle demande : %1, %2"),
                                                  QStringLiteral("%1 demande un rendez-vous.")};
    t.messages[int(MailKind::AdminAttendeeWithdrew)] = {QStringLiteral("Demande retirée : %1, %2"),
                                                        QStringLiteral("%1 a retiré sa demande.")};
    t.messages[int(MailKind::AdminAttendeeCancelled)] = {
        QStringLiteral("Annulé par le participant : %1, %2"),
        QStringLiteral("%1 a annulé le rendez-vous.")};
    return t;
}

} // namespace

const MailTexts& MailTexts::forLanguage(const QString& language) {
    static const MailTexts en = english();
    static const MailTexts de = german();
    static const MailTexts fr = french();
    if (language == u"de")
        return de;
    if (language == u"fr")
        return fr;
    return en;
}

} // namespace slotdesk::mail
