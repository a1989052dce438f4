<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../journal/ui/dialogs/about.py" line="+55"/>
        <source>About Contact Journal</source>
        <translation>Über Contact Journal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Version %s</source>
        <translation>Version %s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A private journal for career networking: conversations, offered introductions, next steps and keep-in-touch reminders. Everything stays in one file on this computer.</source>
        <translation>Ein privates Journal für berufliches Networking: Gespräche, angebotene Vorstellungen, nächste Schritte und Erinnerungen, in Kontakt zu bleiben. Alles bleibt in einer Datei auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Open Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the folder that holds the journal and its backups</source>
        <translation>Den Ordner mit dem Journal und seinen Sicherungen anzeigen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Journal:</source>
        <translation>Journal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs on:</source>
        <translation>Läuft mit:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the version details, for a bug report</source>
        <translation>Die Versionsangaben für einen Fehlerbericht kopieren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not open the folder %s.</source>
        <translation>Der Ordner %s konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../journal/ui/sync/accounts_page.py" line="+66"/>
        <source>Syncing with</source>
        <translation>Synchronisiert mit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove account…</source>
        <translation>Konto &amp;entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop syncing: the journal and the server keep what they have</source>
        <translation>Nicht mehr synchronisieren: Journal und Server behalten, was sie haben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add a CardDAV/CalDAV account</source>
        <translation>CardDAV/CalDAV-Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://dav.example.com/</source>
        <translation>https://dav.example.com/</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept in the system keyring, never in the settings or the journal</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in den Einstellungen oder im Journal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a CA certificate (.pem)</source>
        <translation>Optional: ein CA-Zertifikat (.pem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ch&amp;oose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allow plain &amp;http (not encrypted)</source>
        <translation>Unverschlüsseltes &amp;http erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a server you trust on your own network</source>
        <translation>Nur für einen Server, dem Sie in Ihrem eigenen Netz vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ser&amp;ver address:</source>
        <translation>Ser&amp;veradresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Address &amp;book:</source>
        <translation>Adress&amp;buch:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tas&amp;k list:</source>
        <translation>Aufga&amp;benliste:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{user} at {url}</source>
        <translation>{user} auf {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address book: {url}</source>
        <translation>Adressbuch: {url}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task list: {url}</source>
        <translation>Aufgabenliste: {url}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations: {url}</source>
        <translation>Gespräche: {url}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversations are not synced: {why}</source>
        <translation>Gespräche werden nicht synchronisiert: {why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations are not synced.</source>
        <translation>Gespräche werden nicht synchronisiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last synced {when}.</source>
        <translation>Zuletzt synchronisiert {when}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: {error}</source>
        <translation>Letzter Fehler: {error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Allow plain http</source>
        <translation>Unverschlüsseltes http erlauben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Over plain http, your password and everything the journal syncs travel unencrypted to {host}: anyone on the network between can read them. Allow it for this server?</source>
        <translation>Über unverschlüsseltes http gehen Ihr Passwort und alles, was das Journal synchronisiert, im Klartext zu {host}: Jeder im Netz dazwischen kann es lesen. Für diesen Server erlauben?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Give the server&apos;s address.</source>
        <translation>Geben Sie die Adresse des Servers an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the user name for the server.</source>
        <translation>Geben Sie den Benutzernamen für den Server an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the password.</source>
        <translation>Geben Sie das Passwort an.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Make a new one (Contact Journal)</source>
        <translation>Neu anlegen (Contact Journal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Make a new one (Contact Journal tasks)</source>
        <translation>Neu anlegen (Contact Journal tasks)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Connected: {books} address book(s), {tasks} task list(s).</source>
        <translation>Verbunden: {books} Adressbuch/-bücher, {tasks} Aufgabenliste(n).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It keeps journal entries, so conversations can sync.</source>
        <translation>Er speichert Journaleinträge, also können Gespräche synchronisiert werden.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connecting to {host}…</source>
        <translation>Verbinde mit {host}…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Adding the account…</source>
        <translation>Konto wird hinzugefügt…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Added {user} at {url}: the first sync starts now.</source>
        <translation>{user} auf {url} hinzugefügt: Die erste Synchronisierung beginnt jetzt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop syncing with {user} at {url}? The journal keeps everything it has, and so does the server.</source>
        <translation>Nicht mehr mit {user} auf {url} synchronisieren? Das Journal behält alles, was es hat, und der Server ebenso.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Removed {user} at {url}.</source>
        <translation>{user} auf {url} entfernt.</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <location filename="../../journal/ui/insights/activity_chart.py" line="+67"/>
        <source>Conversations per {bucket}: {total} in the period</source>
        <translation>Gespräche pro {bucket}: {total} im Zeitraum</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{n} conversation(s)</source>
        <translation>{n} Gespräch(e)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new people: {n}</source>
        <translation>neue Personen: {n}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>week of {day}</source>
        <translation>Woche vom {day}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conversations per {bucket} — {total} in the period, {new} new people</source>
        <translation>Gespräche pro {bucket} — {total} im Zeitraum, {new} neue Personen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>new people</source>
        <translation>neue Personen</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../../journal/ui/insights/activity_page.py" line="+45"/>
        <source>By week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W: by week, M: by month</source>
        <translation>W: pro Woche, M: pro Monat</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{title}: {n} conversation(s)</source>
        <translation>{title}: {n} Gespräch(e)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New people: {n}</source>
        <translation>Neue Personen: {n}</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../journal/ui/calendar/calendar_view.py" line="+48"/>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For 3 days</source>
        <translation>Für 3 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a week</source>
        <translation>Für eine Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For 2 weeks</source>
        <translation>Für 2 Wochen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Previous month (Ctrl+Page Up)</source>
        <translation>Vorheriger Monat (Strg+Bild auf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month (Ctrl+Page Down)</source>
        <translation>Nächster Monat (Strg+Bild ab)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to today (Ctrl+T)</source>
        <translation>Zu heute springen (Strg+T)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+218"/>
        <source>Nothing due on this day.</source>
        <translation>An diesem Tag ist nichts fällig.</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;nooze</source>
        <translation>&amp;Zurückstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reschedule…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next {days} days</source>
        <translation>Nächste {days} Tage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agenda of the next {days} days</source>
        <translation>Agenda der nächsten {days} Tage</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snooze until tomorrow</source>
        <translation>Bis morgen zurückstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{overdue} overdue · {today} due today</source>
        <translation>{overdue} überfällig · {today} heute fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{today} due today</source>
        <translation>{today} heute fällig</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>In your calendar</source>
        <translation>In deinem Kalender</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Overdue ({n})</source>
        <translation>Überfällig ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} older ones: Today (Ctrl+1) lists them all</source>
        <translation>{n} ältere: „Heute“ (Strg+1) zeigt sie alle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing due in the next {days} days.</source>
        <translation>In den nächsten {days} Tagen ist nichts fällig.</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+1"/>
        <source>Done: {title}</source>
        <translation>Erledigt: {title}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Snooze: {title}</source>
        <translation>Zurückstellen: {title}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Move to {day}: {title}</source>
        <translation>Verschieben auf {day}: {title}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Snoozed until {day}: {title}</source>
        <translation>Zurückgestellt bis {day}: {title}</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Items due and meetings on the selected day</source>
        <translation>Fällige Einträge und Termine am gewählten Tag</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>Moved to {day}: {title}</source>
        <translation>Verschoben auf {day}: {title}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>That next step has no date, so it is not in the calendar.</source>
        <translation>Dieser nächste Schritt hat kein Datum und steht darum nicht im Kalender.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No view shows people yet.</source>
        <translation>Noch keine Ansicht zeigt Personen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No view shows {kind}s yet.</source>
        <translation>Noch keine Ansicht zeigt {kind}.</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <location filename="../../journal/ui/tray/window_hooks.py" line="+53"/>
        <source>{app} keeps running in the system tray so it can remind you when something is due. Use Quit in the File menu or the tray menu to end it; Preferences can turn this off.</source>
        <translation>{app} läuft im Infobereich weiter, damit es dich erinnern kann, wenn etwas fällig ist. Beende es mit „Beenden“ im Menü „Datei“ oder im Menü des Infobereichs; in den Einstellungen lässt sich das abschalten.</translation>
    </message>
</context>
<context>
    <name>CommitPage</name>
    <message>
        <location filename="../../journal/ui/dialogs/import_wizard.py" line="+339"/>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Writing everything in one transaction…</source>
        <translation>Alles wird in einer Transaktion geschrieben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import {file}</source>
        <translation>{file} importieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything below was written to your journal in one go.</source>
        <translation>Alles hier Aufgeführte wurde in einem Schritt in dein Journal geschrieben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was imported: {error}</source>
        <translation>Nichts wurde importiert: {error}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../journal/ui/sync/conflicts_dialog.py" line="+81"/>
        <source>Sync conflicts</source>
        <translation>Synchronisierungskonflikte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Both this computer and the server changed these fields since the last sync. The later change was kept; the other value is here. Swap puts it back, Dismiss keeps what was kept.</source>
        <translation>Dieser Computer und der Server haben diese Felder seit der letzten Synchronisierung beide geändert. Die spätere Änderung wurde behalten; der andere Wert steht hier. Tauschen setzt ihn wieder ein, Verwerfen behält, was behalten wurde.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No conflicts: whatever both sides changed has been settled.</source>
        <translation>Keine Konflikte: Was beide Seiten geändert haben, ist geklärt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Swap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the other value back (S)</source>
        <translation>Den anderen Wert wieder einsetzen (S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep what was kept and take the conflict off the list (Del)</source>
        <translation>Behalten, was behalten wurde, und den Konflikt von der Liste nehmen (Entf)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Swap conflict: {field} of {item}</source>
        <translation>Konflikt tauschen: {field} von {item}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dismiss conflict: {field} of {item}</source>
        <translation>Konflikt verwerfen: {field} von {item}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location line="-177"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other value</source>
        <translation>Anderer Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept from</source>
        <translation>Behalten von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <location filename="../../journal/ui/conversations/conversation_dialog.py" line="+33"/>
        <source>Edit conversation</source>
        <translation>Gespräch bearbeiten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>One line: what it was about</source>
        <translation>Eine Zeile: worum es ging</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;mmary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit the conversation “{summary}”</source>
        <translation>Gespräch „{summary}“ bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit a conversation</source>
        <translation>Ein Gespräch bearbeiten</translation>
    </message>
</context>
<context>
    <name>ConversationsModel</name>
    <message>
        <location filename="../../journal/ui/conversations/conversations_model.py" line="+19"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What about</source>
        <translation>Worum es ging</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(no one)</source>
        <translation>(niemand)</translation>
    </message>
</context>
<context>
    <name>ConversationsView</name>
    <message>
        <location filename="../../journal/ui/conversations/conversations_view.py" line="+34"/>
        <source>No conversations yet</source>
        <translation>Noch keine Gespräche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press Ctrl+N after a coffee, a call or an e-mail exchange to log who you talked to, what was offered and what to do next.</source>
        <translation>Drücke Strg+N nach einem Kaffee, einem Anruf oder einem Mailwechsel, um festzuhalten, mit wem du gesprochen hast, was angeboten wurde und was als Nächstes zu tun ist.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected conversation (Enter)</source>
        <translation>Das gewählte Gespräch bearbeiten (Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected conversation (Delete)</source>
        <translation>Das gewählte Gespräch löschen (Entf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter by words in the notes or a person&apos;s name (Ctrl+F)</source>
        <translation>Nach Wörtern in den Notizen oder dem Namen einer Person filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{n} matching, newest first</source>
        <translation>{n} Treffer, neueste zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conversation matches</source>
        <translation>Kein Gespräch passt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Press Esc to clear the filter.</source>
        <translation>Esc leert den Filter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} conversation, newest first</source>
        <translation>{n} Gespräch, neueste zuerst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} conversations, newest first</source>
        <translation>{n} Gespräche, neueste zuerst</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Cannot open the conversation</source>
        <translation>Das Gespräch kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete conversation</source>
        <translation>Gespräch löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the conversation of {when} with {who}?

Offers and next steps logged with it are kept. You can undo this right away (Ctrl+Z).</source>
        <translation>Das Gespräch vom {when} mit {who} löschen?

Angebote und nächste Schritte, die damit festgehalten wurden, bleiben erhalten. Du kannst das gleich danach rückgängig machen (Strg+Z).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete the conversation of {when} with {who}</source>
        <translation>Gespräch vom {when} mit {who} löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted the conversation of {when} with {who}. Ctrl+Z or Undo brings it back.</source>
        <translation>Gespräch vom {when} mit {who} gelöscht. Strg+Z oder „Rückgängig“ holt es zurück.</translation>
    </message>
</context>
<context>
    <name>DateWords</name>
    <message>
        <location filename="../../journal/ui/today/words.py" line="+18"/>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anniversary</source>
        <translation>Jahrestag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work anniversary</source>
        <translation>Dienstjubiläum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date that matters</source>
        <translation>Wichtiger Tag</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{name}&apos;s birthday (turns {n})</source>
        <translation>{name} hat Geburtstag (wird {n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}&apos;s birthday</source>
        <translation>{name} hat Geburtstag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: 1 year married</source>
        <translation>{name}: 1 Jahr verheiratet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name}: {n} years married</source>
        <translation>{name}: {n} Jahre verheiratet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&apos;s anniversary</source>
        <translation>Hochzeitstag von {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: 1 year at work</source>
        <translation>{name}: 1 Jahr im Job</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name}: {n} years at work</source>
        <translation>{name}: {n} Jahre im Job</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&apos;s work anniversary</source>
        <translation>Dienstjubiläum von {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}&apos;s date ({n} years)</source>
        <translation>Datum von {name} ({n} Jahre)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name}&apos;s date</source>
        <translation>Datum von {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {label} ({n} years)</source>
        <translation>{name}: {label} ({n} Jahre)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name}: {label}</source>
        <translation>{name}: {label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} is now {role} at {organisation}</source>
        <translation>{name} ist jetzt {role} bei {organisation}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>{name} is now {role}</source>
        <translation>{name} ist jetzt {role}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{name} moved to {organisation} as {role}</source>
        <translation>{name} ist zu {organisation} gewechselt, als {role}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} moved to {organisation}</source>
        <translation>{name} ist zu {organisation} gewechselt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} changed jobs</source>
        <translation>{name} hat den Job gewechselt</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+91"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in {n} days</source>
        <translation>in {n} Tagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>noticed today</source>
        <translation>heute bemerkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>noticed yesterday</source>
        <translation>gestern bemerkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noticed {n} days ago</source>
        <translation>vor {n} Tagen bemerkt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In {n} days</source>
        <translation>In {n} Tagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>someone</source>
        <translation>jemanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{names} and {last}</source>
        <translation>{names} und {last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first}, {second} and {n} others</source>
        <translation>{first}, {second} und {n} weitere</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You met {people} on {day} ({summary}) — log it?</source>
        <translation>Du hast {people} am {day} getroffen ({summary}) – festhalten?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You met {people} on {day} — log it?</source>
        <translation>Du hast {people} am {day} getroffen – festhalten?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You wrote to {introducer} on {day} after meeting {target} — mark thanked?</source>
        <translation>Du hast {introducer} am {day} nach dem Treffen mit {target} geschrieben – als bedankt markieren?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{writer} replied on the thread with {other} — mark introduced?</source>
        <translation>{writer} hat im Verlauf mit {other} geantwortet – als vorgestellt markieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{writer} wrote on the thread with {other} — move it on?</source>
        <translation>{writer} hat im Verlauf mit {other} geschrieben – weiterbringen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark introduced</source>
        <translation>Als vorgestellt markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mark introduced</source>
        <translation>als vorgestellt markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark met</source>
        <translation>Als getroffen markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mark met</source>
        <translation>als getroffen markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark thanked</source>
        <translation>Als bedankt markieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mark thanked</source>
        <translation>als bedankt markieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move it on</source>
        <translation>Weiterbringen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>move it on</source>
        <translation>weiterbringen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days ago</source>
        <translation>vor {n} Tagen</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../journal/ui/dates.py" line="+12"/>
        <source>dd MMM</source>
        <translation>dd. MMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dd MMM yyyy</source>
        <translation>dd. MMM yyyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ddd dd MMM</source>
        <translation>ddd, dd. MMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, dd. MMM yyyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dddd d MMMM</source>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dddd dd MMMM</source>
        <translation>dddd, dd. MMMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <location filename="../../journal/ui/tray/integration.py" line="+86"/>
        <source>No system tray was found on this desktop, so reminders will appear here in the window while it is open.</source>
        <translation>Auf diesem Desktop gibt es keinen Infobereich; Erinnerungen erscheinen darum hier im Fenster, solange es offen ist.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide the journal until its passphrase is given again (Ctrl+L)</source>
        <translation>Das Journal verbergen, bis die Passphrase erneut eingegeben wird (Strg+L)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>&amp;Kalender exportieren (.ics)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write next steps and keep-in-touch dates as calendar to-dos, and dates that matter as yearly events</source>
        <translation>Nächste Schritte und Kontakt-Termine als Kalender-Aufgaben schreiben, wichtige Tage als jährliche Termine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+16"/>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not write {path}: {error}</source>
        <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {count} to-do(s) to {path}</source>
        <translation>{count} Aufgabe(n) nach {path} exportiert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accou&amp;nts</source>
        <translation>Ko&amp;nten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ma&amp;il &amp;&amp; calendars</source>
        <translation>Ma&amp;il &amp;&amp; Kalender</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Datenschutz</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <location filename="../../journal/desktop/notifications.py" line="+350"/>
        <source>To mark it done or snooze it, use the tray icon&apos;s menu.</source>
        <translation>Zum Erledigen oder Zurückstellen das Menü des Symbols im Infobereich verwenden.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../journal/ui/introductions/draft_dialog.py" line="+19"/>
        <source>Draft a message — {introducer} → {target}</source>
        <translation>Nachricht entwerfen — {introducer} → {target}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To {recipient}</source>
        <translation>An {recipient}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> — no e-mail address on file</source>
        <translation> — keine E-Mail-Adresse hinterlegt</translation>
    </message>
</context>
<context>
    <name>DueDateEdit</name>
    <message>
        <location filename="../../journal/ui/widgets/due_date_edit.py" line="+15"/>
        <source>+2 days</source>
        <translation>+2 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+1 week</source>
        <translation>+1 Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+1 month</source>
        <translation>+1 Monat</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Due {span} from today ({keys})</source>
        <translation>Fällig {span} ab heute ({keys})</translation>
    </message>
</context>
<context>
    <name>DueItemList</name>
    <message>
        <location filename="../../journal/ui/calendar/item_list.py" line="+33"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduction</source>
        <translation>Vorstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every year</source>
        <translation>Jedes Jahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job change</source>
        <translation>Jobwechsel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>done this year</source>
        <translation>dieses Jahr erledigt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>From your calendar, not due: Enter opens {name}</source>
        <translation>Aus deinem Kalender, nicht fällig: Eingabe öffnet {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From your calendar, not due</source>
        <translation>Aus deinem Kalender, nicht fällig</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../journal/ui/dialogs/duplicates.py" line="+67"/>
        <source>Find duplicates</source>
        <translation>Duplikate finden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo merge</source>
        <translation>Zusammenführen &amp;rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Keep:</source>
        <translation>&amp;Behalten:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Looking for people who appear twice…</source>
        <translation>Personen, die doppelt vorkommen, werden gesucht…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not look for duplicates: {error}</source>
        <translation>Die Suche nach Duplikaten ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} possible duplicate(s). The same e-mail, phone or LinkedIn means the same person; a close name at the same organisation may not — check before merging.</source>
        <translation>{count} mögliche(s) Duplikat(e). Dieselbe E-Mail, Telefonnummer oder LinkedIn-Adresse bedeutet dieselbe Person; ein ähnlicher Name bei derselben Organisation vielleicht nicht — prüfe vor dem Zusammenführen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No duplicates found.</source>
        <translation>Keine Duplikate gefunden.</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+13"/>
        <source>Merge people</source>
        <translation>Personen zusammenführen</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Merge them?</source>
        <translation>Zusammenführen?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Merge {drop} into {keep}</source>
        <translation>{drop} mit {keep} zusammenführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged {drop} into {keep}. Ctrl+Z or Undo takes it back.</source>
        <translation>{drop} mit {keep} zusammengeführt. Strg+Z oder „Rückgängig“ nimmt es zurück.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merged {drop} into {keep} (Ctrl+Z undoes it).</source>
        <translation>{drop} mit {keep} zusammengeführt (Strg+Z macht es rückgängig).</translation>
    </message>
</context>
<context>
    <name>FieldRows</name>
    <message>
        <location filename="../../journal/ui/people/field_rows.py" line="+37"/>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anniversary</source>
        <translation>Jahrestag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work anniversary</source>
        <translation>Dienstjubiläum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (label it)</source>
        <translation>Sonstiges (benennen)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Remove this {what}</source>
        <translation>{what} entfernen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>label, e.g. Met at</source>
        <translation>Bezeichnung, z. B. Kennengelernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD or --MM-DD</source>
        <translation>JJJJ-MM-TT oder --MM-TT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1980-04-02, or --04-02 where the year is not known</source>
        <translation>1980-04-02, oder --04-02, wenn das Jahr nicht bekannt ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>what it is (needed)</source>
        <translation>was es ist (nötig)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>label (optional)</source>
        <translation>Bezeichnung (optional)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat, building</source>
        <translation>Wohnung, Gebäude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PO box</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Town or city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the parts of this address</source>
        <translation>Die Teile dieser Adresse bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>@name, or a web address</source>
        <translation>@name oder eine Webadresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>their name</source>
        <translation>Name der Person</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>open</source>
        <translation>öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {name} in People</source>
        <translation>{name} in Personen öffnen</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <location filename="../../journal/ui/insights/funnel_chart.py" line="+122"/>
        <source>{stage}: {reached} reached, {now} now</source>
        <translation>{stage}: {reached} erreicht, {now} aktuell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Introduction funnel</source>
        <translation>Vorstellungstrichter</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+69"/>
        <source>Stalled now</source>
        <translation>Jetzt ins Stocken geraten</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>median 999.5 d · p90 999.5 d</source>
        <translation>Median 999.5 Tg. · p90 999.5 Tg.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{n} reached</source>
        <translation>{n} erreicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} here now</source>
        <translation>{n} jetzt hier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>→ {next}: {percent}</source>
        <translation>→ {next}: {percent}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>median {median} d · p90 {p90} d</source>
        <translation>Median {median} Tg. · p90 {p90} Tg.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from {n} stays</source>
        <translation>aus {n} Durchläufen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{label}: {n} of {total} offers</source>
        <translation>{label}: {n} von {total} Angeboten</translation>
    </message>
</context>
<context>
    <name>FunnelPage</name>
    <message>
        <location filename="../../journal/ui/insights/funnel_page.py" line="+43"/>
        <source>Enter opens the introduction · Esc goes back to the funnel</source>
        <translation>Eingabe öffnet die Vorstellung · Esc führt zurück zum Trichter</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>1 offer reached {stage} or a later stage</source>
        <translation>1 Angebot hat „{stage}“ oder eine spätere Stufe erreicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} offers reached {stage} or a later stage</source>
        <translation>{n} Angebote haben „{stage}“ oder eine spätere Stufe erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 offer in {stage} now</source>
        <translation>1 Angebot jetzt in „{stage}“</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} offers in {stage} now</source>
        <translation>{n} Angebote jetzt in „{stage}“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 open offer stalled now (in its stage past its next step&apos;s delay)</source>
        <translation>1 offenes Angebot ist jetzt ins Stocken geraten (länger in seiner Stufe als die Frist des nächsten Schritts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} open offers stalled now (in their stage past the next step&apos;s delay)</source>
        <translation>{n} offene Angebote sind jetzt ins Stocken geraten (länger in ihrer Stufe als die Frist des nächsten Schritts)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 offer ended {stage}</source>
        <translation>1 Angebot ist {stage}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} offers ended {stage}</source>
        <translation>{n} Angebote sind {stage}</translation>
    </message>
