#pragma once
// LeaseHolder: who holds a lease kept in the database (the calendar sync's): an id unique to the
// holder, and the machine and process it runs in. The machine and process id let another
// SlotDesk on the same machine see at once that a holder has died (a crash, SIGKILL) instead of
// waiting for its lease to expire; a holder on another machine can only expire.

#include <QString>

namespace slotdesk {

struct LeaseHolder {
    QString id;
    QString host; // thisHost() of the machine the holder runs on
    qint64 pid = 0;

    // A new holder for this process: id "<pid>/<uuid>", this machine, this process.
    static LeaseHolder forThisProcess();
    // This machine as leases name it: the host name and, on Linux, the PID namespace
    // ("box/pid:[4026531836]"), so two containers that share a host name never judge each
    // other's process ids.
    static QString thisHost();
    // The host name alone, for messages.
    [[nodiscard]] QString hostName() const;
    // Whether the holder ran on this machine and its process no longer exists (kill(pid, 0)
    // fails with ESRCH). Anything it cannot tell — another machine, no pid, another user's
    // process, a reused pid — counts as alive.
    [[nodiscard]] bool isGoneFromThisHost() const;
};

} // namespace slotdesk
