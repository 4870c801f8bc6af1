#include "mail/SmtpSender.h"

#include <QHostAddress>
#include <QSysInfo>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace slotdesk::mail {
namespace {

void ensureCurlInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlEasyCleanup {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct CurlListFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// What libcurl uploads: the message, read in pieces.
struct Upload {
    const QByteArray* data;
    qsizetype offset = 0;
};

size_t readMessage(char* buffer, size_t size, size_t count, void* userData) {
    auto* upload = static_cast<Upload*>(userData);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype chunk = std::min(room, upload->data->size() - upload->offset);
    std::memcpy(buffer, upload->data->constData() + upload->offset, static_cast<size_t>(chunk));
    upload->offset += chunk;
    return static_cast<size_t>(chunk);
}

// The server's replies as libcurl sees them. Only what the server says is kept: the client's
// side (which carries AUTH) is never looked at.
struct Replies {
    int failureCode = 0; // the last 4xx/5xx reply
    QString failureText;
    QString lastText;
};

int watchReplies(CURL*, curl_infotype type, char* data, size_t size, void* userData) {
    if (type != CURLINFO_HEADER_IN)
        return 0;
    auto* replies = static_cast<Replies*>(userData);
    const QString line = QString::fromUtf8(data, static_cast<qsizetype>(size)).trimmed();
    if (line.size() < 3)
        return 0;
    bool isCode = false;
    const int code = line.left(3).toInt(&isCode);
    if (!isCode)
        return 0;
    replies->lastText = line;
    if (code >= 400 && code < 600) {
        // A multi-line reply ("550-...", "550 ...") is kept as one text.
        if (replies->failureCode == code && !replies->failureText.isEmpty() &&
            replies->failureText.at(3) == u'-')
            replies->failureText += u' ' + line;
        else
            replies->failureText = line;
        replies->failureCode = code;
    }
    return 0;
}

QString oneLine(QString text) {
    for (QChar& c : text)
        if (c.category() == QChar::Other_Control)
            c = u' ';
    return text.simplified().left(500);
}

// Failures that trying again will not cure: the configuration or the certificate is wrong.
bool isPermanentTransportError(CURLcode code) {
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_AUTH_ERROR:
        return true;
    default:
        return false;
    }
}

QByteArray smtpUrl(const SmtpSettings& settings) {
    const QHostAddress literal(settings.host);
    const QString host = !literal.isNull() && literal.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + settings.host + u']'
                             : settings.host;
    // The path is the name libcurl says in EHLO.
    QString helo = QSysInfo::machineHostName();
    for (const QChar c : helo)
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'.' && c != u'-')
            helo = QStringLiteral("localhost");
    if (helo.isEmpty())
        helo = QStringLiteral("localhost");
    const QString scheme = settings.security == SmtpSecurity::ImplicitTls ? QStringLiteral("smtps")
                                                                          : QStringLiteral("smtp");
    return QStringLiteral("%1://%2:%3/%4").arg(scheme, host).arg(settings.port).arg(helo).toUtf8();
}

} // namespace

QString toText(SendOutcome outcome) {
    switch (outcome) {
    case SendOutcome::Sent:
        return QStringLiteral("sent");
    case SendOutcome::Transient:
        return QStringLiteral("transient");
    case SendOutcome::Permanent:
        break;
    }
    return QStringLiteral("permanent");
}

SmtpSender::SmtpSender(SmtpSettings settings, const PasswordSource* passwords, QString userId)
    : m_settings(std::move(settings))
    , m_passwords(passwords)
    , m_userId(std::move(userId)) {}

SendResult SmtpSender::send(const QString& envelopeFrom, const QStringList& recipients,
                            const QByteArray& message) const {
    if (auto s = m_settings.check(); !s)
        return {SendOutcome::Permanent, 0, s.error().message};
    if (recipients.isEmpty())
        return {SendOutcome::Permanent, 0, QStringLiteral("No recipient")};
    QByteArray password;
    if (!m_settings.username.isEmpty()) {
        if (!m_passwords)
            return {SendOutcome::Permanent, 0, QStringLiteral("No SMTP password is configured")};
        auto fetched = m_passwords->password(m_userId);
        if (!fetched)
            return {
                SendOutcome::Permanent, 0,
                QStringLiteral("Cannot read the SMTP password: %1").arg(fetched.error().message)};
        password = fetched->toUtf8();
    }
    ensureCurlInitialised();
    std::unique_ptr<CURL, CurlEasyCleanup> curl(curl_easy_init());
    if (!curl)
        return {SendOutcome::Transient, 0, QStringLiteral("Cannot start libcurl")};
    CURL* c = curl.get();

    const QByteArray url = smtpUrl(m_settings);
    const QByteArray from = '<' + envelopeFrom.toUtf8() + '>';
    curl_slist* list = nullptr;
    for (const auto& recipient : recipients) {
        const QByteArray entry = '<' + recipient.toUtf8() + '>';
        curl_slist* appended = curl_slist_append(list, entry.constData());
        if (!appended) {
            curl_slist_free_all(list);
            return {SendOutcome::Transient, 0, QStringLiteral("Out of memory")};
        }
        list = appended;
    }
    const std::unique_ptr<curl_slist, CurlListFree> rcpt(list);
    Upload upload{&message};
    Replies replies;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray username = m_settings.username.toUtf8();
    const QByteArray caFile = m_settings.caFile.toUtf8();

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                     static_cast<long>(m_settings.connectTimeoutSeconds));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(m_settings.timeoutSeconds));
    if (m_settings.security == SmtpSecurity::StartTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    if (!username.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, watchReplies);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &replies);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); // feeds watchReplies; nothing is printed

    const CURLcode result = curl_easy_perform(c);
    password.fill('\0');
    if (result == CURLE_OK)
        return {SendOutcome::Sent, 250, oneLine(replies.lastText)};
    if (replies.failureCode >= 500)
        return {SendOutcome::Permanent, replies.failureCode, oneLine(replies.failureText)};
    if (replies.failureCode >= 400)
        return {SendOutcome::Transient, replies.failureCode, oneLine(replies.failureText)};
    const QString transport = errorBuffer[0] != '\0'
                                  ? QString::fromUtf8(errorBuffer)
                                  : QString::fromUtf8(curl_easy_strerror(result));
    return {
        isPermanentTransportError(result) ? SendOutcome::Permanent : SendOutcome::Transient, 0,
        oneLine(
            QStringLiteral("%1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(transport))};
}

} // namespace slotdesk::mail