</context>
<context>
    <name>GraphPage</name>
    <message>
        <location filename="../../journal/ui/insights/graph_page.py" line="+84"/>
        <source>Stages:</source>
        <translation>Stufen:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show introductions now {stage} (Space turns it off or on)</source>
        <translation>Vorstellungen zeigen, die jetzt in „{stage}“ sind (Leertaste schaltet aus oder ein)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only introductions whose introducer or target has this tag</source>
        <translation>Nur Vorstellungen, bei denen die vermittelnde Person oder die Zielperson dieses Schlagwort hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+140"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>T&amp;ag:</source>
        <translation>&amp;Schlagwort:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find a person (Ctrl+F)</source>
        <translation>Eine Person suchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole graph (F or Ctrl+0)</source>
        <translation>Den ganzen Graphen zeigen (F oder Strg+0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (+ or Ctrl+=, or the wheel)</source>
        <translation>Vergrößern (+ oder Strg+=, oder das Mausrad)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out (- or Ctrl+-)</source>
        <translation>Verkleinern (- oder Strg+-)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the graph as a PNG image or an SVG drawing (Ctrl+E)</source>
        <translation>Den Graphen als PNG-Bild oder SVG-Zeichnung speichern (Strg+E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As PNG image…</source>
        <translation>Als PNG-Bild…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As SVG drawing…</source>
        <translation>Als SVG-Zeichnung…</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Laying out {n} people…</source>
        <translation>{n} Personen werden angeordnet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No stage chosen</source>
        <translation>Keine Stufe gewählt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turn a stage on above (Tab to it, then Space).</source>
        <translation>Schalte oben eine Stufe ein (mit Tab dorthin, dann Leertaste).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No introductions in this period</source>
        <translation>Keine Vorstellungen in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers noted in the Log dialog (Ctrl+N) appear here as arrows from the person who offered to the person they offered to introduce you to. Try a longer period or other filters.</source>
        <translation>Angebote, die du im Gesprächsdialog (Strg+N) festhältst, erscheinen hier als Pfeile von der Person, die das Angebot gemacht hat, zu der Person, der sie dich vorstellen will. Versuch es mit einem längeren Zeitraum oder anderen Filtern.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The graph could not be laid out</source>
        <translation>Der Graph konnte nicht angeordnet werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{people} people, {offers} introductions</source>
        <translation>{people} Personen, {offers} Vorstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} found</source>
        <translation>{n} gefunden</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>There is no graph to export yet.</source>
        <translation>Noch gibt es keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <source>Export the introductions graph</source>
        <translation>Graph der Vorstellungen exportieren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Saved the graph to {path}</source>
        <translation>Graph unter {path} gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../journal/ui/insights/graph_view.py" line="+214"/>
        <location line="+306"/>
        <source>Introductions graph</source>
        <translation>Graph der Vorstellungen</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>{name}: offered {offered}, introduced to you {received} · click or Enter opens</source>
        <translation>{name}: angeboten {offered}, dir vorgestellt {received} · Klick oder Eingabe öffnet</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>People and the introductions offered between them, coloured by stage</source>
        <translation>Personen und die zwischen ihnen angebotenen Vorstellungen, nach Stufe eingefärbt</translation>
    </message>
</context>
<context>
    <name>GreetingDialog</name>
    <message>
        <location filename="../../journal/ui/today/greeting_dialog.py" line="+28"/>
        <source>Write to {name}</source>
        <translation>An {name} schreiben</translation>
    </message>
</context>
<context>
    <name>ImapDialog</name>
    <message>
        <location filename="../../journal/ui/scan/imap_dialog.py" line="+61"/>
        <source>Add IMAP account</source>
        <translation>IMAP-Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mail.example.com or mail.example.com:993</source>
        <translation>mail.example.com oder mail.example.com:993</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept in the system keyring, never in the settings or the journal</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in den Einstellungen oder im Journal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folders to read, separated by commas, e.g. INBOX, Sent</source>
        <translation>Die zu lesenden Ordner, durch Kommas getrennt, z. B. INBOX, Sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a CA certificate (.pem)</source>
        <translation>Optional: ein CA-Zertifikat (.pem)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ch&amp;oose…</source>
        <translation>Au&amp;swählen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folders are opened read-only over TLS and only the headers are fetched: nothing is marked as read.</source>
        <translation>Die Ordner werden schreibgeschützt über TLS geöffnet, und nur die Kopfzeilen werden abgerufen: Nichts wird als gelesen markiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Folders:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Give the server&apos;s name.</source>
        <translation>Gib den Namen des Servers an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the user name for the server.</source>
        <translation>Gib den Benutzernamen für den Server an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the password.</source>
        <translation>Gib das Passwort an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} is not a file.</source>
        <translation>{path} ist keine Datei.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Connecting to {server}…</source>
        <translation>Verbinde mit {server}…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../journal/ui/dialogs/import_wizard.py" line="-342"/>
        <source>LinkedIn (Connections.csv)</source>
        <translation>LinkedIn (Connections.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Google Contacts (CSV)</source>
        <translation>Google Kontakte (CSV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vCard (.vcf: Apple, Outlook, Android, CardDAV)</source>
        <translation>vCard (.vcf: Apple, Outlook, Android, CardDAV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>vCard-Dateien (*.vcf *.vcard)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact Journal (JSON export)</source>
        <translation>Contact Journal (JSON-Export)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlook (CSV export)</source>
        <translation>Outlook (CSV-Export)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thunderbird (address book as CSV)</source>
        <translation>Thunderbird (Adressbuch als CSV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detect from the file</source>
        <translation>Aus der Datei erkennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact files (*.csv *.vcf *.vcard *.json)</source>
        <translation>Kontaktdateien (*.csv *.vcf *.vcard *.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Ergänzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate?</source>
        <translation>Duplikat?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add as new</source>
        <translation>Als neu hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into match</source>
        <translation>Mit Treffer zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line {line} of the file</source>
        <translation>Zeile {line} der Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+233"/>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>a new person</source>
        <translation>eine neue Person</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>{n} new</source>
        <translation>{n} neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} updated</source>
        <translation>{n} ergänzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} unchanged</source>
        <translation>{n} unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} possible duplicate(s) to review</source>
        <translation>{n} mögliche(s) Duplikat(e) zu prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} rejected</source>
        <translation>{n} abgelehnt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} job change(s)</source>
        <translation>{n} Jobwechsel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restores the whole journal: </source>
        <translation>Stellt das ganze Journal wieder her: </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
