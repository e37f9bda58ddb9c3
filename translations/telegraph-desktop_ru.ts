<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ClientPublisher</name>
    <message>
        <source>Updating the page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server (%1). You seem to be offline; the draft is kept and you can publish later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before publishing again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. All %n draft(s) were restored as last saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local sandbox ready with a new account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to publish?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish to telegra.ph, or try everything offline with a local sandbox server first? You can change this later in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source format</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image host refused the upload (HTTP %1)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer with the image URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image host&apos;s answer has no URL at &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::MainWindow</name>
    <message>
        <source>Telegraph Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. A new server applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: the title is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>Only Markdown files (.md, .markdown) can be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::PublishBar</name>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: publishing in %n second(s). You can keep writing.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SeriesPublisher</name>
    <message>
        <source>This part of the series is being published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 views in this period · %2 in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1 views on %2 loaded pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
