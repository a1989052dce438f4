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
    <name>MainWindow</name>
    <message>
        <location line="+13"/>
        <source>&amp;About Contact Journal</source>
        <translation>Ü&amp;ber Contact Journal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
</TS>
