<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Problem with this field</source>
        <translation>Problem mit diesem Feld</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synchronisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Request received</source>
        <translation>Anfrage erhalten</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>Absage</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <source>Cancellation confirmed</source>
        <translation>Stornierung bestätigt</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>New request notice</source>
        <translation>Hinweis auf neue Anfrage</translation>
    </message>
    <message>
        <source>Cancellation notice</source>
        <translation>Hinweis auf Stornierung</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>gesendet %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>owed, from %1</source>
        <translation>ausstehend, ab %1</translation>
    </message>
    <message>
        <source>owed, next try %1 (%2)</source>
        <translation>ausstehend, nächster Versuch %1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 an %2: %3</translation>
    </message>
    <message>
        <source>Rescheduling</source>
        <translation>Verschiebung</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>UTC%1%2:%3</source>
        <translation>UTC%1%2:%3</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date pattern: Tue 1 Dec</comment>
        <translation>ddd, d. MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date pattern: Tue 1 Dec 2026</comment>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date pattern: Tuesday 1 December 2026</comment>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date pattern: 1 Dec</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date pattern: 1 Dec 2026</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date pattern: 1 December 2026</comment>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>date pattern: December 2026</comment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2–%3</source>
        <translation>%1 · %2–%3</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Self-hosted scheduling on your desktop.</source>
        <translation>Selbst gehostete Terminplanung auf Ihrem Desktop.</translation>
    </message>
    <message>
        <source>Data directory (default: $SLOTDESK_DATA_DIR or the application data folder).</source>
        <translation>Datenverzeichnis (Standard: $SLOTDESK_DATA_DIR oder der Datenordner der Anwendung).</translation>
    </message>
    <message>
        <source>Open on a page: calendar, approvals, bookings, availability, integrations or settings.</source>
        <translation>Mit einer Seite öffnen: calendar, approvals, bookings, availability, integrations oder settings.</translation>
    </message>
    <message>
        <source>Language: de, fr or en (default: the system&apos;s).</source>
        <translation>Sprache: de, fr oder en (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>SlotDesk</source>
        <translation>SlotDesk</translation>
    </message>
    <message>
        <source>SlotDesk cannot open its database.

%1</source>
        <translation>SlotDesk kann seine Datenbank nicht öffnen.

%1</translation>
    </message>
    <message>
        <source>There is no page called %1.</source>
        <translation>Es gibt keine Seite namens %1.</translation>
    </message>
    <message>
        <source>A PostgreSQL database instead of the local file: postgresql://user@host:port/dbname (default: $SLOTDESK_DATABASE_URL or the saved setting).</source>
        <translation>Eine PostgreSQL-Datenbank statt der lokalen Datei: postgresql://benutzer@host:port/datenbank (Standard: $SLOTDESK_DATABASE_URL oder die gespeicherte Einstellung).</translation>
    </message>
    <message>
        <source>The admin to work as, when the database has several.</source>
        <translation>Der Administrator, als der Sie arbeiten, wenn die Datenbank mehrere hat.</translation>
    </message>
    <message>
        <source>Serve the booking page on this address and port for this run (default: the saved setting, 127.0.0.1:8765).</source>
        <translation>Die Buchungsseite für diesen Start unter dieser Adresse und diesem Port bereitstellen (Standard: die gespeicherte Einstellung, 127.0.0.1:8765).</translation>
    </message>
    <message>
        <source>SlotDesk is already running on this database but does not answer. Close it (or end its process) and try again.</source>
        <translation>SlotDesk läuft bereits mit dieser Datenbank, antwortet aber nicht. Schließen Sie es (oder beenden Sie den Prozess) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The address attendees use, e.g. https://book.example.org behind an HTTPS proxy, for this run (default: the saved setting, none).</source>
        <translation>Die Adresse, die Teilnehmer verwenden, z. B. https://book.example.org hinter einem HTTPS-Proxy, für diesen Start (Standard: die gespeicherte Einstellung, keine).</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::AvailabilityBlockModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::BookingTableModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>For %1: %2</source>
        <translation>Für %1: %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::CalendarItemModel</name>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>%1
%2
Busy in your calendar</source>
        <translation>%1
%2
In Ihrem Kalender belegt</translation>
    </message>
    <message>
        <source>%1
%2
%3</source>
        <translation>%1
%2
%3</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::DateOverrideModel</name>
    <message>
        <source>Unavailable all day</source>
        <translation>Ganztägig nicht verfügbar</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::IntegrationModel</name>
    <message>
        <source>Google Calendar</source>
        <translation>Google Kalender</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::PendingBookingModel</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Attendee&apos;s time</source>
        <translation>Zeit des Teilnehmers</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::SlotPreviewModel</name>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n Zeitfenster</numerusform>
            <numerusform>%n Zeitfenster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::AddCalendarDialog</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Add calendar</source>
        <translation>Kalender hinzufügen</translation>
    </message>
    <message>
        <source>Google Calendar</source>
        <translation>Google Kalender</translation>
    </message>
    <message>
        <source>CalDAV account</source>
        <translation>CalDAV-Konto</translation>
    </message>
    <message>
        <source>ICS feed</source>
        <translation>ICS-Feed</translation>
    </message>
    <message>
        <source>Google Calendar signs in through your browser. SlotDesk then reads your busy times and adds approved bookings.</source>
        <translation>Die Anmeldung bei Google Kalender erfolgt in Ihrem Browser. Danach liest SlotDesk Ihre belegten Zeiten und trägt genehmigte Buchungen ein.</translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation>Google Kalender verbinden…</translation>
    </message>
    <message>
        <source>https://cloud.example.com/remote.php/dav</source>
        <translation>https://cloud.example.com/remote.php/dav</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ticked calendars block your time; nobody can book over their events.</source>
        <translation>Angehakte Kalender blockieren Ihre Zeit; niemand kann über ihre Termine hinweg buchen.</translation>
    </message>
    <message>
        <source>Nextcloud, Fastmail, iCloud, mailbox.org, Radicale and other CalDAV servers. Use an app password where your provider offers one; it is kept in the system keychain only.</source>
        <translation>Nextcloud, Fastmail, iCloud, mailbox.org, Radicale und andere CalDAV-Server. Verwenden Sie ein App-Passwort, wo Ihr Anbieter eines anbietet; es wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>https://…/calendar.ics</source>
        <translation>https://…/calendar.ics</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>Feed-Adresse</translation>
    </message>
    <message>
        <source>A read-only calendar published as an ICS link (webcal or https). Its events block your time. The address is a secret and is kept in the system keychain only.</source>
        <translation>Ein schreibgeschützter Kalender, als ICS-Link veröffentlicht (webcal oder https). Seine Termine blockieren Ihre Zeit. Die Adresse ist geheim und wird nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Feed address: %1</source>
        <translation>Feed-Adresse: %1</translation>
    </message>
    <message>
        <source>Server address: %1</source>
        <translation>Serveradresse: %1</translation>
    </message>
    <message>
        <source>Username: %1</source>
        <translation>Benutzername: %1</translation>
    </message>
    <message>
        <source>App password: %1</source>
        <translation>App-Passwort: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Blocks my time</source>
        <translation>Blockiert meine Zeit</translation>
    </message>
    <message>
        <source>enter the feed&apos;s address.</source>
        <translation>Geben Sie die Adresse des Feeds ein.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Adding the calendar…</source>
        <translation>Kalender wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Test the connection first</source>
        <translation>Testen Sie zuerst die Verbindung</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Approve the selected requests (Ctrl+Enter)</source>
        <translation>Ausgewählte Anfragen genehmigen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Approve selected requests</source>
        <translation>Ausgewählte Anfragen genehmigen</translation>
    </message>
    <message>
        <source>Reject the selected requests, with an optional reason (Ctrl+Backspace)</source>
        <translation>Ausgewählte Anfragen ablehnen, optional mit Begründung (Strg+Rücktaste)</translation>
    </message>
    <message>
        <source>Reject selected requests</source>
        <translation>Ausgewählte Anfragen ablehnen</translation>
    </message>
    <message>
        <source>Booking requests</source>
        <translation>Buchungsanfragen</translation>
    </message>
    <message>
        <source>You&apos;re all caught up</source>
        <translation>Alles erledigt</translation>
    </message>
    <message>
        <source>New booking requests appear here, oldest first. You can approve or reject several at once.</source>
        <translation>Neue Buchungsanfragen erscheinen hier, die älteste zuerst. Sie können mehrere auf einmal genehmigen oder ablehnen.</translation>
    </message>
    <message>
        <source>Select several with Ctrl or Shift · Ctrl+Enter approves · Ctrl+Backspace rejects</source>
        <translation>Mehrere mit Strg oder Umschalt auswählen · Strg+Eingabe genehmigt · Strg+Rücktaste lehnt ab</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>%n genehmigen</numerusform>
            <numerusform>%n genehmigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n…</source>
        <translation>
            <numerusform>%n ablehnen…</numerusform>
            <numerusform>%n ablehnen…</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests waiting</source>
        <translation>Keine offenen Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting · oldest first</source>
        <translation>
            <numerusform>%n Anfrage wartet · älteste zuerst</numerusform>
            <numerusform>%n Anfragen warten · älteste zuerst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::AvailabilityPage</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Wöchentliche Zeiten</translation>
    </message>
    <message>
        <source>When you can be booked, day by day. Each block keeps its own time zone.</source>
        <translation>Wann Sie gebucht werden können, Tag für Tag. Jeder Block hat seine eigene Zeitzone.</translation>
    </message>
    <message>
        <source>Date overrides</source>
        <translation>Abweichende Tage</translation>
    </message>
    <message>
        <source>Days off, or other hours on a particular date.</source>
        <translation>Freie Tage oder andere Zeiten an einem bestimmten Datum.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a date override</source>
        <translation>Abweichenden Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected date override</source>
        <translation>Ausgewählten abweichenden Tag entfernen</translation>
    </message>
    <message>
        <source>No overrides ahead.</source>
        <translation>Keine abweichenden Tage geplant.</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Buchungsregeln</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Your hours, exceptions and rules — and what attendees will be offered.</source>
        <translation>Ihre Zeiten, Ausnahmen und Regeln – und was Teilnehmern angeboten wird.</translation>
    </message>
    <message>
        <source>Preview: no slots in the next 7 days</source>
        <translation>Vorschau: keine Zeitfenster in den nächsten 7 Tagen</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n slot(s) in the next 7 days</source>
        <translation>
            <numerusform>Vorschau: %n Zeitfenster in den nächsten 7 Tagen</numerusform>
            <numerusform>Vorschau: %n Zeitfenster in den nächsten 7 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1-minute meetings, %2</source>
        <translation> · Termine à %1 Minuten, %2</translation>
    </message>
    <message>
        <source>How long meetings are, how they fit around each other, and which ones need your approval.</source>
        <translation>Wie lange Termine dauern, wie sie zueinander passen und welche Ihre Genehmigung brauchen.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BackupCard</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Ordner wählen…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Standardordner verwenden</translation>
    </message>
    <message>
        <source>This window works on a PostgreSQL database: its backups are made by the database server (pg_dump, point-in-time recovery). See docs/BACKUP.md.</source>
        <translation>Dieses Fenster arbeitet mit einer PostgreSQL-Datenbank: Ihre Sicherungen erstellt der Datenbankserver (pg_dump, Point-in-Time-Recovery). Siehe docs/BACKUP.md.</translation>
    </message>
    <message>
        <source>A checked copy of your data is made every day while SlotDesk runs, and before every upgrade; 7 daily and 4 weekly copies are kept. To restore one, close SlotDesk and run: slotdesk-cli backup restore FILE</source>
        <translation>Solange SlotDesk läuft, wird täglich und vor jedem Update eine geprüfte Kopie Ihrer Daten erstellt; 7 tägliche und 4 wöchentliche Kopien werden aufbewahrt. Zum Wiederherstellen SlotDesk schließen und ausführen: slotdesk-cli backup restore DATEI</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Ordner für Sicherungen</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sicherung läuft…</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Folder: %1 (the default)</source>
        <translation>Ordner: %1 (Standard)</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Noch keine Sicherung.</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2), %3 — %4</source>
        <translation>Letzte Sicherung: %1 (%2), %3 — %4</translation>
    </message>
    <message>
        <source>The last backup failed (%1): %2</source>
        <translation>Die letzte Sicherung ist fehlgeschlagen (%1): %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BlockDialog</name>
    <message>
        <source>Add hours</source>
        <translation>Zeiten hinzufügen</translation>
    </message>
    <message>
        <source>Edit hours</source>
        <translation>Zeiten bearbeiten</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Times are in this zone, whatever the season: SlotDesk follows its daylight-saving changes.</source>
        <translation>Die Zeiten gelten in dieser Zone, zu jeder Jahreszeit: SlotDesk folgt ihren Sommerzeitumstellungen.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingActions</name>
    <message>
        <source>%1 overlaps “%2” in your calendar (%3)</source>
        <translation>%1 überschneidet sich mit „%2“ in Ihrem Kalender (%3)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>%1 overlaps your confirmed booking with %2 (%3)</source>
        <translation>%1 überschneidet sich mit Ihrer bestätigten Buchung mit %2 (%3)</translation>
    </message>
    <message>
        <source>%1 and %2 overlap each other (%3)</source>
        <translation>%1 und %2 überschneiden sich (%3)</translation>
    </message>
    <message>
        <source>This time is no longer free:

