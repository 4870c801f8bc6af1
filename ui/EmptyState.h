#pragma once
// EmptyState: what a page shows when it has nothing to list — an icon, a short title and one
// sentence on what will appear here and how — or, while its first rows are still being read,
// that they are loading.

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
    // Shows loadingText() instead of the title and text, or them again.
    void setLoading(bool loading);
    // "Loading…", for every place that says so.
    static QString loadingText();

private:
    void showTexts();

    QLabel* m_title;
    QLabel* m_text;
    QString m_titleText;
    QString m_bodyText;
    bool m_loading = false;
};

} // namespace slotdesk::ui
