#include "caldav/CalDavSyncRun.h"

#include "calendar/IcsBusyParser.h"
#include "integration/KeychainSecretStore.h"
#include "storage/CalendarEventRepository.h"
#include "storage/Database.h"

#include <QSet>

namespace slotdesk::caldav {

using integration::Failure;
using integration::ProviderReply;

namespace {

const QChar kSeparator = QLatin1Char('|');

} // namespace

CalDavSyncRun::CalDavSyncRun(Setup setup, QObject* parent)
    : CalendarPass(setup.database, setup.integration, setup.leaseHolder, setup.clock, parent)
    , m_setup(std::move(setup)) {}

CalDavSyncRun::~CalDavSyncRun() = default;

QString CalDavSyncRun::objectName(const QString& href) {
    return href.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
}

QString CalDavSyncRun::externalId(const QString& href, const QString& etag,
                                  const QString& instance) {
    return objectName(href) + kSeparator + etag + kSeparator + instance;
}

void CalDavSyncRun::start() {
    if (!beginPass())
        return;
    m_setup.secrets->readSecret(m_integration.keychainKey, this, [this](Result<QByteArray> secret) {
        if (!secret && m_setup.secretMayBeElsewhere) {
            m_report.ran = false;
            m_report.tokensElsewhere = true;
            finish(true, QStringLiteral("This CalDAV account's password is in another "
                                        "machine's keychain"));
            return;
        }
        if (!secret)
            return fail(ProviderReply::localFailure(Failure::Keychain, secret.error().message));
        auto db = m_database->connection();
        auto calendars = storage::IntegrationCalendarRepository(db).list(m_integration.id);
        auto stored = storage::CalendarEventRepository(db).list(m_integration.id);
        if (!calendars || !stored)
            return fail(ProviderReply::localFailure(
                Failure::Rejected, (!calendars ? calendars.error() : stored.error()).message));
        for (const auto& calendar : *calendars)
            if (calendar.blocksTime)
                m_pending.append(calendar);
        m_stored = std::move(*stored);
        m_client = new CalDavClient(
            m_setup.network,
            CalDavAccount{QUrl(m_integration.sourceUrl), m_integration.username, *secret}, this);
        for (const auto& calendar : std::as_const(m_pending))
            m_client->trust(calendarUrl(calendar));
        nextCalendar();
    });
}

QUrl CalDavSyncRun::calendarUrl(const storage::IntegrationCalendar& calendar) const {
    return CalDavClient::resolve(QUrl(m_integration.sourceUrl), calendar.remoteId);
}

void CalDavSyncRun::nextCalendar() {
    if (m_pending.isEmpty())
        return store();
    if (const Lease lease = renewLease(); lease != Lease::Held)
        return finish(false, lostLeaseMessage(lease));
    CalendarResult result;
    result.calendar = m_pending.takeFirst();
    if (m_setup.fullRead || (result.calendar.syncToken.isEmpty() && result.calendar.ctag.isEmpty()))
        readFull(std::move(result));
    else if (!result.calendar.syncToken.isEmpty())
        readChanges(std::move(result));
    else
        compareEtags(std::move(result));
}

void CalDavSyncRun::readFull(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    // The state first: whatever changes during the query is seen again from this token.
    m_client->calendarState(
        url, [this, url, result](const ProviderReply& reply, const CalDavCalendar& state) mutable {
            if (!reply.ok())
                return fail(reply);
            result.full = true;
            result.syncToken = state.supportsSyncCollection ? state.syncToken : QString();
            result.ctag = state.ctag;
            m_report.fullSync = true;
            m_client->queryEvents(url, now().addDays(-kWindowDays), now().addDays(kHorizonDays),
                                  [this, result](const ProviderReply& queried,
                                                 const QVector<CalendarObject>& objects) mutable {
                                      ++m_report.pages;
                                      if (!queried.ok())
                                          return fail(queried);
                                      addObjects(result, objects);
                                      m_results.append(result);
                                      nextCalendar();
                                  });
        });
}

void CalDavSyncRun::readChanges(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    m_client->syncCollection(
        url, result.calendar.syncToken,
        [this, result](const ProviderReply& reply, const SyncChanges& changes) mutable {
            ++m_report.pages;
            if (reply.failure == Failure::FullSyncRequired) {
                qCInfo(lcSync) << "CalDAV sync token no longer valid; reading the calendar again";
                return readFull(std::move(result));
            }
            if (!reply.ok())
                return fail(reply);
            result.syncToken = changes.syncToken;
            result.ctag = result.calendar.ctag;
            QSet<QString> touched;
            QStringList hrefs;
            for (const QString& href : changes.removedHrefs)
                touched.insert(objectName(href));
            for (const CalendarObject& object : changes.changed) {
                touched.insert(objectName(object.href));
                hrefs.append(object.href);
            }
            result.removedIds = storedIdsOf(result.calendar.id, touched);
            fetchObjects(std::move(result), hrefs);
        });
}

void CalDavSyncRun::compareEtags(CalendarResult result) {
    const QUrl url = calendarUrl(result.calendar);
    m_client->calendarState(url, [this, url, result](const ProviderReply& reply,
                                                     const CalDavCalendar& state) mutable {
        if (!reply.ok())
            return fail(reply);
        result.ctag = state.ctag;
        if (state.ctag == result.calendar.ctag) {
            m_results.append(result); // nothing changed
            return nextCalendar();
        }
        m_client->listEtags(url, [this, result](const ProviderReply& listed,
                                                const QVector<CalendarObject>& members) mutable {
            ++m_report.pages;
            if (!listed.ok())
                return fail(listed);
            // The ETag each object had when its events were stored.
            QHash<QString, QString> storedEtags;
            for (const CalendarEvent& event : std::as_const(m_stored)) {
                if (event.integrationCalendarId != result.calendar.id)
                    continue;
                const QStringList parts = event.externalEventId.split(kSeparator);
                if (parts.size() >= 3)
                    storedEtags.insert(parts.at(0), parts.at(1));
            }
            QSet<QString> touched(storedEtags.keyBegin(), storedEtags.keyEnd());
            QStringList hrefs;
            for (const CalendarObject& member : members) {
                const QString name = objectName(member.href);
                if (storedEtags.value(name) == member.etag && !member.etag.isEmpty())
                    touched.remove(name); // unchanged
                else
                    hrefs.append(member.href);
            }
            for (const QString& href : std::as_const(hrefs))
                touched.insert(objectName(href));
            result.removedIds = storedIdsOf(result.calendar.id, touched);
            fetchObjects(std::move(result), hrefs);
        });
    });
}

void CalDavSyncRun::fetchObjects(CalendarResult result, const QStringList& hrefs) {
    if (hrefs.isEmpty()) {
        m_results.append(result);
        return nextCalendar();
    }
    m_client->multiget(
        calendarUrl(result.calendar), hrefs,
        [this, result](const ProviderReply& reply, const QVector<CalendarObject>& objects) mutable {
            ++m_report.pages;
            if (!reply.ok())
                return fail(reply);
            addObjects(result, objects);
            m_results.append(result);
            nextCalendar();
        });
}

void CalDavSyncRun::addObjects(CalendarResult& result, const QVector<CalendarObject>& objects) {
    IcsBusyParser::Options options;
    options.from = now().addDays(-kWindowDays);
    options.to = now().addDays(kHorizonDays);
    options.fallbackZone = m_setup.userTimeZone;
    options.ownAddresses = m_setup.ownAddresses;
    const IcsBusyParser parser(options);
    const QDateTime syncedAt = now();
    for (const CalendarObject& object : objects) {
        auto parsed = parser.parse(object.data);
        if (!parsed) {
            ++m_report.removed;
            continue;
        }
        m_report.removed += parsed->skipped;
        for (CalendarEvent event : std::as_const(parsed->events)) {
            event.externalEventId = externalId(object.href, object.etag, event.externalEventId);
            event.calendarIntegrationId = m_integration.id;
            event.integrationCalendarId = result.calendar.id;
            event.syncedAt = syncedAt;
            result.events.append(event);
        }
        m_report.items += static_cast<int>(parsed->events.size());
    }
}

QStringList CalDavSyncRun::storedIdsOf(const QString& calendarId,
                                       const QSet<QString>& names) const {
    QStringList ids;
    for (const CalendarEvent& event : m_stored)
        if (event.integrationCalendarId == calendarId &&
            names.contains(event.externalEventId.section(kSeparator, 0, 0)))
            ids.append(event.externalEventId);
    return ids;
}

void CalDavSyncRun::store() {
    const QDateTime syncedAt = now();
    auto stored = storeSync(
        [&](const QSqlDatabase& db, const CalendarIntegration& integration) -> Status {
            storage::CalendarEventRepository events(db, m_clock);
            storage::IntegrationCalendarRepository calendars(db, m_clock);
            for (const CalendarResult& result : std::as_const(m_results)) {
                auto written =
                    result.full
                        ? events.replaceAll(integration.id, result.events, result.calendar.id)
                        : events.applyChanges(integration.id, result.events, result.removedIds,
                                              result.calendar.id);
                if (!written)
                    return written;
                if (auto s = calendars.recordSync(integration.id, result.calendar.id,
                                                  result.syncToken, result.ctag, syncedAt);
                    !s)
                    return s;
            }
            return success();
        },
        [](CalendarIntegration&) {});
    if (!stored)
        return fail(ProviderReply::localFailure(Failure::Rejected, stored.error().message));
    if (!*stored)
        return finish(false, QStringLiteral("The CalDAV account was removed during the sync"));
    qCInfo(lcSync).nospace() << "CalDAV sync: " << m_results.size() << " calendar(s), "
                             << m_report.items << " instance(s), " << m_report.pages
                             << " report(s), in " << m_elapsed.elapsed() << " ms";
    emit integrationChanged(m_integration.id);
    finish(true, {});
}

void CalDavSyncRun::fail(const ProviderReply& reply) {
    recordSyncFailure(reply);
    finish(false, reply.message);
}

} // namespace slotdesk::caldav
