#pragma once
// BlockDialog: adds or edits one block of weekly hours — a day, a start and an end, and the
// zone the times are in. It saves through AvailabilityService (on the session's worker) and
// stays open, with the problem shown beside the field, until the block is valid.

#include "domain/Entities.h"
#include "ui/EditDialog.h"

class QComboBox;

namespace slotdesk::ui {

class TimeOfDayBox;
class TimeZoneBox;

class BlockDialog : public EditDialog {
    Q_OBJECT
public:
    // `block.id` empty: a new block.
    BlockDialog(models::AdminSession* session, const AvailabilityBlock& block,
                QWidget* parent = nullptr);

    [[nodiscard]] QComboBox* dayBox() const { return m_day; }
    [[nodiscard]] TimeOfDayBox* fromBox() const { return m_from; }
    [[nodiscard]] TimeOfDayBox* toBox() const { return m_to; }
    [[nodiscard]] TimeZoneBox* zoneBox() const { return m_zone; }
    [[nodiscard]] const AvailabilityBlock& saved() const { return m_block; }

public slots:
    // Validates and saves; accepts the dialog on success.
    void save();

private:
    AvailabilityBlock m_block;
    QComboBox* m_day;
    TimeOfDayBox* m_from;
    TimeOfDayBox* m_to;
    TimeZoneBox* m_zone;
};

} // namespace slotdesk::ui
