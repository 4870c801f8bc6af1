#pragma once
// PageHeader: the title row at the top of every page — a large title, a one-line subtitle that
// pages update (counts, ranges), and room on the right for the page's main actions.

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace slotdesk::ui {

class PageHeader : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& subtitle, QWidget* parent = nullptr);

    void setSubtitle(const QString& text);
    [[nodiscard]] QString subtitle() const;
    void addAction(QWidget* widget);

private:
    QLabel* m_title;
    QLabel* m_subtitle;
    QHBoxLayout* m_actions;
};

} // namespace slotdesk::ui