</context>
<context>
    <name>InsightsConversations</name>
    <message>
        <location filename="../../journal/ui/insights/models.py" line="+167"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What about</source>
        <translation>Worum es ging</translation>
    </message>
</context>
<context>
    <name>InsightsIntroducers</name>
    <message>
        <location line="-95"/>
        <source>Introducer</source>
        <translation>Vermittelnde Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Getroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met %</source>
        <translation>Getroffen %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days to meet</source>
        <translation>Tage bis zum Treffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not thanked</source>
        <translation>Nicht bedankt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Introductions they offered in the period</source>
        <translation>Vorstellungen, die die Person im Zeitraum angeboten hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of those, how many became a meeting</source>
        <translation>Wie viele davon zu einem Treffen geführt haben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The share of their offers that became a meeting</source>
        <translation>Der Anteil ihrer Angebote, aus denen ein Treffen wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days from their offer to the meeting</source>
        <translation>Median der Tage vom Angebot bis zum Treffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meetings they made possible that you have not thanked them for yet</source>
        <translation>Treffen, die die Person ermöglicht hat und für die du dich noch nicht bedankt hast</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Met and not thanked yet: T drafts the thank-you</source>
        <translation>Getroffen und noch nicht bedankt: T entwirft die Dankesnachricht</translation>
    </message>
</context>
<context>
    <name>InsightsLosingTouch</name>
    <message>
        <location line="+10"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days since</source>
        <translation>Tage seither</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usual gap</source>
        <translation>Üblicher Abstand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>× usual gap</source>
        <translation>× üblicher Abstand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadence</source>
        <translation>Rhythmus</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>one contact only</source>
        <translation>nur ein Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} d</source>
        <translation>{n} Tg.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{days} days since you were last in touch, against a usual {gap} days between contacts</source>
        <translation>{days} Tage seit dem letzten Kontakt, bei üblicherweise {gap} Tagen zwischen zwei Kontakten</translation>
    </message>
