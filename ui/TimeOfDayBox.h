#pragma once
// TimeOfDayBox: a wall-clock time in quarter-hour steps ("09:00", "17:30", "24:00" for the end
// of the day) that also accepts any typed "HH:MM".

#include "core/Result.h"

#include <QComboBox>

#include <utility>

namespace slotdesk::ui {

class TimeOfDayBox : public QComboBox {
    Q_OBJECT
public:
    // `allowEndOfDay` offers "24:00" (ends of ranges).
    TimeOfDayBox(bool allowEndOfDay, QWidget* parent = nullptr);

    // Minutes after midnight, or a validation Error naming `field`.
    [[nodiscard]] Result<int> minutes(const QString& field) const;
    void setMinutes(int minutes);
    // Both ends as minutes, or the first problem (field startTime or endTime). Whether the end
    // comes after the start is the service's to judge.
    static Result<std::pair<int, int>> range(const TimeOfDayBox& from, const TimeOfDayBox& to);

private:
    bool m_allowEndOfDay;
};

} // namespace slotdesk::ui
