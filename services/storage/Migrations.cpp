#include "storage/Migrations.h"

#include "core/Clock.h"
#include "storage/SqlSupport.h"
#include "storage/Transaction.h"

#include <QStringList>

#include <algorithm>

#include <vector>

namespace slotdesk::storage {
namespace {

// One statement of a step. Most are the same on both engines; where SQLite's and PostgreSQL's
// syntax differ a step gives both texts ({sqlite, postgres}), and a statement for one engine
// only leaves the other nullptr. Either way both engines must end with the same tables, types,
// CHECKs, indexes and unique constraints.
struct Statement {
    Statement(const char* both) // NOLINT(google-explicit-constructor): steps list plain strings
        : sqlite(both)
        , postgres(both) {}
    Statement(const char* sqliteText, const char* postgresText)
        : sqlite(sqliteText)
        , postgres(postgresText) {}

    [[nodiscard]] const char* text(SqlDialect dialect) const {
        return dialect == SqlDialect::PostgreSQL ? postgres : sqlite;
    }

    const char* sqlite;   // nullptr: not run on SQLite
    const char* postgres; // nullptr: not run on PostgreSQL
};

// Whether a step rebuilds a table on SQLite (CREATE new, copy, DROP old, RENAME), which SQLite
// allows only with foreign keys off: DROP TABLE would otherwise delete (cascade) the rows of its
// children. The runner then switches them off around the step and checks them before commit
// (https://sqlite.org/lang_altertable.html#otheralter).
enum class Rebuild { No, TablesOnSqlite };

struct Migration {
    Migration(int v, const char* text, std::vector<Statement> steps, Rebuild how = Rebuild::No)
        : version(v)
        , description(text)
        , statements(std::move(steps))
        , rebuild(how) {}

