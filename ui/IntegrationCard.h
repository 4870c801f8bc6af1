#pragma once
// IntegrationCard: what the Integrations page's cards have in common — the framed card (icon,
// title, what the integration does, a column of facts, the rows below), the browser step of a
// sign-in, messages that quote the provider, the question before a disconnect and the dialog
// that asks for an OAuth client. GoogleCalendarCard, CalendarListCard (the other
// calendars) and ZoomCard are the cards.

#include "domain/Entities.h"
#include "ui/Icons.h"
#include "ui/OAuthClientDialog.h"

#include <QFrame>
#include <QUrl>

#include <functional>

class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

// What the cards are made with and talk to, declared once for all of them.
namespace slotdesk {
class CalendarSyncService;
}
namespace slotdesk::models {
class AdminSession;
class IntegrationModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class IntegrationCard : public QFrame {
    Q_OBJECT
public:
    using Answer = std::function<void(bool yes)>;
    using Question = std::function<void(const QString& title, const QString& text, Answer)>;
    using UrlOpener = std::function<bool(const QUrl& url)>;

    // Replace the confirmation dialog and the browser (tests).
    void setQuestionHandler(Question question) { m_question = std::move(question); }
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    // The tooltip of a button whose service this window does not have.
    static QString withoutServiceText();

protected:
    IntegrationCard(Icons::Glyph glyph, const QString& title, const QString& about,
                    QWidget* parent);

    // `value` beside its caption, on the next row of the facts.
    void addFact(const QString& caption, QWidget* value);
    // Below the facts: the integration's error, the last action's message, the line that says
    // the sign-in goes on in the browser, and a row of `buttons`.
    void addButtons(std::initializer_list<QPushButton*> buttons);
    // `widget` below the facts (and above the buttons when called before addButtons()).
    void addWidget(QWidget* widget);
    // The integration's own error (hidden when empty).
    void showError(const QString& text);
    // What the last action said: a hint when `ok`, else an error (hidden when empty).
    void showMessage(bool ok, const QString& text);
    void hideMessage();
    // The sign-in waits for the browser, which was sent to `url` (or could not be opened).
    void showWaiting(const QUrl& url);
    void hideWaiting();
    // `text` after a dot in `color`, as rich text (the text itself escaped).
    static QString dot(const QColor& color, const QString& text);
    // A calendar's sync status after a dot in its colour (connected, failing, off), rich text.
    [[nodiscard]] QString syncStatusText(SyncStatus status) const;
    // "5 min ago (Mon 3 May, 10:00)" in the admin's zone, or "Never".
    static QString lastSyncText(const QDateTime& at, const models::AdminSession& session);
    // A question before an action that cannot be undone; `yes` names that action (default
    // "Disconnect").
    void ask(const QString& title, const QString& text, Answer answer, const QString& yes = {});
    // Shows OAuthClientDialog for `provider`; `accepted` gets the dialog once its fields are
    // filled and it closes with OK.
    void askForClient(OAuthClientDialog::Provider provider,
                      std::function<void(const OAuthClientDialog& dialog)> accepted);

private:
    QGridLayout* m_facts;
    int m_factRows = 0;
    // Errors and messages quote the provider (their error descriptions): plain text.
    QLabel* m_error;
    QLabel* m_message;
    QLabel* m_waiting;
    QVBoxLayout* m_layout;
    Question m_question;
    UrlOpener m_openUrl;
};

} // namespace slotdesk::ui
