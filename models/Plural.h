#pragma once
// plural(): numerus strings ("%n request(s)") read naturally in English without a translation
// catalogue. tr() with n picks the translated form when a catalogue is loaded; without one,
// Qt leaves the "(s)", which this drops or completes.

#include <QString>

namespace slotdesk::models {

inline QString plural(QString text, int n) {
    return text.replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace slotdesk::models