    int version;
    const char* description;
    std::vector<Statement> statements;
    Rebuild rebuild;
};

// The step that lets a move hand its integrations over (calendar_jobs 'update',
// video_meetings.needs_update). Renumber here when the steps before it are merged.
constexpr int kMovedIntegrationsStep = 12;

// Conventions (docs/ARCHITECTURE.md): UUID text keys; instants as BIGINT Unix epoch milliseconds
// in UTC; booleans as INTEGER 0/1; enums as TEXT with a CHECK. Types are chosen to mean the same
// on SQLite and PostgreSQL. Never edit a released step: add a new one.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1,
         "initial schema",
         {
             R"(CREATE TABLE schema_version (
                  version INTEGER PRIMARY KEY,
                  description TEXT NOT NULL,
                  applied_at BIGINT NOT NULL))",
             R"(CREATE TABLE users (
                  id TEXT PRIMARY KEY,
                  username TEXT NOT NULL UNIQUE,
                  email TEXT NOT NULL UNIQUE,
                  name TEXT NOT NULL,
                  timezone TEXT NOT NULL,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  CHECK (length(username) BETWEEN 1 AND 64)))",
             R"(CREATE TABLE bookings (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  title TEXT,
                  start_time BIGINT NOT NULL,
                  end_time BIGINT NOT NULL,
                  attendee_name TEXT NOT NULL,
                  attendee_email TEXT NOT NULL,
                  notes TEXT,
                  requested_video_provider TEXT
                      CHECK (requested_video_provider IN ('google-meet', 'zoom')),
                  video_provider TEXT CHECK (video_provider IN ('google-meet', 'zoom')),
                  video_link TEXT,
                  status TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'confirmed', 'rejected', 'cancelled')),
                  status_reason TEXT,
                  timezone TEXT NOT NULL,
                  calendar_event_id TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  CHECK (start_time < end_time),
                  CHECK (video_provider IS NULL OR video_link IS NOT NULL)))",
             "CREATE INDEX bookings_user_start ON bookings (user_id, start_time)",
             "CREATE INDEX bookings_start_end ON bookings (start_time, end_time)",
             "CREATE INDEX bookings_status ON bookings (status)",
             R"(CREATE TABLE availability_blocks (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
                  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
                  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
                  timezone TEXT NOT NULL,
                  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  CHECK (start_minute < end_minute)))",
             "CREATE INDEX availability_user_day ON availability_blocks (user_id, day_of_week)",
             "CREATE INDEX availability_user_active ON availability_blocks (user_id, is_active)",
             R"(CREATE TABLE calendar_integrations (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  type TEXT NOT NULL CHECK (type IN ('google-calendar')),
                  keychain_key TEXT NOT NULL UNIQUE,
                  account_email TEXT,
                  token_expires_at BIGINT,
                  calendar_id TEXT NOT NULL DEFAULT 'primary',
                  sync_token TEXT,
                  last_sync_at BIGINT,
                  sync_status TEXT NOT NULL DEFAULT 'disconnected'
                      CHECK (sync_status IN ('active', 'error', 'disconnected')),
                  sync_error TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL))",
             "CREATE INDEX integrations_user_type ON calendar_integrations (user_id, type)",
             "CREATE INDEX integrations_status ON calendar_integrations (sync_status)",
             R"(CREATE TABLE calendar_events (
                  id TEXT PRIMARY KEY,
                  calendar_integration_id TEXT NOT NULL
                      REFERENCES calendar_integrations(id) ON DELETE CASCADE,
                  external_event_id TEXT NOT NULL,
                  start_time BIGINT NOT NULL,
                  end_time BIGINT NOT NULL,
                  title TEXT,
                  is_busy INTEGER NOT NULL DEFAULT 1 CHECK (is_busy IN (0, 1)),
                  synced_at BIGINT NOT NULL,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  CHECK (start_time < end_time),
                  UNIQUE (external_event_id, calendar_integration_id)))",
             "CREATE INDEX events_integration_start ON calendar_events "
             "(calendar_integration_id, start_time)",
             "CREATE INDEX events_start_end ON calendar_events (start_time, end_time)",
         }},
        {2,
         "booking rules and date overrides",
         {
             R"(CREATE TABLE booking_settings (
                  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                  default_duration INTEGER NOT NULL DEFAULT 30
                      CHECK (default_duration BETWEEN 15 AND 480),
                  durations TEXT NOT NULL DEFAULT '30',
                  slot_interval INTEGER NOT NULL DEFAULT 0
                      CHECK (slot_interval = 0 OR slot_interval BETWEEN 5 AND 480),
                  buffer_before INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before BETWEEN 0 AND 480),
                  buffer_after INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after BETWEEN 0 AND 480),
                  minimum_notice INTEGER NOT NULL DEFAULT 120
                      CHECK (minimum_notice BETWEEN 0 AND 43200),
                  horizon_days INTEGER NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 365),
                  max_bookings_per_day INTEGER NOT NULL DEFAULT 0
                      CHECK (max_bookings_per_day BETWEEN 0 AND 100),
                  updated_at BIGINT NOT NULL))",
             R"(CREATE TABLE date_overrides (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  local_date TEXT NOT NULL CHECK (length(local_date) = 10),
                  timezone TEXT NOT NULL,
                  start_minute INTEGER CHECK (start_minute BETWEEN 0 AND 1439),
                  end_minute INTEGER CHECK (end_minute BETWEEN 1 AND 1440),
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  CHECK ((start_minute IS NULL AND end_minute IS NULL)
                         OR (start_minute IS NOT NULL AND end_minute IS NOT NULL
                             AND start_minute < end_minute))))",
             "CREATE INDEX date_overrides_user_date ON date_overrides (user_id, local_date)",
         }},
        {3,
         "attendee manage tokens",
         {
             // SHA-256 (hex) of the attendee's manage token; the token itself is never stored.
             "ALTER TABLE bookings ADD COLUMN manage_token_hash TEXT",
             "CREATE INDEX bookings_user_email_status ON bookings (user_id, attendee_email, "
             "status)",
         }},
        {4,
         "google calendar: write outbox and sync leases",
         {
             // Calendar writes owed for a booking, enqueued in the same transaction as its
             // status change and drained by CalendarSyncService. Done jobs are deleted.
             R"(CREATE TABLE calendar_jobs (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
                  action TEXT NOT NULL CHECK (action IN ('insert', 'delete')),
                  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
                  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                  next_attempt_at BIGINT NOT NULL,
                  last_error TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL))",
             "CREATE INDEX calendar_jobs_due ON calendar_jobs (user_id, state, next_attempt_at)",
             "CREATE INDEX calendar_jobs_booking ON calendar_jobs (booking_id)",
             // Which process syncs an integration right now (a lease that expires on its own
             // if that process dies), and the retry back-off after failed syncs.
             R"(CREATE TABLE calendar_sync_state (
                  calendar_integration_id TEXT PRIMARY KEY
                      REFERENCES calendar_integrations(id) ON DELETE CASCADE,
                  lease_holder TEXT,
                  lease_until BIGINT,
                  failure_count INTEGER NOT NULL DEFAULT 0 CHECK (failure_count >= 0),
                  retry_at BIGINT,
                  updated_at BIGINT NOT NULL))",
         }},
        {5,
         "zoom: video integrations and meetings",
         {
             // A connected video-meeting account (tokens are in the OS keychain only).
             R"(CREATE TABLE video_integrations (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  provider TEXT NOT NULL CHECK (provider IN ('zoom')),
                  account_email TEXT,
                  status TEXT NOT NULL DEFAULT 'connected'
                      CHECK (status IN ('connected', 'error', 'reauth_required')),
                  last_error TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  UNIQUE (user_id, provider)))",
             // The meeting made for a booking, kept to delete it when the booking is cancelled.
             R"(CREATE TABLE video_meetings (
                  booking_id TEXT PRIMARY KEY REFERENCES bookings(id) ON DELETE CASCADE,
                  provider TEXT NOT NULL CHECK (provider IN ('zoom')),
                  meeting_id TEXT NOT NULL,
                  join_url TEXT NOT NULL,
                  deleted_at BIGINT,
                  created_at BIGINT NOT NULL))",
         }},
        {6,
         "calendar sync lease: the holder's machine and process",
         {
             // Who holds calendar_sync_state's lease (core/LeaseHolder): a process on this
             // machine that no longer exists needn't be waited out until lease_until.
             "ALTER TABLE calendar_sync_state ADD COLUMN lease_host TEXT",
             "ALTER TABLE calendar_sync_state ADD COLUMN lease_pid BIGINT",
         }},
        {7,
         "bookings: the attendee's language and the calendar event's sequence",
         {
             // The booking page's language: the attendee's e-mails are written in it.
             "ALTER TABLE bookings ADD COLUMN language TEXT NOT NULL DEFAULT 'en' "
             "CHECK (language IN ('en', 'de', 'fr'))",
             // iCalendar SEQUENCE of the booking's one event (UID <id>@slotdesk), raised with
             // every change attendees' calendars should take over.
             "ALTER TABLE bookings ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0 "
             "CHECK (ics_sequence >= 0)",
         }},
        {8,
         "e-mail: SMTP settings per admin and the durable mail outbox",
         {
             // How an admin's mails leave (the SMTP password is in the OS keychain only).
             R"(CREATE TABLE mail_settings (
                  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                  host TEXT NOT NULL,
                  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
                  security TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
                  username TEXT,
                  ca_file TEXT,
                  from_address TEXT NOT NULL,
                  from_name TEXT,
                  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'fr')),
                  reminder_minutes INTEGER NOT NULL DEFAULT 1440
                      CHECK (reminder_minutes BETWEEN 0 AND 10080),
                  admin_notices INTEGER NOT NULL DEFAULT 1 CHECK (admin_notices IN (0, 1)),
                  updated_at BIGINT NOT NULL))",
             // Mails owed for bookings, written in the same transaction as the change that
             // causes them; one row per (booking, kind, sequence), so a retry never adds a
             // second. A process delivers a row only while it holds its lease.
             R"(CREATE TABLE mail_outbox (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
                  kind TEXT NOT NULL CHECK (kind IN ('request_received', 'approved', 'rejected',
                      'cancelled_by_admin', 'withdrawn', 'cancelled_by_attendee', 'reminder',
                      'admin_new_request', 'admin_attendee_withdrew',
                      'admin_attendee_cancelled')),
                  sequence INTEGER NOT NULL CHECK (sequence >= 0),
                  recipient TEXT NOT NULL,
                  language TEXT NOT NULL CHECK (language IN ('en', 'de', 'fr')),
                  idempotency_key TEXT NOT NULL UNIQUE,
                  status TEXT NOT NULL DEFAULT 'owed'
                      CHECK (status IN ('owed', 'sending', 'sent', 'failed')),
                  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                  next_attempt_at BIGINT NOT NULL,
                  last_error TEXT,
                  lease_owner TEXT,
                  lease_until BIGINT,
                  created_at BIGINT NOT NULL,
                  sent_at BIGINT,
                  updated_at BIGINT NOT NULL))",
             "CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)",
             "CREATE INDEX mail_outbox_booking ON mail_outbox (booking_id)",
         }},
        {9,
         "manage tokens minted for the attendee's e-mails",
         {
             // Hashes of further manage tokens of a booking, valid besides
             // bookings.manage_token_hash: each attendee mail carries a fresh one (only the
             // hash is kept, so the runner cannot rebuild the booking's original link).
             R"(CREATE TABLE booking_access_tokens (
                  token_hash TEXT PRIMARY KEY,
                  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
                  created_at BIGINT NOT NULL))",
             "CREATE INDEX booking_access_tokens_booking ON booking_access_tokens (booking_id)",
         }},
        {10,
         "reschedule: bookings linked to the booking they moved, and the rescheduled mail",
         {
             // A reschedule is a new booking linked to the one it moves: the new one names its
             // original, the original its successor (the newest move asked for).
             "ALTER TABLE bookings ADD COLUMN rescheduled_from_id TEXT "
             "REFERENCES bookings(id) ON DELETE SET NULL",
             "ALTER TABLE bookings ADD COLUMN rescheduled_to_id TEXT "
             "REFERENCES bookings(id) ON DELETE SET NULL",
             "CREATE INDEX bookings_rescheduled_from ON bookings (rescheduled_from_id)",
             "CREATE INDEX bookings_rescheduled_to ON bookings (rescheduled_to_id)",
             // mail_outbox.kind gains 'rescheduled'. SQLite cannot change a CHECK in place: the
             // table is rebuilt (nothing references it); PostgreSQL swaps the constraint.
             {R"(CREATE TABLE mail_outbox_v10 (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
                  kind TEXT NOT NULL CHECK (kind IN ('request_received', 'approved', 'rejected',
                      'cancelled_by_admin', 'withdrawn', 'cancelled_by_attendee', 'reminder',
                      'rescheduled', 'admin_new_request', 'admin_attendee_withdrew',
                      'admin_attendee_cancelled')),
                  sequence INTEGER NOT NULL CHECK (sequence >= 0),
                  recipient TEXT NOT NULL,
                  language TEXT NOT NULL CHECK (language IN ('en', 'de', 'fr')),
                  idempotency_key TEXT NOT NULL UNIQUE,
                  status TEXT NOT NULL DEFAULT 'owed'
                      CHECK (status IN ('owed', 'sending', 'sent', 'failed')),
                  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                  next_attempt_at BIGINT NOT NULL,
                  last_error TEXT,
                  lease_owner TEXT,
                  lease_until BIGINT,
                  created_at BIGINT NOT NULL,
                  sent_at BIGINT,
                  updated_at BIGINT NOT NULL))",
              R"(ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check,
                 ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN ('request_received',
                     'approved', 'rejected', 'cancelled_by_admin', 'withdrawn',
                     'cancelled_by_attendee', 'reminder', 'rescheduled', 'admin_new_request',
                     'admin_attendee_withdrew', 'admin_attendee_cancelled')))"},
             {"INSERT INTO mail_outbox_v10 SELECT id, user_id, booking_id, kind, sequence, "
              "recipient, language, idempotency_key, status, attempts, next_attempt_at, "
              "last_error, lease_owner, lease_until, created_at, sent_at, updated_at "
              "FROM mail_outbox",
              nullptr},
             {"DROP TABLE mail_outbox", nullptr},
             {"ALTER TABLE mail_outbox_v10 RENAME TO mail_outbox", nullptr},
             {"CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)", nullptr},
             {"CREATE INDEX mail_outbox_booking ON mail_outbox (booking_id)", nullptr},
         }},
        // Booking policies (issue 16).
        {11,
         "booking policies: approval, attendee changes, weekly and monthly caps",
         {
             // When a request needs approval; 'short-notice': only when its start is less than
             // approval_within_hours away.
             "ALTER TABLE booking_settings ADD COLUMN approval_policy TEXT NOT NULL "
             "DEFAULT 'always' CHECK (approval_policy IN ('always', 'never', 'short-notice'))",
             "ALTER TABLE booking_settings ADD COLUMN approval_within_hours INTEGER NOT NULL "
             "DEFAULT 24 CHECK (approval_within_hours BETWEEN 1 AND 720)",
             // Hours before the start until which an attendee may cancel or move a confirmed
             // meeting (0: until the start), and whether they may move it at all.
             "ALTER TABLE booking_settings ADD COLUMN attendee_change_notice_hours INTEGER NOT "
             "NULL DEFAULT 0 CHECK (attendee_change_notice_hours BETWEEN 0 AND 720)",
             "ALTER TABLE booking_settings ADD COLUMN attendee_reschedule INTEGER NOT NULL "
             "DEFAULT 1 CHECK (attendee_reschedule IN (0, 1))",
             // Caps per ISO week and calendar month in the admin's zone (0: none).
             "ALTER TABLE booking_settings ADD COLUMN max_bookings_per_week INTEGER NOT NULL "
             "DEFAULT 0 CHECK (max_bookings_per_week BETWEEN 0 AND 500)",
             "ALTER TABLE booking_settings ADD COLUMN max_bookings_per_month INTEGER NOT NULL "
             "DEFAULT 0 CHECK (max_bookings_per_month BETWEEN 0 AND 2000)",
         }},
        {kMovedIntegrationsStep,
         "reschedule: a move hands the Google event and the Zoom meeting to the new booking",
         {
             // calendar_jobs.action gains 'update' (PATCH the event a move handed over). SQLite
             // cannot change a CHECK in place: the table is rebuilt (nothing references it);
             // PostgreSQL swaps the constraint.
             {R"(CREATE TABLE calendar_jobs_moved (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
                  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
                  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
                  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                  next_attempt_at BIGINT NOT NULL,
                  last_error TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL))",
              R"(ALTER TABLE calendar_jobs DROP CONSTRAINT calendar_jobs_action_check,
                 ADD CONSTRAINT calendar_jobs_action_check
                     CHECK (action IN ('insert', 'update', 'delete')))"},
             {"INSERT INTO calendar_jobs_moved SELECT id, user_id, booking_id, action, state, "
              "attempts, next_attempt_at, last_error, created_at, updated_at FROM calendar_jobs",
              nullptr},
             {"DROP TABLE calendar_jobs", nullptr},
             {"ALTER TABLE calendar_jobs_moved RENAME TO calendar_jobs", nullptr},
             {"CREATE INDEX calendar_jobs_due ON calendar_jobs (user_id, state, next_attempt_at)",
              nullptr},
             {"CREATE INDEX calendar_jobs_booking ON calendar_jobs (booking_id)", nullptr},
             // A meeting handed to a moved booking whose new time Zoom has not been told yet.
             "ALTER TABLE video_meetings ADD COLUMN needs_update INTEGER NOT NULL DEFAULT 0 "
             "CHECK (needs_update IN (0, 1))",
         }},
        {13,
         "calendars beyond Google: ICS feeds and CalDAV accounts",
         {
             // SQLite cannot change a CHECK in place: the table is rebuilt (foreign keys off,
             // see Rebuild) with the new types and the columns the new kinds need.
             {R"(CREATE TABLE calendar_integrations_new (
                  id TEXT PRIMARY KEY,
                  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                  type TEXT NOT NULL CHECK (type IN ('google-calendar', 'caldav', 'ics-feed')),
                  keychain_key TEXT NOT NULL UNIQUE,
                  account_email TEXT,
                  token_expires_at BIGINT,
                  calendar_id TEXT NOT NULL DEFAULT 'primary',
                  sync_token TEXT,
                  last_sync_at BIGINT,
                  sync_status TEXT NOT NULL DEFAULT 'disconnected'
                      CHECK (sync_status IN ('active', 'error', 'disconnected')),
                  sync_error TEXT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  display_name TEXT,
                  source_url TEXT,
                  username TEXT,
                  http_etag TEXT,
                  http_last_modified TEXT))",
              nullptr},
             {R"(INSERT INTO calendar_integrations_new (id, user_id, type, keychain_key,
                  account_email, token_expires_at, calendar_id, sync_token, last_sync_at,
                  sync_status, sync_error, created_at, updated_at)
                SELECT id, user_id, type, keychain_key, account_email, token_expires_at,
                  calendar_id, sync_token, last_sync_at, sync_status, sync_error, created_at,
                  updated_at FROM calendar_integrations)",
              nullptr},
             {"DROP TABLE calendar_integrations", nullptr},
             {"ALTER TABLE calendar_integrations_new RENAME TO calendar_integrations", nullptr},
             {"CREATE INDEX integrations_user_type ON calendar_integrations (user_id, type)",
              nullptr},
             {"CREATE INDEX integrations_status ON calendar_integrations (sync_status)", nullptr},
             {nullptr, "ALTER TABLE calendar_integrations DROP CONSTRAINT "
                       "calendar_integrations_type_check"},
             {nullptr, "ALTER TABLE calendar_integrations ADD CONSTRAINT "
                       "calendar_integrations_type_check "
                       "CHECK (type IN ('google-calendar', 'caldav', 'ics-feed'))"},
             // What the admin calls it; the feed's address without its secret parts or the
             // CalDAV server's (never a password: that is in the keychain); the CalDAV user;
             // the feed's validators for a conditional GET.
             {nullptr, "ALTER TABLE calendar_integrations ADD COLUMN display_name TEXT"},
             {nullptr, "ALTER TABLE calendar_integrations ADD COLUMN source_url TEXT"},
             {nullptr, "ALTER TABLE calendar_integrations ADD COLUMN username TEXT"},
             {nullptr, "ALTER TABLE calendar_integrations ADD COLUMN http_etag TEXT"},
             {nullptr, "ALTER TABLE calendar_integrations ADD COLUMN http_last_modified TEXT"},
         },
         Rebuild::TablesOnSqlite},
        {14,
         "attendee privacy: the retention setting per admin",
         {
             // Attendee data (name, e-mail, notes) is anonymised this many days after a
             // meeting ends (privacy::AttendeePrivacy); 0 = kept until forgotten by hand.
             R"(CREATE TABLE privacy_settings (
                  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                  retention_days INTEGER NOT NULL DEFAULT 0
                      CHECK (retention_days BETWEEN 0 AND 36500),
                  updated_at BIGINT NOT NULL))",
         }},
        {15,
         "several calendars per integration: integration_calendars, events and writes per calendar",
         {
             // The calendars of an integration (a Google account's calendarList, a CalDAV
             // account's collections): which block time, which one receives approved bookings,
             // and each one's own incremental-sync state. At most one calendar of a user
             // receives bookings: IntegrationCalendarRepository keeps that true (a UNIQUE index
             // cannot reach the user id, which is on calendar_integrations, and a copy of it
             // here could disagree with it).
             R"(CREATE TABLE integration_calendars (
                  id TEXT PRIMARY KEY,
                  integration_id TEXT NOT NULL
                      REFERENCES calendar_integrations(id) ON DELETE CASCADE,
                  remote_id TEXT NOT NULL,
                  display_name TEXT,
                  color TEXT CHECK (color IS NULL OR (length(color) = 7
                      AND substr(color, 1, 1) = '#')),
                  blocks_time INTEGER NOT NULL DEFAULT 0 CHECK (blocks_time IN (0, 1)),
                  receives_bookings INTEGER NOT NULL DEFAULT 0
                      CHECK (receives_bookings IN (0, 1)),
                  sync_token TEXT,
                  ctag TEXT,
                  last_sync_at BIGINT,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  UNIQUE (integration_id, remote_id)))",
             // A Google integration had one calendar ('primary'): it becomes a row that blocks
             // time and receives bookings, and takes the integration's sync token over.
             {R"(INSERT INTO integration_calendars (id, integration_id, remote_id, blocks_time,
                  receives_bookings, sync_token, last_sync_at, created_at, updated_at)
                SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
                         || substr(hex(randomblob(2)), 2) || '-'
                         || substr('89ab', 1 + abs(random()) % 4, 1)
                         || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                       id, calendar_id, 1, 1, sync_token, last_sync_at, created_at, updated_at
                FROM calendar_integrations WHERE type = 'google-calendar')",
              R"(INSERT INTO integration_calendars (id, integration_id, remote_id, blocks_time,
                  receives_bookings, sync_token, last_sync_at, created_at, updated_at)
                SELECT gen_random_uuid()::text, id, calendar_id, 1, 1, sync_token, last_sync_at,
                       created_at, updated_at
                FROM calendar_integrations WHERE type = 'google-calendar')"},
             "UPDATE calendar_integrations SET sync_token = NULL WHERE type = 'google-calendar'",
             // calendar_events: the calendar an event came from (NULL: an integration with one
             // implicit calendar, such as an ICS feed), and uniqueness per calendar — the same
             // Google event (a shared invitation) can be in two calendars. SQLite cannot drop a
             // UNIQUE constraint: the table is rebuilt (nothing references it).
             {R"(CREATE TABLE calendar_events_v14 (
                  id TEXT PRIMARY KEY,
                  calendar_integration_id TEXT NOT NULL
                      REFERENCES calendar_integrations(id) ON DELETE CASCADE,
                  external_event_id TEXT NOT NULL,
                  start_time BIGINT NOT NULL,
                  end_time BIGINT NOT NULL,
                  title TEXT,
                  is_busy INTEGER NOT NULL DEFAULT 1 CHECK (is_busy IN (0, 1)),
                  synced_at BIGINT NOT NULL,
                  created_at BIGINT NOT NULL,
                  updated_at BIGINT NOT NULL,
                  integration_calendar_id TEXT
                      REFERENCES integration_calendars(id) ON DELETE CASCADE,
                  CHECK (start_time < end_time)))",
              "ALTER TABLE calendar_events ADD COLUMN integration_calendar_id TEXT "
              "REFERENCES integration_calendars(id) ON DELETE CASCADE"},
             {R"(INSERT INTO calendar_events_v14 SELECT e.id, e.calendar_integration_id,
                  e.external_event_id, e.start_time, e.end_time, e.title, e.is_busy, e.synced_at,
                  e.created_at, e.updated_at,
                  (SELECT c.id FROM integration_calendars c
                   WHERE c.integration_id = e.calendar_integration_id)
                FROM calendar_events e)",
              R"(UPDATE calendar_events SET integration_calendar_id =
                  (SELECT c.id FROM integration_calendars c
                   WHERE c.integration_id = calendar_events.calendar_integration_id))"},
             {"DROP TABLE calendar_events",
              "ALTER TABLE calendar_events DROP CONSTRAINT "
              "calendar_events_external_event_id_calendar_integration_id_key"},
             {"ALTER TABLE calendar_events_v14 RENAME TO calendar_events", nullptr},
             {"CREATE INDEX events_integration_start ON calendar_events "
              "(calendar_integration_id, start_time)",
              nullptr},
             {"CREATE INDEX events_start_end ON calendar_events (start_time, end_time)", nullptr},
             // Unique per calendar; and per integration where the calendar is implicit (NULLs
             // are distinct in a UNIQUE index, on both engines).
             "CREATE UNIQUE INDEX events_calendar_external ON calendar_events "
             "(calendar_integration_id, integration_calendar_id, external_event_id)",
             "CREATE UNIQUE INDEX events_implicit_external ON calendar_events "
             "(calendar_integration_id, external_event_id) WHERE integration_calendar_id IS NULL",
             "CREATE INDEX events_calendar ON calendar_events (integration_calendar_id)",
             // The calendar a booking's event (calendar_event_id) is in, so that a move or a
             // cancel changes it there even after another calendar has been chosen for new
             // bookings; and the calendar each owed write goes to (an insert: the one receiving
             // bookings when it was queued; an update or delete: the booking's).
             "ALTER TABLE bookings ADD COLUMN event_calendar_id TEXT "
             "REFERENCES integration_calendars(id) ON DELETE SET NULL",
             "ALTER TABLE calendar_jobs ADD COLUMN integration_calendar_id TEXT "
             "REFERENCES integration_calendars(id) ON DELETE CASCADE",
             R"(UPDATE bookings SET event_calendar_id =
                  (SELECT MIN(c.id) FROM integration_calendars c
                   JOIN calendar_integrations i ON i.id = c.integration_id
                   WHERE i.user_id = bookings.user_id AND i.type = 'google-calendar')
                WHERE calendar_event_id IS NOT NULL)",
             R"(UPDATE calendar_jobs SET integration_calendar_id =
                  (SELECT MIN(c.id) FROM integration_calendars c
                   JOIN calendar_integrations i ON i.id = c.integration_id
                   WHERE i.user_id = calendar_jobs.user_id AND i.type = 'google-calendar'))",
             "CREATE INDEX calendar_jobs_calendar ON calendar_jobs (integration_calendar_id)",
         },
         Rebuild::TablesOnSqlite},
    };
    return all;
}

