#pragma once
// OAuthClientDialog: asks for the OAuth client SlotDesk signs in with (Google's Desktop client
// or a Zoom OAuth app) when none is configured, says where to create one and that the
// environment variables win, and checks that the fields it needs are filled. The caller saves
// the answer (GoogleConfig writes it to SlotDesk's settings; ZoomConfig the id there and the
// secret to the system keychain).

#include <QDialog>

class QLabel;
class QLineEdit;

namespace slotdesk::ui {

class OAuthClientDialog : public QDialog {
    Q_OBJECT
public:
    enum class Provider { Google, Zoom };

    OAuthClientDialog(Provider provider, QWidget* parent = nullptr);

    [[nodiscard]] Provider provider() const { return m_provider; }
    [[nodiscard]] QString clientId() const;
    [[nodiscard]] QString clientSecret() const;
    [[nodiscard]] QLineEdit* clientIdEdit() const { return m_clientId; }
    [[nodiscard]] QLineEdit* clientSecretEdit() const { return m_clientSecret; }
    [[nodiscard]] QString errorText() const;

    void accept() override;

private:
    Provider m_provider;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret;
    QLabel* m_error;
};

} // namespace slotdesk::ui
