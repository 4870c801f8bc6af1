#pragma once
// IcsCalendarPass: a CalendarPass over calendars read as iCalendar data with a secret from the
// keychain — an ICS feed (its address) or a CalDAV account (its password). start() takes the
// lease and reads the secret (another admin's, kept in their own machine's keychain, makes the
// pass step aside; a keychain failure fails it), then begin()s the subclass's work. parser()
// reads iCalendar with the admin's busy rules (IcsBusyParser: their zone for floating and
// all-day times, their address for their own PARTSTAT=DECLINED) over the pass's window.

#include "calendar/CalendarPass.h"
#include "calendar/IcsBusyParser.h"

namespace slotdesk {
namespace integration {
class KeychainSecretStore;
}

class IcsCalendarPass : public CalendarPass {
    Q_OBJECT
public:
    void start() final;

protected:
    // `secretElsewhere`: the pass's message when it steps aside for another machine.
    IcsCalendarPass(const Setup& setup, integration::KeychainSecretStore* secrets,
                    QString secretElsewhere, QObject* parent);

    // The secret has been read: the pass's own work.
    virtual void begin(const QByteArray& secret) = 0;

    [[nodiscard]] IcsBusyParser parser() const;

private:
    integration::KeychainSecretStore* m_secrets;
    QString m_secretElsewhere;
};

} // namespace slotdesk
