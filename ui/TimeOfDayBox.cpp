#include "ui/TimeOfDayBox.h"

#include "domain/Validation.h"

namespace slotdesk::ui {

TimeOfDayBox::TimeOfDayBox(bool allowEndOfDay, QWidget* parent)
    : QComboBox(parent)
    , m_allowEndOfDay(allowEndOfDay) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(12);
    for (int m = 0; m <= (allowEndOfDay ? 1440 : 1425); m += 15)
        addItem(QStringLiteral("%1:%2")
                    .arg(m / 60, 2, 10, QLatin1Char('0'))
                    .arg(m % 60, 2, 10, QLatin1Char('0')),
                m);
    setMinimumContentsLength(5);
}

Result<int> TimeOfDayBox::minutes(const QString& field) const {
    return validation::timeOfDay(currentText().trimmed(), field, m_allowEndOfDay);
}

Result<std::pair<int, int>> TimeOfDayBox::range(const TimeOfDayBox& from, const TimeOfDayBox& to) {
    auto start = from.minutes(QStringLiteral("startTime"));
    if (!start)
        return start.error();
    auto end = to.minutes(QStringLiteral("endTime"));
    if (!end)
        return end.error();
    return std::pair(*start, *end);
}

void TimeOfDayBox::setMinutes(int minutes) {
    const int index = findData(minutes);
    if (index >= 0) {
        setCurrentIndex(index);
        return;
    }
    setEditText(QStringLiteral("%1:%2")
                    .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                    .arg(minutes % 60, 2, 10, QLatin1Char('0')));
}

} // namespace slotdesk::ui
