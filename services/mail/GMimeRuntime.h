#pragma once
// GMimeRuntime: how services/mail's sources include GMime — after Qt, whose `signals` keyword
// macro would break GLib's headers — and its one-time initialisation. Internal to services/mail:
// no public header includes this, so callers never see a GLib type.

#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

namespace slotdesk::mail {

// g_mime_init(), once, from any thread. GMime is never shut down (its tables live until exit).
void ensureGMimeInitialised();

} // namespace slotdesk::mail
