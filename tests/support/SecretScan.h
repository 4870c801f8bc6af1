#pragma once
// SecretScan: the files under a directory (a data directory with the SQLite file and its -wal,
// a settings directory) that hold a secret — as UTF-8, Latin-1, UTF-16 or Base64 — for the tests
// that promise a password lives only in the keychain.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

// In a test function (of a file that includes QTest): fails unless files were scanned under
// `directory` and none of them holds `secret`.
#define SLOTDESK_VERIFY_NO_SECRET_IN(directory, secret)                                            \
    do {                                                                                           \
        const auto scan = slotdesk::test::scanForSecret((directory), (secret));                    \
        QVERIFY2(scan.filesScanned > 0, qPrintable(directory));                                    \
        QVERIFY2(scan.filesWithSecret.isEmpty(), qPrintable(scan.filesWithSecret.join(u',')));     \
    } while (false)

namespace slotdesk::test {

struct SecretScan {
    QStringList filesWithSecret; // the files that hold it in any of the forms
    int filesScanned = 0;
};

inline SecretScan scanForSecret(const QString& directory, const QString& secret) {
    const QByteArray utf8 = secret.toUtf8();
    const QList<QByteArray> forms{
        utf8, secret.toLatin1(), utf8.toBase64(),
        QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2)};
    SecretScan scan;
    QDirIterator files(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        ++scan.filesScanned;
        for (const QByteArray& form : forms)
            if (bytes.contains(form)) {
                scan.filesWithSecret << file.fileName();
                break;
            }
    }
    return scan;
}

} // namespace slotdesk::test