// Whether `table` exists (in the schema on the search path, on PostgreSQL). A plain query, so
// that after waiting for the write lock it sees what the previous holder committed.
Result<bool> tableExists(const QSqlDatabase& db, const QString& table) {
    const QString sql =
        dialectOf(db) == SqlDialect::PostgreSQL
            ? QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables "
                             "WHERE schemaname = current_schema() AND tablename = ?")
            : QStringLiteral(
                  "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    auto query = exec(db, sql, {table});
    if (!query)
        return query.error();
    return query->next() && query->value(0).toInt() > 0;
}

int readVersion(const QSqlDatabase& db) {
    auto exists = tableExists(db, QStringLiteral("schema_version"));
    if (!exists)
        return -1;
    if (!*exists)
        return 0;
    auto query = exec(db, QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!query || !query->next())
        return -1;
    return query->value(0).toInt();
}

// PostgreSQL has nothing like SQLite's data_version, so Database::changeStamp() sums a counter
// that a statement-level trigger on every table bumps: one row per server process (no two
// writers ever wait on the same row), transactional (a reader sees the bump exactly when the
// write is committed). Not a numbered step: it must also cover tables that later steps add,
// so after migrating, every table of the schema that lacks the trigger gets it.
const char* const kUntrackedTables = R"(
    SELECT COUNT(*) FROM pg_catalog.pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      AND c.relname <> 'slotdesk_changes'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                      WHERE g.tgrelid = c.oid AND g.tgname = 'slotdesk_note_change'))";

