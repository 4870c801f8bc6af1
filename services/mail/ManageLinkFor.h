#pragma once
// manageLinkFor(): the MailOutbox::ManageLink a composition root passes to
// MailOutbox::setManageLink() — the booking page's own manage link format
// (LinkBuilder::manageLink) under the configured public URL.

#include "mail/MailOutbox.h"

#include <QUrl>

namespace slotdesk::web {
class LinkBuilder;
} // namespace slotdesk::web

namespace slotdesk::mail {

// Links under `links.publicUrl()` (copied: `links` need not outlive the result). Without a
// public URL there is no address a mail could point at: an empty function, so the mails carry
// no manage link and no token is minted.
MailOutbox::ManageLink manageLinkFor(const web::LinkBuilder& links);
// Links under `base` (the public URL, or where this machine serves the page); none when empty.
MailOutbox::ManageLink manageLinkFor(const QUrl& base);

} // namespace slotdesk::mail
