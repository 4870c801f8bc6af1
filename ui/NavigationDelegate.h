#pragma once
// NavigationDelegate: one sidebar entry — icon, name, and a count badge (Approvals' pending
// requests) read from the item's badge role — with a rounded highlight for the current page.

#include <QStyledItemDelegate>

namespace slotdesk::ui {

class NavigationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int BadgeRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace slotdesk::ui
