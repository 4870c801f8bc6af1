#include "mail/GMimeRuntime.h"

#include <mutex>

namespace slotdesk::mail {

void ensureGMimeInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

} // namespace slotdesk::mail
