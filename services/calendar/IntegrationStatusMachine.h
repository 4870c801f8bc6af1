#pragma once
// IntegrationStatusMachine: the only place that knows which sync-status changes a calendar
// integration may make (shared/spec/data-model.md, plus one documented addition):
//   disconnected → active   (OAuth connection succeeded)
//   active → error          (a sync or a calendar write failed)
//   error → active          (a later sync succeeded, or the admin reconnected)
//   active → disconnected   (the admin disconnected)
//   error → disconnected    (addition: the admin may disconnect a failing integration too)
// Staying active or in error (a new lastSyncAt, a new message) is not a change of state.

#include "core/Result.h"
#include "domain/Entities.h"

namespace slotdesk {

class IntegrationStatusMachine {
public:
    [[nodiscard]] static bool isAllowed(SyncStatus from, SyncStatus to);
    [[nodiscard]] static Status check(SyncStatus from, SyncStatus to);
};

} // namespace slotdesk
