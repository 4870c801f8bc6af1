#pragma once
// RequestCardDelegate: paints one booking request in the Approvals queue as a card — initials,
// attendee and email, the time in the admin's zone (prominent) and in the attendee's, notes,
// and how long the request has been waiting.

#include <QStyledItemDelegate>

namespace slotdesk::ui {

class RequestCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace slotdesk::ui
