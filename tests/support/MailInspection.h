#pragma once
// MailInspection: reads what SlotDesk wrote back through independent parsers — a message through
// Python's `email` package (parse_mail.py), an iCalendar file through Python's `icalendar`
// (check_ics.py) — and returns their JSON reports for the mail and export suites to assert on.

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
// The first leaf part of an inspectMail() report with this content type ("text/calendar"), or {}.
QJsonObject partOfType(const QJsonObject& report, const QString& contentType);
// One event (a mail's invitation): the report has its fields at the top.
Inspection inspectIcs(const QByteArray& ics);
// A calendar of any number of events (export --ics): the report lists them under "events".
Inspection inspectIcsCalendar(const QByteArray& ics);

} // namespace slotdesk::test
