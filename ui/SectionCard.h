#pragma once
// SectionCard: a titled, rounded card that groups one part of a page (weekly hours, booking
// rules, profile, ...), with room beside the title for the section's buttons.

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace slotdesk::ui {

class SectionCard : public QFrame {
    Q_OBJECT
public:
    SectionCard(const QString& title, const QString& subtitle, QWidget* parent = nullptr);

    [[nodiscard]] QVBoxLayout* body() const { return m_body; }
    void addTitleWidget(QWidget* widget);
    void setTitle(const QString& title);

private:
    QLabel* m_title;
    QHBoxLayout* m_titleRow;
    QVBoxLayout* m_body;
};

} // namespace slotdesk::ui
