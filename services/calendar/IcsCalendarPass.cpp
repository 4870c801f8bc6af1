#include "calendar/IcsCalendarPass.h"

#include "integration/KeychainSecretStore.h"

namespace slotdesk {

using integration::Failure;
using integration::ProviderReply;

IcsCalendarPass::IcsCalendarPass(const Setup& setup, integration::KeychainSecretStore* secrets,
                                 QString secretElsewhere, QObject* parent)
    : CalendarPass(setup, parent)
    , m_secrets(secrets)
    , m_secretElsewhere(std::move(secretElsewhere)) {}

void IcsCalendarPass::start() {
    if (!beginPass())
        return;
    m_secrets->readSecret(m_integration.keychainKey, this, [this](Result<QByteArray> secret) {
        if (!secret && secretsMayBeElsewhere()) {
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
    options.fallbackZone = admin().timeZone;
    options.ownAddresses = {admin().email};
    return IcsBusyParser(options);
}

} // namespace slotdesk
