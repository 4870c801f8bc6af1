#pragma once
// Provider: the names a provider-neutral integration piece puts into the messages it writes — who
// answered ("Google could not be reached") and what the admin reconnects ("reconnect Google
// Calendar"). Each integration has one (provider() in GoogleConfig.h and ZoomConfig.h).

#include <QString>

namespace slotdesk::integration {

struct Provider {
    QString name;    // "Google", "Zoom"
    QString product; // "Google Calendar", "Zoom"
};

} // namespace slotdesk::integration
