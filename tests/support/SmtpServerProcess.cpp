#include "support/SmtpServerProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace slotdesk::test {
namespace {

QString script() {
    return QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/smtp_server.py");
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

SmtpServerProcess::SmtpServerProcess(QString directory)
    : m_directory(std::move(directory))
    , m_messageDirectory(m_directory + QStringLiteral("/messages"))
    , m_server(m_directory + QStringLiteral("/server.log"), QIODevice::Append) {
    QDir().mkpath(m_messageDirectory);
}

QString SmtpServerProcess::certificateFile() const {
    return m_directory + QStringLiteral("/cert.pem");
}

bool SmtpServerProcess::makeCertificate() {
    if (QFile::exists(certificateFile()))
        return true;
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), m_directory + QStringLiteral("/key.pem"),
                   QStringLiteral("-out"), certificateFile(), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=SlotDesk test SMTP"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl failed: ") + QString::fromUtf8(openssl.readAll());
        return false;
    }
    return true;
}

bool SmtpServerProcess::start(const Options& options) {
    m_server.stop();
    m_options = options;
    m_error.clear();
    QStringList arguments{script(), QStringLiteral("--dir"), m_messageDirectory,
                          QStringLiteral("--security"), mail::toText(options.security)};
    if (options.security != mail::SmtpSecurity::None) {
        if (!makeCertificate())
            return false;
        arguments += {QStringLiteral("--cert"), certificateFile(), QStringLiteral("--key"),
                      m_directory + QStringLiteral("/key.pem")};
    }
    if (!options.user.isEmpty())
        arguments += {QStringLiteral("--user"), options.user, QStringLiteral("--password"),
                      options.password};
    arguments += {QStringLiteral("--fail-rcpt"), QString::number(options.failRcpt),
                  QStringLiteral("--fail-data"), QString::number(options.failData)};
    for (const auto& address : options.reject)
        arguments += {QStringLiteral("--reject"), address};
    static const QRegularExpression listening(QStringLiteral(R"(listening on (\d+)\n)"));
    return m_server.start(QStringLiteral("/usr/bin/python3"), arguments, listening);
}

mail::SmtpSettings SmtpServerProcess::settings() const {
    mail::SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port();
    settings.security = m_options.security;
    settings.username = m_options.user;
    if (m_options.security != mail::SmtpSecurity::None)
        settings.caFile = certificateFile();
    settings.connectTimeoutSeconds = 30;
    settings.timeoutSeconds = 60;
    return settings;
}

MailSettings SmtpServerProcess::mailSettings(const QString& userId) const {
    const mail::SmtpSettings smtp = settings();
    MailSettings saved;
    saved.userId = userId;
    saved.host = smtp.host;
    saved.port = smtp.port;
    saved.security = mail::toText(smtp.security);
    saved.username = smtp.username;
    saved.caFile = smtp.caFile;
    saved.fromAddress = QStringLiteral("bookings@example.org");
    saved.fromName = QStringLiteral("Alice's bookings");
    return saved;
}

bool SmtpServerProcess::setFaults(int failRcpt, int failData, const QStringList& reject,
                                  double stallDataSeconds) {
    QSaveFile file(m_messageDirectory + QStringLiteral("/faults.json"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("fail_rcpt"), failRcpt},
                                  {QStringLiteral("fail_data"), failData},
                                  {QStringLiteral("reject"), QJsonArray::fromStringList(reject)},
                                  {QStringLiteral("stall_data"), stallDataSeconds}})
            .toJson());
    return file.commit();
}

QList<SmtpServerProcess::Received> SmtpServerProcess::messages() const {
    QList<Received> received;
    const QDir directory(m_messageDirectory);
    const QStringList envelopes =
        directory.entryList({QStringLiteral("[0-9]*.json")}, QDir::Files, QDir::Name);
    for (const auto& name : envelopes) {
        Received message;
        message.envelope = QJsonDocument::fromJson(readFile(directory.filePath(name))).object();
        message.data = readFile(directory.filePath(name.chopped(5) + QStringLiteral(".eml")));
        received.append(message);
    }
    return received;
}

} // namespace slotdesk::test
