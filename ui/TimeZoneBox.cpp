#include "ui/TimeZoneBox.h"

#include <QCompleter>
#include <QTimeZone>

#include <algorithm>

namespace slotdesk::ui {

TimeZoneBox::TimeZoneBox(QWidget* parent)
    : QComboBox(parent) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(16);
    QStringList zones;
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds()) {
        const QString zone = QString::fromLatin1(id);
        // The canonical Area/City names; skip legacy aliases like "EST5EDT" or "Etc/GMT+3".
        if (zone.contains(QLatin1Char('/')) && !zone.startsWith(QLatin1String("Etc/")) &&
            !zone.startsWith(QLatin1String("SystemV/")))
            zones.append(zone);
    }
    zones.append(QStringLiteral("UTC"));
    std::sort(zones.begin(), zones.end());
    zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
    addItems(zones);
    auto* completer = new QCompleter(zones, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    setCompleter(completer);
    setAccessibleName(tr("Time zone"));
    setToolTip(tr("An IANA time zone, such as Europe/Berlin"));
}

QString TimeZoneBox::zone() const {
    return currentText().trimmed();
}

void TimeZoneBox::setZone(const QString& zone) {
    const int index = findText(zone);
    if (index >= 0)
        setCurrentIndex(index);
    else
        setEditText(zone);
}

} // namespace slotdesk::ui