const char* const kChangeTracking[] = {
    R"(CREATE TABLE IF NOT EXISTS slotdesk_changes (
         backend_pid INTEGER PRIMARY KEY,
         changes BIGINT NOT NULL))",
    R"(CREATE OR REPLACE FUNCTION slotdesk_note_change() RETURNS trigger
       LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
       BEGIN
         INSERT INTO slotdesk_changes AS c (backend_pid, changes) VALUES (pg_backend_pid(), 1)
           ON CONFLICT (backend_pid) DO UPDATE SET changes = c.changes + 1;
         RETURN NULL;
       END $$)",
    R"(DO $$
       DECLARE t name;
       BEGIN
         FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
                  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
                    AND c.relname <> 'slotdesk_changes'
                    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                                    WHERE g.tgrelid = c.oid AND g.tgname = 'slotdesk_note_change')
         LOOP
           EXECUTE format('CREATE TRIGGER slotdesk_note_change AFTER INSERT OR UPDATE OR DELETE '
                          'OR TRUNCATE ON %I FOR EACH STATEMENT '
                          'EXECUTE FUNCTION slotdesk_note_change()', t);
         END LOOP;
       END $$)",
};

Status trackChanges(const QSqlDatabase& db) {
    auto untracked = exec(db, QString::fromLatin1(kUntrackedTables));
    if (!untracked)
        return untracked.error();
    auto changesTable = tableExists(db, QStringLiteral("slotdesk_changes"));
    if (!changesTable)
        return changesTable.error();
    if (*changesTable && untracked->next() && untracked->value(0).toInt() == 0)
        return success();
    untracked->finish();
    auto tx = Transaction::begin(db, Transaction::Mode::Write);
    if (!tx)
        return tx.error();
    for (const char* statement : kChangeTracking) {
        if (auto s = execDirect(db, QString::fromUtf8(statement)); !s)
            return s.error();
    }
    return tx->commit();
}

