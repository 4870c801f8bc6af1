#pragma once
// plainToolTip(): a tooltip that shows its text exactly as written, for tooltips that carry text
// from outside (an attendee's name or notes, a calendar event's title).
//
// A tooltip has no Qt::PlainText: QToolTip shows rich text whenever Qt::mightBeRichText() guesses
// so, and a name such as "<font size=6>URGENT</font>" at the start of a line makes it guess yes.
// Escaping alone would not do either: an escaped "Tom & Jerry" that Qt guesses to be plain shows
// "Tom &amp; Jerry". So the tooltip is made rich text without any guessing — wrapped in <qt>, which
// mightBeRichText() always recognises — with every character escaped and white-space:pre-wrap
// keeping line breaks and runs of spaces, so it renders as the very characters it was given.

#include <QString>

namespace slotdesk::models {

inline QString plainToolTip(const QString& text) {
    if (text.isEmpty())
        return {}; // no tooltip at all
    return QStringLiteral("<qt style=\"white-space:pre-wrap\">%1</qt>").arg(text.toHtmlEscaped());
}

} // namespace slotdesk::models