• %1

Approve anyway? The attendee will be confirmed for a time that collides.</source>
        <translation>Diese Zeit ist nicht mehr frei:

• %1

Trotzdem genehmigen? Der Teilnehmer erhält dann eine Bestätigung für eine Zeit mit Überschneidung.</translation>
    </message>
    <message>
        <source>Approve despite the collision?</source>
        <translation>Trotz Überschneidung genehmigen?</translation>
    </message>
    <message numerus="yes">
        <source>Approved %n request(s)</source>
        <translation>
            <numerusform>%n Anfrage genehmigt</numerusform>
            <numerusform>%n Anfragen genehmigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n request(s)</source>
        <translation>
            <numerusform>%n Anfrage abgelehnt</numerusform>
            <numerusform>%n Anfragen abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n booking(s)</source>
        <translation>
            <numerusform>%n Buchung storniert</numerusform>
            <numerusform>%n Buchungen storniert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n request(s)</source>
        <translation>
            <numerusform>%n Anfrage ablehnen</numerusform>
            <numerusform>%n Anfragen ablehnen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (optional, shown to the attendee):</source>
        <translation>Begründung (optional, wird dem Teilnehmer angezeigt):</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n booking(s)</source>
        <translation>
            <numerusform>%n Buchung stornieren</numerusform>
            <numerusform>%n Buchungen stornieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (shown to the attendee):</source>
        <translation>Begründung (wird dem Teilnehmer angezeigt):</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Buchung stornieren</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Trotzdem genehmigen</translation>
    </message>
    <message>
        <source>Keep waiting</source>
        <translation>Weiter warten lassen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>Move the meeting with %1?

