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

// Path data on a 24 × 24 grid, stroked with a round 1.8 px pen. A small subset of SVG's
// path syntax plus three shapes: M x y (move), L x y (line), C x1 y1 x2 y2 x y (cubic),
// Z (close), O cx cy rx ry (ellipse), Q x y w h r (rounded rectangle, r = 0 for square).
const char* glyphData(Icons::Glyph glyph) {
    switch (glyph) {
    case Icons::Glyph::Calendar:
        return "Q 3.5 5 17 15.5 2.5 M 3.5 10 L 20.5 10 M 8 3 L 8 7 M 16 3 L 16 7 Q 7.5 13.5 2 2 0";
    case Icons::Glyph::Approvals:
        return "M 3.5 13 L 7 5 L 17 5 L 20.5 13 L 20.5 19 L 3.5 19 Z "
               "M 3.5 13 L 8.5 13 L 10 15.5 L 14 15.5 L 15.5 13 L 20.5 13";
    case Icons::Glyph::Bookings:
        return "O 5 6.5 0.9 0.9 M 9 6.5 L 20 6.5 O 5 12 0.9 0.9 M 9 12 L 20 12 "
               "O 5 17.5 0.9 0.9 M 9 17.5 L 20 17.5";
    case Icons::Glyph::Availability:
        return "O 12 12 8.5 8.5 M 12 7 L 12 12 L 15.5 14";
    case Icons::Glyph::Integrations:
        return "M 9 3.5 L 9 8 M 15 3.5 L 15 8 M 6 8 L 18 8 L 18 11 C 18 14.5 15.5 16.5 12 16.5 "
               "C 8.5 16.5 6 14.5 6 11 Z M 12 16.5 L 12 20.5";
    case Icons::Glyph::Settings:
        return "O 12 12 3 3"; // and the cog of cogPath()
    case Icons::Glyph::ChevronLeft:
        return "M 14.5 6 L 8.5 12 L 14.5 18";
    case Icons::Glyph::ChevronRight:
        return "M 9.5 6 L 15.5 12 L 9.5 18";
    case Icons::Glyph::Plus:
        return "M 12 5 L 12 19 M 5 12 L 19 12";
    case Icons::Glyph::Edit:
        return "M 4.5 19.5 L 5.5 15 L 15.5 5 L 19 8.5 L 9 18.5 Z M 13.5 7 L 17 10.5";
    case Icons::Glyph::Remove:
    case Icons::Glyph::Cross:
        return "M 6.5 6.5 L 17.5 17.5 M 17.5 6.5 L 6.5 17.5";
    case Icons::Glyph::Copy:
        return "Q 8.5 8.5 11 11 2 M 15.5 8.5 L 15.5 6.5 C 15.5 5 15 4.5 13.5 4.5 L 6.5 4.5 "
               "C 5 4.5 4.5 5 4.5 6.5 L 4.5 13.5 C 4.5 15 5 15.5 6.5 15.5 L 8.5 15.5";
    case Icons::Glyph::OpenExternal:
        return "M 13 4.5 L 19.5 4.5 L 19.5 11 M 19.5 4.5 L 11 13 "
               "M 17 14 L 17 19.5 L 4.5 19.5 L 4.5 7 L 10 7";
    case Icons::Glyph::Check:
        return "M 5 12.5 L 9.5 17 L 19 7";
    case Icons::Glyph::Video:
        return "Q 3.5 7 12 10 2 M 15.5 10.5 L 20.5 7.5 L 20.5 16.5 L 15.5 13.5";
    case Icons::Glyph::Mail:
        return "Q 3.5 5.5 17 13 2 M 4 7 L 12 13 L 20 7";
    case Icons::Glyph::Globe:
        return "O 12 12 8.5 8.5 O 12 12 3.8 8.5 M 3.5 12 L 20.5 12";
    case Icons::Glyph::Search:
        return "O 10.5 10.5 6 6 M 15 15 L 20 20";
    }
    return "";
}

QPainterPath parsePathData(const char* data) {
    QPainterPath p;
    const QList<QByteArray> words = QByteArray(data).simplified().split(' ');
    qsizetype i = 0;
    auto number = [&] { return i < words.size() ? words.at(i++).toDouble() : 0.0; };
    while (i < words.size()) {
        const char command = words.at(i++).front();
        switch (command) {
        case 'M': {
            const double x = number();
            p.moveTo(x, number());
            break;
        }
        case 'L': {
            const double x = number();
            p.lineTo(x, number());
            break;
        }
        case 'C': {
            const double x1 = number(), y1 = number(), x2 = number(), y2 = number();
            const double x = number();
            p.cubicTo(x1, y1, x2, y2, x, number());
            break;
        }
        case 'Z':
            p.closeSubpath();
            break;
        case 'O': {
            const double cx = number(), cy = number(), rx = number();
            p.addEllipse(QPointF(cx, cy), rx, number());
            break;
        }
        case 'Q': {
            const double x = number(), y = number(), w = number(), h = number();
            const double r = number();
            p.addRoundedRect(QRectF(x, y, w, h), r, r);
            break;
        }
        default:
            Q_ASSERT_X(false, "parsePathData", "unknown path command");
            return p;
        }
    }
    return p;
}

// A cog: eight teeth around a ring.
QPainterPath cogPath() {
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
    return ring;
}

QPainterPath glyphPath(Icons::Glyph glyph) {
    QPainterPath p = parsePathData(glyphData(glyph));
    if (glyph == Icons::Glyph::Settings)
        p.addPath(cogPath());
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

QIcon Icons::swatch(const QString& color) {
    const QColor fill(color);
    if (color.isEmpty() || !fill.isValid())
        return {};
    QPixmap pixmap(12, 12);
    pixmap.fill(fill);
    return QIcon(pixmap);
}

} // namespace slotdesk::ui
