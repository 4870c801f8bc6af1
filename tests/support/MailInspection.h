#pragma once
// MailInspection: reads what SlotDesk wrote back through independent parsers — a message through
// Python's `email` package (parse_mail.py), an iCalendar file through Python's `icalendar`
// (check_ics.py) — and returns their JSON reports for the mail suites to assert on.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace slotdesk::test {

struct Inspection {
    QJsonObject report; // empty when the parser refused the input
    QString error;      // the parser's complaint (its stderr), empty when it accepted it
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

Inspection inspectMail(const QByteArray& message);
Inspection inspectIcs(const QByteArray& ics);

} // namespace slotdesk::test