// SQLite's foreign keys off for as long as it lives (a no-op when not `active`). The pragma is
// ignored inside a transaction, so this comes first and ends after the commit (or rollback).
class ForeignKeysOff {
public:
    ForeignKeysOff(const QSqlDatabase& db, bool active)
        : m_db(db)
        , m_active(active) {
        if (m_active)
            m_status = execNoRows(m_db, QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() {
        if (m_active)
            if (auto s = execNoRows(m_db, QStringLiteral("PRAGMA foreign_keys = ON")); !s)
                qCWarning(lcStorage) << "cannot switch foreign keys on again:" << s.error().message;
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
    [[nodiscard]] Status status() const { return m_status; }

private:
    QSqlDatabase m_db;
    bool m_active;
    Status m_status = success();
};

} // namespace

int Migrations::latestVersion() {
    return migrations().back().version;
}

int Migrations::currentVersion(const QSqlDatabase& db) {
    return readVersion(db);
}

Status Migrations::checkCompatible(const QSqlDatabase& db) {
    const int version = readVersion(db);
    if (version < 0)
        return Error::storage(
            QStringLiteral("Cannot read the schema version of %1").arg(db.databaseName()));
    if (version > latestVersion())
        return Error{
            ErrorCode::SchemaTooNew,
            QStringLiteral("The database %1 has schema version %2, newer than this SlotDesk "
                           "understands (%3); upgrade SlotDesk to open it. The file was "
                           "not changed.")
                .arg(db.databaseName())
                .arg(version)
                .arg(latestVersion()),
            {}};
    return success();
}

Status Migrations::migrate(const QSqlDatabase& db, int targetVersion,
                           const BeforeMigrating& beforeMigrating) {
    if (beforeMigrating) {
        const int from = readVersion(db);
        const int to =
            targetVersion > 0 ? std::min(targetVersion, latestVersion()) : latestVersion();
        if (from >= 1 && from < to) {
            if (auto s = beforeMigrating(db, from, to); !s)
                return s.error();
        }
    }
    for (const auto& migration : migrations()) {
        if (targetVersion > 0 && migration.version > targetVersion)
            break;
        if (readVersion(db) >= migration.version)
            continue;
        const bool foreignKeysOff =
            migration.rebuild == Rebuild::TablesOnSqlite && dialectOf(db) == SqlDialect::SQLite;
        ForeignKeysOff keysOff(db, foreignKeysOff);
        if (auto s = keysOff.status(); !s)
            return s.error();
        auto tx = Transaction::begin(db, Transaction::Mode::Write);
        if (!tx)
            return tx.error();
        // Another process may have applied it while we waited for the write lock.
        const int version = readVersion(db);
        if (version >= migration.version)
            continue;
        if (version != migration.version - 1)
            return Error::storage(
                QStringLiteral("Schema version %1 cannot be migrated").arg(version));
        for (const Statement& statement : migration.statements) {
            const char* text = statement.text(dialectOf(db));
            if (!text)
                continue;
            if (auto s = execDirect(db, QString::fromUtf8(text)); !s)
                return s.error();
        }
        if (foreignKeysOff) {
            auto broken = exec(db, QStringLiteral("PRAGMA foreign_key_check"));
            if (!broken)
                return broken.error();
            if (broken->next())
                return Error::storage(
                    QStringLiteral("Schema step %1 would break a foreign key of table %2")
                        .arg(migration.version)
                        .arg(broken->value(0).toString()));
        }
        // When this binary changed the file: the system clock's time, whatever a test drives.
        if (auto s = execNoRows(
                db,
                QStringLiteral("INSERT INTO schema_version (version, description, applied_at) "
                               "VALUES (?, ?, ?)"),
                {migration.version, QString::fromUtf8(migration.description),
                 core::Clock().nowMs()});
            !s)
            return s.error();
        if (auto s = tx->commit(); !s)
            return s.error();
    }
    if (dialectOf(db) == SqlDialect::PostgreSQL)
        return trackChanges(db);
    return success();
}

} // namespace slotdesk::storage
