<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>diese Seite gibt es nicht</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>das Zugriffstoken des Kontos ist ungültig (widerrufen oder für einen anderen Server)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>die Seite gehört zu einem anderen Konto</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>der Inhalt überschreitet die 64-KiB-Grenze von Telegraph</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>Telegraph konnte die Seite nicht speichern (PAGE_SAVE_FAILED); versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>der Server lehnte ab: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>der Server ist nicht erreichbar (%1); nichts wurde geändert, Sie können es später erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>Telegraph bittet, vor der nächsten Änderung %n Sekunde zu warten</numerusform>
            <numerusform>Telegraph bittet, vor der nächsten Änderung %n Sekunden zu warten</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>Über Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>Seiten für Telegraph schreiben, in der Vorschau ansehen und veröffentlichen.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Freie Software unter der MIT-Lizenz.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Projektseite</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README und Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>Neues Telegraph-Konto</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>Konto importieren</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>z. B. blog (Buchstaben, Ziffern, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;Name in dieser App:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugriffs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>&amp;Autorenname:</translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation>Autoren-&amp;URL:</translation>
    </message>
</context>
<context>
    <name>tg::AccountManager</name>
    <message>
        <source>Another account operation is still running; try again when it is done.</source>
        <translation>Ein anderer Kontovorgang läuft noch; versuchen Sie es, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>Wählen Sie einen anderen Namen: %1 ist vergeben oder nicht erlaubt.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>Das Token von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>Das Konto wurde erstellt, aber sein Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>Das Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Das Konto konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Konto %1 erstellt.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>Geben Sie das Zugriffstoken des Kontos ein.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>Das Token wurde nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>Konto %1 importiert.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Wählen Sie zuerst ein Konto.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>Das Konto konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Konto %1 geändert.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>Kein Anmeldelink: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>der Server hat keinen gesendet</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>Der Anmeldelink wurde im Browser geöffnet (5 Minuten gültig).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>Das Token wurde nicht widerrufen: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>Das Token wurde widerrufen, aber das neue konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>Das Token von %1 wurde widerrufen und ersetzt.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 wurde von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>Das Konto wurde gewechselt, bevor seine Angaben eintrafen.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>Bei telegra.ph an&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>Token &amp;widerrufen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>Öffnet einen einmaligen Anmeldelink (5 Minuten gültig) im Browser</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — offline oder abgelehnt: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>Das Zugriffstoken von %1 widerrufen? Alle anderen Apps und Geräte, die es verwenden, verlieren den Zugriff; diese App arbeitet mit dem neuen Token weiter.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>%1 von diesem Computer entfernen? Das Konto und seine Seiten bleiben auf Telegraph erhalten; ohne das Token können Sie sie von hier aus nicht bearbeiten.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Gespeicherte Konten</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n Seite</numerusform>
            <numerusform>%1 — %n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>Konten der lokalen Sandbox können sich nicht bei telegra.ph anmelden</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>Konten können nicht gespeichert werden (%1). Starten Sie die App neu, um zu wählen, wo Tokens aufbewahrt werden.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>Einige Geheimnisse stehen noch in der Einstellungsdatei: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>%1 ist beschädigt (kein JSON-Objekt)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>„%1“ ist kein gültiger Kontoname (Buchstaben, Ziffern, „.“, „_“, „-“)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>Der Cache der Seitenliste %1 ist nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>Seitenliste &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>Aktualisierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>Konto &amp;sichern…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>Noch kein Telegraph-Konto: Legen Sie eines an oder importieren Sie Ihres mit seinem Zugriffstoken im Bereich „Konten“.</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>Gerade wird eine andere Seite geändert; versuchen Sie es, wenn das fertig ist.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>Wählen Sie zuerst ein Konto zum Sichern.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>Telegraph-Sicherung von %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>Wählen Sie einen Ordner für die Sicherung.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>%1 kann nicht angelegt werden: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>%1 kann nicht angelegt werden (keine Berechtigung?).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>%1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>Sicherung &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>Konto %1 sichern</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>Speichert alle Seiten von %1 im Ordner: pro Seite Markdown (HTML, wo Markdown etwas verlieren würde) und Knoten-JSON, einen Index mit Titeln, Links und Aufrufen sowie die Liste der Bildlinks. Eine unterbrochene Sicherung setzt dort fort, wo sie stehen blieb.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Fortschritt der Sicherung</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>In diesem Ordner liegt eine unterbrochene Sicherung; sie wird fortgesetzt (%n Seite bereits gespeichert).</numerusform>
            <numerusform>In diesem Ordner liegt eine unterbrochene Sicherung; sie wird fortgesetzt (%n Seiten bereits gespeichert).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>%n Seite zu sichern; es geht nach %1 bereits gespeicherten weiter.</numerusform>
            <numerusform>%n Seiten zu sichern; es geht nach %1 bereits gespeicherten weiter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>%n Seite zu sichern.</numerusform>
            <numerusform>%n Seiten zu sichern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>Seitenliste wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>Sicherung abgeschlossen: %n Seite</numerusform>
            <numerusform>Sicherung abgeschlossen: %n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (fortgesetzt: %n war schon gespeichert)</numerusform>
            <numerusform> (fortgesetzt: %n waren schon gespeichert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n Seite als HTML gespeichert, weil Markdown etwas verlieren würde.</numerusform>
            <numerusform>%n Seiten als HTML gespeichert, weil Markdown etwas verlieren würde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>Angehalten. %n Seite ist gespeichert; „Starten“ setzt die Sicherung fort.</numerusform>
            <numerusform>Angehalten. %n Seiten sind gespeichert; „Starten“ setzt die Sicherung fort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>Die Sicherung wurde unterbrochen: %1. Gespeichertes bleibt; „Starten“ setzt sie fort.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>%1 von %n Seite gespeichert (%2 aus dem früheren Lauf, %3 als HTML)…</numerusform>
            <numerusform>%1 von %n Seiten gespeichert (%2 aus dem früheren Lauf, %3 als HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>%1 von %n Seite gespeichert…</numerusform>
            <numerusform>%1 von %n Seiten gespeichert…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>Umwandlung</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>Kein Upload-Befehl konfiguriert</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>Der Upload-Befehl wurde nicht innerhalb von %1 s beendet</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>Der Upload-Befehl %1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>Der Upload-Befehl ist fehlgeschlagen (Exit-Code %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>Der Upload-Befehl hat in seiner letzten Zeile keine URL ausgegeben (erhalten: „%1“)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>Ein Bild wurde nicht hochgeladen: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Das Proxy-Passwort konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>Der Bild-Host in den Einstellungen ist nicht nutzbar (%1); Bilder gehen an den Telegraph-Upload, bis das unter Einstellungen → Bilder behoben ist.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Die lokale Sandbox konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — lokale Sandbox</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>Die Adresse der lokalen Sandbox konnte nicht gespeichert werden (%1): Nach einem Neustart werden ihre Seitenlinks und Bilder möglicherweise nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>Inhaltsgröße</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 von %2 KiB</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>Bereit zum Veröffentlichen</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>Vor dem Veröffentlichen noch %n Punkt zu erledigen</numerusform>
            <numerusform>Vor dem Veröffentlichen noch %n Punkte zu erledigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>Telegraph Desktop %1 ist verfügbar.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>Erhältlich unter %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>Die Suche nach Aktualisierungen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>Der Datenordner %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>Die App wurde beim letzten Mal nicht normal beendet. Im zuletzt gespeicherten Zustand wiederhergestellte Entwürfe: %n.</numerusform>
            <numerusform>Die App wurde beim letzten Mal nicht normal beendet. Im zuletzt gespeicherten Zustand wiederhergestellte Entwürfe: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Inhalt wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>der Text ist zu lang für eine Seite</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>Seite wird aktualisiert…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Veröffentlicht: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>Die Version konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>Seite wird unter einem privaten Link erstellt…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>Titel der Seite wird gesetzt…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>Die Seite wurde unter einem privaten Link erstellt, aber ihr Titel ist noch nicht gesetzt: %1. Veröffentlichen Sie erneut, um ihn zu setzen.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>Die Entwurfsdatenbank %1 wurde von einer neueren Version von Telegraph Desktop geschrieben, und diese Version kann sie nicht öffnen (%2). Die Datei wurde nicht verändert: Verwenden Sie die neuere Version, oder verschieben Sie die Datei, um mit einer leeren Datenbank zu beginnen.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>Die Entwurfsdatenbank %1 ist beschädigt und konnte nicht ersetzt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>Die Entwurfsdatenbank war beschädigt. Sie wurde nach %1 verschoben; %n Entwurf (Versionen: %2) wurde daraus in einer neuen Datenbank wiederhergestellt.</numerusform>
            <numerusform>Die Entwurfsdatenbank war beschädigt. Sie wurde nach %1 verschoben; %n Entwürfe (Versionen: %2) wurden daraus in einer neuen Datenbank wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>%n beschädigte Zeile konnte nicht gelesen werden.</numerusform>
            <numerusform>%n beschädigte Zeilen konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>Die Entwurfsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>Entwurf umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Autorenname</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>Autorenlink (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>Autorenlink</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Source format</source>
        <translation>Quellformat</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 ist keine Geheimnisdatei</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Für %1 ist kein Geheimnis gespeichert</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>F&amp;okusmodus</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>Fokusmodus verlassen</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>Nur der Editor, der gerade geschriebene Absatz hervorgehoben</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>sie ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>sie ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>sie ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>ihre „version“ ist nicht %1</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>„pages“ ist kein Objekt</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>„pages“ hat mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>„pages“ hat einen Eintrag, der kein relativer Dateipfad ist: „%1“</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>der Eintrag von „%1“ ist kein Objekt</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>der Eintrag von „%1“ hat ein „pending“, das kein Datum ist</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>der Eintrag von „%1“ hat keinen gültigen „path“</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>der Eintrag von „%1“ hat keine gültige „url“</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>der Eintrag von „%1“ hat einen „hash“, der kein SHA-256 ist</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>der Eintrag von „%1“ hat einen „content“, der kein SHA-256 ist</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>der Eintrag von „%1“ hat beschädigte Serienteile</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>„images“ ist kein Objekt</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>„images“ hat mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>„images“ hat einen Eintrag, der kein SHA-256 mit URL ist</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>Die Zuordnungsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>Die Zuordnungsdatei %1 ist beschädigt: %2. Sie wurde unverändert gelassen; reparieren Sie sie oder verschieben Sie sie (dann wird jede Seite neu erstellt).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>Die Zuordnungsdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>Zu groß: Serie</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>Es gibt keinen Ordner %1.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>Nur die ersten %1 Einträge des Ordners wurden betrachtet.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: ein Link auf einen Ordner, nicht verfolgt.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: tiefer als %2 Ordner verschachtelt, nicht gelesen.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: ein Ordnername, der nicht veröffentlicht werden kann, nicht gelesen.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>der Name enthält Zeichen, die nicht veröffentlicht werden können</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>ein Link auf eine Datei außerhalb des Ordners</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>größer als %1 MiB</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>mehr als %n Datei im Ordner</numerusform>
            <numerusform>mehr als %n Dateien im Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>die Dateien des Ordners überschreiten zusammen %1 MiB</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>kein UTF-8-Text</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: der Link auf %2 führt zu keiner Datei des Ordners.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: das Bild %2 ist keine Datei des Ordners.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: das Bild %2 ist größer als %3 MiB.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: das Bild %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>ein abgebrochener Lauf hat seine Seite vielleicht schon erstellt</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>auf Wunsch neu veröffentlicht</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>die Datei hat sich geändert</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>ihre Links oder Bilder haben sich geändert</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>die Datei ist weg</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>Ordner wird veröffentlicht</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Konto wird gelesen…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>Seiten eines abgebrochenen Laufs werden gesucht…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 muss hochgeladen werden, aber kein Bild-Host ist eingerichtet</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 wird hochgeladen…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>Seite von %1 wird erstellt…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>Diese Serie wird veröffentlicht.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>Seite von %1 wird aktualisiert…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Dieser Teil der Serie wird veröffentlicht.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>Teil %1 von %2 von %3 wird erstellt…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>Inhaltsseite von %1 wird veröffentlicht…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>Teil %1 von %2 von %3 wird verlinkt…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Dieser Teil gehört nicht mehr zur Serie.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>Seite von %1 wird als entfernt markiert…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>Diese Seite wurde entfernt; ihre Datei wird nicht mehr veröffentlicht.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>Der Ordner wurde nicht vollständig veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Ordner veröffentlicht: %1 erstellt, %2 aktualisiert, %3 unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>%n Datei konnte nicht veröffentlicht werden: %1</numerusform>
            <numerusform>%n Dateien konnten nicht veröffentlicht werden: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>Einige Bytes sind kein gültiges %1 und wurden durch � ersetzt.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>Der Content-Type nennt die unbekannte Kodierung „%1“; sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>Das Dokument gibt die unbekannte Kodierung „%1“ an; es wurde als UTF-8 gelesen, sofern gültig, sonst als windows-1252.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>Das Dokument nennt keine Kodierung und ist kein gültiges UTF-8; es wurde als %1 gelesen.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>einer Upload-Antwort</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>Die Adresse des Bild-Hosts ist nicht nutzbar: %1 (Schlüssel und Bilder würden im Klartext gesendet)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>Der Schlüssel des Bild-Hosts liegt im Schlüsselbund, der noch nicht verfügbar ist</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>Der Schlüssel des Bild-Hosts liegt im Schlüsselbund, der nicht verfügbar ist</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>Der Wert von %1 für den Bild-Host konnte nicht gelesen werden (Speicher: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>Der gespeicherte Wert von %1 für den Bild-Host enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>%1 hat den Upload abgelehnt (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>%1 hat statt der Bild-URL mit einer HTML-Seite geantwortet (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>%1 hat statt der Bild-URL eine leere Antwort gesendet (HTTP %2)</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>Die Antwort von %1 enthält unter „%2“ keine URL: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>%1 hat mit Text geantwortet, nicht mit dem JSON, in dem die URL unter „%2“ erwartet wird: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>%1 hat mit etwas geantwortet, das keine Bild-URL ist: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>Bild-Uploads wiederholen</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>Bild per URL einfügen…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>%1 wird hochgeladen… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>Eingefügtes Bild wird hochgeladen… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>Bild per URL einfügen</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>Bild-URL (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 ist keine http- oder https-Adresse.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Upload fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>Lesen nicht möglich: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 ist größer als das Limit des Hosts von %2</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>keine JPEG-, PNG-, GIF-, WebP- oder MP4-Datei (anhand des Inhalts geprüft)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>dieser Host akzeptiert %1 nicht (akzeptiert: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>Die Upload-URL muss eine vollständige Adresse sein, die mit http:// oder https:// beginnt.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>Der Name des Dateifelds ist leer.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>Die Kopfzeile „%1“ hat nicht die Form „Name: Wert“.</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>Die Formularfeld-Zeile „%1“ hat nicht die Form „name=wert“.</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>Der Upload-Befehl ist leer.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>Der Befehl „%1“ wurde nicht gefunden oder ist nicht ausführbar.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>Die Upload-URL muss mit https:// beginnen (einfaches http:// nur für diesen Computer: localhost oder 127.0.0.1), damit Schlüssel und Bilder nicht im Klartext gesendet werden.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>Kostenlos, kein Konto nötig; Dateien bleiben, bis sie entfernt werden. Tragen Sie Ihren User-Hash von catbox.moe nach userhash= ein, um die Uploads in Ihrem Konto wiederzufinden (wird im Schlüsselbund aufbewahrt).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>Benötigt einen kostenlosen API-Schlüssel von api.imgbb.com: Tragen Sie ihn nach key= ein (er wird im Schlüsselbund aufbewahrt und im Formular gesendet, nicht in der Adresse). Chevereto-Seiten antworten genauso.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>Kein Konto nötig; Dateien verfallen nach einer Zeit, die von ihrer Größe abhängt.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>%1 benötigt einen Wert für das Formularfeld „%2“: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>Bild-Host-Voreinstellung</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>%1 kann nicht hochgeladen werden: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>Kein Bild-Host eingerichtet.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>Das eingefügte Bild konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>Das eingefügte Bild konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar (%1)</translation>
    </message>
</context>
<context>
    <name>tg::LayoutMode</name>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>Write: the editor and the preview, with the drafts</source>
        <translation>Schreiben: Editor und Vorschau, mit den Entwürfen</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothek</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>Bibliothek: die Seiten, ihre Statistik und die Konten</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>Link kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>Es konnte kein Webbrowser gestartet werden, um diesen Link zu öffnen:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>Kopieren Sie den Link und öffnen Sie ihn selbst in einem Browser.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
</context>
<context>
    <name>tg::MainWindow</name>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>Als sauberer Telegraph-Inhalt eingefügt.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>Eingefügt; der Import hat Folgendes geändert: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Neuer Entwurf</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>Seite ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Seite öffnen</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>Seiten-URL oder Pfad:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Entwurf gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>&amp;Veröffentlichen / aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>Ve&amp;rsionen…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Suchen und &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Fett</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Kursiv</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>Ü&amp;berschrift</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>&amp;Unterüberschrift</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>Li&amp;ste</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>Code&amp;block</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>&amp;Dunkle Vorschau</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown oder HTML (*.md *.markdown *.txt *.html *.htm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;Telegraph-Knoten (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>&amp;Als Serie veröffentlichen</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>Das HTML wurde an das angepasst, was Telegraph akzeptiert: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>Eingefügter Inhalt wird umgewandelt…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>Der eingefügte Text sieht nach Markdown aus, aber dieser Entwurf ist in HTML geschrieben: Seine Auszeichnungen erscheinen so, wie sie getippt wurden.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>Zu Markdown wechseln</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>In der lokalen Sandbox &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>In der lokalen Sandbox als %1 &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>Als %1 &amp;veröffentlichen</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>Bilder können nicht hochgeladen werden: Kein Bild-Host eingerichtet.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Der Text bleibt in der App erhalten; speichern Sie ihn mit Datei → Exportieren… an einem anderen Ort.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 existiert nicht mehr; die Datei wurde aus den zuletzt geöffneten Dateien entfernt.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>&amp;Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>Entwurf in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Bi&amp;ld einfügen…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Alles a&amp;uswählen</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>&amp;Über Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>Zum Veröffentlichen eines Ordners wird ein Server benötigt: wählen Sie zuerst einen.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>Der Bild-Host in den Einstellungen ist nicht nutzbar (%1); lokale Bilder des Ordners können erst hochgeladen werden, wenn er unter Einstellungen → Bilder korrigiert ist.</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>&amp;Ordner veröffentlichen…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>&amp;Überall suchen…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Ne&amp;u aus Vorlage…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>Entwurf als Vorla&amp;ge speichern…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>Wortziel &amp;festlegen…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Für %1 ist kein Geheimnis gespeichert</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>Abbrechen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph bittet zu warten: Es geht in %n Sekunde weiter. Sie können weiterschreiben.</numerusform>
            <numerusform>Telegraph bittet zu warten: Es geht in %n Sekunden weiter. Sie können weiterschreiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>Aktion zur Meldung</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>Dies ist keine Datei.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>Nur Seiten auf telegra.ph, graph.org und te.legra.ph können geöffnet werden.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>Diese Adresse verweist auf keine Seite.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>Nichts zu öffnen.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>Die Adresse ist ungültig.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>Dateien auf anderen Computern können nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>Diese Art von Adresse kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>Nur Markdown- (.md, .markdown) und HTML-Dateien (.html, .htm) können geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>Seite öffnen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>%1 als Markdown geöffnet.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>%1 als HTML geöffnet: Markdown würde etwas verlieren (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>Die Seite konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Im B&amp;rowser öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>Veröffentlichung &amp;zurückziehen…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>Nach Titel, Pfad oder Beschreibung filtern</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>Seiten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>Aktualisierung abgebrochen.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>Seiten filtern</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>Fortschritt der Seitenlisten-Aktualisierung</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>Das Rechtschreibwörterbuch %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>„%1“ kann nicht zum Rechtschreibwörterbuch hinzugefügt werden: Es ist kein Wort.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>Das Rechtschreibwörterbuch ist voll (%1 Wörter); „%2“ wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>„%1“ konnte nicht zum Rechtschreibwörterbuch %2 hinzugefügt werden: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>die Datei ist voll</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>Das Vorschaumodul ist nicht installiert (gesucht wurde %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>Das Vorschaumodul hat eine andere Version als die App.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>Die Vorschau startet gleich…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>Die Vorschau konnte nicht gestartet werden.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>Externe Bilder in der Vorschau &amp;laden</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>Ob die Vorschau dieses Entwurfs beim Schreiben Bilder aus dem Web lädt; die Wahl wird mit dem Entwurf gespeichert.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>Externes Bild nicht geladen:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>&amp;Privater Link bei erster Veröffentlichung</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>Die Seite zuerst unter einem zufälligen Titel veröffentlichen, damit ihr Link nicht aus dem Titel erraten werden kann; der echte Titel wird direkt danach gesetzt.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>Privater Link</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>Kein Server konfiguriert: Wählen Sie einen in den Einstellungen.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>Das Veröffentlichen läuft bereits.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>Nicht veröffentlicht: Ein Bild wird noch hochgeladen oder sein Upload ist fehlgeschlagen. Warten Sie darauf, wiederholen Sie den Upload oder entfernen Sie das Bild.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>Dieser Text ist zu lang für eine Seite. Als Serie veröffentlichen: an Überschriften aufgeteilte, miteinander verlinkte Teile mit einer Inhaltsseite?</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>Es wird bereits eine Seite geöffnet.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>Ihr Entwurf von %1 wurde geöffnet.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(ohne Text)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>Noch nicht veröffentlicht: %n Link hat keine Adresse: %1. Tragen Sie sie ein oder veröffentlichen Sie den Link so, wie er ist.</numerusform>
            <numerusform>Noch nicht veröffentlicht: %n Links haben keine Adresse: %1. Tragen Sie sie ein oder veröffentlichen Sie die Links so, wie sie sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Trotzdem veröffentlichen</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>Jede Seite neu ve&amp;röffentlichen, auch unveränderte</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>Seiten gelöschter Dateien als entfernt &amp;markieren</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Ordner veröffentlichen</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>Jede Markdown- und HTML-Datei des Ordners wird eine Seite; Links zwischen den Dateien werden Links zwischen den Seiten, und lokale Bilder werden einmal hochgeladen. Die Datei .telegraph.json des Ordners merkt sich die Seiten, sodass erneutes Veröffentlichen nur Geändertes aktualisiert.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>Zu veröffentlichender Ordner</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>Was die Veröffentlichung mit jeder Datei macht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>Fortschritt der Veröffentlichung</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>Zu veröffentlichender Ordner</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>Wählen Sie einen Ordner mit Markdown- oder HTML-Dateien.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Ordner wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n zu erstellen</numerusform>
            <numerusform>%n zu erstellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n zu aktualisieren</numerusform>
            <numerusform>%n zu aktualisieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n zu groß, als Serie</numerusform>
            <numerusform>%n zu groß, als Serie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unverändert</numerusform>
            <numerusform>%n unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n Warnung: %1</numerusform>
            <numerusform>%n Warnungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>Flood-Kontrolle: neuer Versuch in %n Sekunde…</numerusform>
            <numerusform>Flood-Kontrolle: neuer Versuch in %n Sekunden…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>Telegram zeigt in Instant View und in Linkvorschauen möglicherweise noch eine Weile die alte Version. Um eine Linkvorschau zu aktualisieren, senden Sie den Link an @WebpageBot.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>Nicht mehr anzeigen</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>Die Antwort des Servers ist ungültig: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Diese Version wiederherstellen</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>Noch keine Versionen: Bei jedem Veröffentlichen oder Aktualisieren der Seite wird eine gespeichert.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>Anderen Datenordner wählen…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>Text als Datei speichern…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>Ihr Text ist nicht gespeichert: In die Entwurfsdatenbank %1 kann nicht geschrieben werden (%2). Er wird im Speicher gehalten, und das Speichern wird automatisch wiederholt. Geben Sie Speicherplatz frei oder korrigieren Sie die Zugriffsrechte der Datei, wählen Sie einen anderen Datenordner, oder speichern Sie den Text als Datei.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Entwurf ohne Titel</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>Der Text kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>Text als Datei speichern</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>Entwürfe können nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>Anderen Datenordner wählen</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>Text nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>%n Entwurf konnte nicht in %1 gespeichert werden (%2). Speichern Sie den Text vor dem Beenden als Datei, sonst geht er verloren.</numerusform>
            <numerusform>%n Entwürfe konnten nicht in %1 gespeichert werden (%2). Speichern Sie den Text vor dem Beenden als Datei, sonst geht er verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>Als Datei speichern…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>Überall suchen</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>Entwürfe, Revisionen und Seiten durchsuchen</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>Tippen Sie, um die Entwürfe, ihre Revisionen und die Seiten jedes Kontos zu durchsuchen.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>Entwurf, bearbeitet %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>Revision, veröffentlicht %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>Seite von %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>Seite von %1 auf %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>Die Suche ist nicht verfügbar: SQLite dieses Systems hat keine Volltextsuche (FTS5). Die Entwürfe sind nicht betroffen.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>Keine Treffer für „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n Ergebnis.</numerusform>
            <numerusform>%n Ergebnisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>Dieser Entwurf existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>kein Schlüsselbund konfiguriert</translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation>kein Secret Service aktiv</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation>Tokens nur für diese Sitzung behalten (sie werden beim Beenden der App vergessen)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>Tokens in einer nur für mich lesbaren Datei (0600) speichern, unverschlüsselt:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>Der Schlüsselbund des Systems kann Ihre Telegraph-Zugriffstokens nicht speichern (%1). Wählen Sie, wie sie aufbewahrt werden sollen:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>Veröffentlichung der Serie</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>der Titel ist leer</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Inhalt wird vorbereitet…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Dieser Teil der Serie wird gerade veröffentlicht.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>Teil %1 von %2 wird erstellt…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>Inhaltsseite wird veröffentlicht…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>Teil %1 von %2 wird verlinkt…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Dieser Teil gehört nicht mehr zur Serie.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>Die Serie wurde nicht vollständig veröffentlicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>Als Serie aus %n Teil veröffentlicht: %1</numerusform>
            <numerusform>Als Serie aus %n Teilen veröffentlicht: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>Das Seitenlimit ist zu klein für die Navigation der Serie.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>Ein Block (%1 Bytes) ist größer als eine ganze Seite; teilen Sie ihn in kleinere Absätze auf.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← Vorheriger Teil</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>Nächster Teil →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (Teil %2 von %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>Einstellungen gespeichert. Neuer Server und neue Sprache gelten nach einem Neustart.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>Einstellungen gespeichert. Der neue Server gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>Einstellungen gespeichert. Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Benutzerdefinierte URL</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>Lokale Sandbox (offline)</translation>
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
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation>Benutzerdefinierte API-URL:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>Standard-Autorenname:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>Standard-Autorenlink:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Editor-Schriftart:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Schriftgröße:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>Vorschau-Design:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>Speichern nach Ende der Eingabe:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Bilder</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>&amp;Sprache &amp;&amp; Aktualisierungen</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>Ein neuer Server gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>Autorname und -link des aktuellen Kontos haben Vorrang.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>Telegraph-Upload (veraltet)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>HTTP-Upload (Multipart-Formular)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>Befehl (PicGo, ein Skript…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>telegra.ph lehnt Uploads seit September 2024 ab: Damit schlagen abgelegte Bilder fehl und behalten ihre lokale Datei. Die lokale Sandbox nimmt sie weiterhin an. Wählen Sie einen anderen Host, um Bilder auf telegra.ph zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>Upload-URL:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>Name des Dateifelds:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>Kopfzeilen (Name: Wert):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>Formularfelder (name=wert):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>URL in der Antwort:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>Läuft mit dem Pfad des Bildes anstelle von {file} (am Ende angehängt, wenn es fehlt); die letzte ausgegebene Zeile muss die Bild-URL sein.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>Bilder hochladen zu:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>Zeitlimit pro Bild:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Kopfzeilen</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>Beim Start der App nach einer neuen Version suchen</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>URL des Versions-Feeds:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>Die App meldet nur eine neue Version; sie lädt und installiert nie etwas. Aus, bis Sie es einschalten.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>Die eigene API-URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>Die URL des Versions-Feeds muss mit https:// beginnen (http:// nur auf diesem Computer).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>Ein Proxy-Passwort (http://user:password@host:port) wird im Schlüsselbund aufbewahrt, nicht in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>Wo die Bild-URL in der JSON-Antwort steht, als Punktpfad (data.url, 0.src) oder JSON Pointer (/data/url); leer, wenn die Antwort selbst die URL ist. Werte von Kopfzeilen sowie Formularfelder mit Namen wie key, token, secret oder password werden im Schlüsselbund aufbewahrt; die Einstellungsdatei zeigt an ihrer Stelle „%1“.</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>New drafts are written in:</source>
        <translation>Format neuer Entwürfe:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>das Proxy-Passwort</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>der Wert %1 des Bild-Hosts</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>%1 kann nicht aufbewahrt werden: Es wurde weder ein Schlüsselbund noch eine Token-Datei für Geheimnisse gewählt.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>der zurückgelesene Wert weicht ab</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>%1 kann nicht aufbewahrt werden (Speicher: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 bleibt in der Einstellungsdatei: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 bleibt in der Einstellungsdatei: Das Zurücklesen aus dem Schlüsselbund ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>der Wert weicht ab</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>Es wurde noch kein Ort zum Aufbewahren von Geheimnissen gewählt</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Für %1 ist kein Geheimnis gespeichert</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>eine andere Instanz läuft bereits</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>Artikelquelle</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>In Markdown oder HTML schreiben…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>fett</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>kursiv</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>Linktext</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Unterüberschrift</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>item</source>
        <translation>Eintrag</translation>
    </message>
</context>
<context>
    <name>tg::SpellChecker</name>
    <message>
        <source>The %1 spelling dictionary cannot be read: %2 is missing or not readable.</source>
        <translation>Das Rechtschreibwörterbuch für %1 kann nicht gelesen werden: %2 fehlt oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>Das Rechtschreibwörterbuch für %1 verwendet die Kodierung %2, die diese App nicht umwandeln kann.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>Die Rechtschreibprüfung ist nicht verfügbar: Dieser Build der App enthält kein Hunspell (%1 wurde nicht geladen).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>Rechtschrei&amp;bung</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>Rechtschreibung während der Eingabe &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;Nächster Rechtschreibfehler</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>Die Rechtschreibprüfung ist nicht verfügbar: Dieser Build der App enthält kein Hunspell.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>Kein Rechtschreibwörterbuch für %1 installiert; installieren Sie %2, um die Rechtschreibung zu prüfen.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>Zum Wörterbuch &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorieren</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;Standard: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (nicht installiert)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>Keine Wörterbücher installiert (Debian: hunspell-en-us, hunspell-ru, …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1, %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: nicht geladen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln Aufruf</numerusform>
            <numerusform>%1: %Ln Aufrufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Letzte 48 Stunden</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>Letzte 24 Monate</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>Aufrufe exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>Wählen Sie eine Seite aus, um ihre Aufrufe zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>Die Aufrufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>Es gibt noch keine Zahlen zum Exportieren.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>Keine Seiten geladen.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>Meistgelesene Seiten</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln Aufruf in diesem Zeitraum</numerusform>
            <numerusform>%Ln Aufrufe in diesem Zeitraum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>%Ln insgesamt</numerusform>
            <numerusform>%Ln insgesamt</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>Konto: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln Aufruf</numerusform>
            <numerusform>%Ln Aufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln geladene Seite</numerusform>
            <numerusform>%Ln geladene Seiten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>Der Kurzname</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>Kein Zugriffstoken festgelegt</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>Unbekanntes Kontofeld „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>Der Seitenpfad ist erforderlich</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>Der Offset darf nicht negativ sein</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>Das Limit muss zwischen 0 und 200 liegen</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>Das Jahr muss zwischen 2000 und 2100 liegen</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>Der Monat muss zwischen 1 und 12 liegen</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>Der Tag muss zwischen 1 und 31 liegen</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>Die Stunde muss zwischen 0 und 23 liegen</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>Ein Monat erfordert ein Jahr</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>Ein Tag erfordert einen Monat</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>Eine Stunde erfordert einen Tag</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>„%1“ ist kein Methodenname</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>Die Parameter sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>Keine Antwort vom Server innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>Sichere Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>Der Server hat das HTTP-Protokoll verletzt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>Die Antwort des Servers wurde abgeschnitten (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>Der Server hat eine HTML-Seite (HTTP %1) statt %2 gesendet</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>Der Server ist mit HTTP %1 gescheitert, statt mit %2 zu antworten</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>Der Server hat eine leere Antwort (HTTP %1) statt %2 gesendet</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>Der Server hat eine fehlerhafte oder abgeschnittene Antwort (HTTP %1) statt %2 gesendet</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>einem JSON-Umschlag</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 ist erforderlich</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1 ist %2 Zeichen lang; höchstens %3 sind erlaubt</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>Der Autorenname</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>Die Autoren-URL</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>Der Server hat die Anfrage auf einen anderen Host umgeleitet (%1); der Umleitung wurde nicht gefolgt, daher bleiben das Zugriffstoken und die mitgesendeten Schlüssel bei %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>Die Antwort des Servers ist größer als das Limit von %1 und wurde abgeschnitten</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>Der Server hat die Anfrage zu oft umgeleitet</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>Der Upload wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>einer Upload-Antwort</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>Der Entwurf aus der Vorlage „%1“ konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>Neuer Entwurf aus der Vorlage „%1“.</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>Entwurf als Vorlage speichern</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Name der neuen Vorlage:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>Nicht als Vorlage gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>Als Vorlage „%1“ gespeichert: Datei → Neu aus Vorlage… beginnt damit einen neuen Entwurf.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Neu aus Vorlage</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>Entwurf &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integriert)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>Eine Ihrer Vorlagen.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titel: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>In HTML geschrieben.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>In Markdown geschrieben.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Vorlage umbenennen</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Neuer Name der Vorlage:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>Die Vorlage „%1“ löschen? Daraus erstellte Entwürfe bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>Ein Einleitungsabsatz, Abschnitte mit Überschriften, eine Liste und ein Zitat.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Ankündigung</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>Was geschieht, was sich ändert, wann und wo, und was zu tun ist.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>Neue Funktionen, Verbesserungen, Fehlerbehebungen und Upgrade-Hinweise eines Releases.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>Die Vorlage braucht einen Namen.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>Der Vorlagenname ist zu lang: %1 Zeichen, höchstens %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>Der Vorlagenname darf keine Zeilenumbrüche oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>Eine Vorlage namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>Der Text ist für eine Vorlage zu lang: %1 KiB, höchstens %2 KiB.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>Der Entwurf enthält keinen Text, der als Vorlage gespeichert werden könnte.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>Der Text ist für eine Vorlage zu lang: Sein Seiteninhalt belegt %1 KiB, eine Seite fasst höchstens %2 KiB.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>Vorlagen können nicht gespeichert werden: Die Entwurfsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>Es gibt bereits %1 Vorlagen, mehr sind nicht möglich: Löschen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Die Vorlage konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>Integrierte Vorlagen können nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>Vorlagen können nicht geändert werden: Die Entwurfsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>Die Vorlage konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>Integrierte Vorlagen können nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>Die Vorlage konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Schreibmaschinen&amp;modus</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>Die gerade geschriebene Zeile in der Mitte des Editors halten</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>Veröffentlichung zurückziehen</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>Den Inhalt von „%1“ (%2) durch diesen Hinweis ersetzen? Telegraph kann keine Seiten löschen; die Seite bleibt unter ihrer Adresse und zeigt nur den Hinweis.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>Der jetzige Inhalt bleibt auf diesem Computer als Version des Seitenentwurfs erhalten: Datei → Versionen… stellt ihn wieder her und veröffentlicht ihn erneut.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>Hinweis anstelle des Inhalts</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;Zurückziehen</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Zurückziehen</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>Diese Seite wurde von ihrem Autor zurückgezogen.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>Keine Seite zum Zurückziehen angegeben.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>Schreiben Sie den Hinweis, den die Seite anstelle ihres Inhalts zeigen soll.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>%1 wird abgerufen, um den Inhalt zu bewahren…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>%1 wurde nicht zurückgezogen und ist unverändert: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>%1 wurde nicht zurückgezogen und ist unverändert: Der Inhalt konnte nicht in der Entwurfsdatenbank gespeichert werden.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>Der Inhalt von %1 wird durch den Hinweis ersetzt…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>%1 ist zurückgezogen. Der Inhalt bleibt im Entwurf „%2“ erhalten: Datei → Versionen… stellt ihn wieder her.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>%1 wurde nicht zurückgezogen und ist unverändert (der Inhalt ist trotzdem als lokale Version gespeichert): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>Es gibt keine gespeicherte Version %1 einer veröffentlichten Seite.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>Der gespeicherte Inhalt von %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>Der gespeicherte Inhalt von %1 wird erneut veröffentlicht…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 ist wieder veröffentlicht.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 wurde nicht erneut veröffentlicht: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>Der Hinweis ist %n Zeichen lang; erlaubt sind höchstens %1.</numerusform>
            <numerusform>Der Hinweis ist %n Zeichen lang; erlaubt sind höchstens %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>Der Update-Feed ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>Der Update-Feed ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>Der Update-Feed enthält keine gültige Version.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>Der Update-Feed enthält eine ungültige Release-Adresse.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>Die Update-Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>Der Update-Feed ist zu groß.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>Der Update-Feed hat mit HTTP-Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>Der Update-Feed hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>Der Update-Feed ist nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>Benutzerhandbuch für Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>In diesem Build fehlt das Benutzerhandbuch.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>Titel ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Der Titel ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
            <numerusform>Der Titel ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Der Autorenname ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
            <numerusform>Der Autorenname ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Die Autoren-URL ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
            <numerusform>Die Autoren-URL ist %n Zeichen lang; Telegraph erlaubt höchstens %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>Inhalt ist erforderlich.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>Der Inhalt ist %n Byte groß; Telegraph erlaubt höchstens %1 Bytes (64 KiB).</numerusform>
            <numerusform>Der Inhalt ist %n Bytes groß; Telegraph erlaubt höchstens %1 Bytes (64 KiB).</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>Der Inhalt enthält keinen Text; Telegraph braucht etwas Text auf einer Seite.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>Das Tag &lt;%1&gt; ist in Telegraph-Inhalten nicht erlaubt.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>Der Attributname „%1“ an &lt;%2&gt; ist kein gültiger HTML-Attributname (Buchstaben, Ziffern, „-“, „_“, „:“ und „.“, beginnend mit einem Buchstaben).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>Der Inhalt ist tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>Willkommen bei Telegraph Desktop</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>Wo sollen Ihre Seiten erscheinen? Sie können dies später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>Auf telegra.ph veröffentlichen</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>Ihre Seiten werden auf telegra.ph veröffentlicht. Legen Sie im Bereich „Konten“ ein Telegraph-Konto an.</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>Lokale Sandbox ausprobieren</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>Ein Telegraph-Server in der App, mit einem für Sie angelegten Konto: offline veröffentlichen, bearbeiten und Veröffentlichungen zurückziehen. Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>Ein vorhandenes Konto verwenden</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>Importieren Sie ein vorhandenes Telegraph-Konto über sein Zugriffstoken (von einem Bot oder einer anderen App) und veröffentlichen Sie damit auf telegra.ph.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>Wortziel</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>Zu schreibende Wörter in diesem Entwurf (0 für kein Ziel):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>Wortziel</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>Ein Wortziel kann nicht negativ sein. Geben Sie 0 für kein Ziel ein.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 Wörter sind zu viele für ein Ziel: höchstens %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>„%1“ ist keine ganze Zahl von Wörtern. Geben Sie eine Zahl wie %L2 ein oder 0 für kein Ziel.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>%L1 Wörter sind zu viele für ein Ziel: höchstens %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>Fortschritt des Wortziels</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>Es ist kein Entwurf geöffnet, für den ein Wortziel festgelegt werden könnte.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>Ein Wortziel liegt zwischen 0 und %L1 Wörtern.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>Das Wortziel konnte nicht in der Entwurfsdatenbank gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln Wort</numerusform>
            <numerusform>%Ln Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 Min. Lesezeit</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln Min. Lesezeit</numerusform>
            <numerusform>%Ln Min. Lesezeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>Nur die ersten %L1 Zeichen dieses Entwurfs wurden gezählt.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>Wörter und Zeichen des Textes, ohne Auszeichnungen</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>Auswahl: wird gezählt…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Auswahl: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · Ziel erreicht</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>Wortziel: %Ln Wort</numerusform>
            <numerusform>Wortziel: %Ln Wörter</numerusform>
        </translation>
    </message>
</context>
</TS>
