#include "calendar/IcsCalendarPass.h"

#include "integration/KeychainSecretStore.h"

namespace slotdesk {

using integration::Failure;
using integration::ProviderReply;

IcsCalendarPass::IcsCalendarPass(Setup setup, QString secretElsewhere, QObject* parent)
    : CalendarPass(setup.database, setup.integration, setup.leaseHolder, setup.clock, parent)
    , m_setup(std::move(setup))
    , m_secretElsewhere(std::move(secretElsewhere)) {}

void IcsCalendarPass::start() {
    if (!beginPass())
        return;
    m_setup.secrets->readSecret(m_integration.keychainKey, this, [this](Result<QByteArray> secret) {
        if (!secret && m_setup.secretMayBeElsewhere) {
            m_report.ran = false;
            m_report.tokensElsewhere = true;
            return finish(true, m_secretElsewhere);
        }
        if (!secret)
            return fail(ProviderReply::localFailure(Failure::Keychain, secret.error().message));
        begin(*secret);
    });
}

IcsBusyParser IcsCalendarPass::parser() const {
    IcsBusyParser::Options options;
    options.from = now().addDays(-kWindowDays);
    options.to = now().addDays(kHorizonDays);
    options.fallbackZone = m_setup.admin.timeZone;
    options.ownAddresses = {m_setup.admin.email};
    return IcsBusyParser(options);
}

} // namespace slotdesk
