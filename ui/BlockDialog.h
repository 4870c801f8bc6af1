#pragma once
// BlockDialog: adds or edits one block of weekly hours — a day, a start and an end, and the
// zone the times are in. It saves through AvailabilityService (on the session's worker) and
// stays open, with the problem shown beside the field, until the block is valid.

#include "domain/Entities.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace slotdesk::models {
class AdminSession;
}

namespace slotdesk::ui {

class FormFeedback;
class TimeOfDayBox;
class TimeZoneBox;

class BlockDialog : public QDialog {
    Q_OBJECT
public:
    // `block.id` empty: a new block.
    BlockDialog(models::AdminSession* session, const AvailabilityBlock& block,
                QWidget* parent = nullptr);
    ~BlockDialog() override;

    [[nodiscard]] QComboBox* dayBox() const { return m_day; }
    [[nodiscard]] TimeOfDayBox* fromBox() const { return m_from; }
    [[nodiscard]] TimeOfDayBox* toBox() const { return m_to; }
    [[nodiscard]] TimeZoneBox* zoneBox() const { return m_zone; }
    [[nodiscard]] FormFeedback& feedback() const { return *m_feedback; }
    [[nodiscard]] const AvailabilityBlock& saved() const { return m_block; }

public slots:
    // Validates and saves; accepts the dialog on success.
    void save();

private:
    models::AdminSession* m_session;
    AvailabilityBlock m_block;
    QComboBox* m_day;
    TimeOfDayBox* m_from;
    TimeOfDayBox* m_to;
    TimeZoneBox* m_zone;
    FormFeedback* m_feedback;
    bool m_saving = false;
};

} // namespace slotdesk::ui
