#pragma once
// IcsCalendarPass: a CalendarPass over calendars read as iCalendar data with a secret from the
// keychain — an ICS feed (its address) or a CalDAV account (its password). start() takes the
// lease and reads the secret (another admin's, kept in their own machine's keychain, makes the
// pass step aside; a keychain failure fails it), then begin()s the subclass's work. parser()
// reads iCalendar with the admin's busy rules (IcsBusyParser: their zone for floating and
// all-day times, their address for their own PARTSTAT=DECLINED) over the pass's window.

#include "calendar/CalendarPass.h"
#include "calendar/IcsBusyParser.h"

class QNetworkAccessManager;

namespace slotdesk {
namespace integration {
class KeychainSecretStore;
}

class IcsCalendarPass : public CalendarPass {
    Q_OBJECT
public:
    struct Setup {
        storage::Database* database = nullptr;
        CalendarIntegration integration;
        LeaseHolder leaseHolder;
        core::Clock clock;
        integration::KeychainSecretStore* secrets = nullptr;
        QNetworkAccessManager* network = nullptr;
        User admin; // the integration's: zone, address (and the ORGANIZER of CalDAV writes)
        // Another admin's calendar whose secret is in their own machine's keychain.
        bool secretMayBeElsewhere = false;
    };

    void start() final;

protected:
    // `secretElsewhere`: the pass's message when it steps aside for another machine.
    IcsCalendarPass(Setup setup, QString secretElsewhere, QObject* parent);

    // The secret has been read: the pass's own work.
    virtual void begin(const QByteArray& secret) = 0;

    [[nodiscard]] IcsBusyParser parser() const;
    [[nodiscard]] QNetworkAccessManager* network() const { return m_setup.network; }
    [[nodiscard]] const User& admin() const { return m_setup.admin; }

private:
    Setup m_setup;
    QString m_secretElsewhere;
};

} // namespace slotdesk
