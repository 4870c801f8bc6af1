#include "mail/ManageLinkFor.h"

#include "web/LinkBuilder.h"

namespace slotdesk::mail {

MailOutbox::ManageLink manageLinkFor(const web::LinkBuilder& links) {
    if (links.publicUrl().isEmpty())
        return {};
    return [base = links.publicUrl()](const Booking& booking, const QString& token) {
        return web::LinkBuilder::manageLink(base, booking.id, token);
    };
}

} // namespace slotdesk::mail
