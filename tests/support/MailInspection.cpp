#include "support/MailInspection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryFile>

namespace slotdesk::test {
namespace {

Inspection runTool(const char* script, const QByteArray& input, const QStringList& options = {}) {
    QTemporaryFile file;
    if (!file.open() || file.write(input) != input.size() || !file.flush())
        return {{}, QStringLiteral("cannot write a temporary file")};
    QProcess python;
    python.start(
        QStringLiteral("/usr/bin/python3"),
        QStringList{QStringLiteral(SLOTDESK_TEST_SUPPORT_DIR "/") + QString::fromLatin1(script)} +
            options + QStringList{file.fileName()});
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

QJsonObject partOfType(const QJsonObject& report, const QString& contentType) {
    for (const auto& part : report.value(QStringLiteral("parts")).toArray())
        if (part.toObject().value(QStringLiteral("content_type")).toString() == contentType)
            return part.toObject();
    return {};
}

Inspection inspectIcs(const QByteArray& ics) {
    return runTool("check_ics.py", ics);
}

Inspection inspectIcsCalendar(const QByteArray& ics) {
    return runTool("check_ics.py", ics, {QStringLiteral("--calendar")});
}

} // namespace slotdesk::test
