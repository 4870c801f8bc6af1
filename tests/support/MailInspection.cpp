#include "support/MailInspection.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryFile>

namespace slotdesk::test {
namespace {

Inspection runTool(const char* script, const QByteArray& input) {
    QTemporaryFile file;
    if (!file.open() || file.write(input) != input.size() || !file.flush())
        return {{}, QStringLiteral("cannot write a temporary file")};
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/") + QString::fromLatin1(script),
                  file.fileName()});
    if (!python.waitForFinished(120000))
        return {{}, QStringLiteral("%1 did not finish").arg(QString::fromLatin1(script))};
    const QString errors = QString::fromUtf8(python.readAllStandardError()).trimmed();
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return {{},
                errors.isEmpty() ? QStringLiteral("%1 failed").arg(QString::fromLatin1(script))
                                 : errors};
    QJsonParseError parseError{};
    const auto document = QJsonDocument::fromJson(python.readAllStandardOutput(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {{}, QStringLiteral("%1 printed no JSON").arg(QString::fromLatin1(script))};
    return {document.object(), {}};
}

} // namespace

Inspection inspectMail(const QByteArray& message) {
    return runTool("parse_mail.py", message);
}

Inspection inspectIcs(const QByteArray& ics) {
    return runTool("check_ics.py", ics);
}

} // namespace slotdesk::test
