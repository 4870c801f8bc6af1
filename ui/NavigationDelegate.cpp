#include "ui/NavigationDelegate.h"

#include "ui/Appearance.h"

#include <QApplication>
#include <QPainter>

namespace slotdesk::ui {

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return QSize(160, std::max(36, QFontMetrics(option.font).height() + 18));
}

void NavigationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const QPalette pal = QApplication::palette(); // the list's own is made transparent
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF row = QRectF(option.rect).adjusted(8, 1, -8, -1);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected || hovered) {
        QColor fill = selected ? Appearance::accent(pal) : pal.color(QPalette::Text);
        fill.setAlphaF(selected ? (Appearance::isDark(pal) ? 0.26f : 0.13f) : 0.06f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(row, 7, 7);
    }
    if (option.state & QStyle::State_HasFocus && option.state & QStyle::State_KeyboardFocusChange) {
        painter->setPen(QPen(Appearance::accent(pal), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(row.adjusted(1, 1, -1, -1), 6, 6);
    }
    const QColor text = selected ? Appearance::accent(pal) : pal.color(QPalette::Text);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const QRectF iconRect(row.left() + 10, row.center().y() - 9, 18, 18);
    if (!icon.isNull()) {
        // Tint the line icon in the row's text colour.
        QPixmap pixmap = icon.pixmap(QSize(18, 18), painter->device()->devicePixelRatioF());
        QPainter tint(&pixmap);
        tint.setCompositionMode(QPainter::CompositionMode_SourceIn);
        tint.fillRect(pixmap.rect(), text);
        tint.end();
        painter->drawPixmap(iconRect.topLeft(), pixmap);
    }
    QFont font = option.font;
    if (selected)
        font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    painter->setPen(text);
    const int badge = index.data(BadgeRole).toInt();
    QRectF textRect(iconRect.right() + 10, row.top(), row.right() - iconRect.right() - 14,
                    row.height());
    if (badge > 0) {
        const QString count = badge > 99 ? QStringLiteral("99+") : QString::number(badge);
        QFont badgeFont = option.font;
        badgeFont.setPointSizeF(option.font.pointSizeF() * 0.82);
        badgeFont.setWeight(QFont::Bold);
        const QFontMetricsF fm(badgeFont);
        const double h = fm.height() + 2;
        const double w = std::max(h, fm.horizontalAdvance(count) + 12);
        const QRectF pill(row.right() - 10 - w, row.center().y() - h / 2, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(Appearance::danger(pal));
        painter->drawRoundedRect(pill, h / 2, h / 2);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, count);
        painter->setFont(font);
        painter->setPen(text);
        textRect.setRight(pill.left() - 6);
    }
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(index.data().toString(), Qt::ElideRight,
                                                    static_cast<int>(textRect.width())));
    painter->restore();
}

} // namespace slotdesk::ui
