#pragma once
// AvailabilityPage: when people can book the admin — the weekly hours, date overrides, the
// booking rules, and a live preview of the slots the next seven days would offer.

#include "core/Result.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;
class QPushButton;

namespace slotdesk {
class AvailabilityService;
}

namespace slotdesk::models {
class AdminSession;
class AvailabilityBlockModel;
class DateOverrideModel;
class SlotPreviewModel;
} // namespace slotdesk::models

namespace slotdesk::ui {

class BlockDialog;
class BookingRulesForm;
class OverrideDialog;
class SectionCard;
class WeeklyHoursEditor;

class AvailabilityPage : public QWidget {
    Q_OBJECT
public:
    explicit AvailabilityPage(models::AdminSession* session, QWidget* parent = nullptr);

    [[nodiscard]] models::AvailabilityBlockModel* blocks() const { return m_blocks; }
    [[nodiscard]] models::DateOverrideModel* overrides() const { return m_overrides; }
    [[nodiscard]] models::SlotPreviewModel* preview() const { return m_preview; }
    [[nodiscard]] WeeklyHoursEditor* weeklyHours() const { return m_weekly; }
    [[nodiscard]] BookingRulesForm* rules() const { return m_rules; }

public slots:
    // Open the dialogs (window-modal, non-blocking); they return the dialog for tests.
    BlockDialog* addHours(int dayOfWeek);
    BlockDialog* editHours(const QString& blockId);
    void removeHours(const QString& blockId);
    OverrideDialog* addOverride();
    void removeSelectedOverride();

private:
    // Runs on the worker thread, for the admin `userId`.
    using Change = std::function<Status(AvailabilityService&, const QString& userId)>;
    // Makes `change` on the worker; its failure shows above the sections.
    void apply(Change change);
    void updatePreviewTitle();

    models::AdminSession* m_session;
    models::AvailabilityBlockModel* m_blocks;
    models::DateOverrideModel* m_overrides;
    models::SlotPreviewModel* m_preview;
    WeeklyHoursEditor* m_weekly;
    BookingRulesForm* m_rules;
    QTableView* m_overrideList;
    QPushButton* m_removeOverride;
    SectionCard* m_previewCard = nullptr;
    QLabel* m_status;
};

} // namespace slotdesk::ui
