#pragma once
// SlotService: the bookable slots of an admin, as the attendee sees them. It gathers the engine's
// input from storage (blocks, overrides, rules, pending/confirmed bookings, busy events), runs
// SlotEngine, and caches each answer for 30 s — the one slot cache, which also keeps a caller's
// serialised form of a listing (the endpoint's JSON). Any committed change to the database, by
// this process or another, makes every cached answer stale at once.

#include "core/Clock.h"
#include "core/Result.h"
#include "domain/Entities.h"
#include "scheduling/SlotEngine.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <optional>

namespace slotdesk {
namespace storage {
class Database;
}

struct SlotTime {
    QDateTime start;          // UTC
    QDateTime end;            // UTC
    int utcOffsetSeconds = 0; // the viewer's offset at `start`
};

struct SlotDayList {
    QDate date; // the viewer's local date
    QVector<SlotTime> times;
};

struct SlotListing {
    QString timeZone;
    int duration = 0;
    int minimumNotice = 0; // minutes: the admin's, which the listing was computed with
    QVector<SlotDayList> days;
};

struct SlotRequest {
    QDate from; // inclusive, in timeZone
    QDate to;   // inclusive, in timeZone
    QString timeZone;
    std::optional<int> duration; // minutes; the admin's default when unset
};

class SlotService {
public:
    static constexpr int kMaxRangeDays = 62;
    static constexpr int kCacheSeconds = 30;
    static constexpr qsizetype kMaxCachedEntries = 512; // then the cache starts again empty

    explicit SlotService(storage::Database& database, core::Clock clock = {});

    // `ignoredBookingIds`: bookings whose time counts as free — those an attendee's move replaces
    // (the caller has checked their manage token; BookingService::replacedByMove()). Empty:
    // every booking holds its time.
    Result<SlotListing> listSlots(const User& admin, const SlotRequest& request,
                                  const QStringList& ignoredBookingIds = {});

    // The engine's input for `admin` around [from, to), read fresh from storage. BookingService
    // uses it inside its write transaction. The time of `ignoredBookingIds` (what a move
    // replaces) counts as free, towards the daily cap too.
    Result<scheduling::SlotInput> loadInput(const User& admin, const BookingSettings& settings,
                                            int lengthMinutes, const QDateTime& from,
                                            const QDateTime& to,
                                            const QStringList& ignoredBookingIds = {});

    // A listing serialised by the caller (e.g. an HTTP body), kept in the same cache under the
    // caller's own key (e.g. the request as received, so that a hit needs no lookup at all) and
    // by the same rules as a listing: computed at `changeStamp`, at most kCacheSeconds old — and,
    // as bytes cannot be filtered, only while none of its slots has moved inside the notice
    // period. keepRendering() takes `listing` as listSlots() returned it.
    std::optional<QByteArray> cachedRendering(const QString& key, qint64 changeStamp);
    void keepRendering(const QString& key, qint64 changeStamp, const SlotListing& listing,
                       const QByteArray& rendering);

    // The clock's now, in whole seconds (the engine's unit).
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] int cacheHits() const { return m_hits; }
    [[nodiscard]] int cacheMisses() const { return m_misses; }

private:
    struct CacheEntry {
        qint64 changeStamp = 0;
        QDateTime computedAt;
        int minimumNotice = 0;
        SlotListing listing;     // a listing's entry
        QByteArray rendering;    // a rendering's entry
        QDateTime earliestStart; // a rendering's first slot; invalid when it has none
    };
    const CacheEntry* freshEntry(const QString& key, qint64 changeStamp,
                                 const QDateTime& current) const;
    void keep(const QString& key, CacheEntry entry);

    storage::Database& m_database;
    core::Clock m_clock;
    QHash<QString, CacheEntry> m_cache;
    int m_hits = 0;
    int m_misses = 0;
};

// Conversions between Qt's and the engine's instants. The engine counts whole seconds:
// toEngine() drops a fraction (rounds down, after 1970), toEngineRoundedUp() rounds it up — for
// the end of time that is held, so that rounding never shrinks it.
scheduling::Instant toEngine(const QDateTime& instant);
scheduling::Instant toEngineRoundedUp(const QDateTime& instant);
QDateTime fromEngine(scheduling::Instant instant);
date::year_month_day toEngine(const QDate& date);

} // namespace slotdesk
