#pragma once
// TimeZoneBox: picks an IANA time zone. Editable, with every zone the system knows in its list
// and a completer that matches anywhere in the name ("york" finds America/New_York).

#include <QComboBox>

namespace slotdesk::ui {

class TimeZoneBox : public QComboBox {
    Q_OBJECT
public:
    explicit TimeZoneBox(QWidget* parent = nullptr);

    [[nodiscard]] QString zone() const;
    void setZone(const QString& zone);
};

} // namespace slotdesk::ui