</context>
<context>
    <name>InsightsOffers</name>
    <message>
        <location line="-115"/>
        <source>Introducer</source>
        <translation>Vermittelnde Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Zielperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage now</source>
        <translation>Aktuelle Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In stage</source>
        <translation>In der Stufe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} d</source>
        <translation>{n} Tg.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{stage} since {day}</source>
        <translation>{stage} seit {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter opens it in Introductions</source>
        <translation>Eingabe öffnet sie unter „Vorstellungen“</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <location filename="../../journal/ui/insights/insights_view.py" line="+32"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 2 years</source>
        <translation>Letzte 2 Jahre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Every tab shows the offers and conversations of this period (Alt+P)</source>
        <translation>Jeder Reiter zeigt die Angebote und Gespräche dieses Zeitraums (Alt+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the journal…</source>
        <translation>Das Journal wird gelesen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F&amp;unnel</source>
        <translation>&amp;Trichter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I&amp;ntroducers</source>
        <translation>&amp;Vermittelnde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Losing touch</source>
        <translation>&amp;Lange kein Kontakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activit&amp;y</source>
        <translation>Akt&amp;ivität</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who introduced whom: arrows from the introducer to the target, coloured by stage</source>
        <translation>Wer wen vorgestellt hat: Pfeile von der vermittelnden Person zur Zielperson, nach Stufe eingefärbt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers in each stage, the conversion to the next and the days spent in each</source>
        <translation>Angebote in jeder Stufe, die Quote zur nächsten und die Tage in jeder Stufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who offers, how many of their offers became meetings, who is not thanked yet</source>
        <translation>Wer Vorstellungen anbietet, wie viele davon zu Treffen wurden, wem noch nicht gedankt wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People ranked by the time since your last contact, against their usual gap</source>
        <translation>Personen nach der Zeit seit dem letzten Kontakt, gemessen an ihrem üblichen Abstand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations per week or month by channel, and the new people met</source>
        <translation>Gespräche pro Woche oder Monat nach Kanal und die neu kennengelernten Personen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>everything in the journal, to {day}</source>
        <translation>alles im Journal, bis {day}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{start} to {end}</source>
        <translation>{start} bis {end}</translation>
    </message>
</context>
<context>
    <name>InteropActions</name>
    <message>
        <location filename="../../journal/ui/dialogs/interop_actions.py" line="+27"/>
        <source>&amp;Import contacts…</source>
        <translation>Kontakte &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring contacts in from LinkedIn, Google, a vCard file or a journal export</source>
        <translation>Kontakte aus LinkedIn, Google, einer vCard-Datei oder einem Journal-Export übernehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport contacts…</source>
        <translation>Kontakte e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write people as vCard or CSV, or the whole journal as JSON</source>
        <translation>Personen als vCard oder CSV schreiben, oder das ganze Journal als JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Duplikate finden…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+28"/>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Exporting to {path}…</source>
        <translation>Export nach {path}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported {count} item(s) to {path}</source>
        <translation>{count} Eintrag/Einträge nach {path} exportiert</translation>
    </message>
</context>
<context>
    <name>IntroducersPage</name>
    <message>
        <location filename="../../journal/ui/insights/people_pages.py" line="+54"/>
        <source>Draft than&amp;k-you…  (T)</source>
        <translation>Dan&amp;kesnachricht entwerfen…  (T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the thank-you for an introduction that became a meeting (T)</source>
        <translation>Die Dankesnachricht für eine Vorstellung schreiben, aus der ein Treffen wurde (T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open person  (Enter)</source>
        <translation>Person öffnen  (Eingabe)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody offered an introduction in this period</source>
        <translation>In diesem Zeitraum hat niemand eine Vorstellung angeboten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try a longer period in the selector above.</source>
        <translation>Wähle oben einen längeren Zeitraum.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Left/Right pick a number and the list shows the offers behind it; Enter on a number goes into the list, on the name opens the person.</source>
        <translation>Links/Rechts wählen eine Zahl, und die Liste zeigt die Angebote dahinter; Eingabe auf einer Zahl führt in die Liste, auf dem Namen öffnet sie die Person.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{name}&apos;s offers that became meetings ({n})</source>
        <translation>Angebote von {name}, aus denen Treffen wurden ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Met through {name} and not thanked yet ({n})</source>
        <translation>Über {name} getroffen und noch nicht bedankt ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers {name} made in the period ({n})</source>
        <translation>Angebote von {name} im Zeitraum ({n})</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{name} has no meeting left to thank them for.</source>
        <translation>Bei {name} steht für kein Treffen mehr ein Dank aus.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Opened the thank-you to {name}; mark it thanked in Introductions.</source>
        <translation>Dankesnachricht an {name} geöffnet; unter „Vorstellungen“ als bedankt markieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} more to thank them for.</source>
        <translation>Noch {n} weitere, für die ein Dank aussteht.</translation>
    </message>
</context>
<context>
    <name>IntroductionsView</name>
    <message>
        <location filename="../../journal/ui/introductions/introductions_view.py" line="+109"/>
        <location line="+192"/>
        <source>&amp;Advance</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>&amp;Decline</source>
        <translation>A&amp;bgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;lapsed</source>
        <translation>Als &amp;verfallen markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen</source>
        <translation>Wieder ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft &amp;message…</source>
        <translation>&amp;Nachricht entwerfen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;person</source>
        <translation>&amp;Person öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to the next stage (A or Ctrl+Right)</source>
        <translation>In die nächste Stufe bringen (A oder Strg+Rechts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They declined or it will not happen (D)</source>
        <translation>Abgelehnt, oder es wird nichts daraus (D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It went quiet: close it as lapsed (L)</source>
        <translation>Es ist eingeschlafen: als verfallen schließen (L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring a declined or lapsed offer back to Offered (R)</source>
        <translation>Ein abgelehntes oder verfallenes Angebot zurück auf „Angeboten“ setzen (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the ask, nudge or thank-you in your mail app (M)</source>
        <translation>Bitte, Erinnerung oder Dank in deinem Mailprogramm schreiben (M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the introducer in People (Enter; Shift+Enter for the target)</source>
        <translation>Die vermittelnde Person unter „Personen“ öffnen (Eingabe; Umschalt+Eingabe für die Zielperson)</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>{introducer} → {target}: {stage}</source>
        <translation>{introducer} → {target}: {stage}</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>No introductions yet</source>
        <translation>Noch keine Vorstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When someone offers to introduce you, note it in the Log dialog (Ctrl+N) under “offered to introduce me to…”. It then appears here, and each stage reminds you what to do next.</source>
        <translation>Wenn dir jemand anbietet, dich vorzustellen, halte es im Gesprächsdialog (Strg+N) unter „bietet an, mich vorzustellen bei…“ fest. Es erscheint dann hier, und jede Stufe erinnert dich an den nächsten Schritt.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Filter by person or notes (Ctrl+F)</source>
        <translation>Nach Person oder Notizen filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No introduction matches “{text}”</source>
        <translation>Keine Vorstellung passt zu „{text}“</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Press Esc to clear the filter.</source>
        <translation>Esc leert den Filter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} open</source>
        <translation>{n} offen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, {n} stalled</source>
        <translation>, {n} ins Stocken geraten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total} match</source>
        <translation>{shown} von {total} passen</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>&amp;Advance to {stage}</source>
        <translation>&amp;Weiter zu {stage}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Draft message…</source>
        <translation>Nachricht entwerfen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Open {name}</source>
        <translation>{name} öffnen</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../../journal/ui/people/job_dialog.py" line="+42"/>
        <source>Edit job</source>
        <translation>Job bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a job</source>
        <translation>Einen Job hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>JJJJ-MM-TT, JJJJ-MM oder JJJJ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blank while they still work there</source>
        <translation>leer, solange die Person noch dort arbeitet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A job needs an organisation or a role.</source>
        <translation>Ein Job braucht eine Organisation oder eine Rolle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A job cannot end before it starts.</source>
        <translation>Ein Job kann nicht enden, bevor er beginnt.</translation>
    </message>
</context>
<context>
    <name>JournalAccess</name>
    <message>
        <location filename="../../journal/desktop/lock.py" line="+335"/>
        <source>{done} of {total} files converted</source>
        <translation>{done} von {total} Dateien umgewandelt</translation>
    </message>
</context>
<context>
    <name>JournalConversion</name>
    <message>
        <location filename="../../journal/ui/security/conversion.py" line="+98"/>
        <source>Converting the journal…</source>
        <translation>Das Journal wird umgewandelt…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Opening the journal again…</source>
        <translation>Das Journal wird wieder geöffnet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The journal could not be opened again: {error} Quit and start {app} again.</source>
        <translation>Das Journal konnte nicht wieder geöffnet werden: {error} Beende {app} und starte es neu.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../journal/ui/labels.py" line="+18"/>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduced</source>
        <translation>Vorgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Getroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thanked</source>
        <translation>Bedankt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsed</source>
        <translation>Verfallen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every 2 weeks</source>
        <translation>Alle 2 Wochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every 2 months</source>
        <translation>Alle 2 Monate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twice a year</source>
        <translation>Zweimal im Jahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No cadence</source>
        <translation>Kein Rhythmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every {n} days</source>
        <translation>Alle {n} Tage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next steps due</source>
        <translation>Fällige nächste Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introductions waiting on you</source>
        <translation>Vorstellungen, die auf dich warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep in touch</source>
        <translation>In Kontakt bleiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates that matter</source>
        <translation>Wichtige Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reasons to reconnect</source>
        <translation>Anlässe, sich wieder zu melden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in person</source>
        <translation>persönlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+12"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Advance to {stage}</source>
        <translation>Weiter zu {stage}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep in touch with {name}</source>
        <translation>Mit {name} in Kontakt bleiben</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../journal/ui/security/window_lock.py" line="+51"/>
        <source>{app} is locked</source>
        <translation>{app} ist gesperrt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The journal stays hidden until its passphrase is given again.</source>
        <translation>Das Journal bleibt verborgen, bis die Passphrase erneut eingegeben wird.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Checking the passphrase…</source>
        <translation>Die Passphrase wird geprüft…</translation>
    </message>
</context>
<context>
    <name>LogAction</name>
    <message>
        <location filename="../../journal/ui/dialogs/log_action.py" line="+27"/>
        <source>them</source>
        <translation>ihnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} offer</source>
        <translation>{n} Angebot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} offers</source>
        <translation>{n} Angebote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} next step</source>
        <translation>{n} nächster Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} next steps</source>
        <translation>{n} nächste Schritte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logged a conversation with {names}</source>
        <translation>Gespräch mit {names} festgehalten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Log conversation…</source>
        <translation>Gespräch &amp;festhalten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log conversation</source>
        <translation>Gespräch festhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log a conversation (Ctrl+N)</source>
        <translation>Ein Gespräch festhalten (Strg+N)</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <location filename="../../journal/ui/dialogs/log_dialog.py" line="+64"/>
        <source>Log conversation</source>
        <translation>Gespräch festhalten</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>one line: what it was about</source>
        <translation>eine Zeile: worum es ging</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>what you learned, what they care about</source>
        <translation>was du erfahren hast, was ihnen wichtig ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another offer  (Alt+F)</source>
        <translation>Weiteres Angebot  (Alt+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another step  (Alt+E)</source>
        <translation>Weiterer Schritt  (Alt+E)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;People:</source>
        <translation>&amp;Personen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W&amp;hen:</source>
        <translation>W&amp;ann:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Summary:</source>
        <translation>&amp;Zusammenfassung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Offered to
introduce me to:</source>
        <translation>&amp;Bietet an, mich
vorzustellen bei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt steps:</source>
        <translation>Nächste &amp;Schritte:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ctrl+Enter saves · Esc cancels · Alt+2 / Alt+W / Alt+M set a step&apos;s due date</source>
        <translation>Strg+Eingabe speichert · Esc bricht ab · Alt+2 / Alt+W / Alt+M setzen das Fälligkeitsdatum eines Schritts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the conversation (Ctrl+Enter)</source>
        <translation>Das Gespräch speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close without saving (Esc)</source>
        <translation>Ohne Speichern schließen (Esc)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>“{name}” is like people already in your journal: choose one (↓, then Enter), or press Enter to add “{name}” as someone new.</source>
        <translation>„{name}“ ähnelt Personen, die schon in deinem Journal stehen: wähle eine aus (↓, dann Eingabe) oder drücke Eingabe, um „{name}“ als neue Person hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Log a conversation with {names}</source>
        <translation>Gespräch mit {names} festhalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log a conversation</source>
        <translation>Ein Gespräch festhalten</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;Nothing was saved.&lt;/b&gt; {error}</source>
        <translation>&lt;b&gt;Nichts wurde gespeichert.&lt;/b&gt; {error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Discard this conversation?</source>
        <translation>Dieses Gespräch verwerfen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed has not been saved. Close the dialog and lose it?</source>
        <translation>Was du eingegeben hast, ist nicht gespeichert. Den Dialog schließen und es verlieren?</translation>
    </message>
</context>
<context>
    <name>LosingTouchPage</name>
    <message>
        <location filename="../../journal/ui/insights/people_pages.py" line="+37"/>
        <source>Set &amp;cadence…  (K)</source>
        <translation>&amp;Rhythmus festlegen…  (K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set how often to keep in touch with them (K)</source>
        <translation>Festlegen, wie oft du mit der Person in Kontakt bleiben willst (K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&amp;og conversation…  (L)</source>
        <translation>Gespräch &amp;festhalten…  (L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open person  (Enter)</source>
        <translation>Person öffnen  (Eingabe)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contact logged yet</source>
        <translation>Noch kein Kontakt festgehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Once you log conversations (Ctrl+N), the people you are drifting away from show here.</source>
        <translation>Sobald du Gespräche festhältst (Strg+N), erscheinen hier die Personen, zu denen der Kontakt nachlässt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Everyone you were in touch with, furthest past their usual gap first (past it now: {n}). As of today, whatever the period.</source>
        <translation>Alle, mit denen du in Kontakt warst – wer am weitesten über dem üblichen Abstand liegt, zuerst (jetzt darüber: {n}). Stand heute, unabhängig vom Zeitraum.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Their usual gap: {cadence}</source>
        <translation>Üblicher Abstand: {cadence}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Keep in touch with {name}: {cadence}</source>
        <translation>Mit {name} in Kontakt bleiben: {cadence}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+Z undoes it.</source>
        <translation>Strg+Z macht es rückgängig.</translation>
    </message>
</context>
<context>
    <name>MailMessageDialog</name>
    <message>
        <location filename="../../journal/ui/dialogs/mail_message.py" line="+42"/>
        <source>E-mail address (none on file; type one or leave it for the mail app)</source>
        <translation>E-Mail-Adresse (keine hinterlegt; tippe eine ein oder überlass es dem Mailprogramm)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;To</source>
        <translation>&amp;An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open in mail app</source>
        <translation>Im Mailprogramm ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a new message in your mail app to review and send (Ctrl+Enter)</source>
        <translation>Öffnet eine neue Nachricht in deinem Mailprogramm zum Prüfen und Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No mail app</source>
        <translation>Kein Mailprogramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No mail app opened the message. Use “Copy text” and paste it into your mail or messaging app.</source>
        <translation>Kein Mailprogramm hat die Nachricht geöffnet. Nutze „Text kopieren“ und füge ihn in dein Mail- oder Nachrichtenprogramm ein.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../journal/ui/dialogs/help_actions.py" line="+14"/>
        <source>&amp;About Contact Journal</source>
        <translation>Ü&amp;ber Contact Journal</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../journal/ui/main_window.py" line="+83"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../journal/app.py" line="+42"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introductions</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insights</source>
        <translation>Einblicke</translation>
    </message>
    <message>
        <location filename="../../journal/ui/dialogs/edit_actions.py" line="+27"/>
        <location line="+25"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Wiederholen: {what}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Take it back (Ctrl+Z)</source>
        <translation>Zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../../journal/ui/backup_notice.py" line="+23"/>
        <source>Today&apos;s backup could not be taken: {error} Your changes are saved as usual.</source>
        <translation>Die heutige Sicherung konnte nicht angelegt werden: {error} Deine Änderungen werden wie gewohnt gespeichert.</translation>
    </message>
</context>
<context>
    <name>MeetingMarks</name>
    <message>
        <location filename="../../journal/ui/calendar/meeting_marks.py" line="+72"/>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>{first}, {second} and {n} others</source>
        <translation>{first}, {second} und {n} weitere</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <location filename="../../journal/ui/calendar/month_grid.py" line="+45"/>
        <location line="+207"/>
        <source>{n} due</source>
        <translation>{n} fällig</translation>
    </message>
    <message>
        <location line="-205"/>
        <location line="+203"/>
        <source>{n} overdue</source>
        <translation>{n} überfällig</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>1 date that matters</source>
        <translation>1 wichtiger Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} dates that matter</source>
        <translation>{n} wichtige Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing due</source>
        <translation>Nichts fällig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 meeting in your calendar</source>
        <translation>1 Termin in deinem Kalender</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} meetings in your calendar</source>
        <translation>{n} Termine in deinem Kalender</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Month calendar</source>
        <translation>Monatskalender</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>1 date</source>
        <translation>1 Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} dates</source>
        <translation>{n} Daten</translation>
    </message>
</context>
<context>
    <name>OfferRow</name>
    <message>
        <location filename="../../journal/ui/dialogs/log_rows.py" line="+31"/>
        <source>a name, or a description like “her old manager at Acme”</source>
        <translation>ein Name oder eine Beschreibung wie „ihr früherer Chef bei Acme“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>just a description</source>
        <translation>nur eine Beschreibung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ticked: the target becomes a placeholder person to fill in later (Alt+D). Ticked for you when the text reads like a description.</source>
        <translation>Angehakt: Die Zielperson wird ein Platzhalter, den du später ergänzt (Alt+D). Wird für dich angehakt, wenn der Text wie eine Beschreibung klingt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who made the offer</source>
        <translation>Wer das Angebot gemacht hat</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{name} offered:</source>
        <translation>{name} bietet an:</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../journal/ui/operations.py" line="+136"/>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undone: {what}</source>
        <translation>Rückgängig gemacht: {what}</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Nothing to redo.</source>
        <translation>Nichts zu wiederholen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redone: {what}</source>
        <translation>Wiederholt: {what}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contact Journal</source>
        <translation>Contact Journal</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <location filename="../../journal/ui/organisations/organisations_view.py" line="+49"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latest contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} (+{former} former)</source>
        <translation>{n} (+{former} frühere)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>since {date}</source>
        <translation>seit {date}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>now</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>former · {start} – {end}</source>
        <translation>früher · {start} – {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open {name} in People (Enter)</source>
        <translation>{name} unter „Personen“ öffnen (Eingabe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worked here before. </source>
        <translation>Hat früher hier gearbeitet. </translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No organisations yet</source>
        <translation>Noch keine Organisationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in where people work (in People, the Organisation field) and each organisation appears here with everyone you know there.</source>
        <translation>Trag ein, wo Personen arbeiten (unter „Personen“, im Feld „Organisation“), und jede Organisation erscheint hier mit allen, die du dort kennst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter organisations by name (Ctrl+F)</source>
        <translation>Organisationen nach Namen filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+32"/>
        <source>Press Esc to clear the filter.</source>
        <translation>Esc leert den Filter.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No organisation matches “{text}”</source>
        <translation>Keine Organisation passt zu „{text}“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} organisation</source>
        <translation>{n} Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} organisations</source>
        <translation>{n} Organisationen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{n} person</source>
        <translation>{n} Person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} people</source>
        <translation>{n} Personen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {n} former</source>
        <translation>, {n} frühere</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <location filename="../../journal/ui/dialogs/duplicates.py" line="-199"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Looks like</source>
        <translation>Sieht aus wie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no e-mail or phone</source>
        <translation>keine E-Mail oder Telefonnummer</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../journal/ui/security/passphrase_dialogs.py" line="+47"/>
        <source>Encrypt the journal</source>
        <translation>Journal verschlüsseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decrypt the journal</source>
        <translation>Journal entschlüsseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt the backups</source>
        <translation>Sicherungen verschlüsseln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encrypt</source>
        <translation>&amp;Verschlüsseln</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>C&amp;hange passphrase</source>
        <translation>&amp;Passphrase ändern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Decrypt</source>
        <translation>&amp;Entschlüsseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encrypt the backups</source>
        <translation>Sicherungen &amp;verschlüsseln</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Aktuelle Passphrase:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Neue Passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember on this computer</source>
        <translation>Auf diesem Computer &amp;merken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the passphrase in this computer&apos;s keyring, so the journal opens without asking.</source>
        <translation>Die Passphrase im Schlüsselbund dieses Computers speichern, damit sich das Journal ohne Nachfrage öffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keyring was found on this computer to keep it in.</source>
        <translation>Auf diesem Computer wurde kein Schlüsselbund gefunden, in dem sie gespeichert werden könnte.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The journal and every backup of it are written encrypted with this passphrase; from then on the journal opens only with it.</source>
        <translation>Das Journal und alle seine Sicherungen werden mit dieser Passphrase verschlüsselt gespeichert; von da an lässt sich das Journal nur noch mit ihr öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal, and every backup the current passphrase opens, take the new passphrase.</source>
        <translation>Das Journal und jede Sicherung, die sich mit der aktuellen Passphrase öffnen lässt, erhalten die neue Passphrase.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encrypting the journal was stopped before its backups were done: some are still unencrypted. They are encrypted now with the journal&apos;s passphrase.</source>
        <translation>Das Verschlüsseln des Journals wurde abgebrochen, bevor seine Sicherungen fertig waren: Einige sind noch unverschlüsselt. Sie werden jetzt mit der Passphrase des Journals verschlüsselt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal and its backups are written unencrypted again: anyone who can copy them can read them. A passphrase remembered on this computer is forgotten.</source>
        <translation>Das Journal und seine Sicherungen werden wieder unverschlüsselt gespeichert: Wer sie kopieren kann, kann sie lesen. Eine auf diesem Computer gemerkte Passphrase wird vergessen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;A forgotten passphrase cannot be recovered.&lt;/b&gt; Without it nobody, you included, can read the journal or its backups: keep it somewhere safe.</source>
        <translation>&lt;b&gt;Eine vergessene Passphrase lässt sich nicht wiederherstellen.&lt;/b&gt; Ohne sie kann niemand, auch du nicht, das Journal oder seine Sicherungen lesen: Bewahre sie an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type the current passphrase.</source>
        <translation>Gib die aktuelle Passphrase ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a new passphrase.</source>
        <translation>Gib eine neue Passphrase ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two new passphrases differ: type the new one again, twice.</source>
        <translation>Die beiden neuen Passphrasen unterscheiden sich: Gib die neue noch einmal in beide Felder ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new passphrase is the current one.</source>
        <translation>Die neue Passphrase ist die aktuelle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking the passphrase…</source>
        <translation>Die Passphrase wird geprüft…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>That is not the journal&apos;s current passphrase.</source>
        <translation>Das ist nicht die aktuelle Passphrase des Journals.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../journal/ui/people/people_model.py" line="+20"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>A placeholder: someone known only by a description. Fill in their name when you learn it.</source>
        <translation>Ein Platzhalter: jemand, den du nur durch eine Beschreibung kennst. Trag den Namen ein, sobald du ihn erfährst.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (overdue)</source>
        <translation> (überfällig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep-in-touch is due</source>
        <translation>Kontakt ist fällig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (archived)</source>
        <translation>  (archiviert)</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <location filename="../../journal/ui/widgets/people_picker.py" line="+23"/>
        <source>Type a name; Enter adds it (a new name creates a person)</source>
        <translation>Tippe einen Namen; Eingabe fügt ihn hinzu (ein neuer Name legt eine Person an)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Remove {name} (or Backspace in the empty name field)</source>
        <translation>{name} entfernen (oder Rücktaste im leeren Namensfeld)</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../journal/ui/people/people_view.py" line="+54"/>
        <source>Filter by name, organisation, role, tag or notes (Ctrl+F)</source>
        <translation>Nach Name, Organisation, Rolle, Schlagwort oder Notizen filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show arc&amp;hived</source>
        <translation>Archivierte &amp;zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add person</source>
        <translation>Person &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a person (Ctrl+Shift+N or Insert)</source>
        <translation>Eine Person hinzufügen (Strg+Umschalt+N oder Einfg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+269"/>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchivieren</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Archive: hide from lists and reminders, keep everything (Ctrl+Shift+A)</source>
        <translation>Archivieren: aus Listen und Erinnerungen ausblenden, alles behalten (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the person and what belongs only to them (Delete; can be undone)</source>
        <translation>Die Person löschen und was nur zu ihr gehört (Entf; lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+135"/>
        <source>No people yet</source>
        <translation>Noch keine Personen</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+135"/>
        <source>Log a conversation (Ctrl+N) and the people you talked to appear here, or add someone with Ctrl+Shift+N. You can also import contacts from LinkedIn, Google or a vCard file.</source>
        <translation>Halte ein Gespräch fest (Strg+N), und die Personen, mit denen du gesprochen hast, erscheinen hier, oder füge jemanden mit Strg+Umschalt+N hinzu. Du kannst auch Kontakte aus LinkedIn, Google oder einer vCard-Datei importieren.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>No one matches</source>
        <translation>Niemand passt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody matches “{text}”. Press Esc to clear the filter.</source>
        <translation>Niemand passt zu „{text}“. Esc leert den Filter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone is archived</source>
        <translation>Alle sind archiviert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tick “Show archived” to see archived people, or add someone new.</source>
        <translation>Hake „Archivierte zeigen“ an, um archivierte Personen zu sehen, oder füge jemanden hinzu.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{rows} of {total} people</source>
        <translation>{rows} von {total} Personen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} people</source>
        <translation>{total} Personen</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to {name}?</source>
        <translation>Die Änderungen an {name} speichern?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>this person</source>
        <translation>dieser Person</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Add person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Name (or a description, like “Sam&apos;s CTO”):</source>
        <translation>Name (oder eine Beschreibung wie „Sams CTO“):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Someone called {name} is already in the journal. Add another person with that name?</source>
        <translation>Jemand namens {name} steht schon im Journal. Eine weitere Person mit diesem Namen hinzufügen?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add {name}</source>
        <translation>{name} hinzufügen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore {name}</source>
        <translation>{name} wiederherstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Archive {name}</source>
        <translation>{name} archivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived {name}: hidden everywhere, nothing lost.</source>
        <translation>{name} archiviert: überall ausgeblendet, nichts verloren.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Delete {name}</source>
        <translation>{name} löschen</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Restored {name}.</source>
        <translation>{name} wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete {name}?

This also removes them from {linked}. Conversations stay in the journal. You can undo this right away (Ctrl+Z); to keep them out of sight without deleting, use Archive instead.</source>
        <translation>{name} löschen?

Das entfernt die Person auch aus {linked}. Gespräche bleiben im Journal. Du kannst das gleich danach rückgängig machen (Strg+Z); um sie ohne Löschen auszublenden, nutze stattdessen „Archivieren“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleted {name}. Ctrl+Z or Undo brings them back.</source>
        <translation>{name} gelöscht. Strg+Z oder „Rückgängig“ holt die Person zurück.</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../journal/ui/people/person_editor.py" line="+64"/>
        <source>No keep-in-touch reminder</source>
        <translation>Keine Kontakt-Erinnerung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom…</source>
        <translation>Eigener Abstand…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{role} at {organisation}</source>
        <translation>{role} bei {organisation}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>since {date}</source>
        <translation>seit {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>former</source>
        <translation>früher</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  (archived)</source>
        <translation>  (archiviert)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Photo: set one from an image file, or clear it (saved with Save)</source>
        <translation>Foto: aus einer Bilddatei festlegen oder entfernen (wird mit „Speichern“ gespeichert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set photo from a file…</source>
        <translation>Foto aus einer Datei festlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placeholder (known only by a description)</source>
        <translation>Platzhalter (nur durch eine Beschreibung bekannt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what friends call them</source>
        <translation>wie Freunde sie nennen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is a correction, not a job change</source>
        <translation>Das ist eine Korrektur, kein Jobwechsel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off: a new organisation or role is a job change (the old job is kept in the career list and Today suggests reconnecting). On: the current job is corrected in place (a typo).</source>
        <translation>Aus: Eine neue Organisation oder Rolle ist ein Jobwechsel (der alte Job bleibt im Werdegang, und „Heute“ schlägt vor, dich wieder zu melden). An: Der aktuelle Job wird direkt korrigiert (ein Tippfehler).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>investor, mentor, …</source>
        <translation>Investorin, Mentor, …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nickna&amp;me</source>
        <translation>Spitzna&amp;me</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ro&amp;le</source>
        <translation>Ro&amp;lle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mails</source>
        <translation>&amp;E-Mails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phones</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;inkedIn</source>
        <translation>L&amp;inkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We&amp;bsite</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lo&amp;cation</source>
        <translation>O&amp;rt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How we me&amp;t</source>
        <translation>Kennengelernt &amp;bei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs</source>
        <translation>Schla&amp;gwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep in touch</source>
        <translation>&amp;Kontakt halten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter edits a job, Delete removes it</source>
        <translation>Eingabe bearbeitet einen Job, Entf entfernt ihn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add job…</source>
        <translation>Job hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Career</source>
        <translation>Werdegang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add date</source>
        <translation>Datum hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remind me of these dates: as Preferences say, always, or never</source>
        <translation>An diese Tage erinnern: wie in den Einstellungen, immer oder nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind me of these dates:</source>
        <translation>An diese Tage erinnern:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates that matter</source>
        <translation>Wichtige Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add address</source>
        <translation>Adresse hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add relation</source>
        <translation>Beziehung hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save changes (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard unsaved changes</source>
        <translation>Ungespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+323"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>Log conversation…</source>
        <translation>Gespräch festhalten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a conversation with this person (Ctrl+Shift+L)</source>
        <translation>Ein Gespräch mit dieser Person festhalten (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No one selected</source>
        <translation>Niemand ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a person in the list, or add one with Ctrl+Shift+N.</source>
        <translation>Wähle eine Person in der Liste oder füge eine mit Strg+Umschalt+N hinzu.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>no conversation yet</source>
        <translation>noch kein Gespräch</translation>
    </message>
    <message>
        <location line="-16"/>
        <source> at </source>
        <translation> bei </translation>
    </message>
    <message>
        <location line="-371"/>
        <source>As in Preferences</source>
        <translation>Wie in den Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind me</source>
        <translation>Erinnern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Don&apos;t remind me</source>
        <translation>Nicht erinnern</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Next steps, conversations, offers and job moves (Ctrl+Tab)</source>
        <translation>Nächste Schritte, Gespräche, Angebote und Jobwechsel (Strg+Tab)</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>formerly at {organisations}</source>
        <translation>früher bei {organisations}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>last conversation {date}</source>
        <translation>letztes Gespräch {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>you wrote</source>
        <translation>von dir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>they wrote</source>
        <translation>an dich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last e-mailed {date} ({who})</source>
        <translation>letzte E-Mail {date} ({who})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>next: {day}, {title}</source>
        <translation>nächster Termin: {day}, {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next: {day}</source>
        <translation>nächster Termin: {day}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last contact (a conversation or an e-mail): {date}</source>
        <translation>Letzter Kontakt (ein Gespräch oder eine E-Mail): {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contact yet</source>
        <translation>Noch kein Kontakt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next meeting in your calendar: {when} {title}</source>
        <translation>Nächster Termin in deinem Kalender: {when} {title}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (due now)</source>
        <translation> (jetzt fällig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>next due {date}</source>
        <translation>nächste Fälligkeit {date}</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Timeline ({n} open)</source>
        <translation>Verlauf ({n} offen)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose a photo</source>
        <translation>Ein Foto wählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set photo</source>
        <translation>Foto festlegen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file cannot be read: {reason}</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Add a job</source>
        <translation>Einen Job hinzufügen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit a job</source>
        <translation>Einen Job bearbeiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the job {job}</source>
        <translation>Job „{job}“ entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job removed. Ctrl+Z brings it back.</source>
        <translation>Job entfernt. Strg+Z holt ihn zurück.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add next step: {text}</source>
        <translation>Nächsten Schritt hinzufügen: {text}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done: next step</source>
        <translation>Erledigt: nächster Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen next step</source>
        <translation>Nächsten Schritt wieder öffnen</translation>
    </message>
</context>
<context>
    <name>PickDateDialog</name>
    <message>
        <location filename="../../journal/ui/today/snooze.py" line="+19"/>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Arrow keys move, Enter picks the day.</source>
        <translation>Pfeiltasten bewegen, Eingabe wählt den Tag.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../journal/ui/dialogs/preferences.py" line="+50"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Items with a date but no time remind you at this time of day.</source>
        <translation>Einträge mit Datum, aber ohne Uhrzeit erinnern dich zu dieser Tageszeit.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remind me of &amp;birthdays and dates that matter</source>
        <translation>An &amp;Geburtstage und wichtige Tage erinnern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For everyone who has not been set otherwise in their details; Today lists the dates either way.</source>
        <translation>Für alle, bei denen in den Details nichts anderes eingestellt ist; „Heute“ zeigt die Tage so oder so.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the day</source>
        <translation>Am Tag selbst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today&apos;s only</source>
        <translation>Nur heutige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days ahead</source>
        <translation> Tage im Voraus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Closing the window keeps the app in the system tray</source>
        <translation>&amp;Schließen des Fensters lässt die App im Infobereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This desktop has no system tray.</source>
        <translation>Dieser Desktop hat keinen Infobereich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start on &amp;login</source>
        <translation>Bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> daily backups</source>
        <translation> tägliche Sicherungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remind me of items without a time at:</source>
        <translation>An Einträge ohne Uhrzeit &amp;erinnern um:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;keep-in-touch cadence for new people:</source>
        <translation>Standard-&amp;Kontaktrhythmus für neue Personen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dates that matter</source>
        <translation>Wichtige Tage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remind me &amp;when:</source>
        <translation>&amp;Zeitpunkt der Erinnerung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show dates in Today &amp;up to:</source>
        <translation>In „Heute“ zeigen &amp;bis:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window and system</source>
        <translation>Fenster und System</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No system tray was found on this desktop: reminders show in the main window.</source>
        <translation>Auf diesem Desktop gibt es keinen Infobereich: Erinnerungen erscheinen im Hauptfenster.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep the newest:</source>
        <translation>Die &amp;neuesten behalten:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Start on login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not change the login entry: {error}</source>
        <translation>Der Anmeldeeintrag konnte nicht geändert werden: {error}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../journal/ui/dialogs/import_wizard.py" line="-217"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected duplicates:</source>
        <translation>Gewählte Duplikate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add as &amp;new</source>
        <translation>Als &amp;neu hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into match</source>
        <translation>Mit Treffer &amp;zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+27"/>
        <source>{file} read as {format}.</source>
        <translation>{file} gelesen als {format}.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Reading the file and comparing it with your journal…</source>
        <translation>Die Datei wird gelesen und mit deinem Journal verglichen…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This file cannot be imported: {error}</source>
        <translation>Diese Datei kann nicht importiert werden: {error}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Line {line} · {name}: {what}</source>
        <translation>Zeile {line} · {name}: {what}</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../journal/ui/security/privacy_page.py" line="+54"/>
        <source>Encryption needs the sqlcipher3 package, which is not installed here: pip install &apos;contact-journal[encryption]&apos;.</source>
        <translation>Für die Verschlüsselung ist das Paket sqlcipher3 nötig, das hier nicht installiert ist: pip install &apos;contact-journal[encryption]&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Encrypt the journal…</source>
        <translation>Journal &amp;verschlüsseln…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hange passphrase…</source>
        <translation>Passph&amp;rase ändern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Decrypt…</source>
        <translation>&amp;Entschlüsseln…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypt the &amp;backups…</source>
        <translation>&amp;Sicherungen verschlüsseln…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some backups are still unencrypted: encrypt them with the journal&apos;s passphrase.</source>
        <translation>Einige Sicherungen sind noch unverschlüsselt: Verschlüssle sie mit der Passphrase des Journals.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forget the remembered passphrase</source>
        <translation>Gemerkte Passphrase &amp;vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the passphrase out of this computer&apos;s keyring: the journal asks for it at the next start.</source>
        <translation>Die Passphrase aus dem Schlüsselbund dieses Computers entfernen: Das Journal fragt beim nächsten Start danach.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lock when the &amp;screen locks</source>
        <translation>Sperren, wenn der &amp;Bildschirm gesperrt wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reminders show &amp;what is due while locked</source>
        <translation>Erinnerungen zeigen im gesperrten Zustand, &amp;was fällig ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Otherwise a reminder says only how many items are due, such as “3 items due”.</source>
        <translation>Sonst nennt eine Erinnerung nur, wie viele Einträge fällig sind, etwa „3 Einträge fällig“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lock is there once the journal is encrypted.</source>
        <translation>Die Sperre steht zur Verfügung, sobald das Journal verschlüsselt ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock &amp;after:</source>
        <translation>S&amp;perren nach:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source> idle minute</source>
        <translation> Minute ohne Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> idle minutes</source>
        <translation> Minuten ohne Eingabe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The journal is encrypted, but some of its backups are not: encrypting was stopped before they were done. Encrypt the backups to finish it.</source>
        <translation>Das Journal ist verschlüsselt, einige seiner Sicherungen aber nicht: Das Verschlüsseln wurde abgebrochen, bevor sie fertig waren. Verschlüssle die Sicherungen, um es abzuschließen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The journal is encrypted: its file and its backups cannot be read without the passphrase.</source>
        <translation>Das Journal ist verschlüsselt: Seine Datei und seine Sicherungen lassen sich ohne die Passphrase nicht lesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal is not encrypted: anyone who can copy its file or a backup can read it.</source>
        <translation>Das Journal ist nicht verschlüsselt: Wer seine Datei oder eine Sicherung kopieren kann, kann es lesen.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Encrypting the journal</source>
        <translation>Journal wird verschlüsselt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The journal is encrypted.</source>
        <translation>Das Journal ist verschlüsselt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changing the passphrase</source>
        <translation>Passphrase wird geändert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The journal has its new passphrase.</source>
        <translation>Das Journal hat seine neue Passphrase.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encrypting the backups</source>
        <translation>Sicherungen werden verschlüsselt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every backup is encrypted now.</source>
        <translation>Alle Sicherungen sind jetzt verschlüsselt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decrypting the journal</source>
        <translation>Journal wird entschlüsselt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The journal is not encrypted any more.</source>
        <translation>Das Journal ist nicht mehr verschlüsselt.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The passphrase is no longer kept on this computer.</source>
        <translation>Die Passphrase ist nicht mehr auf diesem Computer gespeichert.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../journal/ui/security/conversion.py" line="-101"/>
        <source>Closing the journal…</source>
        <translation>Das Journal wird geschlossen…</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <location filename="../../journal/ui/tray/window_hooks.py" line="+15"/>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this message (Esc)</source>
        <translation>Diese Meldung ausblenden (Esc)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Due now: {title}</source>
        <translation>Jetzt fällig: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} items are due: </source>
        <translation>{n} Einträge sind fällig: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; and {n} more</source>
        <translation>; und {n} weitere</translation>
    </message>
</context>
<context>
    <name>ReminderNotifications</name>
    <message>
        <location filename="../../journal/desktop/notifications.py" line="+155"/>
        <source>1 item due</source>
        <translation>1 Eintrag fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} items due</source>
        <translation>{n} Einträge fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock {app} to see what.</source>
        <translation>Entsperre {app}, um zu sehen, was fällig ist.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../journal/ui/calendar/reschedule_dialog.py" line="+25"/>
        <location line="+10"/>
        <source>Reschedule</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>New date for &lt;b&gt;{title}&lt;/b&gt;:</source>
        <translation>Neues Datum für &lt;b&gt;{title}&lt;/b&gt;:</translation>
    </message>
</context>
<context>
    <name>ScanActions</name>
    <message>
        <location filename="../../journal/ui/scan/actions.py" line="+42"/>
        <source>Scan &amp;mail and calendars now</source>
        <translation>&amp;Mail und Kalender jetzt einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the headers of new mail and the calendars for contact with people in the journal</source>
        <translation>Die Kopfzeilen neuer Mails und die Kalender lesen, um Kontakt mit Personen aus dem Journal zu finden</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The scan could not run: {reason}</source>
        <translation>Einlesen nicht möglich: {reason}</translation>
    </message>
</context>
<context>
    <name>ScanStatus</name>
    <message>
        <location filename="../../journal/ui/scan/status.py" line="+21"/>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} people</source>
        <translation>{count} Personen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 meeting</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} meetings</source>
        <translation>{count} Termine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what}…</source>
        <translation>{what}…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+45"/>
        <source>Scanning mail and calendars…</source>
        <translation>Mail und Kalender werden eingelesen…</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Nothing to scan: add a calendar or a mailbox in Preferences &gt; Mail &amp; calendars.</source>
        <translation>Nichts einzulesen: Füge unter Einstellungen &gt; Mail &amp; Kalender einen Kalender oder ein Postfach hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E-mail with {people}</source>
        <translation>E-Mail mit {people}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No new e-mail with people in the journal</source>
        <translation>Keine neuen E-Mails mit Personen aus dem Journal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{source} could not be read</source>
        <translation>{source} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} sources could not be read</source>
        <translation>{count} Quellen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanning…</source>
        <translation>Einlesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan error: {reason}</source>
        <translation>Fehler beim Einlesen: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan: {source} could not be read</source>
        <translation>Einlesen: {source} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan: {count} sources could not be read</source>
        <translation>Einlesen: {count} Quellen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The scan could not run: {reason}</source>
        <translation>Einlesen nicht möglich: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{source}: {reason}</source>
        <translation>{source}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last scan {when}.</source>
        <translation>Zuletzt eingelesen um {when}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to see the sources (Preferences &gt; Mail &amp; calendars).</source>
        <translation>Klicken, um die Quellen zu sehen (Einstellungen &gt; Mail &amp; Kalender).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mail and calendar scan</source>
        <translation>Einlesen von Mail und Kalendern</translation>
    </message>
</context>
<context>
    <name>SearchPalette</name>
    <message>
        <location filename="../../journal/ui/search/palette.py" line="+30"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search people, conversations, introductions, next steps…</source>
        <translation>Personen, Gespräche, Vorstellungen, nächste Schritte durchsuchen…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Type to search. ↑↓ to choose, Enter to open, Esc to close.</source>
        <translation>Tippe, um zu suchen. ↑↓ wählt, Eingabe öffnet, Esc schließt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing matches “{text}”.</source>
        <translation>Nichts passt zu „{text}“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} result — Enter opens the highlighted one.</source>
        <translation>{n} Treffer — Eingabe öffnet den markierten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} results — Enter opens the highlighted one.</source>
        <translation>{n} Treffer — Eingabe öffnet den markierten.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>That kind of item cannot be shown yet.</source>
        <translation>Diese Art von Eintrag kann noch nicht angezeigt werden.</translation>
    </message>
    <message>
        <location filename="../../journal/ui/search/action.py" line="+29"/>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../../journal/ui/search/former.py" line="+50"/>
        <source>formerly at {organisation}</source>
        <translation>früher bei {organisation}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../journal/ui/search/results_model.py" line="+26"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introductions</source>
        <translation>Vorstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
</context>
<context>
    <name>SnoozeMenu</name>
    <message>
        <location filename="../../journal/ui/today/snooze.py" line="-21"/>
        <source>1 &amp;day</source>
        <translation>1 &amp;Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 &amp;week</source>
        <translation>1 &amp;Woche</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pick a date…</source>
        <translation>&amp;Datum wählen…</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../journal/ui/dialogs/import_wizard.py" line="-211"/>
        <location line="+46"/>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Choose what kind of file it is and where it is. Nothing changes until you confirm.</source>
        <translation>Wähle, welche Art Datei es ist und wo sie liegt. Nichts ändert sich, bevor du bestätigst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Path of the file to import</source>
        <translation>Pfad der zu importierenden Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>LinkedIn: Settings → Data privacy → Get a copy of your data → Connections.&lt;br&gt;Google: contacts.google.com → Export → Google CSV. Apple Contacts and Outlook: export as vCard.</source>
        <translation>LinkedIn: Einstellungen → Datenschutz → Kopie Ihrer Daten anfordern → Kontakte.&lt;br&gt;Google: contacts.google.com → Exportieren → Google CSV. Apple Kontakte und Outlook: als vCard exportieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outlook: File → Open &amp;amp; Export → Import/Export → Export to a file → Comma Separated Values.&lt;br&gt;Thunderbird: Address Book → Tools → Export → Comma Separated. Not sure? Choose Detect from the file.</source>
        <translation>Outlook: Datei → Öffnen &amp;amp; Exportieren → Importieren/Exportieren → In Datei exportieren → Kommagetrennte Werte.&lt;br&gt;Thunderbird: Adressbuch → Extras → Exportieren → Kommagetrennt. Nicht sicher? Wähle „Aus der Datei erkennen“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{path} is not a file.</source>
        <translation>{path} ist keine Datei.</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../journal/ui/scan/sources_page.py" line="+46"/>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mbox file</source>
        <translation>Mbox-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maildir folder</source>
        <translation>Maildir-Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP account</source>
        <translation>IMAP-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar on the sync server</source>
        <translation>Kalender auf dem Synchronisierungsserver</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Only the headers of messages are read (who wrote to whom, and when), never a subject or a body. Only the addresses of people already in the journal, and the dates, are kept; other addresses and subjects are never stored, except the title and place of a meeting with someone in the journal. Everything stays on this computer.</source>
        <translation>Von Nachrichten werden nur die Kopfzeilen gelesen (wer wem wann geschrieben hat), nie ein Betreff oder ein Text. Behalten werden nur die Adressen von Personen, die schon im Journal stehen, und die Datumsangaben; andere Adressen und Betreffzeilen werden nie gespeichert, außer Titel und Ort eines Termins mit jemandem aus dem Journal. Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>My e-mail addresses</source>
        <translation>Meine E-Mail-Adressen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>you@example.com, you@work.example.com</source>
        <translation>du@example.com, du@firma.example.com</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Addresses:</source>
        <translation>Ad&amp;ressen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail from these is mail you sent; they never count as someone in the journal.</source>
        <translation>Mails von diesen Adressen hast du gesendet; sie zählen nie als jemand aus dem Journal.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read contact from</source>
        <translation>Kontakt erkennen aus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sources: Space turns the current one off or on</source>
        <translation>Quellen: Leertaste schaltet die aktuelle aus oder ein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Sources:</source>
        <translation>&amp;Quellen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;calendar file…</source>
        <translation>&amp;Kalenderdatei hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An iCalendar (.ics) file, e.g. exported from your calendar</source>
        <translation>Eine iCalendar-Datei (.ics), z. B. aus deinem Kalender exportiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add m&amp;box file…</source>
        <translation>&amp;Mbox-Datei hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A mailbox file, as Thunderbird, mutt and Evolution keep them</source>
        <translation>Eine Postfachdatei, wie Thunderbird, mutt und Evolution sie anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add Mail&amp;dir folder…</source>
        <translation>Mail&amp;dir-Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder with cur/ and new/, as offlineimap, mbsync and mutt keep them</source>
        <translation>Ein Ordner mit cur/ und new/, wie offlineimap, mbsync und mutt ihn anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add IMA&amp;P account…</source>
        <translation>IMA&amp;P-Konto hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;the sync calendars</source>
        <translation>&amp;Synchronisierungskalender hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading it, and forget what it found (Delete in the list)</source>
        <translation>Nicht mehr lesen und vergessen, was darin gefunden wurde (Entf in der Liste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan no&amp;w</source>
        <translation>&amp;Jetzt einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read what is new in every source turned on (Ctrl+Shift+R)</source>
        <translation>Neues aus jeder eingeschalteten Quelle lesen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Forget what was scanned…</source>
        <translation>Eingelesene Daten &amp;vergessen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the e-mail contact, meetings and hints every scan found</source>
        <translation>E-Mail-Kontakt, Termine und Hinweise entfernen, die beim Einlesen gefunden wurden</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Read meetings from the calendars of {user} at {url} (read-only)</source>
        <translation>Termine aus den Kalendern von {user} auf {url} lesen (nur lesend)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a sync account in Preferences &gt; Accounts first</source>
        <translation>Füge zuerst unter Einstellungen &gt; Konten ein Synchronisierungskonto hinzu</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <location line="+38"/>
        <source>Error: {error}</source>
        <translation>Fehler: {error}</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Turned off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last scan {when}</source>
        <translation>Zuletzt eingelesen {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not scanned yet</source>
        <translation>Noch nicht eingelesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>found {what}</source>
        <translation>{what} gefunden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Turned off: not scanned until it is turned on again.</source>
        <translation>Ausgeschaltet: wird erst wieder eingelesen, wenn die Quelle eingeschaltet wird.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>today {time}</source>
        <translation>heute {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 person</source>
        <translation>1 Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} people</source>
        <translation>{count} Personen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 meeting</source>
        <translation>1 Termin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} meetings</source>
        <translation>{count} Termine</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No sources yet: add a calendar file, a mailbox or an IMAP account.</source>
        <translation>Noch keine Quellen: Füge eine Kalenderdatei, ein Postfach oder ein IMAP-Konto hinzu.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>{source} is read again: scanning it now.</source>
        <translation>{source} ist wieder eingeschaltet und wird jetzt eingelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} is turned off: it is not read until you turn it on.</source>
        <translation>{source} ist ausgeschaltet und wird nicht gelesen, bis du die Quelle wieder einschaltest.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Added {source}: scanning it now.</source>
        <translation>{source} hinzugefügt, wird jetzt eingelesen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add calendar file</source>
        <translation>Kalenderdatei hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics *.ical *.ifb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add mbox file</source>
        <translation>Mbox-Datei hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add Maildir folder</source>
        <translation>Maildir-Ordner hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>{path} is not a file.</source>
        <translation>{path} ist keine Datei.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} is not a folder.</source>
        <translation>{path} ist kein Ordner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} is not a Maildir folder: it has no cur or new folder.</source>
        <translation>{path} ist kein Maildir-Ordner: Er hat keinen Ordner cur oder new.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Asking the sync server for its calendars…</source>
        <translation>Der Synchronisierungsserver wird nach seinen Kalendern gefragt…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The sync server has no calendars with events.</source>
        <translation>Der Synchronisierungsserver hat keine Kalender mit Terminen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its calendars are in the list already.</source>
        <translation>Seine Kalender stehen schon in der Liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added {count} calendar(s) from the sync server: scanning them now.</source>
        <translation>{count} Kalender vom Synchronisierungsserver hinzugefügt, werden jetzt eingelesen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Remove source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading {source}, and forget the e-mail contact and meetings it found?</source>
        <translation>{source} nicht mehr lesen und den dort gefundenen E-Mail-Kontakt und die Termine vergessen?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Removed {source}.</source>
        <translation>{source} entfernt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forget what was scanned</source>
        <translation>Eingelesene Daten vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget everything the scans found: the e-mail contact, the meetings and the hints about introductions? What you logged or dismissed stays. The sources stay too, and the next scan reads those turned on again from the start: turn them off first to keep the journal clear of them.</source>
        <translation>Alles vergessen, was beim Einlesen gefunden wurde: den E-Mail-Kontakt, die Termine und die Hinweise auf Vorstellungen? Was du festgehalten oder ausgeblendet hast, bleibt. Auch die Quellen bleiben, und das nächste Einlesen liest die eingeschalteten wieder von vorn: Schalte sie vorher aus, damit das Journal frei von ihnen bleibt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Forgot what was scanned.</source>
        <translation>Die eingelesenen Daten wurden vergessen.</translation>
    </message>
</context>
<context>
    <name>StageCardsModel</name>
    <message>
        <location filename="../../journal/ui/introductions/cards.py" line="+22"/>
        <source>entered today</source>
        <translation>heute hinzugekommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} day in stage</source>
        <translation>{n} Tag in dieser Stufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days in stage</source>
        <translation>{n} Tage in dieser Stufe</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{introducer} offered to introduce you to {target}.</source>
        <translation>{introducer} hat angeboten, dich {target} vorzustellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage: {stage}</source>
        <translation>Stufe: {stage}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next: {step}</source>
        <translation>Als Nächstes: {step}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{introducer} to {target}, {days}</source>
        <translation>{introducer} an {target}, {days}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>overdue {n} day</source>
        <translation>{n} Tag überfällig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue {n} days</source>
        <translation>{n} Tage überfällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due {date}</source>
        <translation>fällig am {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done — thanked</source>
        <translation>Erledigt — bedankt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No next step</source>
        <translation>Kein nächster Schritt</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../journal/ui/introductions/introductions_view.py" line="-280"/>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduced</source>
        <translation>Vorgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met</source>
        <translation>Getroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thanked</source>
        <translation>Bedankt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined / lapsed</source>
        <translation>Abgelehnt / verfallen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for it</source>
        <translation>Darum bitten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting on them</source>
        <translation>Warten auf sie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reach out</source>
        <translation>Kontakt aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say thank you</source>
        <translation>Danke sagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{stage} introductions</source>
        <translation>Vorstellungen: {stage}</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../../journal/ui/dialogs/log_rows.py" line="+31"/>
        <source>what you will do, e.g. “Send her my CV”</source>
        <translation>was du tun wirst, z. B. „Ihr meinen Lebenslauf schicken“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>due</source>
        <translation>fällig</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../journal/ui/sync/actions.py" line="+40"/>
        <source>S&amp;ync now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send what changed here to the server and bring its changes in</source>
        <translation>Was sich hier geändert hat, zum Server schicken und seine Änderungen holen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync co&amp;nflicts…</source>
        <translation>Synchronisierungs&amp;konflikte…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields both sides changed: see what was kept, swap or dismiss</source>
        <translation>Felder, die beide Seiten geändert haben: sehen, was behalten wurde, tauschen oder verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;accounts…</source>
        <translation>Synchronisierungs&amp;konten…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Sync is not set up: add an account with File &gt; Sync accounts…</source>
        <translation>Synchronisierung ist nicht eingerichtet: Fügen Sie ein Konto unter Datei &gt; Synchronisierungskonten… hinzu</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../journal/ui/sync/status.py" line="+33"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced {when}</source>
        <translation>Synchronisiert {when}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline, trying again at {time}</source>
        <translation>Offline, neuer Versuch um {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>Sync error: {reason}</source>
        <translation>Synchronisierungsfehler: {reason}</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>{count} conflict(s) to review</source>
        <translation>{count} Konflikt(e) zu prüfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sync is not set up: add an account in Preferences &gt; Accounts.</source>
        <translation>Synchronisierung ist nicht eingerichtet: Fügen Sie ein Konto unter Einstellungen &gt; Konten hinzu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing with the server…</source>
        <translation>Synchronisiere mit dem Server…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything is synced with the server.</source>
        <translation>Alles ist mit dem Server synchronisiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: {reason}</source>
        <translation>Offline: {reason}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline.</source>
        <translation>Offline.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last synced {when}.</source>
        <translation>Zuletzt synchronisiert {when}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trying again at {time}.</source>
        <translation>Neuer Versuch um {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync now (F5) tries again.</source>
        <translation>Jetzt synchronisieren (F5) versucht es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(File &gt; Sync conflicts…)</source>
        <translation>(Datei &gt; Synchronisierungskonflikte…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to sync now.</source>
        <translation>Klicken, um jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>syncing</source>
        <translation>synchronisiere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synced {when}</source>
        <translation>synchronisiert {when}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>synced</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline ({reason})</source>
        <translation>offline ({reason})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sync error: {reason}</source>
        <translation>Synchronisierungsfehler: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sync state</source>
        <translation>Synchronisierungsstand</translation>
    </message>
</context>
<context>
    <name>TimelineList</name>
    <message>
        <location filename="../../journal/ui/widgets/timeline.py" line="+23"/>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer given</source>
        <translation>Angebot gemacht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer received</source>
        <translation>Angebot erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Career</source>
        <translation>Werdegang</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no date</source>
        <translation>ohne Datum</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue, </source>
        <translation>Überfällig, </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter opens it</source>
        <translation>Eingabe öffnet es</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; Space ticks it done</source>
        <translation>; Leertaste hakt es ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing yet. Log a conversation with them (Ctrl+N) or add a next step below.</source>
        <translation>Noch nichts. Halte ein Gespräch fest (Strg+N) oder füge unten einen nächsten Schritt hinzu.</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../journal/ui/today/today_model.py" line="+37"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days overdue</source>
        <translation>{n} Tage überfällig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>since today</source>
        <translation>seit heute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stage} · waiting {waiting}</source>
        <translation>{stage} · wartet {waiting}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind} · {day}</source>
        <translation>{kind} · {day}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{time} · {channel}</source>
        <translation>{time} · {channel}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{introducer} → {target}</source>
        <translation>{introducer} → {target}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previously at {organisation}</source>
        <translation>Zuvor bei {organisation}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New job</source>
        <translation>Neuer Job</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>C: draft a congratulation · D: dismiss · Enter: open {name}</source>
        <translation>C: Glückwunsch entwerfen · D: ausblenden · Eingabe: {name} öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C: write to {name} · D: done for this year · Enter: open</source>
        <translation>C: an {name} schreiben · D: für dieses Jahr erledigt · Eingabe: öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or L: log it · D or Delete: dismiss for good</source>
        <translation>Eingabe oder L: festhalten · D oder Entf: endgültig ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or L: {action} · D or Delete: dismiss for good</source>
        <translation>Eingabe oder L: {action} · D oder Entf: endgültig ausblenden</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Next: {detail}</source>
        <translation>Als Nächstes: {detail}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due {date}</source>
        <translation>Fällig {date}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>On {date}</source>
        <translation>Am {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noticed {date}</source>
        <translation>Bemerkt am {date}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seen in your calendar, {date}</source>
        <translation>In deinem Kalender gesehen, {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seen in your mail, {date}</source>
        <translation>In deinen Mails gesehen, {date}</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../journal/ui/today/today_view.py" line="+53"/>
        <source>&lt;h3&gt;Nothing needs you today&lt;/h3&gt;&lt;p&gt;Log a conversation with &lt;b&gt;Ctrl+N&lt;/b&gt;. The next steps you note, the introductions people offer and the keep-in-touch reminders you set show up here on the day they fall due.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Heute braucht dich nichts&lt;/h3&gt;&lt;p&gt;Halte ein Gespräch mit &lt;b&gt;Strg+N&lt;/b&gt; fest. Die nächsten Schritte, die du notierst, die Vorstellungen, die man dir anbietet, und die Kontakt-Erinnerungen, die du setzt, erscheinen hier an dem Tag, an dem sie fällig werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Introduced · waiting 30 days</source>
        <translation>Vorgestellt · wartet 30 Tage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>999 days overdue</source>
        <translation>999 Tage überfällig</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Log a conversation…</source>
        <translation>Gespräch festhalten…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+180"/>
        <source>Done  (D)</source>
        <translation>Erledigt  (D)</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Snooze  (S)</source>
        <translation>Zurückstellen  (S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Open  (Enter)</source>
        <translation>Öffnen  (Eingabe)</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Today — {day}</source>
        <translation>Heute — {day}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>All clear.</source>
        <translation>Alles erledigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} next step</source>
        <translation>{n} nächster Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} next steps</source>
        <translation>{n} nächste Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} introduction waiting</source>
        <translation>{n} Vorstellung wartet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} introductions waiting</source>
        <translation>{n} Vorstellungen warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} person to keep in touch with</source>
        <translation>{n} Person, mit der du in Kontakt bleiben willst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} people to keep in touch with</source>
        <translation>{n} Personen, mit denen du in Kontakt bleiben willst</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Done: {title}</source>
        <translation>Erledigt: {title}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title}: now {stage}. Ctrl+Z undoes it.</source>
        <translation>{title}: jetzt {stage}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done: {title}. Ctrl+Z undoes it.</source>
        <translation>Erledigt: {title}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Snooze until {day}: {title}</source>
        <translation>Zurückstellen bis {day}: {title}</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>In touch</source>
        <translation>In Kontakt</translation>
    </message>
    <message>
        <location line="-225"/>
        <location line="+174"/>
        <source>Congratulate…  (C)</source>
        <translation>Gratulieren…  (C)</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Draft a note to them in your mail app (C)</source>
        <translation>Eine Nachricht an die Person in deinem Mailprogramm entwerfen (C)</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>D / Space: done · S: snooze · 1: a day later · W: a week later · Enter: open · C: write</source>
        <translation>D / Leertaste: erledigt · S: zurückstellen · 1: einen Tag später · W: eine Woche später · Eingabe: öffnen · C: schreiben</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>{n} date that matters</source>
        <translation>{n} wichtiger Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} dates that matter</source>
        <translation>{n} wichtige Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} job change</source>
        <translation>{n} Jobwechsel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} job changes</source>
        <translation>{n} Jobwechsel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} suggestion</source>
        <translation>{n} Vorschlag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} suggestions</source>
        <translation>{n} Vorschläge</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{action}  (Enter)</source>
        <translation>{action}  (Eingabe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter or L</source>
        <translation>Eingabe oder L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send wishes…  (C)</source>
        <translation>Glückwünsche senden…  (C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter / L: log it · D / Delete: dismiss for good · Ctrl+Z: undo</source>
        <translation>Eingabe / L: festhalten · D / Entf: endgültig ausblenden · Strg+Z: rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter / L: {action} · D / Delete: dismiss for good · Ctrl+Z: undo</source>
        <translation>Eingabe / L: {action} · D / Entf: endgültig ausblenden · Strg+Z: rückgängig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log it…</source>
        <translation>Festhalten…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+79"/>
        <source>Dismiss: {title}</source>
        <translation>Ausblenden: {title}</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Dismissed: {title}. Ctrl+Z undoes it.</source>
        <translation>Ausgeblendet: {title}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done for this year: {title}. Ctrl+Z undoes it.</source>
        <translation>Für dieses Jahr erledigt: {title}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>them</source>
        <translation>ihnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You were in touch with {name}. Log the conversation?</source>
        <translation>Du warst mit {name} in Kontakt. Das Gespräch festhalten?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Logging it keeps notes and resets the reminder; “Just mark contacted” moves the reminder one cadence on without a note.</source>
        <translation>Festhalten bewahrt Notizen und setzt die Erinnerung zurück; „Nur als kontaktiert markieren“ schiebt die Erinnerung ohne Notiz einen Rhythmus weiter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Log conversation…</source>
        <translation>Gespräch &amp;festhalten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Just &amp;mark contacted</source>
        <translation>Nur als kontaktiert &amp;markieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In touch with {name}</source>
        <translation>In Kontakt mit {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Marked {name} as contacted; next reminder {day}.</source>
        <translation>{name} als kontaktiert markiert; nächste Erinnerung {day}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Logged a conversation with {name}.</source>
        <translation>Gespräch mit {name} festgehalten.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dismissed: {title}. Ctrl+Z brings it back.</source>
        <translation>Ausgeblendet: {title}. Strg+Z holt es zurück.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Logged your meeting with {names}. Ctrl+Z undoes it.</source>
        <translation>Dein Treffen mit {names} festgehalten. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{introducer} → {target}: {stage}</source>
        <translation>{introducer} → {target}: {stage}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{introducer} → {target}: now {stage}. Ctrl+Z undoes it.</source>
        <translation>{introducer} → {target}: jetzt {stage}. Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A suggestion has no day to snooze: log it (Enter) or dismiss it (D).</source>
        <translation>Ein Vorschlag hat keinen Tag zum Zurückstellen: halte ihn fest (Eingabe) oder blende ihn aus (D).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A date that matters comes back each year: mark it done (D) instead of snoozing it.</source>
        <translation>Ein wichtiger Tag kommt jedes Jahr wieder: markiere ihn als erledigt (D), statt ihn zurückzustellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A job change has no day to snooze: dismiss it (D) once you have been in touch.</source>
        <translation>Ein Jobwechsel hat keinen Tag zum Zurückstellen: blende ihn aus (D), sobald du in Kontakt warst.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Opened a note to {name} in your mail app; D marks it done.</source>
        <translation>Nachricht an {name} in deinem Mailprogramm geöffnet; D markiert den Eintrag als erledigt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Snoozed until {day}: {title}</source>
        <translation>Zurückgestellt bis {day}: {title}</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+77"/>
        <source>No view can show this item yet.</source>
        <translation>Noch keine Ansicht kann diesen Eintrag zeigen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dismiss for good</source>
        <translation>Endgültig ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open {name}</source>
        <translation>{name} öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send wishes…</source>
        <translation>Glückwünsche senden…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Congratulate…</source>
        <translation>Gratulieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../journal/ui/tray/controller.py" line="+95"/>
        <source>{n} due</source>
        <translation>{n} fällig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> ({n} overdue)</source>
        <translation> ({n} überfällig)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+31"/>
        <location line="+20"/>
        <source>Nothing due</source>
        <translation>Nichts fällig</translation>
    </message>
    <message>
        <location line="-48"/>
        <source> · reminders paused</source>
        <translation> · Erinnerungen pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · locked</source>
        <translation> · gesperrt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Log conversation…</source>
        <translation>Gespräch &amp;festhalten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due now ({n})</source>
        <translation>Jetzt fällig ({n})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} more in the calendar…</source>
        <translation>{n} weitere im Kalender…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Snooze all 1 hour</source>
        <translation>Alle 1 Stunde &amp;zurückstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>&amp;Pause reminders</source>
        <translation>Erinnerungen &amp;pausieren</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open {app}</source>
        <translation>{app} ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{app} is locked</source>
        <translation>{app} ist gesperrt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Unlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (overdue)</source>
        <translation> (überfällig)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Snooze 1 hour</source>
        <translation>1 Stunde &amp;zurückstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snooze until &amp;tomorrow</source>
        <translation>Bis &amp;morgen zurückstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A date that matters comes back each year: mark it done instead.</source>
        <translation>Ein wichtiger Tag kommt jedes Jahr wieder: markiere ihn stattdessen als erledigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Done: {title}</source>
        <translation>Erledigt: {title}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Snooze until tomorrow: {title}</source>
        <translation>Bis morgen zurückstellen: {title}</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>and {n} more</source>
        <translation>und {n} weitere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} items are due</source>
        <translation>{n} Einträge sind fällig</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../journal/ui/widgets/undo_bar.py" line="+19"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../journal/ui/security/unlock_dialog.py" line="+47"/>
        <source>Unlock the journal — {app}</source>
        <translation>Journal entsperren — {app}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;{name} is encrypted.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{name} ist verschlüsselt.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter its passphrase to open it.</source>
        <translation>Gib die Passphrase ein, um es zu öffnen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remember on this computer</source>
        <translation>Auf diesem Computer &amp;merken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the passphrase in this computer&apos;s keyring, so the journal opens without asking.</source>
        <translation>Die Passphrase im Schlüsselbund dieses Computers speichern, damit sich das Journal ohne Nachfrage öffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No keyring was found on this computer to keep it in.</source>
        <translation>Auf diesem Computer wurde kein Schlüsselbund gefunden, in dem sie gespeichert werden könnte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Type the passphrase first.</source>
        <translation>Gib zuerst die Passphrase ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking the passphrase…</source>
        <translation>Die Passphrase wird geprüft…</translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <location filename="../../journal/ui/today/week_chart.py" line="+33"/>
        <source>week of {day}: {n}</source>
        <translation>Woche vom {day}: {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversations per week: {total} in the last {weeks} weeks</source>
        <translation>Gespräche pro Woche: {total} in den letzten {weeks} Wochen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Conversations per week — {total} in {weeks} weeks</source>
        <translation>Gespräche pro Woche — {total} in {weeks} Wochen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No conversations logged yet</source>
        <translation>Noch keine Gespräche festgehalten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this week</source>
        <translation>diese Woche</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Week of {day}: {n} conversation(s)</source>
        <translation>Woche vom {day}: {n} Gespräch(e)</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <location filename="../../journal/ui/security/window_lock.py" line="+99"/>
        <source>Locked after a minute without input.</source>
        <translation>Nach einer Minute ohne Eingabe gesperrt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked after {n} minutes without input.</source>
        <translation>Nach {n} Minuten ohne Eingabe gesperrt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locked when the screen locked.</source>
        <translation>Gesperrt, als der Bildschirm gesperrt wurde.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Type the passphrase first.</source>
        <translation>Gib zuerst die Passphrase ein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>That is not the passphrase of this journal.</source>
        <translation>Das ist nicht die Passphrase dieses Journals.</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <location filename="../../journal/ui/dialogs/background.py" line="+37"/>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
</context>
</TS>
