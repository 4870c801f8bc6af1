#include "ui/Icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>
#include <numbers>

namespace slotdesk::ui {
namespace {

// Paths on a 24 × 24 grid, stroked with a round 1.8 px pen.
QPainterPath glyphPath(Icons::Glyph glyph) {
    QPainterPath p;
    switch (glyph) {
    case Icons::Glyph::Calendar:
        p.addRoundedRect(QRectF(3.5, 5, 17, 15.5), 2.5, 2.5);
        p.moveTo(3.5, 10);
        p.lineTo(20.5, 10);
        p.moveTo(8, 3);
        p.lineTo(8, 7);
        p.moveTo(16, 3);
        p.lineTo(16, 7);
        p.addRect(QRectF(7.5, 13.5, 2, 2));
        break;
    case Icons::Glyph::Approvals:
        p.moveTo(3.5, 13);
        p.lineTo(7, 5);
        p.lineTo(17, 5);
        p.lineTo(20.5, 13);
        p.lineTo(20.5, 19);
        p.lineTo(3.5, 19);
        p.closeSubpath();
        p.moveTo(3.5, 13);
        p.lineTo(8.5, 13);
        p.lineTo(10, 15.5);
        p.lineTo(14, 15.5);
        p.lineTo(15.5, 13);
        p.lineTo(20.5, 13);
        break;
    case Icons::Glyph::Bookings:
        for (double y : {6.5, 12.0, 17.5}) {
            p.addEllipse(QPointF(5, y), 0.9, 0.9);
            p.moveTo(9, y);
            p.lineTo(20, y);
        }
        break;
    case Icons::Glyph::Availability:
        p.addEllipse(QPointF(12, 12), 8.5, 8.5);
        p.moveTo(12, 7);
        p.lineTo(12, 12);
        p.lineTo(15.5, 14);
        break;
    case Icons::Glyph::Integrations:
        p.moveTo(9, 3.5);
        p.lineTo(9, 8);
        p.moveTo(15, 3.5);
        p.lineTo(15, 8);
        p.moveTo(6, 8);
        p.lineTo(18, 8);
        p.lineTo(18, 11);
        p.cubicTo(18, 14.5, 15.5, 16.5, 12, 16.5);
        p.cubicTo(8.5, 16.5, 6, 14.5, 6, 11);
        p.closeSubpath();
        p.moveTo(12, 16.5);
        p.lineTo(12, 20.5);
        break;
    case Icons::Glyph::Settings: {
        p.addEllipse(QPointF(12, 12), 3, 3);
        // A cog: eight teeth around a ring.
        QPainterPath ring;
        const int teeth = 8;
        for (int i = 0; i < teeth * 2; ++i) {
            const double a = std::numbers::pi * i / teeth;
            const double r1 = (i % 2 == 0) ? 8.6 : 6.6;
            const double a0 = a - std::numbers::pi / teeth / 2;
            const double a1 = a + std::numbers::pi / teeth / 2;
            const QPointF from(12 + r1 * std::cos(a0), 12 + r1 * std::sin(a0));
            const QPointF to(12 + r1 * std::cos(a1), 12 + r1 * std::sin(a1));
            if (i == 0)
                ring.moveTo(from);
            else
                ring.lineTo(from);
            ring.lineTo(to);
        }
        ring.closeSubpath();
        p.addPath(ring);
        break;
    }
    case Icons::Glyph::ChevronLeft:
        p.moveTo(14.5, 6);
        p.lineTo(8.5, 12);
        p.lineTo(14.5, 18);
        break;
    case Icons::Glyph::ChevronRight:
        p.moveTo(9.5, 6);
        p.lineTo(15.5, 12);
        p.lineTo(9.5, 18);
        break;
    case Icons::Glyph::Plus:
        p.moveTo(12, 5);
        p.lineTo(12, 19);
        p.moveTo(5, 12);
        p.lineTo(19, 12);
        break;
    case Icons::Glyph::Edit:
        p.moveTo(4.5, 19.5);
        p.lineTo(5.5, 15);
        p.lineTo(15.5, 5);
        p.lineTo(19, 8.5);
        p.lineTo(9, 18.5);
        p.closeSubpath();
        p.moveTo(13.5, 7);
        p.lineTo(17, 10.5);
        break;
    case Icons::Glyph::Remove:
    case Icons::Glyph::Cross:
        p.moveTo(6.5, 6.5);
        p.lineTo(17.5, 17.5);
        p.moveTo(17.5, 6.5);
        p.lineTo(6.5, 17.5);
        break;
    case Icons::Glyph::Copy:
        p.addRoundedRect(QRectF(8.5, 8.5, 11, 11), 2, 2);
        p.moveTo(15.5, 8.5);
        p.lineTo(15.5, 6.5);
        p.cubicTo(15.5, 5, 15, 4.5, 13.5, 4.5);
        p.lineTo(6.5, 4.5);
        p.cubicTo(5, 4.5, 4.5, 5, 4.5, 6.5);
        p.lineTo(4.5, 13.5);
        p.cubicTo(4.5, 15, 5, 15.5, 6.5, 15.5);
        p.lineTo(8.5, 15.5);
        break;
    case Icons::Glyph::OpenExternal:
        p.moveTo(13, 4.5);
        p.lineTo(19.5, 4.5);
        p.lineTo(19.5, 11);
        p.moveTo(19.5, 4.5);
        p.lineTo(11, 13);
        p.moveTo(17, 14);
        p.lineTo(17, 19.5);
        p.lineTo(4.5, 19.5);
        p.lineTo(4.5, 7);
        p.lineTo(10, 7);
        break;
    case Icons::Glyph::Check:
        p.moveTo(5, 12.5);
        p.lineTo(9.5, 17);
        p.lineTo(19, 7);
        break;
    case Icons::Glyph::Video:
        p.addRoundedRect(QRectF(3.5, 7, 12, 10), 2, 2);
        p.moveTo(15.5, 10.5);
        p.lineTo(20.5, 7.5);
        p.lineTo(20.5, 16.5);
        p.lineTo(15.5, 13.5);
        break;
    case Icons::Glyph::Mail:
        p.addRoundedRect(QRectF(3.5, 5.5, 17, 13), 2, 2);
        p.moveTo(4, 7);
        p.lineTo(12, 13);
        p.lineTo(20, 7);
        break;
    case Icons::Glyph::Globe:
        p.addEllipse(QPointF(12, 12), 8.5, 8.5);
        p.addEllipse(QPointF(12, 12), 3.8, 8.5);
        p.moveTo(3.5, 12);
        p.lineTo(20.5, 12);
        break;
    case Icons::Glyph::Search:
        p.addEllipse(QPointF(10.5, 10.5), 6, 6);
        p.moveTo(15, 15);
        p.lineTo(20, 20);
        break;
    }
    return p;
}

void paintGlyph(QPainter* painter, const QRectF& rect, Icons::Glyph glyph, const QColor& color) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const double side = std::min(rect.width(), rect.height());
    painter->translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter->scale(side / 24.0, side / 24.0);
    QPen pen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(glyphPath(glyph));
    painter->restore();
}

class GlyphEngine : public QIconEngine {
public:
    explicit GlyphEngine(Icons::Glyph glyph)
        : m_glyph(glyph) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(QPalette::WindowText);
        if (mode == QIcon::Disabled)
            color = palette.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            color = palette.color(QPalette::HighlightedText);
        paintGlyph(painter, rect, m_glyph, color);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override { return new GlyphEngine(m_glyph); }
    QString key() const override { return QStringLiteral("slotdesk-glyph"); }

private:
    Icons::Glyph m_glyph;
};

void paintAppIcon(QPainter* painter, const QRectF& rect) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const double s = rect.width();
    QLinearGradient gradient(rect.topLeft(), rect.bottomRight());
    gradient.setColorAt(0, QColor(0x4a, 0x86, 0xf0));
    gradient.setColorAt(1, QColor(0x24, 0x55, 0xc4));
    painter->setPen(Qt::NoPen);
    painter->setBrush(gradient);
    painter->drawRoundedRect(rect.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04), s * 0.22,
                             s * 0.22);
    // A white calendar sheet with a tick.
    const QRectF sheet(rect.x() + s * 0.22, rect.y() + s * 0.27, s * 0.56, s * 0.5);
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(sheet, s * 0.07, s * 0.07);
    painter->setBrush(QColor(0xff, 0x6b, 0x5b));
    QPainterPath top;
    top.addRoundedRect(QRectF(sheet.x(), sheet.y(), sheet.width(), s * 0.13), s * 0.07, s * 0.07);
    top.addRect(QRectF(sheet.x(), sheet.y() + s * 0.07, sheet.width(), s * 0.06));
    painter->drawPath(top.simplified());
    QPen tick(QColor(0x24, 0x55, 0xc4), s * 0.065, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(tick);
    painter->setBrush(Qt::NoBrush);
    QPainterPath check;
    check.moveTo(rect.x() + s * 0.37, rect.y() + s * 0.56);
    check.lineTo(rect.x() + s * 0.46, rect.y() + s * 0.65);
    check.lineTo(rect.x() + s * 0.64, rect.y() + s * 0.47);
    painter->drawPath(check);
    painter->restore();
}

QPixmap appPixmap(int side, int count) {
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintAppIcon(&painter, QRectF(0, 0, side, side));
    if (count > 0) {
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const double d = side * 0.52;
        const QRectF badge(side - d - side * 0.0, 0, d, d);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(Qt::white, std::max(1.0, side / 32.0)));
        painter.setBrush(QColor(0xe5, 0x3e, 0x3e));
        painter.drawEllipse(badge);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(static_cast<int>(d * (text.size() > 2 ? 0.42 : 0.6)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
    }
    return pixmap;
}

} // namespace

QIcon Icons::icon(Glyph glyph) {
    return QIcon(new GlyphEngine(glyph));
}

QIcon Icons::appIcon() {
    QIcon icon;
    for (int side : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(appPixmap(side, 0));
    return icon;
}

QIcon Icons::trayIcon(int count) {
    QIcon icon;
    for (int side : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(appPixmap(side, count));
    return icon;
}

} // namespace slotdesk::ui
