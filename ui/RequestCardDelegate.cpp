#include "ui/RequestCardDelegate.h"

#include "models/ItemRoles.h"
#include "models/PendingBookingModel.h"
#include "ui/Appearance.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace slotdesk::ui {
namespace {

constexpr int kPad = 14;
constexpr int kAvatar = 40;
constexpr int kGap = 8; // between cards

QString initials(const QString& name) {
    QString out;
    for (const QString& part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out += part.at(0).toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

QColor avatarColor(const QString& seed) {
    static const QColor colors[] = {QColor(0x5b, 0x8d, 0xef), QColor(0x2e, 0xa0, 0x7a),
                                    QColor(0xd9, 0x77, 0x3b), QColor(0x9b, 0x6b, 0xd6),
                                    QColor(0xd6, 0x5a, 0x85), QColor(0x3a, 0x9c, 0xb8)};
    return colors[qHash(seed) % std::size(colors)];
}

} // namespace

QSize RequestCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const QFontMetrics fm(option.font);
    return QSize(400, fm.height() * 3 + 10 + 2 * kPad + kGap);
}

void RequestCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    // The list's style sheet makes its palette transparent; cards use the application's.
    const QPalette pal = QApplication::palette();
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool focused = option.state & QStyle::State_HasFocus;
    const QRectF card = QRectF(option.rect).adjusted(1, 1, -1, -1 - kGap);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = pal.color(QPalette::Base);
    if (selected) {
        QColor tint = Appearance::accent(pal);
        tint.setAlphaF(Appearance::isDark(pal) ? 0.22f : 0.09f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(card, 10, 10);
        fill = tint;
    }
    QColor border = pal.color(QPalette::Midlight);
    double borderWidth = 1;
    if (selected) {
        border = Appearance::accent(pal);
        borderWidth = 1.6;
    } else if (hovered) {
        border = pal.color(QPalette::Mid);
    }
    painter->setPen(QPen(border, borderWidth));
    painter->setBrush(fill);
    painter->drawRoundedRect(card, 10, 10);
    if (focused && !selected) {
        painter->setPen(QPen(Appearance::accent(pal), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(2, 2, -2, -2), 8, 8);
    }

    const QString name = index.data(models::AttendeeNameRole).toString();
    const QString email = index.data(models::AttendeeEmailRole).toString();
    const QString adminTime = index.data(models::AdminTimeTextRole).toString();
    const QString theirTime = index.data(models::AttendeeTimeTextRole).toString();
    const QString notes = index.data(models::NotesRole).toString();
    const QString waiting =
        index.siblingAtColumn(models::PendingBookingModel::Requested).data().toString();

    // Avatar.
    const QRectF avatar(card.left() + kPad, card.top() + kPad, kAvatar, kAvatar);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(email));
    painter->drawEllipse(avatar);
    QFont base = option.font;
    QFont bold = base;
    bold.setWeight(QFont::DemiBold);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter, initials(name));

    const QFontMetrics fm(base);
    const int lineHeight = fm.height();
    const double x = avatar.right() + 12;
    const double right = card.right() - kPad;
    double y = card.top() + kPad - 2;
    const QColor text = pal.color(QPalette::Text);
    const QColor subtle = Appearance::subtleText(pal);

    // Line 1: name, email — waiting time on the right.
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    const QString waitingText = tr("requested %1").arg(waiting);
    const int waitingWidth = QFontMetrics(small).horizontalAdvance(waitingText);
    painter->setFont(small);
    painter->setPen(subtle);
    painter->drawText(QRectF(right - waitingWidth, y, waitingWidth, lineHeight),
                      Qt::AlignRight | Qt::AlignVCenter, waitingText);
    painter->setFont(bold);
    painter->setPen(text);
    const QFontMetrics boldMetrics(bold);
    const double nameRoom = right - x - waitingWidth - 16;
    const QString nameText =
        boldMetrics.elidedText(name, Qt::ElideRight, static_cast<int>(nameRoom));
    painter->drawText(QRectF(x, y, nameRoom, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      nameText);
    const int nameWidth = boldMetrics.horizontalAdvance(nameText);
    painter->setFont(base);
    painter->setPen(subtle);
    painter->drawText(
        QRectF(x + nameWidth + 8, y, std::max(0.0, nameRoom - nameWidth - 8), lineHeight),
        Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(email, Qt::ElideRight,
                      static_cast<int>(std::max(0.0, nameRoom - nameWidth - 8))));

    // Line 2: the time for the admin, then for the attendee.
    y += lineHeight + 5;
    painter->setFont(bold);
    painter->setPen(Appearance::accent(pal));
    const int adminWidth =
        std::min(boldMetrics.horizontalAdvance(adminTime), static_cast<int>(right - x));
    painter->drawText(QRectF(x, y, adminWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(adminTime, Qt::ElideRight, adminWidth));
    painter->setFont(base);
    painter->setPen(subtle);
    const double theirX = x + adminWidth + 12;
    if (right - theirX > 40)
        painter->drawText(QRectF(theirX, y, right - theirX, lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(tr("their time: %1").arg(theirTime), Qt::ElideRight,
                                        static_cast<int>(right - theirX)));

    // Line 3: notes.
    y += lineHeight + 5;
    QFont italic = base;
    italic.setItalic(notes.isEmpty());
    painter->setFont(italic);
    painter->setPen(notes.isEmpty() ? subtle : text);
    const QString notesText = notes.isEmpty() ? tr("No notes") : notes.simplified();
    painter->drawText(
        QRectF(x, y, right - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(italic).elidedText(notesText, Qt::ElideRight, static_cast<int>(right - x)));
    painter->restore();
}

} // namespace slotdesk::ui
