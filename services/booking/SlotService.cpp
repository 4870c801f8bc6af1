#include "booking/SlotService.h"

#include "core/ZonedTime.h"
#include "domain/Validation.h"
#include "storage/AvailabilityRepository.h"
#include "storage/BookingRepository.h"
#include "storage/BookingSettingsRepository.h"
#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"
#include "storage/OverrideRepository.h"

namespace slotdesk {

scheduling::Instant toEngine(const QDateTime& instant) {
    return scheduling::Instant(std::chrono::seconds(instant.toSecsSinceEpoch()));
}

scheduling::Instant toEngineRoundedUp(const QDateTime& instant) {
    const qint64 ms = instant.toMSecsSinceEpoch();
    const qint64 seconds = ms / 1000 + (ms % 1000 > 0 ? 1 : 0);
    return scheduling::Instant(std::chrono::seconds(seconds));
}

QDateTime fromEngine(scheduling::Instant instant) {
    return QDateTime::fromSecsSinceEpoch(instant.time_since_epoch().count(), Qt::UTC);
}

date::year_month_day toEngine(const QDate& date) {
    return date::year_month_day(date::year(date.year()),
                                date::month(static_cast<unsigned>(date.month())),
                                date::day(static_cast<unsigned>(date.day())));
}

namespace {

QDate fromEngine(const date::year_month_day& ymd) {
    return QDate(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                 static_cast<int>(static_cast<unsigned>(ymd.day())));
}

} // namespace

SlotService::SlotService(storage::Database& database, core::Clock clock)
    : m_database(database)
    , m_clock(std::move(clock)) {}

const SlotService::CacheEntry* SlotService::freshEntry(const QString& key, qint64 changeStamp,
                                                       const QDateTime& current) const {
    const auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd() || it->changeStamp != changeStamp || it->computedAt > current ||
        it->computedAt.secsTo(current) >= kCacheSeconds)
        return nullptr;
    return &*it;
}

void SlotService::keep(const QString& key, CacheEntry entry) {
    if (m_cache.size() >= kMaxCachedEntries)
        m_cache.clear();
    m_cache.insert(key, std::move(entry));
}

std::optional<QByteArray> SlotService::cachedRendering(const QString& key, qint64 changeStamp) {
    const QDateTime current = now();
    const CacheEntry* entry = freshEntry(u'R' + key, changeStamp, current);
    if (!entry || (entry->earliestStart.isValid() &&
                   entry->earliestStart < current.addSecs(60 * qint64(entry->minimumNotice))))
        return std::nullopt;
    return entry->rendering;
}

void SlotService::keepRendering(const QString& key, qint64 changeStamp, const SlotListing& listing,
                                const QByteArray& rendering) {
    CacheEntry entry{changeStamp, now(), listing.minimumNotice, {}, rendering, {}};
    if (!listing.days.isEmpty() && !listing.days.constFirst().times.isEmpty())
        entry.earliestStart = listing.days.constFirst().times.constFirst().start;
    keep(u'R' + key, std::move(entry));
}

QDateTime SlotService::now() const {
    // The engine works in whole seconds.
    return QDateTime::fromSecsSinceEpoch(m_clock.now().toSecsSinceEpoch(), Qt::UTC);
}

Result<scheduling::SlotInput> SlotService::loadInput(const User& admin,
                                                     const BookingSettings& settings,
                                                     int lengthMinutes, const QDateTime& from,
                                                     const QDateTime& to,
                                                     const QStringList& ignoredBookingIds) {
    const auto db = m_database.connection();
    scheduling::SlotInput input;
    input.adminTimeZone = admin.timeZone.toStdString();
    input.rules.length = std::chrono::minutes(lengthMinutes);
    input.rules.interval = std::chrono::minutes(settings.slotInterval);
    input.rules.bufferBefore = std::chrono::minutes(settings.bufferBefore);
    input.rules.bufferAfter = std::chrono::minutes(settings.bufferAfter);
    input.rules.minimumNotice = std::chrono::minutes(settings.minimumNotice);
    input.rules.horizon = std::chrono::days(settings.horizonDays);
    input.rules.maxBookingsPerDay = settings.maxBookingsPerDay;
    input.rules.maxBookingsPerWeek = settings.maxBookingsPerWeek;
    input.rules.maxBookingsPerMonth = settings.maxBookingsPerMonth;

    auto blocks = storage::AvailabilityRepository(db).list(admin.id, true);
    if (!blocks)
        return blocks.error();
    for (const auto& b : *blocks)
        input.blocks.push_back({b.dayOfWeek, b.startMinute, b.endMinute, b.timeZone.toStdString()});

    // Local dates differ from UTC dates by at most a day either way.
    auto overrides = storage::OverrideRepository(db).list(admin.id, from.date().addDays(-2),
                                                          to.date().addDays(2));
    if (!overrides)
        return overrides.error();
    for (const auto& o : *overrides) {
        auto match =
            std::find_if(input.overrides.begin(), input.overrides.end(), [&](const auto& x) {
                return x.date == toEngine(o.date) && x.timeZone == o.timeZone.toStdString();
            });
        if (match == input.overrides.end()) {
            input.overrides.push_back({toEngine(o.date), o.timeZone.toStdString(), {}});
            match = std::prev(input.overrides.end());
        }
        if (!o.isUnavailable())
            match->hours.push_back({*o.startMinute, *o.endMinute});
    }

    // Busy time reaches into the window by up to a day plus the buffers.
    const qint64 margin = 86400 + 60 * qint64(settings.bufferBefore + settings.bufferAfter);
    const QDateTime busyFrom = from.addSecs(-margin);
    const QDateTime busyTo = to.addSecs(margin);
    // The caps count every booking in the weeks or months the window touches: reach that far.
    const int capDays = settings.maxBookingsPerMonth > 0  ? 32
                        : settings.maxBookingsPerWeek > 0 ? 8
                                                          : 0;
    auto bookings = storage::BookingRepository(db).listHoldingTime(
        admin.id, busyFrom.addDays(-capDays), busyTo.addDays(capDays));
    if (!bookings)
        return bookings.error();
    input.bookings.reserve(static_cast<std::size_t>(bookings->size()));
    // Time held is widened to whole seconds (a row written before instants were whole seconds
    // must still block all of the time it overlaps).
    for (const auto& b : *bookings) {
        if (!ignoredBookingIds.contains(b.id))
            input.bookings.push_back({toEngine(b.startTime), toEngineRoundedUp(b.endTime)});
    }
    auto events = storage::CalendarEventRepository(db).listBusy(admin.id, busyFrom, busyTo);
    if (!events)
        return events.error();
    input.busyEvents.reserve(static_cast<std::size_t>(events->size()));
    for (const auto& e : *events)
        input.busyEvents.push_back({toEngine(e.startTime), toEngineRoundedUp(e.endTime)});
    return input;
}

