#pragma once
// The frame of a page taller than the window (Availability, Settings): `content` in a frameless
// scroll area that fills `page`, its sections in a column with the pages' margins and spacing.
// Returns that column for the caller to fill (and end with a stretch).

class QVBoxLayout;
class QWidget;

namespace slotdesk::ui {

QVBoxLayout* layOutScrollingPage(QWidget* page, QWidget* content);

} // namespace slotdesk::ui
