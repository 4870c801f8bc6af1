<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Problem with this field</source>
        <translation>Problème dans ce champ</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Échec de la synchronisation</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Request received</source>
        <translation>Demande reçue</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Cancellation confirmed</source>
        <translation>Annulation confirmée</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>New request notice</source>
        <translation>Avis de nouvelle demande</translation>
    </message>
    <message>
        <source>Cancellation notice</source>
        <translation>Avis d’annulation</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>envoyé %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>owed, from %1</source>
        <translation>en attente, à partir de %1</translation>
    </message>
    <message>
        <source>owed, next try %1 (%2)</source>
        <translation>en attente, prochain essai %1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 à %2 : %3</translation>
    </message>
    <message>
        <source>Rescheduling</source>
        <translation>Déplacement</translation>
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
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>date pattern: Tue 1 Dec 2026</comment>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>dddd d MMMM yyyy</source>
        <comment>date pattern: Tuesday 1 December 2026</comment>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date pattern: 1 Dec</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date pattern: 1 Dec 2026</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date pattern: 1 December 2026</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>date pattern: December 2026</comment>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
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
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Self-hosted scheduling on your desktop.</source>
        <translation>La prise de rendez-vous auto-hébergée, sur votre ordinateur.</translation>
    </message>
    <message>
        <source>Data directory (default: $SLOTDESK_DATA_DIR or the application data folder).</source>
        <translation>Dossier des données (par défaut&#xa0;: $SLOTDESK_DATA_DIR ou le dossier de données de l’application).</translation>
    </message>
    <message>
        <source>Open on a page: calendar, approvals, bookings, availability, integrations or settings.</source>
        <translation>Ouvrir sur une page&#xa0;: calendar, approvals, bookings, availability, integrations ou settings.</translation>
    </message>
    <message>
        <source>Language: de, fr or en (default: the system&apos;s).</source>
        <translation>Langue&#xa0;: de, fr ou en (par défaut&#xa0;: celle du système).</translation>
    </message>
    <message>
        <source>SlotDesk</source>
        <translation>SlotDesk</translation>
    </message>
    <message>
        <source>SlotDesk cannot open its database.

%1</source>
        <translation>SlotDesk ne peut pas ouvrir sa base de données.

%1</translation>
    </message>
    <message>
        <source>There is no page called %1.</source>
        <translation>Il n’existe aucune page nommée %1.</translation>
    </message>
    <message>
        <source>A PostgreSQL database instead of the local file: postgresql://user@host:port/dbname (default: $SLOTDESK_DATABASE_URL or the saved setting).</source>
        <translation>Une base PostgreSQL au lieu du fichier local&#xa0;: postgresql://utilisateur@hôte:port/base (par défaut&#xa0;: $SLOTDESK_DATABASE_URL ou le réglage enregistré).</translation>
    </message>
    <message>
        <source>The admin to work as, when the database has several.</source>
        <translation>L’administrateur pour lequel travailler, quand la base en compte plusieurs.</translation>
    </message>
    <message>
        <source>Serve the booking page on this address and port for this run (default: the saved setting, 127.0.0.1:8765).</source>
        <translation>Servir la page de réservation à cette adresse et sur ce port pour cette session (par défaut&#xa0;: le réglage enregistré, 127.0.0.1:8765).</translation>
    </message>
    <message>
        <source>SlotDesk is already running on this database but does not answer. Close it (or end its process) and try again.</source>
        <translation>SlotDesk est déjà ouvert sur cette base de données mais ne répond pas. Fermez-le (ou arrêtez son processus) puis réessayez.</translation>
    </message>
    <message>
        <source>The address attendees use, e.g. https://book.example.org behind an HTTPS proxy, for this run (default: the saved setting, none).</source>
        <translation>L’adresse qu’utilisent les participants, p. ex. https://book.example.org derrière un proxy HTTPS, pour cette session (par défaut&#xa0;: le réglage enregistré, aucune).</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::AvailabilityBlockModel</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
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
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>For %1: %2</source>
        <translation>Pour %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::CalendarItemModel</name>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>%1
%2
Busy in your calendar</source>
        <translation>%1
%2
Occupé dans votre agenda</translation>
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
        <translation>occupé</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::DateOverrideModel</name>
    <message>
        <source>Unavailable all day</source>
        <translation>Indisponible toute la journée</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::IntegrationModel</name>
    <message>
        <source>Google Calendar</source>
        <translation>Google Agenda</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
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
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Attendee&apos;s time</source>
        <translation>Heure du participant</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>slotdesk::models::SlotPreviewModel</name>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n créneau</numerusform>
            <numerusform>%n créneaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::AddCalendarDialog</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Add calendar</source>
        <translation>Ajouter un agenda</translation>
    </message>
    <message>
        <source>Google Calendar</source>
        <translation>Google Agenda</translation>
    </message>
    <message>
        <source>CalDAV account</source>
        <translation>Compte CalDAV</translation>
    </message>
    <message>
        <source>ICS feed</source>
        <translation>Flux ICS</translation>
    </message>
    <message>
        <source>Google Calendar signs in through your browser. SlotDesk then reads your busy times and adds approved bookings.</source>
        <translation>La connexion à Google Agenda se fait dans votre navigateur. SlotDesk lit ensuite vos heures occupées et y ajoute les réservations approuvées.</translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation>Connecter Google Agenda…</translation>
    </message>
    <message>
        <source>https://cloud.example.com/remote.php/dav</source>
        <translation>https://cloud.example.com/remote.php/dav</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Mot de passe d’application</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Ticked calendars block your time; nobody can book over their events.</source>
        <translation>Les agendas cochés bloquent votre temps&#xa0;; personne ne peut réserver par-dessus leurs événements.</translation>
    </message>
    <message>
        <source>Nextcloud, Fastmail, iCloud, mailbox.org, Radicale and other CalDAV servers. Use an app password where your provider offers one; it is kept in the system keychain only.</source>
        <translation>Nextcloud, Fastmail, iCloud, mailbox.org, Radicale et autres serveurs CalDAV. Utilisez un mot de passe d’application si votre fournisseur en propose&#xa0;; il est conservé uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <source>https://…/calendar.ics</source>
        <translation>https://…/calendar.ics</translation>
    </message>
    <message>
        <source>Feed address</source>
        <translation>Adresse du flux</translation>
    </message>
    <message>
        <source>A read-only calendar published as an ICS link (webcal or https). Its events block your time. The address is a secret and is kept in the system keychain only.</source>
        <translation>Un agenda en lecture seule publié sous forme de lien ICS (webcal ou https). Ses événements bloquent votre temps. L’adresse est secrète et n’est conservée que dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Feed address: %1</source>
        <translation>Adresse du flux&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server address: %1</source>
        <translation>Adresse du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Username: %1</source>
        <translation>Nom d’utilisateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>App password: %1</source>
        <translation>Mot de passe d’application&#xa0;: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Blocks my time</source>
        <translation>Bloque mon temps</translation>
    </message>
    <message>
        <source>enter the feed&apos;s address.</source>
        <translation>saisissez l’adresse du flux.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>Adding the calendar…</source>
        <translation>Ajout de l’agenda…</translation>
    </message>
    <message>
        <source>Test the connection first</source>
        <translation>Testez d’abord la connexion</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::ApprovalsPage</name>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Refuser…</translation>
    </message>
    <message>
        <source>Approve the selected requests (Ctrl+Enter)</source>
        <translation>Approuver les demandes sélectionnées (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Approve selected requests</source>
        <translation>Approuver les demandes sélectionnées</translation>
    </message>
    <message>
        <source>Reject the selected requests, with an optional reason (Ctrl+Backspace)</source>
        <translation>Refuser les demandes sélectionnées, avec un motif facultatif (Ctrl+Retour arrière)</translation>
    </message>
    <message>
        <source>Reject selected requests</source>
        <translation>Refuser les demandes sélectionnées</translation>
    </message>
    <message>
        <source>Booking requests</source>
        <translation>Demandes de réservation</translation>
    </message>
    <message>
        <source>You&apos;re all caught up</source>
        <translation>Vous êtes à jour</translation>
    </message>
    <message>
        <source>New booking requests appear here, oldest first. You can approve or reject several at once.</source>
        <translation>Les nouvelles demandes de réservation apparaissent ici, les plus anciennes d’abord. Vous pouvez en approuver ou en refuser plusieurs à la fois.</translation>
    </message>
    <message>
        <source>Select several with Ctrl or Shift · Ctrl+Enter approves · Ctrl+Backspace rejects</source>
        <translation>Sélection multiple avec Ctrl ou Maj · Ctrl+Entrée approuve · Ctrl+Retour arrière refuse</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n</source>
        <translation>
            <numerusform>Approuver %n</numerusform>
            <numerusform>Approuver %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n…</source>
        <translation>
            <numerusform>Refuser %n…</numerusform>
            <numerusform>Refuser %n…</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests waiting</source>
        <translation>Aucune demande en attente</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) waiting · oldest first</source>
        <translation>
            <numerusform>%n demande en attente · la plus ancienne d’abord</numerusform>
            <numerusform>%n demandes en attente · les plus anciennes d’abord</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::AvailabilityPage</name>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Horaires hebdomadaires</translation>
    </message>
    <message>
        <source>When you can be booked, day by day. Each block keeps its own time zone.</source>
        <translation>Quand on peut vous réserver, jour par jour. Chaque plage garde son propre fuseau horaire.</translation>
    </message>
    <message>
        <source>Date overrides</source>
        <translation>Exceptions de dates</translation>
    </message>
    <message>
        <source>Days off, or other hours on a particular date.</source>
        <translation>Jours de congé, ou horaires différents à une date précise.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Add a date override</source>
        <translation>Ajouter une exception de date</translation>
    </message>
    <message>
        <source>Remove the selected date override</source>
        <translation>Supprimer l’exception de date sélectionnée</translation>
    </message>
    <message>
        <source>No overrides ahead.</source>
        <translation>Aucune exception à venir.</translation>
    </message>
    <message>
        <source>Booking rules</source>
        <translation>Règles de réservation</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilités</translation>
    </message>
    <message>
        <source>Your hours, exceptions and rules — and what attendees will be offered.</source>
        <translation>Vos horaires, exceptions et règles — et ce qui sera proposé aux participants.</translation>
    </message>
    <message>
        <source>Preview: no slots in the next 7 days</source>
        <translation>Aperçu&#xa0;: aucun créneau dans les 7 prochains jours</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n slot(s) in the next 7 days</source>
        <translation>
            <numerusform>Aperçu&#xa0;: %n créneau dans les 7 prochains jours</numerusform>
            <numerusform>Aperçu&#xa0;: %n créneaux dans les 7 prochains jours</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1-minute meetings, %2</source>
        <translation> · rendez-vous de %1 minutes, %2</translation>
    </message>
    <message>
        <source>How long meetings are, how they fit around each other, and which ones need your approval.</source>
        <translation>La durée des rendez-vous, la façon dont ils s’enchaînent et ceux qui demandent votre approbation.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BackupCard</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choisir un dossier…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Utiliser le dossier par défaut</translation>
    </message>
    <message>
        <source>This window works on a PostgreSQL database: its backups are made by the database server (pg_dump, point-in-time recovery). See docs/BACKUP.md.</source>
        <translation>Cette fenêtre travaille sur une base PostgreSQL : ses sauvegardes sont faites par le serveur de base de données (pg_dump, restauration à un instant donné). Voir docs/BACKUP.md.</translation>
    </message>
    <message>
        <source>A checked copy of your data is made every day while SlotDesk runs, and before every upgrade; 7 daily and 4 weekly copies are kept. To restore one, close SlotDesk and run: slotdesk-cli backup restore FILE</source>
        <translation>Tant que SlotDesk tourne, une copie vérifiée de vos données est faite chaque jour et avant chaque mise à jour ; 7 copies quotidiennes et 4 hebdomadaires sont conservées. Pour en restaurer une, fermez SlotDesk et lancez : slotdesk-cli backup restore FICHIER</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
    <message>
        <source>Folder: %1 (the default)</source>
        <translation>Dossier : %1 (par défaut)</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Pas encore de sauvegarde.</translation>
    </message>
    <message>
        <source>Last backup: %1 (%2), %3 — %4</source>
        <translation>Dernière sauvegarde : %1 (%2), %3 — %4</translation>
    </message>
    <message>
        <source>The last backup failed (%1): %2</source>
        <translation>La dernière sauvegarde a échoué (%1) : %2</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BlockDialog</name>
    <message>
        <source>Add hours</source>
        <translation>Ajouter des horaires</translation>
    </message>
    <message>
        <source>Edit hours</source>
        <translation>Modifier les horaires</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Horaires</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <source>Times are in this zone, whatever the season: SlotDesk follows its daylight-saving changes.</source>
        <translation>Les horaires s’entendent dans ce fuseau, quelle que soit la saison&#xa0;: SlotDesk suit ses changements d’heure.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingActions</name>
    <message>
        <source>%1 overlaps “%2” in your calendar (%3)</source>
        <translation>%1 chevauche «&#xa0;%2&#xa0;» dans votre agenda (%3)</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>%1 overlaps your confirmed booking with %2 (%3)</source>
        <translation>%1 chevauche votre réservation confirmée avec %2 (%3)</translation>
    </message>
    <message>
        <source>%1 and %2 overlap each other (%3)</source>
        <translation>%1 et %2 se chevauchent (%3)</translation>
    </message>
    <message>
        <source>This time is no longer free:

• %1

Approve anyway? The attendee will be confirmed for a time that collides.</source>
        <translation>Ce créneau n’est plus libre&#xa0;:

• %1

Approuver quand même&#xa0;? Le participant sera confirmé sur un horaire qui en chevauche un autre.</translation>
    </message>
    <message>
        <source>Approve despite the collision?</source>
        <translation>Approuver malgré le chevauchement&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Approved %n request(s)</source>
        <translation>
            <numerusform>%n demande approuvée</numerusform>
            <numerusform>%n demandes approuvées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n request(s)</source>
        <translation>
            <numerusform>%n demande refusée</numerusform>
            <numerusform>%n demandes refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n booking(s)</source>
        <translation>
            <numerusform>%n réservation annulée</numerusform>
            <numerusform>%n réservations annulées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n request(s)</source>
        <translation>
            <numerusform>Refuser %n demande</numerusform>
            <numerusform>Refuser %n demandes</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (optional, shown to the attendee):</source>
        <translation>Motif (facultatif, visible par le participant)&#xa0;:</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n booking(s)</source>
        <translation>
            <numerusform>Annuler %n réservation</numerusform>
            <numerusform>Annuler %n réservations</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (shown to the attendee):</source>
        <translation>Motif (visible par le participant)&#xa0;:</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Annuler la réservation</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Approuver quand même</translation>
    </message>
    <message>
        <source>Keep waiting</source>
        <translation>Laisser en attente</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>« %1 » (%2)</translation>
    </message>
    <message>
        <source>Move the meeting with %1?

From: %2
To: %3</source>
        <translation>Déplacer le rendez-vous avec %1 ?

De : %2
À : %3</translation>
    </message>
    <message>
        <source>

The new time overlaps:
• %1</source>
        <translation>

Le nouvel horaire chevauche :
• %1</translation>
    </message>
    <message>
        <source>

The attendee is told of the new time.</source>
        <translation>

Le participant est informé du nouvel horaire.</translation>
    </message>
    <message>
        <source>

The request moves to the new time and still waits for your approval.</source>
        <translation>

La demande passe au nouvel horaire et attend toujours votre accord.</translation>
    </message>
    <message>
        <source>Move this booking?</source>
        <translation>Déplacer cette réservation ?</translation>
    </message>
    <message>
        <source>Move despite the collision?</source>
        <translation>Déplacer malgré le chevauchement ?</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>Keep the time</source>
        <translation>Garder l’horaire</translation>
    </message>
    <message>
        <source>Moved the meeting with %1 to %2</source>
        <translation>Rendez-vous avec %1 déplacé au %2</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>Oublier %1 ?</translation>
    </message>
    <message>
        <source>Their future bookings are cancelled, and the name, e-mail address and notes of all their bookings are erased, with the mails and links sent to them. The times stay. This cannot be undone.</source>
        <translation>Ses réservations à venir sont annulées, et le nom, l’adresse e-mail et les notes de toutes ses réservations sont effacés, avec les e-mails et liens qui lui ont été envoyés. Les horaires restent. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Forget attendee</source>
        <translation>Oublier le participant</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message numerus="yes">
        <source>Forgot %1: %n booking(s) anonymised</source>
        <translation>
            <numerusform>%1 oublié : %n réservation anonymisée</numerusform>
            <numerusform>%1 oublié : %n réservations anonymisées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingDetailsPanel</name>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Refuser…</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>Annuler la réservation…</translation>
    </message>
    <message>
        <source>Booking details</source>
        <translation>Détails de la réservation</translation>
    </message>
    <message>
        <source>Close details (Esc)</source>
        <translation>Fermer les détails (Échap)</translation>
    </message>
    <message>
        <source>Close details</source>
        <translation>Fermer les détails</translation>
    </message>
    <message>
        <source>Time in your zone</source>
        <translation>Heure dans votre fuseau</translation>
    </message>
    <message>
        <source>Time for the attendee</source>
        <translation>Heure pour le participant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Video meeting</source>
        <translation>Visioconférence</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Approve this request</source>
        <translation>Approuver cette demande</translation>
    </message>
    <message>
        <source>Reject this request</source>
        <translation>Refuser cette demande</translation>
    </message>
    <message>
        <source>Cancel this booking</source>
        <translation>Annuler cette réservation</translation>
    </message>
    <message>
        <source>Same as yours</source>
        <translation>Identique à la vôtre</translation>
    </message>
    <message>
        <source>%1 requested — the link is created once the booking is confirmed</source>
        <translation>%1 demandé — le lien sera créé dès que la réservation sera confirmée</translation>
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
        <translation>Aucune</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Aucune note</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Busy in your calendar</source>
        <translation>Occupé dans votre agenda</translation>
    </message>
    <message>
        <source>Synced from your calendar. SlotDesk offers no slots at this time.</source>
        <translation>Synchronisé depuis votre agenda. SlotDesk ne propose aucun créneau sur cette plage.</translation>
    </message>
    <message>
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Déplacer…</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <source>Move this booking to another time</source>
        <translation>Déplacer cette réservation à un autre horaire</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Déplacé depuis %1</translation>
    </message>
    <message>
        <source>A move to %1 waits for your approval</source>
        <translation>Un déplacement au %1 attend votre accord</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>Déplacé au %1</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingLink</name>
    <message>
        <source>The booking link is switched off.</source>
        <translation>Le lien de réservation est désactivé.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingRulesForm</name>
    <message>
        <source>Save rules</source>
        <translation>Enregistrer les règles</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Offer %1-minute meetings</source>
        <translation>Proposer des rendez-vous de %1 minutes</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Meeting lengths offered</source>
        <translation>Durées de rendez-vous proposées</translation>
    </message>
    <message>
        <source>Default length</source>
        <translation>Durée par défaut</translation>
    </message>
    <message>
        <source>Same as the length</source>
        <translation>Identique à la durée</translation>
    </message>
    <message>
        <source>Slot interval</source>
        <translation>Intervalle des créneaux</translation>
    </message>
    <message>
        <source>Minutes between possible start times</source>
        <translation>Minutes entre deux heures de début possibles</translation>
    </message>
    <message>
        <source>Buffer before</source>
        <translation>Marge avant</translation>
    </message>
    <message>
        <source>Free minutes required before anything already booked</source>
        <translation>Minutes libres requises avant tout ce qui est déjà réservé</translation>
    </message>
    <message>
        <source>Buffer after</source>
        <translation>Marge après</translation>
    </message>
    <message>
        <source>Free minutes required after anything already booked</source>
        <translation>Minutes libres requises après tout ce qui est déjà réservé</translation>
    </message>
    <message>
        <source>Minimum notice</source>
        <translation>Préavis minimum</translation>
    </message>
    <message>
        <source>How soon before a meeting it can still be booked</source>
        <translation>Combien de temps avant un rendez-vous on peut encore le réserver</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Booking window</source>
        <translation>Horizon de réservation</translation>
    </message>
    <message>
        <source>How many days ahead people can book</source>
        <translation>Combien de jours à l’avance on peut réserver</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>Bookings per day</source>
        <translation>Réservations par jour</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts on one day</source>
        <translation>Le nombre maximal de réservations que SlotDesk accepte par jour</translation>
    </message>
    <message>
        <source>Lengths offered</source>
        <translation>Durées proposées</translation>
    </message>
    <message>
        <source>Start times every</source>
        <translation>Heures de début toutes les</translation>
    </message>
    <message>
        <source>Bookable up to</source>
        <translation>Réservable jusqu’à</translation>
    </message>
    <message>
        <source>Save booking rules</source>
        <translation>Enregistrer les règles de réservation</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Attendees may move their bookings</source>
        <translation>Les participants peuvent déplacer leurs réservations</translation>
    </message>
    <message>
        <source>Bookings per week</source>
        <translation>Réservations par semaine</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts from Monday to Sunday</source>
        <translation>Le nombre maximal de réservations que SlotDesk accepte du lundi au dimanche</translation>
    </message>
    <message>
        <source>Bookings per month</source>
        <translation>Réservations par mois</translation>
    </message>
    <message>
        <source>The most bookings SlotDesk accepts in one calendar month</source>
        <translation>Le nombre maximal de réservations que SlotDesk accepte sur un mois civil</translation>
    </message>
    <message>
        <source>Every request</source>
        <translation>Chaque demande</translation>
    </message>
    <message>
        <source>Requests at short notice</source>
        <translation>Les demandes de dernière minute</translation>
    </message>
    <message>
        <source>None: confirm bookings at once</source>
        <translation>Aucune&#xa0;: confirmer les réservations immédiatement</translation>
    </message>
    <message>
        <source>Needs your approval</source>
        <translation>Demande votre approbation</translation>
    </message>
    <message>
        <source>Which requests wait for you; the others are confirmed at once</source>
        <translation>Les demandes qui vous attendent&#xa0;; les autres sont confirmées immédiatement</translation>
    </message>
    <message>
        <source> h ahead</source>
        <translation>&#xa0;h à l’avance</translation>
    </message>
    <message>
        <source>less than </source>
        <translation>moins de </translation>
    </message>
    <message>
        <source>Short notice</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>A request starting sooner than this waits for your approval; later ones are confirmed at once</source>
        <translation>Une demande qui commence plus tôt attend votre approbation&#xa0;; les suivantes sont confirmées immédiatement</translation>
    </message>
    <message>
        <source> h before the start</source>
        <translation>&#xa0;h avant le début</translation>
    </message>
    <message>
        <source>Until the start</source>
        <translation>Jusqu’au début</translation>
    </message>
    <message>
        <source>Attendees can cancel or move until</source>
        <translation>Les participants peuvent annuler ou déplacer jusqu’à</translation>
    </message>
    <message>
        <source>How long before a confirmed meeting attendees can still cancel or move it themselves</source>
        <translation>Combien de temps avant un rendez-vous confirmé les participants peuvent encore l’annuler ou le déplacer eux-mêmes</translation>
    </message>
    <message>
        <source>Cancel or move until</source>
        <translation>Annuler ou déplacer jusqu’à</translation>
    </message>
    <message>
        <source>Rescheduling</source>
        <translation>Déplacement</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::BookingsPage</name>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>No bookings match</source>
        <translation>Aucune réservation ne correspond</translation>
    </message>
    <message>
        <source>Try another status, a wider date range or a shorter search.</source>
        <translation>Essayez un autre statut, une période plus large ou une recherche plus courte.</translation>
    </message>
    <message>
        <source>Cancel booking…</source>
        <translation>Annuler la réservation…</translation>
    </message>
    <message>
        <source>Cancel the selected confirmed booking, with a reason</source>
        <translation>Annuler la réservation confirmée sélectionnée, avec un motif</translation>
    </message>
    <message>
        <source>Cancel the selected booking</source>
        <translation>Annuler la réservation sélectionnée</translation>
    </message>
    <message>
        <source>Search name, email or notes</source>
        <translation>Rechercher un nom, un e-mail ou des notes</translation>
    </message>
    <message>
        <source>Search bookings</source>
        <translation>Rechercher des réservations</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Passées</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>Date de fin (incluse)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No bookings</source>
        <translation>Aucune réservation</translation>
    </message>
    <message numerus="yes">
        <source>%1 booking(s)</source>
        <translation>
            <numerusform>%1 réservation</numerusform>
            <numerusform>%1 réservations</numerusform>
        </translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Déplacer…</translation>
    </message>
    <message>
        <source>Move the selected booking or request to another time</source>
        <translation>Déplacer la réservation ou la demande sélectionnée à un autre horaire</translation>
    </message>
    <message>
        <source>Reschedule the selected booking</source>
        <translation>Déplacer la réservation sélectionnée</translation>
    </message>
    <message>
        <source>Forget attendee…</source>
        <translation>Oublier le participant…</translation>
    </message>
    <message>
        <source>Erase the selected booking&apos;s attendee&apos;s name, e-mail address and notes from all their bookings</source>
        <translation>Effacer le nom, l’adresse e-mail et les notes du participant de la réservation sélectionnée dans toutes ses réservations</translation>
    </message>
    <message>
        <source>Forget the selected booking&apos;s attendee</source>
        <translation>Oublier le participant de la réservation sélectionnée</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarChoicesDialog</name>
    <message>
        <source>Calendars</source>
        <translation>Agendas</translation>
    </message>
    <message>
        <source>Calendars of %1</source>
        <translation>Agendas de %1</translation>
    </message>
    <message>
        <source>Events in the calendars that block time keep those times free: nobody can book over them. Approved bookings are added to the calendar that receives them. Changes apply at once.</source>
        <translation>Les événements des agendas qui bloquent du temps gardent ces heures libres&#xa0;: personne ne peut réserver par-dessus. Les réservations approuvées sont ajoutées à l’agenda qui les reçoit. Les modifications s’appliquent immédiatement.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Blocks time</source>
        <translation>Bloque du temps</translation>
    </message>
    <message>
        <source>Receives bookings</source>
        <translation>Reçoit les réservations</translation>
    </message>
    <message>
        <source>Approved bookings are not added to any calendar</source>
        <translation>Les réservations approuvées ne sont ajoutées à aucun agenda</translation>
    </message>
    <message>
        <source>The calendars could not be read: %1</source>
        <translation>Impossible de lire les agendas&#xa0;: %1</translation>
    </message>
    <message>
        <source>SlotDesk has not read this account&apos;s calendars yet.</source>
        <translation>SlotDesk n’a pas encore lu les agendas de ce compte.</translation>
    </message>
    <message>
        <source>This account is no longer connected to SlotDesk.</source>
        <translation>Ce compte n’est plus connecté à SlotDesk.</translation>
    </message>
    <message>
        <source>“%1” blocks time</source>
        <translation>«&#xa0;%1&#xa0;» bloque du temps</translation>
    </message>
    <message>
        <source>“%1” receives bookings</source>
        <translation>«&#xa0;%1&#xa0;» reçoit les réservations</translation>
    </message>
    <message>
        <source>Approved bookings are added to “%1”, a calendar of another account.</source>
        <translation>Les réservations approuvées sont ajoutées à «&#xa0;%1&#xa0;», un agenda d’un autre compte.</translation>
    </message>
    <message>
        <source>Approved bookings are not added to any calendar.</source>
        <translation>Les réservations approuvées ne sont ajoutées à aucun agenda.</translation>
    </message>
    <message>
        <source>“%1” could not be changed: SlotDesk no longer has this calendar.</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être modifié&#xa0;: SlotDesk ne connaît plus cet agenda.</translation>
    </message>
    <message>
        <source>“%1” could not be changed: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’a pas pu être modifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No calendar</source>
        <translation>Aucun agenda</translation>
    </message>
    <message>
        <source>No calendar receives bookings</source>
        <translation>Aucun agenda ne reçoit les réservations</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarListCard</name>
    <message>
        <source>Other calendars</source>
        <translation>Autres agendas</translation>
    </message>
    <message>
        <source>CalDAV accounts (Nextcloud, Fastmail, iCloud, Radicale…) and read-only ICS feeds. Their events keep your time free, like Google Calendar&apos;s.</source>
        <translation>Comptes CalDAV (Nextcloud, Fastmail, iCloud, Radicale…) et flux ICS en lecture seule. Leurs événements bloquent votre temps, comme ceux de Google Agenda.</translation>
    </message>
    <message>
        <source>Add calendar…</source>
        <translation>Ajouter un agenda…</translation>
    </message>
    <message>
        <source>No CalDAV account or ICS feed yet.</source>
        <translation>Aucun compte CalDAV ni flux ICS pour l’instant.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>ICS feed</source>
        <translation>Flux ICS</translation>
    </message>
    <message>
        <source>CalDAV account</source>
        <translation>Compte CalDAV</translation>
    </message>
    <message>
        <source>%1 · last sync: %2</source>
        <translation>%1 · dernière synchronisation&#xa0;: %2</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>SlotDesk will forget this calendar, its synced busy times and its password or address in the keychain. The calendar itself keeps its events.</source>
        <translation>SlotDesk oubliera cet agenda, ses heures occupées synchronisées et son mot de passe ou son adresse dans le trousseau. L’agenda lui-même conserve ses événements.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Calendars…</source>
        <translation>Agendas…</translation>
    </message>
    <message>
        <source>Which calendars of this account block your time and which one receives approved bookings</source>
        <translation>Quels agendas de ce compte bloquent votre temps et lequel reçoit les réservations approuvées</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::CalendarPage</name>
    <message>
        <source>Shown period</source>
        <translation>Période affichée</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Aller à aujourd’hui (T)</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Aller à aujourd’hui</translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation>Précédent (Page préc.)</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>Suivant (Page suiv.)</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Day view (D)</source>
        <translation>Vue jour (D)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Week view (W)</source>
        <translation>Vue semaine (W)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Month view (M)</source>
        <translation>Vue mois (M)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Pending request</source>
        <translation>Demande en attente</translation>
    </message>
    <message>
        <source>Busy in your calendar</source>
        <translation>Occupé dans votre agenda</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>week in one month: 1–7 December 2026</comment>
        <translation>%1–%2</translation>
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
        <translation>Les heures sont affichées dans votre fuseau horaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Where the dragged booking would go</source>
        <translation>Où irait la réservation déplacée</translation>
    </message>
    <message>
        <source>Move to %1, %2</source>
        <translation>Déplacer au %1, %2</translation>
    </message>
    <message>
        <source>%1 — overlaps %2</source>
        <translation>%1 — chevauche %2</translation>
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
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Arrow keys move between bookings; Page Up and Page Down change the period; T goes to today; D, W and M switch to day, week and month.</source>
        <translation>Les flèches passent d’une réservation à l’autre&#xa0;; Page préc. et Page suiv. changent de période&#xa0;; T revient à aujourd’hui&#xa0;; D, W et M affichent le jour, la semaine et le mois.</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 · pending</source>
        <translation>%1 · en attente</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Attendees and you hear about requests, decisions and cancellations through your own SMTP server.</source>
        <translation>Les participants et vous êtes informés des demandes, décisions et annulations par votre propre serveur SMTP.</translation>
    </message>
    <message>
        <source>Mail me new requests and cancellations</source>
        <translation>M’envoyer les nouvelles demandes et les annulations</translation>
    </message>
    <message>
        <source>Save e-mail settings</source>
        <translation>Enregistrer les réglages e-mail</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Envoyer un e-mail de test</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (généralement port 587)</translation>
    </message>
    <message>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS dès la connexion (généralement port 465)</translation>
    </message>
    <message>
        <source>None (only a server on this computer)</source>
        <translation>Aucune (uniquement un serveur sur cet ordinateur)</translation>
    </message>
    <message>
        <source>bookings@example.org</source>
        <translation>reservations@example.org</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min avant</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Aucun rappel</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Nom de l’expéditeur</translation>
    </message>
    <message>
        <source>Reminder to attendees</source>
        <translation>Rappel aux participants</translation>
    </message>
    <message>
        <source>Test recipient</source>
        <translation>Destinataire du test</translation>
    </message>
    <message>
        <source>Stored in the system keychain</source>
        <translation>Enregistré dans le trousseau du système</translation>
    </message>
    <message>
        <source>None stored</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Trousseau indisponible</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain…</source>
        <translation>Enregistrement du mot de passe dans le trousseau du système…</translation>
    </message>
    <message>
        <source>Not sent: fix the settings above first.</source>
        <translation>Non envoyé&#xa0;: corrigez d’abord les réglages ci-dessus.</translation>
    </message>
    <message>
        <source>Sending a test message to %1…</source>
        <translation>Envoi d’un message de test à %1…</translation>
    </message>
    <message>
        <source>Sent to %1. The server answered: %2</source>
        <translation>Envoyé à %1. Le serveur a répondu&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not sent (the server may accept it later): %1</source>
        <translation>Non envoyé (le serveur l’acceptera peut-être plus tard)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mails owed: %1 · failed: %2</source>
        <translation>E-mails en attente&#xa0;: %1 · en échec&#xa0;: %2</translation>
    </message>
    <message>
        <source>Last delivery error: %1</source>
        <translation>Dernière erreur d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <source>The system&apos;s certificates</source>
        <translation>Les certificats du système</translation>
    </message>
    <message>
        <source>A PEM file of certificates to trust instead of the system&apos;s, for a server with its own certificate authority</source>
        <translation>Un fichier PEM de certificats auxquels se fier au lieu de ceux du système, pour un serveur doté de sa propre autorité de certification</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Certificats de confiance</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::EmptyState</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::GoogleCalendarCard</name>
    <message>
        <source>Google Calendar</source>
        <translation>Google Agenda</translation>
    </message>
    <message>
        <source>SlotDesk keeps the times of your Google Calendar events free, so nobody can book over them, shows them on your calendar, and adds approved bookings to it.</source>
        <translation>SlotDesk bloque les heures de vos événements Google Agenda pour que personne ne puisse réserver par-dessus, les affiche dans votre calendrier et ajoute les réservations approuvées à Google Agenda.</translation>
    </message>
    <message>
        <source>Connect Google Calendar…</source>
        <translation>Connecter Google Agenda…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Calendar writes</source>
        <translation>Mises à jour de l’agenda</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Échec de la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation en cours…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Tout est envoyé</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — last error: %2</source>
        <translation>%1 — dernière erreur&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reconnect Google Calendar…</source>
        <translation>Reconnecter Google Agenda…</translation>
    </message>
    <message>
        <source>Disconnect Google Calendar?</source>
        <translation>Déconnecter Google Agenda&#xa0;?</translation>
    </message>
    <message>
        <source>SlotDesk will revoke its access at Google, forget the tokens and the synced busy times, and drop calendar writes still owed. Your Google Calendar keeps its events.</source>
        <translation>SlotDesk révoquera son accès auprès de Google, oubliera les jetons et les heures occupées synchronisées, et abandonnera les mises à jour de l’agenda encore en attente. Votre Google Agenda conserve ses événements.</translation>
    </message>
    <message>
        <source>Calendars…</source>
        <translation>Agendas…</translation>
    </message>
    <message>
        <source>Which calendars block your time and which one receives approved bookings</source>
        <translation>Quels agendas bloquent votre temps et lequel reçoit les réservations approuvées</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::IntegrationCard</name>
    <message>
        <source>Waiting for the browser… Sign in there and allow SlotDesk access.</source>
        <translation>En attente du navigateur… Connectez-vous dans celui-ci et accordez l’accès à SlotDesk.</translation>
    </message>
    <message>
        <source>SlotDesk could not open a browser. Open this address to sign in:</source>
        <translation>SlotDesk n’a pas pu ouvrir de navigateur. Ouvrez cette adresse pour vous connecter&#xa0;:</translation>
    </message>
    <message>
        <source>Open the sign-in page</source>
        <translation>Ouvrir la page de connexion</translation>
    </message>
    <message>
        <source>Not available: this window was started without integrations</source>
        <translation>Non disponible&#xa0;: cette fenêtre a été lancée sans les intégrations</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
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
        <translation>Intégrations</translation>
    </message>
    <message>
        <source>Calendars SlotDesk reads your busy time from, and video meetings for bookings.</source>
        <translation>Les agendas dans lesquels SlotDesk lit vos heures occupées, et les visioconférences pour vos réservations.</translation>
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
        <translation>Sections</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilités</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Intégrations</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Go to &amp;Today</source>
        <translation>Aller à &amp;aujourd’hui</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About SlotDesk</source>
        <translation>À &amp;propos de SlotDesk</translation>
    </message>
    <message>
        <source>About SlotDesk</source>
        <translation>À propos de SlotDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;SlotDesk %1&lt;/b&gt;&lt;p&gt;Self-hosted scheduling on your desktop. Your data stays in one file on this computer.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SlotDesk %1&lt;/b&gt;&lt;p&gt;La prise de rendez-vous auto-hébergée, sur votre ordinateur. Vos données restent dans un seul fichier sur cet ordinateur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open SlotDesk</source>
        <translation>Ouvrir SlotDesk</translation>
    </message>
    <message>
        <source>Quit SlotDesk</source>
        <translation>Quitter SlotDesk</translation>
    </message>
    <message numerus="yes">
        <source>Approvals, %n request(s) waiting</source>
        <translation>
            <numerusform>Approbations, %n demande en attente</numerusform>
            <numerusform>Approbations, %n demandes en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>SlotDesk (%1)</source>
        <translation>SlotDesk (%1)</translation>
    </message>
    <message numerus="yes">
        <source>SlotDesk — %n request(s) waiting</source>
        <translation>
            <numerusform>SlotDesk — %n demande en attente</numerusform>
            <numerusform>SlotDesk — %n demandes en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>SlotDesk — no requests waiting</source>
        <translation>SlotDesk — aucune demande en attente</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>No admin profile yet</source>
        <translation>Pas encore de profil administrateur</translation>
    </message>
    <message>
        <source>Booking link online: %1</source>
        <translation>Lien de réservation en ligne&#xa0;: %1</translation>
    </message>
    <message>
        <source>Booking link offline</source>
        <translation>Lien de réservation hors ligne</translation>
    </message>
    <message>
        <source>SlotDesk is still running</source>
        <translation>SlotDesk reste ouvert</translation>
    </message>
    <message>
        <source>It keeps taking booking requests. Quit from the tray menu.</source>
        <translation>Il continue de recevoir des demandes de réservation. Pour le quitter, utilisez le menu de la zone de notification.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OAuthClientDialog</name>
    <message>
        <source>Google OAuth client</source>
        <translation>Client OAuth Google</translation>
    </message>
    <message>
        <source>Zoom OAuth app</source>
        <translation>Application OAuth Zoom</translation>
    </message>
    <message>
        <source>SlotDesk signs in to Google with an OAuth client of your own. Create one of type &lt;b&gt;Desktop app&lt;/b&gt; at &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;console.cloud.google.com&lt;/a&gt; (with the Google Calendar API enabled) and paste its client ID and secret here. The environment variables SLOTDESK_GOOGLE_CLIENT_ID and SLOTDESK_GOOGLE_CLIENT_SECRET, when set, take precedence.</source>
        <translation>SlotDesk se connecte à Google avec votre propre client OAuth. Créez-en un de type &lt;b&gt;Application de bureau&lt;/b&gt; sur &lt;a href=&quot;https://console.cloud.google.com/apis/credentials&quot;&gt;console.cloud.google.com&lt;/a&gt; (avec l’API Google Calendar activée), puis collez ici son ID client et son code secret. Les variables d’environnement SLOTDESK_GOOGLE_CLIENT_ID et SLOTDESK_GOOGLE_CLIENT_SECRET, si elles sont définies, sont prioritaires.</translation>
    </message>
    <message>
        <source>SlotDesk signs in to Zoom with an OAuth app of your own. Create a &lt;b&gt;General app&lt;/b&gt; (user-managed) at &lt;a href=&quot;https://marketplace.zoom.us/&quot;&gt;marketplace.zoom.us&lt;/a&gt; with the scopes to create and delete meetings and to read your user, and paste its client ID and secret here. The environment variables SLOTDESK_ZOOM_CLIENT_ID and SLOTDESK_ZOOM_CLIENT_SECRET, when set, take precedence.</source>
        <translation>SlotDesk se connecte à Zoom avec votre propre application OAuth. Créez une &lt;b&gt;General app&lt;/b&gt; (user-managed) sur &lt;a href=&quot;https://marketplace.zoom.us/&quot;&gt;marketplace.zoom.us&lt;/a&gt; avec les autorisations (scopes) permettant de créer et de supprimer des réunions et de lire votre profil utilisateur, puis collez ici son ID client et son code secret. Les variables d’environnement SLOTDESK_ZOOM_CLIENT_ID et SLOTDESK_ZOOM_CLIENT_SECRET, si elles sont définies, sont prioritaires.</translation>
    </message>
    <message>
        <source>They are kept in SlotDesk&apos;s settings file; your sign-in tokens go to the system keychain only.</source>
        <translation>L’ID client et le code secret sont enregistrés dans le fichier de paramètres de SlotDesk&#xa0;; vos jetons de connexion sont stockés uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Code secret du client</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Enregistrer et connecter</translation>
    </message>
    <message>
        <source>Client ID: enter the client ID.</source>
        <translation>ID client&#xa0;: saisissez l’ID client.</translation>
    </message>
    <message>
        <source>Client secret: enter the client secret.</source>
        <translation>Code secret du client&#xa0;: saisissez le code secret du client.</translation>
    </message>
    <message>
        <source>The client ID is kept in SlotDesk&apos;s settings file; the client secret and your sign-in tokens go to the system keychain only.</source>
        <translation>L’ID client est enregistré dans le fichier de paramètres de SlotDesk&#xa0;; le code secret et vos jetons de connexion sont stockés uniquement dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OnboardingDialog</name>
    <message>
        <source>Create profile</source>
        <translation>Créer le profil</translation>
    </message>
    <message>
        <source>Welcome to SlotDesk</source>
        <translation>Bienvenue dans SlotDesk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>People pick a time on your booking page; you approve each request here. First, tell SlotDesk who you are.</source>
        <translation>Les gens choisissent un horaire sur votre page de réservation&#xa0;; vous approuvez chaque demande ici. Pour commencer, dites à SlotDesk qui vous êtes.</translation>
    </message>
    <message>
        <source>Your booking link: %1</source>
        <translation>Votre lien de réservation&#xa0;: %1</translation>
    </message>
    <message>
        <source>username</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>Your booking link</source>
        <translation>Votre lien de réservation</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Open SlotDesk</source>
        <translation>Ouvrir SlotDesk</translation>
    </message>
    <message>
        <source>You&apos;re ready</source>
        <translation>Tout est prêt</translation>
    </message>
    <message>
        <source>Share this link. It works while SlotDesk is running.</source>
        <translation>Partagez ce lien. Il fonctionne tant que SlotDesk est ouvert.</translation>
    </message>
    <message>
        <source>You&apos;re bookable Monday to Friday, 09:00–17:00 in your time zone. Change your hours and rules under Availability, and the address under Settings.</source>
        <translation>On peut vous réserver du lundi au vendredi, de 09:00 à 17:00 dans votre fuseau horaire. Modifiez vos horaires et vos règles dans Disponibilités, et l’adresse dans Paramètres.</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::OverrideDialog</name>
    <message>
        <source>&amp;Unavailable all day</source>
        <translation>&amp;Indisponible toute la journée</translation>
    </message>
    <message>
        <source>&amp;Available only:</source>
        <translation>&amp;Disponible uniquement&#xa0;:</translation>
    </message>
    <message>
        <source>Add a date override</source>
        <translation>Ajouter une exception de date</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Hours on this date replace your weekly hours for that day, in your time zone (%1).</source>
        <translation>Les horaires de cette date remplacent vos horaires hebdomadaires pour ce jour-là, dans votre fuseau horaire (%1).</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::PrivacyCard</name>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Attendees&apos; names, e-mail addresses and notes can be anonymised by themselves some days after their meeting; times stay, so your history and busy times stay right. To erase one person&apos;s data now, select one of their bookings on the Bookings page and choose Forget attendee…</source>
        <translation>Les noms, adresses e-mail et notes des participants peuvent être anonymisés automatiquement quelques jours après leur rendez-vous&#xa0;; les horaires restent, pour que votre historique et vos créneaux occupés restent justes. Pour effacer tout de suite les données d’une personne, sélectionnez l’une de ses réservations sur la page Réservations et choisissez Oublier le participant…</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source> days after the meeting</source>
        <translation> jours après le rendez-vous</translation>
    </message>
    <message>
        <source>Anonymise attendee data, days after the meeting (0: off)</source>
        <translation>Anonymiser les données des participants, jours après le rendez-vous (0&#xa0;: désactivé)</translation>
    </message>
    <message>
        <source>Anonymise attendee data</source>
        <translation>Anonymiser les données des participants</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved: attendee data is kept until you forget it</source>
        <translation>Enregistré&#xa0;: les données des participants sont conservées jusqu’à ce que vous les oubliiez</translation>
    </message>
    <message numerus="yes">
        <source>Saved: attendee data is anonymised %n day(s) after each meeting</source>
        <translation>
            <numerusform>Enregistré&#xa0;: les données des participants sont anonymisées %n jour après chaque rendez-vous</numerusform>
            <numerusform>Enregistré&#xa0;: les données des participants sont anonymisées %n jours après chaque rendez-vous</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::ProfileForm</name>
    <message>
        <source>Alice Example</source>
        <translation>Marie Dupont</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>marie</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Letters, digits and hyphens; it is the last part of your booking link</source>
        <translation>Lettres, chiffres et traits d’union&#xa0;; c’est la dernière partie de votre lien de réservation</translation>
    </message>
    <message>
        <source>alice@example.org</source>
        <translation>marie@example.org</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RequestCardDelegate</name>
    <message>
        <source>requested %1</source>
        <translation>demandé %1</translation>
    </message>
    <message>
        <source>their time: %1</source>
        <translation>heure du participant&#xa0;: %1</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Aucune note</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RequestNotifier</name>
    <message numerus="yes">
        <source>%n new booking request(s)</source>
        <translation>
            <numerusform>%n nouvelle demande de réservation</numerusform>
            <numerusform>%n nouvelles demandes de réservation</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Approvals to review them.</source>
        <translation>Ouvrez Approbations pour les examiner.</translation>
    </message>
    <message>
        <source>New booking request from %1</source>
        <translation>Nouvelle demande de réservation de %1</translation>
    </message>
    <message>
        <source>Open Approvals</source>
        <translation>Ouvrir Approbations</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::RescheduleDialog</name>
    <message>
        <source>Reschedule</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Nouvelle date</translation>
    </message>
    <message>
        <source>New start time</source>
        <translation>Nouvelle heure de début</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 · now %2</source>
        <translation>%1 · actuellement %2</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Dé&amp;but</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>D&amp;urée</translation>
    </message>
    <message>
        <source>Times are in your zone (%1). The new time follows your booking rules; the attendee is told of it.</source>
        <translation>Horaires dans votre fuseau (%1). Le nouvel horaire suit vos règles de réservation ; le participant en est informé.</translation>
    </message>
    <message>
        <source>Times are in your zone (%1). The request moves to the new time and still waits for your approval.</source>
        <translation>Horaires dans votre fuseau (%1). La demande passe au nouvel horaire et attend toujours votre accord.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacer</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::SettingsPage</name>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Booking link</source>
        <translation>Lien de réservation</translation>
    </message>
    <message>
        <source>Your booking link</source>
        <translation>Votre lien de réservation</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copy the booking link</source>
        <translation>Copier le lien de réservation</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Open the booking page in your browser</source>
        <translation>Ouvrir la page de réservation dans votre navigateur</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse d’écoute</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the listen address</source>
        <translation>Appliquer l’adresse d’écoute</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Écouter sur</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Your profile, your link, your look.</source>
        <translation>Votre profil, votre lien, votre style.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1, or localhost</source>
        <translation>Saisissez une adresse IP comme 127.0.0.1, ou localhost</translation>
    </message>
    <message>
        <source>No link yet</source>
        <translation>Pas encore de lien</translation>
    </message>
    <message>
        <source>Online — people can book you now</source>
        <translation>En ligne — on peut vous réserver dès maintenant</translation>
    </message>
    <message>
        <source>Offline — the booking server is not running</source>
        <translation>Hors ligne — le serveur de réservation n’est pas démarré</translation>
    </message>
    <message>
        <source>Offline — %1</source>
        <translation>Hors ligne — %1</translation>
    </message>
    <message>
        <source>Only this computer can open the link. Listen on another address to let people on your network book you.</source>
        <translation>Seul cet ordinateur peut ouvrir le lien. Écoutez sur une autre adresse pour que les personnes de votre réseau puissent vous réserver.</translation>
    </message>
    <message>
        <source>Anyone who can reach this computer on port %1 can open your booking page.</source>
        <translation>Toute personne qui peut joindre cet ordinateur sur le port %1 peut ouvrir votre page de réservation.</translation>
    </message>
    <message>
        <source>Still online at the address above — the new one failed: %1</source>
        <translation>Toujours en ligne à l’adresse ci-dessus — la nouvelle a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Adresse publique</translation>
    </message>
    <message>
        <source>Only behind a web server that serves your booking page over HTTPS: the address people open. Every link attendees get starts with it. Leave empty otherwise.</source>
        <translation>Uniquement derrière un serveur web qui sert votre page de réservation en HTTPS&#xa0;: l’adresse que les gens ouvrent. Chaque lien reçu par les participants commence par elle. Sinon, laissez le champ vide.</translation>
    </message>
    <message>
        <source>Enter an address such as https://book.example.org: http or https, a host name, optionally a port and a path</source>
        <translation>Saisissez une adresse comme https://book.example.org&#xa0;: http ou https, un nom d’hôte, éventuellement un port et un chemin</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::SlotPreviewView</name>
    <message>
        <source>Slots offered over the next seven days</source>
        <translation>Créneaux proposés pour les sept prochains jours</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n slot(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n créneau</numerusform>
            <numerusform>%1&#xa0;: %n créneaux</numerusform>
        </translation>
    </message>
    <message>
        <source>No slots</source>
        <translation>Aucun créneau</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::TimeZoneBox</name>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>An IANA time zone, such as Europe/Berlin</source>
        <translation>Un fuseau horaire IANA, par exemple Europe/Paris</translation>
    </message>
</context>
<context>
    <name>slotdesk::ui::WeeklyHoursEditor</name>
    <message>
        <source>Unavailable</source>
        <translation>Indisponible</translation>
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
        <translation>Modifier %1 %2</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>Supprimer %1 %2</translation>
    </message>
    <message>
        <source>Add hours on %1</source>
        <translation>Ajouter des horaires le %1</translation>
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
        <translation>Quand un participant demande Zoom, SlotDesk crée la réunion Zoom au moment où vous approuvez la réservation, ajoute son lien à la réservation et à votre événement d’agenda, et la supprime si la réservation est annulée.</translation>
    </message>
    <message>
        <source>Connect Zoom…</source>
        <translation>Connecter Zoom…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Could not connect Zoom: %1</source>
        <translation>Échec de la connexion à Zoom&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>Reconnexion nécessaire</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Reconnect Zoom…</source>
        <translation>Reconnecter Zoom…</translation>
    </message>
    <message>
        <source>Disconnect Zoom?</source>
        <translation>Déconnecter Zoom&#xa0;?</translation>
    </message>
    <message>
        <source>SlotDesk will revoke its access at Zoom and forget the tokens. Meetings already created stay in Zoom; new approvals get no Zoom link.</source>
        <translation>SlotDesk révoquera son accès auprès de Zoom et oubliera les jetons. Les réunions déjà créées restent dans Zoom&#xa0;; les réservations approuvées ensuite n’auront pas de lien Zoom.</translation>
    </message>
</context>
</TS>
