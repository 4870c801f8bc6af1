#include "ui/SlotPreviewView.h"
#include "models/Plural.h"

#include "ui/Appearance.h"

#include <QAbstractItemModel>
#include <QPainter>

namespace slotdesk::ui {
namespace {

constexpr int kHeader = 26;
constexpr int kChip = 24;
constexpr int kGap = 5;
constexpr int kRows = 8; // chips shown per day before "+N more"

} // namespace

SlotPreviewView::SlotPreviewView(QAbstractItemModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model) {
    setObjectName(QStringLiteral("slotPreview"));
    setAccessibleName(tr("Slots offered over the next seven days"));
    auto update = [this] {
        this->update();
        QStringList days;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            int count = 0;
            while (count < m_model->rowCount() && m_model->index(count, c).data().isValid())
                ++count;
            days.append(models::plural(tr("%1: %n slot(s)", nullptr, count), count)
                            .arg(m_model->headerData(c, Qt::Horizontal).toString()));
        }
        setAccessibleDescription(days.join(QStringLiteral("; ")));
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, update);
    update();
    setMinimumHeight(sizeHint().height());
}

QSize SlotPreviewView::sizeHint() const {
    return QSize(640, kHeader + kRows * (kChip + kGap) + 22);
}

void SlotPreviewView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const int columns = std::max(1, m_model->columnCount());
    const double width = static_cast<double>(this->width()) / columns;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    QFont header = small;
    header.setWeight(QFont::DemiBold);
    const QColor accent = Appearance::accent(pal);
    QColor chipFill = accent;
    chipFill.setAlphaF(Appearance::isDark(pal) ? 0.2f : 0.09f);
    QColor chipBorder = accent;
    chipBorder.setAlphaF(0.45f);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const double x = c * width;
        painter.setFont(header);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRectF(x, 0, width, kHeader - 6), Qt::AlignCenter,
                         m_model->headerData(c, Qt::Horizontal).toString());
        int count = 0;
        while (count < m_model->rowCount() && m_model->index(count, c).data().isValid())
            ++count;
        painter.setFont(small);
        if (count == 0) {
            painter.setPen(Appearance::subtleText(pal));
            painter.drawText(QRectF(x, kHeader, width, kChip), Qt::AlignCenter, tr("No slots"));
            continue;
        }
        const int shown = count > kRows ? kRows - 1 : count;
        for (int r = 0; r < shown; ++r) {
            const QRectF chip(x + 6, kHeader + r * (kChip + kGap), width - 12, kChip);
            painter.setPen(QPen(chipBorder, 1));
            painter.setBrush(chipFill);
            painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            painter.setPen(accent);
            painter.drawText(chip, Qt::AlignCenter, m_model->index(r, c).data().toString());
        }
        if (shown < count) {
            painter.setPen(Appearance::subtleText(pal));
            painter.drawText(QRectF(x, kHeader + shown * (kChip + kGap), width, kChip),
                             Qt::AlignCenter, tr("+%n more", nullptr, count - shown));
        }
    }
}

} // namespace slotdesk::ui
