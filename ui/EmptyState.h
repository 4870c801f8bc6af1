#pragma once
// EmptyState: what a page shows when it has nothing to list — an icon, a short title and one
// sentence on what will appear here and how.

#include "ui/Icons.h"

#include <QWidget>

class QLabel;

namespace slotdesk::ui {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    EmptyState(Icons::Glyph glyph, const QString& title, const QString& text,
               QWidget* parent = nullptr);

    void setText(const QString& title, const QString& text);

private:
    QLabel* m_title;
    QLabel* m_text;
};

} // namespace slotdesk::ui
