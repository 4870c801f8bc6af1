#pragma once
// SlotPreviewView: the next seven days as an attendee would see them — one column per day with
// its bookable start times as chips — painted from a SlotPreviewModel.

#include <QWidget>

class QAbstractItemModel;

namespace slotdesk::ui {

class SlotPreviewView : public QWidget {
    Q_OBJECT
public:
    explicit SlotPreviewView(QAbstractItemModel* model, QWidget* parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QAbstractItemModel* m_model;
};

} // namespace slotdesk::ui