Result<SlotListing> SlotService::listSlots(const User& admin, const SlotRequest& request,
                                           const QStringList& ignoredBookingIds) {
    if (auto s = validation::timeZone(request.timeZone); !s)
        return s.error();
    if (!request.from.isValid() || !request.to.isValid())
        return Error::validation(QStringLiteral("from"), QStringLiteral("Both dates are required"));
    if (request.to < request.from)
        return Error::validation(QStringLiteral("to"),
                                 QStringLiteral("The last day must not be before the first"));
    if (request.from.daysTo(request.to) + 1 > kMaxRangeDays)
        return Error::validation(
            QStringLiteral("to"),
            QStringLiteral("Ask for at most %1 days at a time").arg(kMaxRangeDays));

    auto settings = storage::BookingSettingsRepository(m_database.connection()).get(admin.id);
    if (!settings)
        return settings.error();
    const int length = request.duration.value_or(settings->defaultDuration);
    if (auto s = validation::bookingLength(length); !s)
        return s.error();

    auto stamp = m_database.changeStamp();
    if (!stamp)
        return stamp.error();
    const QDateTime current = now();
    const QString key = QStringLiteral("L%1|%2|%3|%4|%5|%6")
                            .arg(admin.id, request.from.toString(Qt::ISODate),
                                 request.to.toString(Qt::ISODate), request.timeZone)
                            .arg(length)
                            .arg(ignoredBookingIds.join(u','));
    if (const CacheEntry* it = freshEntry(key, *stamp, current)) {
        ++m_hits;
        // Time has moved on since it was computed: drop what is now inside the notice period.
        SlotListing listing = it->listing;
        const QDateTime earliest = current.addSecs(60 * qint64(it->minimumNotice));
        for (auto& day : listing.days) {
            day.times.removeIf([&](const SlotTime& slot) { return slot.start < earliest; });
        }
        listing.days.removeIf([](const SlotDayList& day) { return day.times.isEmpty(); });
        return listing;
    }
    ++m_misses;

    const QDateTime windowStart = zonedtime::startOfDay(request.from, request.timeZone);
    const QDateTime windowEnd = zonedtime::startOfDay(request.to.addDays(1), request.timeZone);
    auto input = loadInput(admin, *settings, length, windowStart, windowEnd, ignoredBookingIds);
    if (!input)
        return input.error();
    const scheduling::SlotQuery query{toEngine(request.from), toEngine(request.to),
                                      request.timeZone.toStdString(), toEngine(current)};
    const auto days = scheduling::SlotEngine::compute(*input, query);

    SlotListing listing;
    listing.timeZone = request.timeZone;
    listing.duration = length;
    listing.minimumNotice = settings->minimumNotice;
    listing.days.reserve(static_cast<qsizetype>(days.size()));
    for (const auto& day : days) {
        SlotDayList out;
        out.date = fromEngine(day.date);
        out.times.reserve(static_cast<qsizetype>(day.slotList.size()));
        for (const auto& slot : day.slotList) {
            const auto offset = slot.localStart.time_since_epoch() - slot.start.time_since_epoch();
            out.times.append(
                {fromEngine(slot.start), fromEngine(slot.end), static_cast<int>(offset.count())});
        }
        listing.days.append(std::move(out));
    }

    keep(key, {*stamp, current, settings->minimumNotice, listing, {}, {}});
    return listing;
}

} // namespace slotdesk
