#include "mail/ManageLinkFor.h"

#include "web/LinkBuilder.h"

namespace slotdesk::mail {

MailOutbox::ManageLink manageLinkFor(const web::LinkBuilder& links) {
    return manageLinkFor(links.publicUrl());
}

MailOutbox::ManageLink manageLinkFor(const QUrl& base) {
    if (base.isEmpty())
        return {};
    return [base](const Booking& booking, const QString& token) {
        return web::LinkBuilder::manageLink(base, booking.id, token);
    };
}

} // namespace slotdesk::mail
