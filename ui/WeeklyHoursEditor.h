#pragma once
// WeeklyHoursEditor: the week at a glance, Monday to Sunday — each day's blocks of hours with
// edit and remove buttons, and a button to add hours to the day. It is rebuilt from an
// AvailabilityBlockModel whenever the model changes; the page does the editing.

#include <QWidget>

class QGridLayout;

namespace slotdesk::models {
class AvailabilityBlockModel;
}

namespace slotdesk::ui {

class WeeklyHoursEditor : public QWidget {
    Q_OBJECT
public:
    WeeklyHoursEditor(models::AvailabilityBlockModel* model, const QString& adminZone,
                      QWidget* parent = nullptr);

    void setAdminZone(const QString& zone);

signals:
    void addRequested(int dayOfWeek);
    void editRequested(const QString& blockId);
    void removeRequested(const QString& blockId);

private:
    void rebuild();

    models::AvailabilityBlockModel* m_model;
    QString m_adminZone;
    QGridLayout* m_grid;
    QList<QWidget*> m_rowWidgets;
};

} // namespace slotdesk::ui