From: %2
To: %3</source>
        <translation>Den Termin mit %1 verschieben?

Von: %2
Auf: %3</translation>
    </message>
    <message>
        <source>

The new time overlaps:
• %1</source>
        <translation>

Die neue Zeit überschneidet sich mit:
• %1</translation>
    </message>
    <message>
        <source>

The attendee is told of the new time.</source>
        <translation>

Die teilnehmende Person erfährt die neue Zeit.</translation>
    </message>
    <message>
        <source>

The request moves to the new time and still waits for your approval.</source>
        <translation>

Die Anfrage wird auf die neue Zeit verschoben und wartet weiter auf Ihre Bestätigung.</translation>
    </message>
    <message>
        <source>Move this booking?</source>
        <translation>Diese Buchung verschieben?</translation>
    </message>
    <message>
        <source>Move despite the collision?</source>
        <translation>Trotz Überschneidung verschieben?</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Keep the time</source>
        <translation>Zeit beibehalten</translation>
    </message>
    <message>
        <source>Moved the meeting with %1 to %2</source>
        <translation>Termin mit %1 auf %2 verschoben</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>%1 vergessen?</translation>
    </message>
    <message>
        <source>Their future bookings are cancelled, and the name, e-mail address and notes of all their bookings are erased, with the mails and links sent to them. The times stay. This cannot be undone.</source>
        <translation>Die künftigen Buchungen werden storniert, und Name, E-Mail-Adresse und Notizen aller Buchungen werden gelöscht, ebenso die an die Person gesendeten E-Mails und Links. Die Zeiten bleiben erhalten. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Forget attendee</source>
        <translation>Teilnehmer vergessen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message numerus="yes">
        <source>Forgot %1: %n booking(s) anonymised</source>
        <translation>
            <numerusform>%1 vergessen: %n Buchung anonymisiert</numerusform>
            <numerusform>%1 vergessen: %n Buchungen anonymisiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingDetailsPanel</name>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>Buchung stornieren…</translation>
    </message>
    <message>
        <source>Booking details</source>
        <translation>Buchungsdetails</translation>
    </message>
    <message>
        <source>Close details (Esc)</source>
        <translation>Details schließen (Esc)</translation>
    </message>
    <message>
        <source>Close details</source>
        <translation>Details schließen</translation>
    </message>
    <message>
        <source>Time in your zone</source>
        <translation>Zeit in Ihrer Zeitzone</translation>
    </message>
    <message>
        <source>Time for the attendee</source>
        <translation>Zeit für den Teilnehmer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Video meeting</source>
        <translation>Videokonferenz</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approve this request</source>
        <translation>Diese Anfrage genehmigen</translation>
    </message>
    <message>
        <source>Reject this request</source>
        <translation>Diese Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Cancel this booking</source>
        <translation>Diese Buchung stornieren</translation>
    </message>
    <message>
        <source>Same as yours</source>
        <translation>Wie bei Ihnen</translation>
    </message>
    <message>
        <source>%1 requested — the link is created once the booking is confirmed</source>
        <translation>%1 gewünscht – der Link wird erstellt, sobald die Buchung bestätigt ist</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Google Meet</source>
        <translation>Google Meet</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Busy in your calendar</source>
        <translation>In Ihrem Kalender belegt</translation>
    </message>
    <message>
        <source>Synced from your calendar. SlotDesk offers no slots at this time.</source>
        <translation>Aus Ihrem Kalender synchronisiert. SlotDesk bietet zu dieser Zeit keine Zeitfenster an.</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Move this booking to another time</source>
        <translation>Diese Buchung auf eine andere Zeit verschieben</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Verschoben von %1</translation>
    </message>
    <message>
        <source>A move to %1 waits for your approval</source>
        <translation>Eine Verschiebung auf %1 wartet auf Ihre Bestätigung</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>Verschoben auf %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingLink</name>
    <message>
        <source>The booking link is switched off.</source>
        <translation>Der Buchungslink ist ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingRulesForm</name>
    <message>
        <source>Save rules</source>
        <translation>Regeln speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Offer %1-minute meetings</source>
        <translation>Termine à %1 Minuten anbieten</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Meeting lengths offered</source>
        <translation>Angebotene Termindauern</translation>
    </message>
    <message>
        <source>Default length</source>
        <translation>Standarddauer</translation>
    </message>
    <message>
        <source>Same as the length</source>
        <translation>Wie die Dauer</translation>
    </message>
    <message>
        <source>Slot interval</source>
        <translation>Raster der Startzeiten</translation>
    </message>
    <message>
        <source>Minutes between possible start times</source>
        <translation>Minuten zwischen möglichen Startzeiten</translation>
    </message>
    <message>
        <source>Buffer before</source>
        <translation>Puffer davor</translation>
    </message>
    <message>
        <source>Free minutes required before anything already booked</source>
        <translation>Freie Minuten vor allem, was schon gebucht ist</translation>
    </message>
    <message>
        <source>Buffer after</source>
        <translation>Puffer danach</translation>
    </message>
    <message>
        <source>Free minutes required after anything already booked</source>
        <translation>Freie Minuten nach allem, was schon gebucht ist</translation>
    </message>
    <message>
        <source>Minimum notice</source>
        <translation>Mindestvorlauf</translation>
    </message>
    <message>
        <source>How soon before a meeting it can still be booked</source>
        <translation>Wie kurzfristig ein Termin noch gebucht werden kann</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Booking window</source>
        <translation>Buchungszeitraum</translation>
    </message>
    <message>
        <source>How many days ahead people can book</source>
        <translation>Wie viele Tage im Voraus gebucht werden kann</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Bookings per day</source>
        <translation>Buchungen pro Tag</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts on one day</source>
        <translation>Die meisten Buchungen, die SlotDesk an einem Tag annimmt</translation>
    </message>
    <message>
        <source>Lengths offered</source>
        <translation>Angebotene Dauern</translation>
    </message>
    <message>
        <source>Start times every</source>
        <translation>Startzeiten alle</translation>
    </message>
    <message>
        <source>Bookable up to</source>
        <translation>Buchbar bis zu</translation>
    </message>
    <message>
        <source>Save booking rules</source>
        <translation>Buchungsregeln speichern</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Attendees may move their bookings</source>
        <translation>Teilnehmer dürfen ihre Buchungen verschieben</translation>
    </message>
    <message>
        <source>Bookings per week</source>
        <translation>Buchungen pro Woche</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts from Monday to Sunday</source>
        <translation>So viele Buchungen nimmt SlotDesk höchstens von Montag bis Sonntag an</translation>
    </message>
    <message>
        <source>Bookings per month</source>
        <translation>Buchungen pro Monat</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts in one calendar month</source>
        <translation>So viele Buchungen nimmt SlotDesk höchstens in einem Kalendermonat an</translation>
    </message>
    <message>
        <source>Every request</source>
        <translation>Jede Anfrage</translation>
    </message>
    <message>
        <source>Requests at short notice</source>
        <translation>Kurzfristige Anfragen</translation>
    </message>
    <message>
        <source>None: confirm bookings at once</source>
        <translation>Keine: Buchungen sofort bestätigen</translation>
    </message>
    <message>
        <source>Needs your approval</source>
        <translation>Braucht Ihre Genehmigung</translation>
    </message>
    <message>
        <source>Which requests wait for you; the others are confirmed at once</source>
        <translation>Welche Anfragen auf Sie warten; die übrigen werden sofort bestätigt</translation>
    </message>
    <message>
        <source> h ahead</source>
        <translation> h im Voraus</translation>
    </message>
    <message>
        <source>less than </source>
        <translation>weniger als </translation>
    </message>
    <message>
        <source>Short notice</source>
        <translation>Kurzfristig</translation>
    </message>
    <message>
        <source>A request starting sooner than this waits for your approval; later ones are confirmed at once</source>
        <translation>Eine Anfrage, die früher beginnt, wartet auf Ihre Genehmigung; spätere werden sofort bestätigt</translation>
    </message>
    <message>
        <source> h before the start</source>
        <translation> h vor Beginn</translation>
    </message>
    <message>
        <source>Until the start</source>
        <translation>Bis zum Beginn</translation>
    </message>
    <message>
        <source>Attendees can cancel or move until</source>
        <translation>Teilnehmer können stornieren oder verschieben bis</translation>
    </message>
    <message>
        <source>How long before a confirmed meeting attendees can still cancel or move it themselves</source>
        <translation>Wie lange vor einem bestätigten Termin Teilnehmer ihn noch selbst stornieren oder verschieben können</translation>
    </message>
    <message>
        <source>Cancel or move until</source>
        <translation>Stornieren oder verschieben bis</translation>
    </message>
    <message>
        <source>Rescheduling</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingsPage</name>
    <message>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>No bookings match</source>
        <translation>Keine passenden Buchungen</translation>
    </message>
    <message>
        <source>Try another status, a wider date range or a shorter search.</source>
        <translation>Versuchen Sie einen anderen Status, einen größeren Zeitraum oder einen kürzeren Suchbegriff.</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>Buchung stornieren…</translation>
    </message>
    <message>
        <source>Cancel the selected confirmed booking, with a reason</source>
        <translation>Ausgewählte bestätigte Buchung mit Begründung stornieren</translation>
    </message>
    <message>
        <source>Cancel the selected booking</source>
        <translation>Ausgewählte Buchung stornieren</translation>
    </message>
    <message>
        <source>Search name, email or notes</source>
        <translation>Name, E-Mail oder Notizen durchsuchen</translation>
    </message>
    <message>
        <source>Search bookings</source>
        <translation>Buchungen durchsuchen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alle Daten</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>Bis Datum (einschließlich)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No bookings</source>
        <translation>Keine Buchungen</translation>
    </message>
    <message numerus="yes">
        <source>%1 booking(s)</source>
        <translation>
            <numerusform>%1 Buchung</numerusform>
            <numerusform>%1 Buchungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Move the selected booking or request to another time</source>
        <translation>Die ausgewählte Buchung oder Anfrage auf eine andere Zeit verschieben</translation>
    </message>
    <message>
        <source>Reschedule the selected booking</source>
        <translation>Die ausgewählte Buchung verschieben</translation>
    </message>
    <message>
        <source>Forget attendee…</source>
        <translation>Teilnehmer vergessen…</translation>
    </message>
    <message>
        <source>Erase the selected booking&apos;s attendee&apos;s name, e-mail address and notes from all their bookings</source>
        <translation>Name, E-Mail-Adresse und Notizen des Teilnehmers der ausgewählten Buchung aus all seinen Buchungen löschen</translation>
    </message>
    <message>
        <source>Forget the selected booking&apos;s attendee</source>
        <translation>Den Teilnehmer der ausgewählten Buchung vergessen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarChoicesDialog</name>
    <message>
        <source>Calendars</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Calendars of %1</source>
        <translation>Kalender von %1</translation>
    </message>
    <message>
        <source>Events in the calendars that block time keep those times free: nobody can book over them. Approved bookings are added to the calendar that receives them. Changes apply at once.</source>
        <translation>Termine in Kalendern, die Zeit blockieren, halten diese Zeiten frei: Niemand kann darüber hinweg buchen. Genehmigte Buchungen werden in den Kalender eingetragen, der sie erhält. Änderungen gelten sofort.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Blocks time</source>
        <translation>Blockiert Zeit</translation>
    </message>
    <message>
        <source>Receives bookings</source>
        <translation>Erhält Buchungen</translation>
    </message>
    <message>
        <source>Approved bookings are not added to any calendar</source>
        <translation>Genehmigte Buchungen werden in keinen Kalender eingetragen</translation>
    </message>
    <message>
        <source>The calendars could not be read: %1</source>
        <translation>Die Kalender konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>SlotDesk has not read this account&apos;s calendars yet.</source>
        <translation>SlotDesk hat die Kalender dieses Kontos noch nicht gelesen.</translation>
    </message>
    <message>
        <source>This account is no longer connected to SlotDesk.</source>
        <translation>Dieses Konto ist nicht mehr mit SlotDesk verbunden.</translation>
    </message>
    <message>
        <source>“%1” blocks time</source>
        <translation>„%1“ blockiert Zeit</translation>
    </message>
    <message>
        <source>“%1” receives bookings</source>
        <translation>„%1“ erhält Buchungen</translation>
    </message>
    <message>
        <source>Approved bookings are added to “%1”, a calendar of another account.</source>
        <translation>Genehmigte Buchungen werden in „%1“ eingetragen, einen Kalender eines anderen Kontos.</translation>
    </message>
    <message>
        <source>Approved bookings are not added to any calendar.</source>
        <translation>Genehmigte Buchungen werden in keinen Kalender eingetragen.</translation>
    </message>
    <message>
        <source>“%1” could not be changed: SlotDesk no longer has this calendar.</source>
        <translation>„%1“ konnte nicht geändert werden: SlotDesk kennt diesen Kalender nicht mehr.</translation>
    </message>
    <message>
        <source>“%1” could not be changed: %2</source>
        <translation>„%1“ konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No calendar</source>
        <translation>Kein Kalender</translation>
    </message>
    <message>
        <source>No calendar receives bookings</source>
        <translation>Kein Kalender erhält Buchungen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarListCard</name>
    <message>
        <source>Other calendars</source>
        <translation>Weitere Kalender</translation>
    </message>
    <message>
        <source>CalDAV accounts (Nextcloud, Fastmail, iCloud, Radicale…) and read-only ICS feeds. Their events keep your time free, like Google Calendar&apos;s.</source>
        <translation>CalDAV-Konten (Nextcloud, Fastmail, iCloud, Radicale…) und schreibgeschützte ICS-Feeds. Ihre Termine halten Ihre Zeit frei, wie die des Google Kalenders.</translation>
    </message>
    <message>
        <source>Add calendar…</source>
        <translation>Kalender hinzufügen…</translation>
    </message>
    <message>
        <source>No CalDAV account or ICS feed yet.</source>
        <translation>Noch kein CalDAV-Konto und kein ICS-Feed.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>ICS feed</source>
        <translation>ICS-Feed</translation>
    </message>
    <message>
        <source>CalDAV account</source>
        <translation>CalDAV-Konto</translation>
    </message>
    <message>
        <source>%1 · last sync: %2</source>
        <translation>%1 · letzte Synchronisierung: %2</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>SlotDesk will forget this calendar, its synced busy times and its password or address in the keychain. The calendar itself keeps its events.</source>
        <translation>SlotDesk vergisst diesen Kalender, seine synchronisierten belegten Zeiten und sein Passwort bzw. seine Adresse im Schlüsselbund. Der Kalender selbst behält seine Termine.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Calendars…</source>
        <translation>Kalender…</translation>
    </message>
    <message>
        <source>Which calendars of this account block your time and which one receives approved bookings</source>
        <translation>Welche Kalender dieses Kontos Ihre Zeit blockieren und welcher genehmigte Buchungen erhält</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarPage</name>
    <message>
        <source>Shown period</source>
        <translation>Angezeigter Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Zu heute springen (T)</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation>Zurück (Bild auf)</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>Weiter (Bild ab)</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Nächster Zeitraum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Day view (D)</source>
        <translation>Tagesansicht (D)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Week view (W)</source>
        <translation>Wochenansicht (W)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Month view (M)</source>
        <translation>Monatsansicht (M)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Pending request</source>
        <translation>Offene Anfrage</translation>
    </message>
    <message>
        <source>Busy in your calendar</source>
        <translation>In Ihrem Kalender belegt</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>week in one month: 1–7 December 2026</comment>
        <translation>%1.–%2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Times are shown in your time zone, %1</source>
        <translation>Zeiten werden in Ihrer Zeitzone angezeigt: %1</translation>
    </message>
    <message>
        <source>Where the dragged booking would go</source>
        <translation>Wohin die gezogene Buchung käme</translation>
    </message>
    <message>
        <source>Move to %1, %2</source>
        <translation>Verschieben auf %1, %2</translation>
    </message>
    <message>
        <source>%1 — overlaps %2</source>
        <translation>%1 – überschneidet sich mit %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarView</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Arrow keys move between bookings; Page Up and Page Down change the period; T goes to today; D, W and M switch to day, week and month.</source>
        <translation>Mit den Pfeiltasten wechseln Sie zwischen Buchungen, mit Bild auf und Bild ab den Zeitraum; T springt zu heute; D, W und M schalten auf Tag, Woche und Monat um.</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 · pending</source>
        <translation>%1 · ausstehend</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::EmailSettingsCard</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Attendees and you hear about requests, decisions and cancellations through your own SMTP server.</source>
        <translation>Teilnehmer und Sie erfahren von Anfragen, Entscheidungen und Stornierungen über Ihren eigenen SMTP-Server.</translation>
    </message>
    <message>
        <source>Mail me new requests and cancellations</source>
        <translation>Mir neue Anfragen und Stornierungen mailen</translation>
    </message>
    <message>
        <source>Save e-mail settings</source>
        <translation>E-Mail-Einstellungen speichern</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meist Port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS von Anfang an (meist Port 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Keine (nur ein Server auf diesem Computer)</translation>
    </message>
    <message>
        <source>bookings@example.org</source>
        <translation>buchungen@example.org</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>Reminder to attendees</source>
        <translation>Erinnerung an Teilnehmer</translation>
    </message>
    <message>
        <source>Test recipient</source>
        <translation>Testempfänger</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Keines gespeichert</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain…</source>
        <translation>Passwort wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>Not sent: fix the settings above first.</source>
        <translation>Nicht gesendet: Korrigieren Sie zuerst die Einstellungen oben.</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>Testnachricht an %1 wird gesendet…</translation>
    </message>
    <message>
        <source>Sent to %1. The server answered: %2</source>
        <translation>An %1 gesendet. Der Server antwortete: %2</translation>
    </message>
    <message>
        <source>Not sent (the server may accept it later): %1</source>
        <translation>Nicht gesendet (der Server nimmt sie vielleicht später an): %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Mails owed: %1 · failed: %2</source>
        <translation>Ausstehende Mails: %1 · fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Last delivery error: %1</source>
        <translation>Letzter Zustellfehler: %1</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>Die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>A PEM file of certificates to trust instead of the system&apos;s, for a server with its own certificate authority</source>
        <translation>Eine PEM-Datei mit Zertifikaten, denen statt denen des Systems vertraut wird – für einen Server mit eigener Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Vertrauenswürdige Zertifikate</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::EmptyState</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::GoogleCalendarCard</name>
    <message>
        <source>Google Calendar</source>
        <translation>Google Kalender</translation>
    </message>
    <message>
        <source>SlotDesk keeps the times of your Google Calendar events free, so nobody can book over them, shows them on your calendar, and adds approved bookings to it.</source>
        <translation>SlotDesk hält die Zeiten Ihrer Google-Kalender-Termine frei, damit niemand sie bucht, zeigt sie in Ihrem Kalender an und trägt genehmigte Buchungen in Ihren Google Kalender ein.</translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation>Google Kalender verbinden…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Calendar writes</source>
        <translation>Kalenderänderungen</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Alles übertragen</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — last error: %2</source>
        <translation>%1 – letzter Fehler: %2</translation>
    </message>
    <message>
        <source>Reconnect Google Calendar…</source>
        <translation>Google Kalender erneut verbinden…</translation>
    </message>
    <message>
        <source>Disconnect Google Calendar?</source>
        <translation>Google Kalender trennen?</translation>
    </message>
    <message>
        <source>SlotDesk will revoke its access at Google, forget the tokens and the synced busy times, and drop calendar writes still owed. Your Google Calendar keeps its events.</source>
        <translation>SlotDesk widerruft seinen Zugriff bei Google, löscht die Tokens und die synchronisierten belegten Zeiten und verwirft noch ausstehende Kalenderänderungen. Die Termine in Ihrem Google Kalender bleiben erhalten.</translation>
    </message>
    <message>
        <source>Calendars…</source>
        <translation>Kalender…</translation>
    </message>
    <message>
        <source>Which calendars block your time and which one receives approved bookings</source>
        <translation>Welche Kalender Ihre Zeit blockieren und welcher genehmigte Buchungen erhält</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::IntegrationCard</name>
    <message>
        <source>Waiting for the browser… Sign in there and allow SlotDesk access.</source>
        <translation>Warten auf den Browser… Melden Sie sich dort an und erlauben Sie SlotDesk den Zugriff.</translation>
    </message>
    <message>
        <source>SlotDesk could not open a browser. Open this address to sign in:</source>
        <translation>SlotDesk konnte keinen Browser öffnen. Öffnen Sie diese Adresse, um sich anzumelden:</translation>
    </message>
    <message>
        <source>Open the sign-in page</source>
        <translation>Anmeldeseite öffnen</translation>
    </message>
    <message>
        <source>Not available: this window was started without integrations</source>
        <translation>Nicht verfügbar: Dieses Fenster wurde ohne Integrationen gestartet</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::IntegrationsPage</name>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Calendars SlotDesk reads your busy time from, and video meetings for bookings.</source>
        <translation>Kalender, aus denen SlotDesk Ihre belegten Zeiten liest, und Videokonferenzen für Buchungen.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::MainWindow</name>
    <message>
        <source>SlotDesk</source>
        <translation>SlotDesk</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Zu &amp;heute springen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SlotDesk</source>
        <translation>&amp;Über SlotDesk</translation>
    </message>
    <message>
        <source>About SlotDesk</source>
        <translation>Über SlotDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;SlotDesk %1&lt;/b&gt;&lt;p&gt;Self-hosted scheduling on your desktop. Your data stays in one file on this computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SlotDesk %1&lt;/b&gt;&lt;p&gt;Selbst gehostete Terminplanung auf Ihrem Desktop. Ihre Daten bleiben in einer einzigen Datei auf diesem Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open SlotDesk</source>
        <translation>SlotDesk öffnen</translation>
    </message>
    <message>
        <source>Quit SlotDesk</source>
        <translation>SlotDesk beenden</translation>
    </message>
    <message numerus="yes">
        <source>Approvals, %n request(s) waiting</source>
        <translation>
            <numerusform>Genehmigungen, %n Anfrage wartet</numerusform>
            <numerusform>Genehmigungen, %n Anfragen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>SlotDesk (%1)</source>
        <translation>SlotDesk (%1)</translation>
    </message>
    <message numerus="yes">
        <source>SlotDesk — %n request(s) waiting</source>
        <translation>
            <numerusform>SlotDesk – %n Anfrage wartet</numerusform>
            <numerusform>SlotDesk – %n Anfragen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>SlotDesk — no requests waiting</source>
        <translation>SlotDesk – keine offenen Anfragen</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>No admin profile yet</source>
        <translation>Noch kein Administratorprofil</translation>
    </message>
    <message>
        <source>Booking link online: %1</source>
        <translation>Buchungslink online: %1</translation>
    </message>
    <message>
        <source>Booking link offline</source>
        <translation>Buchungslink offline</translation>
    </message>
    <message>
        <source>SlotDesk is still running</source>
        <translation>SlotDesk läuft weiter</translation>
    </message>
    <message>
        <source>It keeps taking booking requests. Quit from the tray menu.</source>
        <translation>Es nimmt weiterhin Buchungsanfragen an. Beenden Sie es über das Menü im Infobereich.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OAuthClientDialog</name>
    <message>
        <source>Google OAuth client</source>
        <translation>Google-OAuth-Client</translation>
    </message>
    <message>
        <source>Zoom OAuth app</source>
        <translation>Zoom-OAuth-App</translation>
    </message>
    <message>
        <source>SlotDesk signs in to Google with an OAuth client of your own. Create one of type &lt;b&gt;Desktop app&lt;/b&gt; at &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;console.cloud.google.com&lt;/a&gt; (with the Google Calendar API enabled) and paste its client ID and secret here. The environment variables SLOTDESK_GOOGLE_CLIENT_ID and SLOTDESK_GOOGLE_CLIENT_SECRET, when set, take precedence.</source>
        <translation>SlotDesk meldet sich mit Ihrem eigenen OAuth-Client bei Google an. Erstellen Sie unter &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;console.cloud.google.com&lt;/a&gt; einen Client vom Typ &lt;b&gt;Desktop-App&lt;/b&gt; (mit aktivierter Google Calendar API) und fügen Sie hier dessen Client-ID und Clientschlüssel ein. Die Umgebungsvariablen SLOTDESK_GOOGLE_CLIENT_ID und SLOTDESK_GOOGLE_CLIENT_SECRET haben Vorrang, wenn sie gesetzt sind.</translation>
    </message>
    <message>
        <source>SlotDesk signs in to Zoom with an OAuth app of your own. Create a &lt;b&gt;General app&lt;/b&gt; (user-managed) at &lt;a href=&quot;https://marketplace.zoom.us/&quot;&gt;marketplace.zoom.us&lt;/a&gt; with the scopes to create and delete meetings and to read your user, and paste its client ID and secret here. The environment variables SLOTDESK_ZOOM_CLIENT_ID and SLOTDESK_ZOOM_CLIENT_SECRET, when set, take precedence.</source>
        <translation>SlotDesk meldet sich mit Ihrer eigenen OAuth-App bei Zoom an. Erstellen Sie unter &lt;a href=&quot;https://marketplace.zoom.us/&quot;&gt;marketplace.zoom.us&lt;/a&gt; eine &lt;b&gt;General app&lt;/b&gt; (user-managed) mit den Berechtigungen (Scopes) zum Erstellen und Löschen von Meetings und zum Lesen Ihrer Benutzerdaten und fügen Sie hier deren Client-ID und Clientschlüssel ein. Die Umgebungsvariablen SLOTDESK_ZOOM_CLIENT_ID und SLOTDESK_ZOOM_CLIENT_SECRET haben Vorrang, wenn sie gesetzt sind.</translation>
    </message>
    <message>
        <source>They are kept in SlotDesk&apos;s settings file; your sign-in tokens go to the system keychain only.</source>
        <translation>Client-ID und Clientschlüssel werden in der Einstellungsdatei von SlotDesk gespeichert, Ihre Anmelde-Tokens dagegen nur im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientschlüssel</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Speichern und verbinden</translation>
    </message>
    <message>
        <source>Client ID: enter the client ID.</source>
        <translation>Client-ID: Geben Sie die Client-ID ein.</translation>
    </message>
    <message>
        <source>Client secret: enter the client secret.</source>
        <translation>Clientschlüssel: Geben Sie den Clientschlüssel ein.</translation>
    </message>
    <message>
        <source>The client ID is kept in SlotDesk&apos;s settings file; the client secret and your sign-in tokens go to the system keychain only.</source>
        <translation>Die Client-ID wird in der Einstellungsdatei von SlotDesk gespeichert, der Clientschlüssel und Ihre Anmelde-Tokens dagegen nur im Schlüsselbund des Systems.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OnboardingDialog</name>
    <message>
        <source>Create profile</source>
        <translation>Profil erstellen</translation>
    </message>
    <message>
        <source>Welcome to SlotDesk</source>
        <translation>Willkommen bei SlotDesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>People pick a time on your booking page; you approve each request here. First, tell SlotDesk who you are.</source>
        <translation>Andere wählen auf Ihrer Buchungsseite eine Zeit; Sie genehmigen jede Anfrage hier. Sagen Sie SlotDesk zuerst, wer Sie sind.</translation>
    </message>
    <message>
        <source>Your booking link: %1</source>
        <translation>Ihr Buchungslink: %1</translation>
    </message>
    <message>
        <source>username</source>
        <translation>benutzername</translation>
    </message>
    <message>
        <source>Your booking link</source>
        <translation>Ihr Buchungslink</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open SlotDesk</source>
        <translation>SlotDesk öffnen</translation>
    </message>
    <message>
        <source>You&apos;re ready</source>
        <translation>Alles bereit</translation>
    </message>
    <message>
        <source>Share this link. It works while SlotDesk is running.</source>
        <translation>Teilen Sie diesen Link. Er funktioniert, solange SlotDesk läuft.</translation>
    </message>
    <message>
        <source>You&apos;re bookable Monday to Friday, 09:00–17:00 in your time zone. Change your hours and rules under Availability, and the address under Settings.</source>
        <translation>Sie sind von Montag bis Freitag, 09:00–17:00 in Ihrer Zeitzone buchbar. Zeiten und Regeln ändern Sie unter „Verfügbarkeit“, die Adresse unter „Einstellungen“.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OverrideDialog</name>
    <message>
        <source>&amp;Unavailable all day</source>
        <translation>Ganztägig &amp;nicht verfügbar</translation>
    </message>
    <message>
        <source>&amp;Available only:</source>
        <translation>Nur &amp;verfügbar:</translation>
    </message>
    <message>
        <source>Add a date override</source>
        <translation>Abweichenden Tag hinzufügen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Hours on this date replace your weekly hours for that day, in your time zone (%1).</source>
        <translation>Die Zeiten an diesem Datum ersetzen Ihre wöchentlichen Zeiten für diesen Tag, in Ihrer Zeitzone (%1).</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::PrivacyCard</name>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Attendees&apos; names, e-mail addresses and notes can be anonymised by themselves some days after their meeting; times stay, so your history and busy times stay right. To erase one person&apos;s data now, select one of their bookings on the Bookings page and choose Forget attendee…</source>
        <translation>Namen, E-Mail-Adressen und Notizen von Teilnehmern können einige Tage nach ihrem Termin automatisch anonymisiert werden; die Zeiten bleiben, damit Ihr Verlauf und Ihre belegten Zeiten stimmen. Um die Daten einer Person sofort zu löschen, wählen Sie auf der Seite Buchungen eine ihrer Buchungen und dann Teilnehmer vergessen…</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> days after the meeting</source>
        <translation> Tage nach dem Termin</translation>
    </message>
    <message>
        <source>Anonymise attendee data, days after the meeting (0: off)</source>
        <translation>Teilnehmerdaten anonymisieren, Tage nach dem Termin (0: aus)</translation>
    </message>
    <message>
        <source>Anonymise attendee data</source>
        <translation>Teilnehmerdaten anonymisieren</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved: attendee data is kept until you forget it</source>
        <translation>Gespeichert: Teilnehmerdaten bleiben erhalten, bis Sie sie vergessen</translation>
    </message>
    <message numerus="yes">
        <source>Saved: attendee data is anonymised %n day(s) after each meeting</source>
        <translation>
            <numerusform>Gespeichert: Teilnehmerdaten werden %n Tag nach jedem Termin anonymisiert</numerusform>
            <numerusform>Gespeichert: Teilnehmerdaten werden %n Tage nach jedem Termin anonymisiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::ProfileForm</name>
    <message>
        <source>Alice Example</source>
        <translation>Erika Mustermann</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>erika</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Letters, digits and hyphens; it is the last part of your booking link</source>
        <translation>Buchstaben, Ziffern und Bindestriche; bildet den letzten Teil Ihres Buchungslinks</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>erika@example.org</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RequestCardDelegate</name>
    <message>
        <source>requested %1</source>
        <translation>angefragt %1</translation>
    </message>
    <message>
        <source>their time: %1</source>
        <translation>Teilnehmerzeit: %1</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RequestNotifier</name>
    <message numerus="yes">
        <source>%n new booking request(s)</source>
        <translation>
            <numerusform>%n neue Buchungsanfrage</numerusform>
            <numerusform>%n neue Buchungsanfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Approvals to review them.</source>
        <translation>Öffnen Sie „Genehmigungen“, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>New booking request from %1</source>
        <translation>Neue Buchungsanfrage von %1</translation>
    </message>
    <message>
        <source>Open Approvals</source>
        <translation>Genehmigungen öffnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RescheduleDialog</name>
    <message>
        <source>Reschedule</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Neues Datum</translation>
    </message>
    <message>
        <source>New start time</source>
        <translation>Neue Startzeit</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 · now %2</source>
        <translation>%1 · jetzt %2</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>Da&amp;uer</translation>
    </message>
    <message>
        <source>Times are in your zone (%1). The new time follows your booking rules; the attendee is told of it.</source>
        <translation>Zeiten in Ihrer Zone (%1). Die neue Zeit folgt Ihren Buchungsregeln; die teilnehmende Person erfährt sie.</translation>
    </message>
    <message>
        <source>Times are in your zone (%1). The request moves to the new time and still waits for your approval.</source>
        <translation>Zeiten in Ihrer Zone (%1). Die Anfrage wird auf die neue Zeit verschoben und wartet weiter auf Ihre Bestätigung.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::SettingsPage</name>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Booking link</source>
        <translation>Buchungslink</translation>
    </message>
    <message>
        <source>Your booking link</source>
        <translation>Ihr Buchungslink</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Copy the booking link</source>
        <translation>Buchungslink kopieren</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Open the booking page in your browser</source>
        <translation>Buchungsseite im Browser öffnen</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Apply the listen address</source>
        <translation>Serveradresse übernehmen</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Erreichbar unter</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your profile, your link, your look.</source>
        <translation>Ihr Profil, Ihr Link, Ihr Erscheinungsbild.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1, or localhost</source>
        <translation>Geben Sie eine IP-Adresse wie 127.0.0.1 oder localhost ein</translation>
    </message>
    <message>
        <source>No link yet</source>
        <translation>Noch kein Link</translation>
    </message>
    <message>
        <source>Online — people can book you now</source>
        <translation>Online – Sie können jetzt gebucht werden</translation>
    </message>
    <message>
        <source>Offline — the booking server is not running</source>
        <translation>Offline – der Buchungsserver läuft nicht</translation>
    </message>
    <message>
        <source>Offline — %1</source>
        <translation>Offline – %1</translation>
    </message>
    <message>
        <source>Only this computer can open the link. Listen on another address to let people on your network book you.</source>
        <translation>Nur dieser Computer kann den Link öffnen. Wählen Sie eine andere Adresse, damit Personen in Ihrem Netzwerk Sie buchen können.</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer on port %1 can open your booking page.</source>
        <translation>Jeder, der diesen Computer über Port %1 erreicht, kann Ihre Buchungsseite öffnen.</translation>
    </message>
    <message>
        <source>Still online at the address above — the new one failed: %1</source>
        <translation>Weiterhin unter der obigen Adresse online – die neue hat nicht funktioniert: %1</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Öffentliche Adresse</translation>
    </message>
    <message>
        <source>Only behind a web server that serves your booking page over HTTPS: the address people open. Every link attendees get starts with it. Leave empty otherwise.</source>
        <translation>Nur hinter einem Webserver, der Ihre Buchungsseite über HTTPS bereitstellt: die Adresse, die Personen öffnen. Jeder Link, den Teilnehmer erhalten, beginnt damit. Sonst leer lassen.</translation>
    </message>
    <message>
        <source>Enter an address such as https://book.example.org: http or https, a host name, optionally a port and a path</source>
        <translation>Geben Sie eine Adresse wie https://book.example.org ein: http oder https, ein Hostname, optional ein Port und ein Pfad</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::SlotPreviewView</name>
    <message>
        <source>Slots offered over the next seven days</source>
        <translation>Angebotene Zeitfenster in den nächsten sieben Tagen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n slot(s)</source>
        <translation>
            <numerusform>%1: %n Zeitfenster</numerusform>
            <numerusform>%1: %n Zeitfenster</numerusform>
        </translation>
    </message>
    <message>
        <source>No slots</source>
        <translation>Keine Zeitfenster</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::TimeZoneBox</name>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>An IANA time zone, such as Europe/Berlin</source>
        <translation>Eine IANA-Zeitzone, z. B. Europe/Berlin</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::WeeklyHoursEditor</name>
    <message>
        <source>Unavailable</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>%1 %2 bearbeiten</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>%1 %2 entfernen</translation>
    </message>
    <message>
        <source>Add hours on %1</source>
        <translation>Zeiten am %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::ZoomCard</name>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>When an attendee asks for Zoom, SlotDesk creates the meeting as you approve the booking, puts its link into the booking and your calendar event, and deletes it when the booking is cancelled.</source>
        <translation>Wünscht ein Teilnehmer Zoom, erstellt SlotDesk das Zoom-Meeting, sobald Sie die Buchung genehmigen, fügt den Link in die Buchung und Ihren Kalendertermin ein und löscht das Meeting, wenn die Buchung storniert wird.</translation>
    </message>
    <message>
        <source>Connect Zoom…</source>
        <translation>Zoom verbinden…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Could not connect Zoom: %1</source>
        <translation>Verbindung mit Zoom fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>Erneute Verbindung erforderlich</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Reconnect Zoom…</source>
        <translation>Zoom erneut verbinden…</translation>
    </message>
    <message>
        <source>Disconnect Zoom?</source>
        <translation>Zoom trennen?</translation>
    </message>
    <message>
        <source>SlotDesk will revoke its access at Zoom and forget the tokens. Meetings already created stay in Zoom; new approvals get no Zoom link.</source>
        <translation>SlotDesk widerruft seinen Zugriff bei Zoom und löscht die Tokens. Bereits erstellte Meetings bleiben in Zoom erhalten; neu genehmigte Buchungen erhalten keinen Zoom-Link.</translation>
    </message>
</context>
</TS>
