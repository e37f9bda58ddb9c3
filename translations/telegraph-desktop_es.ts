<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>esa página no existe</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>el token de acceso de la cuenta no es válido (revocado o de otro servidor)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>la página pertenece a otra cuenta</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>el contenido supera el límite de 64 KiB de Telegraph</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>Telegraph no pudo guardar la página (PAGE_SAVE_FAILED); inténtalo de nuevo en un momento</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>el servidor lo rechazó: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>no se pudo contactar con el servidor (%1); no se cambió nada y puedes volver a intentarlo más tarde</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>Telegraph pide esperar %n segundo antes del siguiente cambio</numerusform>
            <numerusform>Telegraph pide esperar %n segundos antes del siguiente cambio</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>Acerca de Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>Escribe, previsualiza y publica páginas en Telegraph.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Software libre con licencia MIT.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Página del proyecto</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README y guía del usuario</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>Nueva cuenta de Telegraph</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>Importar cuenta</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Editar cuenta</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>p. ej. blog (letras, dígitos, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;Nombre en esta aplicación:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Token de acceso:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>Nombre &amp;corto:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Nombre del &amp;autor:</translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation>&amp;URL del autor:</translation>
    </message>
</context>
<context>
    <name>tg::AccountManager</name>
    <message>
        <source>Another account operation is still running; try again when it is done.</source>
        <translation>Todavía hay otra operación de cuenta en curso; inténtalo cuando termine.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>Elija otro nombre: %1 ya está en uso o no está permitido.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>No hay ninguna cuenta llamada %1.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>No se pudo leer el token de %1: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>La cuenta se creó, pero no se pudo guardar su token: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>No se pudo guardar el token: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>No se pudo crear la cuenta: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Cuenta %1 creada.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>Introduce el token de acceso de la cuenta.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>El token no fue aceptado: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>Cuenta %1 importada.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Elige primero una cuenta.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>No se pudo modificar la cuenta: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Cuenta %1 modificada.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>No hay enlace de inicio de sesión: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>el servidor no envió ninguno</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>Se abrió el enlace de inicio de sesión en el navegador (válido durante 5 minutos).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>No se revocó el token: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>El token se revocó, pero no se pudo guardar el nuevo: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>El token de %1 se revocó y se sustituyó.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>No se pudo quitar %1: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 se quitó de este equipo.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>La cuenta cambió antes de que llegaran sus datos.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nueva…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>&amp;Iniciar sesión en telegra.ph</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>&amp;Revocar token…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>Abre en el navegador un enlace de inicio de sesión de un solo uso (válido durante 5 minutos)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — sin conexión o rechazada: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>¿Revocar el token de acceso de %1? Cualquier otra aplicación o dispositivo que lo use perderá el acceso; esta aplicación seguirá funcionando con el nuevo token.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>¿Quitar %1 de este equipo? La cuenta y sus páginas permanecen en Telegraph; sin su token no podrá editarlas desde aquí.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Cuentas guardadas</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n página</numerusform>
            <numerusform>%1 — %n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>Las cuentas del entorno de pruebas local no pueden iniciar sesión en telegra.ph</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>No se pueden guardar las cuentas (%1). Reinicia la aplicación para elegir dónde guardar los tokens.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Cuenta: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>Algunos secretos siguen en el archivo de configuración: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>%1 está dañado (no es un objeto JSON)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>No se puede crear %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>&apos;%1&apos; no es un nombre de cuenta válido (letras, dígitos, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>No se puede usar la caché de la lista de páginas %1: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>&amp;Actualizar la lista de páginas</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;Cancelar la actualización</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>Copia de &amp;seguridad de la cuenta…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>Todavía no hay ninguna cuenta de Telegraph: crea una o importa la tuya con su token de acceso en el panel Cuentas.</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>Se está modificando otra página; inténtalo cuando termine.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>Elige primero una cuenta para la copia de seguridad.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>Copia de seguridad de Telegraph de %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>Elige una carpeta para la copia de seguridad.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>No se puede crear %1: %2 no es una carpeta.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>No se puede crear %1 (¿falta de permisos?).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>No se puede escribir en %1.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>&amp;Iniciar copia</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>Copia de seguridad de la cuenta %1</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>Guarda todas las páginas de %1 en la carpeta: Markdown (HTML cuando Markdown perdería algo) y JSON de nodos por página, un índice con títulos, enlaces y visitas, y la lista de enlaces de imágenes. Una copia interrumpida continúa donde se detuvo.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de la copia</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progreso de la copia</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Carpeta de la copia</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>En esta carpeta hay una copia interrumpida; se reanudará (ya hay %n página guardada).</numerusform>
            <numerusform>En esta carpeta hay una copia interrumpida; se reanudará (ya hay %n páginas guardadas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>%n página por copiar; se reanuda tras %1 ya guardadas.</numerusform>
            <numerusform>%n páginas por copiar; se reanuda tras %1 ya guardadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>%n página por copiar.</numerusform>
            <numerusform>%n páginas por copiar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>Leyendo la lista de páginas…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>Copia completa: %n página</numerusform>
            <numerusform>Copia completa: %n páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (reanudada: %n ya estaba guardada)</numerusform>
            <numerusform> (reanudada: %n ya estaban guardadas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n página se guardó como HTML porque Markdown perdería algo.</numerusform>
            <numerusform>%n páginas se guardaron como HTML porque Markdown perdería algo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>Detenida. Hay %n página guardada; Iniciar reanuda la copia.</numerusform>
            <numerusform>Detenida. Hay %n páginas guardadas; Iniciar reanuda la copia.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>La copia se detuvo: %1. Lo guardado se conserva; Iniciar la reanuda.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>Guardadas %1 de %n página (%2 de la ejecución anterior, %3 como HTML)…</numerusform>
            <numerusform>Guardadas %1 de %n páginas (%2 de la ejecución anterior, %3 como HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>Guardadas %1 de %n página…</numerusform>
            <numerusform>Guardadas %1 de %n páginas…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>Convirtiendo</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>No hay ningún comando de subida configurado</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>El comando de subida no terminó en %1 s</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>No se puede ejecutar el comando de subida %1: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>El comando de subida falló (código de salida %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>El comando de subida no mostró ninguna URL en su última línea (se obtuvo &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>No se subió una imagen: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>No se pudo leer la contraseña del proxy desde el llavero: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>No se puede usar el alojamiento de imágenes de la configuración (%1); las imágenes van a la subida de Telegraph hasta que se corrija en Configuración → Imágenes.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>No se pudo iniciar el entorno de pruebas local: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — entorno de pruebas local</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>No se pudo guardar la dirección del entorno de pruebas local (%1): tras reiniciar, puede que no se encuentren los enlaces a sus páginas ni sus imágenes.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>Tamaño del contenido</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 de %2 KiB</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Línea %1, columna %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>Listo para publicar</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>%n cosa por hacer antes de publicar</numerusform>
            <numerusform>%n cosas por hacer antes de publicar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>Telegraph Desktop %1 está disponible.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>Descárgalo de %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>Falló la comprobación de actualizaciones: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>No se puede crear la carpeta de datos %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>La aplicación no se cerró correctamente la última vez. Borradores restaurados tal como se guardaron por última vez: %n.</numerusform>
            <numerusform>La aplicación no se cerró correctamente la última vez. Borradores restaurados tal como se guardaron por última vez: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>No se puede importar %1: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>No se puede exportar a %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>No publicado: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Preparando el contenido…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>el texto es demasiado largo para una sola página</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>Actualizando la página…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Publicado: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>No se pudo guardar la revisión: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>Creando la página en un enlace privado…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>Estableciendo el título de la página…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>La página se creó en un enlace privado, pero aún no tiene título: %1. Publique de nuevo para establecerlo.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>La base de datos de borradores %1 la escribió una versión más reciente de Telegraph Desktop y esta versión no puede abrirla (%2). El archivo no se ha modificado: use la versión más reciente o mueva el archivo a otro lugar para empezar con una base de datos vacía.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>La base de datos de borradores %1 está dañada y no se pudo reemplazar: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>La base de datos de borradores estaba dañada. Se movió a %1; se recuperó de ella %n borrador (revisiones: %2) en una base de datos nueva.</numerusform>
            <numerusform>La base de datos de borradores estaba dañada. Se movió a %1; se recuperaron de ella %n borradores (revisiones: %2) en una base de datos nueva.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>No se pudo leer %n fila dañada.</numerusform>
            <numerusform>No se pudieron leer %n filas dañadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>No se puede abrir la base de datos de borradores %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>Mostrar papelera</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Eliminar definitivamente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>Cambiar nombre del borrador</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Nombre del autor</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>Enlace del autor (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>Enlace del autor</translation>
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
        <translation>Formato de origen</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 no es un archivo de secretos</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>No hay ningún secreto guardado para %1</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>No se puede crear %1</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas y minúsculas</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Reemplazar por</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Reemplazar todo</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n reemplazo</numerusform>
            <numerusform>%n reemplazos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>Modo de &amp;concentración</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>Salir del modo de concentración</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>Solo el editor, con el párrafo que se está escribiendo resaltado</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>es mayor de %1 MiB</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>no es JSON válido (%1 en el byte %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>su &quot;version&quot; no es %1</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>&quot;pages&quot; no es un objeto</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>&quot;pages&quot; tiene más de %1 entradas</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>&quot;pages&quot; tiene una entrada que no es una ruta de archivo relativa: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>la entrada de &quot;%1&quot; no es un objeto</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>la entrada de &quot;%1&quot; tiene un &quot;pending&quot; que no es una fecha</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>la entrada de &quot;%1&quot; no tiene un &quot;path&quot; válido</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>la entrada de &quot;%1&quot; no tiene una &quot;url&quot; válida</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>la entrada de &quot;%1&quot; tiene un &quot;hash&quot; que no es un SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>la entrada de &quot;%1&quot; tiene un &quot;content&quot; que no es un SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>la entrada de &quot;%1&quot; tiene partes de serie dañadas</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>&quot;images&quot; no es un objeto</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>&quot;images&quot; tiene más de %1 entradas</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>&quot;images&quot; tiene una entrada que no es un SHA-256 con una URL</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo de correspondencias %1: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>El archivo de correspondencias %1 está dañado: %2. Se ha dejado tal cual; repárelo o muévalo (entonces todas las páginas se crearán de nuevo).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>No se puede escribir el archivo de correspondencias %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>Demasiado grande: serie</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>No existe la carpeta %1.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 no es una carpeta.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>Solo se han examinado las primeras %1 entradas de la carpeta.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: un enlace a una carpeta, no se sigue.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: anidado a más de %2 carpetas de profundidad, no se lee.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: un nombre de carpeta que no se puede publicar, no se lee.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>el nombre tiene caracteres que no se pueden publicar</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>un enlace a un archivo fuera de la carpeta</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>mayor de %1 MiB</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>más de %n archivo en la carpeta</numerusform>
            <numerusform>más de %n archivos en la carpeta</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>los archivos de la carpeta superan en total %1 MiB</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: el enlace a %2 no lleva a ningún archivo de la carpeta.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: la imagen %2 no es un archivo de la carpeta.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: la imagen %2 es mayor de %3 MiB.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: no se puede leer la imagen %2.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>una ejecución interrumpida puede haber creado su página</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>republicado a petición</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>el archivo ha cambiado</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>sus enlaces o imágenes han cambiado</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>el archivo ya no está</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>Publicando la carpeta</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Leyendo la cuenta…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>Buscando páginas de una ejecución interrumpida…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 debe subirse, pero no hay ningún servicio de imágenes configurado</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Subiendo %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>Creando la página de %1…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>Esta serie se está publicando.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>Actualizando la página de %1…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Esta parte de la serie se está publicando.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>Creando la parte %1 de %2 de %3…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>Publicando la página de índice de %1…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>Enlazando la parte %1 de %2 de %3…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Esta parte ya no está en la serie.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>Marcando la página de %1 como eliminada…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>Esta página se ha eliminado; su archivo ya no se publica.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>La carpeta no se ha publicado por completo: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Carpeta publicada: %1 creadas, %2 actualizadas, %3 sin cambios.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>No se pudo publicar %n archivo: %1</numerusform>
            <numerusform>No se pudieron publicar %n archivos: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>Algunos bytes no son válidos en %1 y se reemplazaron por �.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>El tipo de contenido indica la codificación desconocida «%1»; se ha ignorado.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>El documento declara la codificación desconocida «%1»; se leyó como UTF-8 si era válido y, si no, como windows-1252.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>El documento no indica ninguna codificación y no es UTF-8 válido; se leyó como %1.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>una respuesta de subida</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>No se puede usar la dirección del servidor de imágenes: %1 (las claves y las imágenes se enviarían sin cifrar)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>La clave del servidor de imágenes se guarda en el llavero, que aún no está disponible</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>La clave del servidor de imágenes se guarda en el llavero, que no está disponible</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>No se pudo leer el valor de %1 del servidor de imágenes (almacén: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>El valor guardado de %1 del servidor de imágenes contiene un salto de línea</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>%1 rechazó la subida (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>%1 respondió con una página HTML (HTTP %2) en lugar de la URL de la imagen</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>%1 envió una respuesta vacía (HTTP %2) en lugar de la URL de la imagen</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>La respuesta de %1 no tiene ninguna URL en «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>%1 respondió con texto, no con el JSON en el que se espera la URL en «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>%1 respondió con algo que no es una URL de imagen: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>Reintentar las subidas de imágenes</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>Insertar imagen por URL…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>Subiendo %1… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>Subiendo la imagen pegada… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>Insertar imagen por URL</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>URL de la imagen (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 no es una dirección http ni https.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Error en la subida: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 supera el límite de %2 del servidor</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>no es un archivo JPEG, PNG, GIF, WebP ni MP4 (comprobado por su contenido)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>este servidor no acepta %1 (aceptados: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>La URL de subida debe ser una dirección completa que empiece por http:// o https://.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>El nombre del campo del archivo está vacío.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>La línea de cabecera «%1» no tiene la forma «Nombre: valor».</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>La línea de campo de formulario «%1» no tiene la forma «nombre=valor».</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>El comando de subida está vacío.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>No se encontró el comando «%1» o no se puede ejecutar.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>La URL de subida debe empezar por https:// (http:// sin cifrar solo para este equipo: localhost o 127.0.0.1), para que las claves y las imágenes no se envíen sin cifrar.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>Gratuito y sin necesidad de cuenta; los archivos se conservan hasta que se eliminan. Ponga su hash de usuario de catbox.moe después de userhash= para encontrar las subidas en su cuenta (se guarda en el llavero).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>Necesita una clave de API gratuita de api.imgbb.com: póngala después de key= (se guarda en el llavero y se envía en el formulario, no en la dirección). Los sitios Chevereto responden igual.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>No hace falta cuenta; los archivos caducan tras un tiempo que depende de su tamaño.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>%1 necesita un valor para el campo de formulario «%2»: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>Configuración predefinida del servidor de imágenes</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>No se puede subir %1: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>No hay ningún servidor de imágenes configurado.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>No se pudo leer la imagen pegada.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>No se pudo guardar la imagen pegada en %1.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>No hay ningún llavero disponible en este sistema (%1)</translation>
    </message>
</context>
<context>
    <name>tg::LayoutMode</name>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Escribir</translation>
    </message>
    <message>
        <source>Write: the editor and the preview, with the drafts</source>
        <translation>Escribir: el editor y la vista previa, con los borradores</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Biblioteca</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>Biblioteca: las páginas, sus estadísticas y las cuentas</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Restablecer la disposición</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>No se puede abrir el enlace</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>No se pudo iniciar ningún navegador web para abrir este enlace:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>Copia el enlace y ábrelo tú mismo en un navegador.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copiar enlace</translation>
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
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>Pegado como contenido limpio de Telegraph.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>Pegado; la importación cambió: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Nuevo borrador</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>A&amp;brir página…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Abrir página</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>URL o ruta de la página:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Borrador guardado.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Importar archivo…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>&amp;Publicar / actualizar</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>&amp;Revisiones…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Buscar y &amp;reemplazar…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>&amp;Formato</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Negrita</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Cursiva</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Enlace</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;Encabezado</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>&amp;Subencabezado</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>C&amp;ita</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Código</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>&amp;Bloque de código</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>Vista previa &amp;oscura</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown o HTML (*.md *.markdown *.txt *.html *.htm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;Nodos de Telegraph (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>P&amp;ublicar como serie</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>El HTML se adaptó a lo que admite Telegraph: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Cuenta</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>Convirtiendo el contenido pegado…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>El texto pegado parece Markdown, pero este borrador está escrito en HTML: sus marcas se mostrarán tal como se escribieron.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>Cambiar a Markdown</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>&amp;Publicar en el entorno de pruebas local</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>&amp;Publicar en el entorno de pruebas local como %1</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>&amp;Publicar como %1</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>No se pueden subir imágenes: no hay ningún servidor de imágenes configurado.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>No se pudo escribir %1: %2. El texto se conserva en la aplicación; usa Archivo → Exportar… para guardarlo en otro lugar.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 ya no existe; se quitó de los archivos recientes.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No hay archivos recientes</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Borrar la lista</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>Archivos recien&amp;tes</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>Borrador guardado en %1.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Insertar i&amp;magen…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Insertar imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccion&amp;ar todo</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>Acerca &amp;de Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>Para publicar una carpeta hace falta un servidor: elija uno primero.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>El servicio de imágenes de los ajustes no se puede usar (%1); las imágenes locales de la carpeta no se podrán subir hasta corregirlo en Ajustes → Imágenes.</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>Publicar &amp;carpeta…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>Buscar en &amp;todo…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Nuevo desde p&amp;lantilla…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>Guar&amp;dar borrador como plantilla…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>Fijar &amp;objetivo de palabras…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>No hay ningún secreto guardado para %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>Cancelar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph pide esperar: se continuará en %n segundo. Puede seguir escribiendo.</numerusform>
            <numerusform>Telegraph pide esperar: se continuará en %n segundos. Puede seguir escribiendo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>No publicado: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>Acción del mensaje</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>El archivo no existe.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>Esto no es un archivo.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>No se puede leer el archivo.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>Solo se pueden abrir páginas de telegra.ph, graph.org y te.legra.ph.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>Esta dirección no apunta a una página.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>No hay nada que abrir.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>La dirección no es válida.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>No se pueden abrir archivos de otros equipos.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>Este tipo de dirección no se puede abrir.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>Solo se pueden abrir archivos Markdown (.md, .markdown) y HTML (.html, .htm).</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>Apertura de una página</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>Se abrió %1 como Markdown.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>Se abrió %1 como HTML: con Markdown se perdería algo (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>No se pudo abrir la página: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Abrir en el &amp;editor</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Abrir en el &amp;navegador</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copiar URL</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>&amp;Despublicar…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>Filtrar por título, ruta o descripción</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>Exportar páginas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>Actualización cancelada.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Error al actualizar: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>Filtrar páginas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>Progreso de la actualización de la lista</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>No se puede leer el diccionario ortográfico %1: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>No se puede añadir «%1» al diccionario ortográfico: no es una palabra.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>El diccionario ortográfico está lleno (%1 palabras); no se añadió «%2».</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>No se pudo añadir «%1» al diccionario ortográfico %2: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>el archivo está lleno</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>El módulo de vista previa no está instalado (se buscó %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>El módulo de vista previa es de una versión distinta a la de la aplicación.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>La vista previa se iniciará en un momento…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>No se pudo iniciar la vista previa.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>Cargar imágenes &amp;remotas en la vista previa</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>Indica si la vista previa de este borrador descarga imágenes de la web mientras escribe; la elección se guarda con el borrador.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>Imagen remota no cargada:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>&amp;Enlace privado en la primera publicación</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>Publica primero la página con un título aleatorio, para que su enlace no se pueda adivinar a partir del título; el título real se establece justo después.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>Enlace privado</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>No hay ningún servidor configurado: elija uno en la configuración.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>La publicación ya está en curso.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>No publicado: una imagen aún se está subiendo o no se pudo subir. Espere, reintente la subida o quítela.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>Este texto es demasiado largo para una sola página. ¿Publicarlo como serie: partes divididas en los encabezados, enlazadas entre sí, con una página de índice?</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>Ya se está abriendo una página.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>Se abrió tu borrador de %1.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>Aún no publicado: %n enlace no tiene dirección: %1. Complétala o publícalo tal como está.</numerusform>
            <numerusform>Aún no publicado: %n enlaces no tienen dirección: %1. Complétalas o publícalos tal como están.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>&amp;Republicar todas las páginas, incluso las que no cambiaron</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>&amp;Marcar como eliminadas las páginas de archivos borrados</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Publicar carpeta</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>Cada archivo Markdown y HTML de la carpeta se convierte en una página; los enlaces entre archivos pasan a ser enlaces entre páginas y las imágenes locales se suben una sola vez. El .telegraph.json de la carpeta recuerda las páginas, así que publicar de nuevo solo actualiza lo que cambió.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>Carpeta que publicar</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>Qué hace la publicación con cada archivo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>Progreso de la publicación</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>Carpeta que publicar</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>Elija una carpeta con archivos Markdown o HTML.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Leyendo la carpeta…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n por crear</numerusform>
            <numerusform>%n por crear</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n por actualizar</numerusform>
            <numerusform>%n por actualizar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n demasiado grande, como serie</numerusform>
            <numerusform>%n demasiado grandes, como serie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n aviso: %1</numerusform>
            <numerusform>%n avisos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>Control de flood: reintento en %n segundo…</numerusform>
            <numerusform>Control de flood: reintento en %n segundos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>Telegram puede mostrar la versión anterior en Instant View y en las vistas previas de enlaces durante un tiempo. Para actualizar la vista previa de un enlace, envíe el enlace a @WebpageBot.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>No volver a mostrar</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>La respuesta del servidor no es válida: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Restaurar esta versión</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>Aún no hay revisiones: se guarda una cada vez que la página se publica o actualiza.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>Elegir otra carpeta de datos…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>Guardar el texto como archivo…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>Su texto no está guardado: no se puede escribir en la base de datos de borradores %1 (%2). Se conserva en memoria y el guardado se reintenta automáticamente. Libere espacio o corrija los permisos del archivo, elija otra carpeta de datos o guarde el texto como archivo.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Borrador sin título</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>No se puede guardar el texto en %1: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>Guardar el texto como archivo</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>No se pueden guardar borradores en %1: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>Elegir otra carpeta de datos</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>Texto no guardado</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>No se pudo guardar %n borrador en %1 (%2). Guarde el texto como archivo antes de salir o se perderá.</numerusform>
            <numerusform>No se pudieron guardar %n borradores en %1 (%2). Guarde el texto como archivo antes de salir o se perderá.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>Guardar como archivo…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>Buscar en borradores, revisiones y páginas</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>Escriba para buscar en los borradores, sus revisiones y las páginas de todas las cuentas.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>Borrador, editado %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>Revisión, publicada %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>Página de %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>Página de %1 en %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>La búsqueda no está disponible: el SQLite de este sistema no tiene búsqueda de texto completo (FTS5). Los borradores no se ven afectados.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La búsqueda ha fallado: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>No hay resultados para «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n resultado.</numerusform>
            <numerusform>%n resultados.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>Este borrador ya no existe.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>no hay ningún llavero configurado</translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation>no se está ejecutando ningún Secret Service</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation>Conservar los tokens solo durante esta sesión (se olvidan al salir de la aplicación)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>Guardar los tokens en un archivo que solo yo pueda leer (0600), sin cifrar:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>No hay ningún llavero disponible</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>El llavero del sistema no puede guardar sus tokens de acceso de Telegraph (%1). Elija cómo conservarlos:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>Publicación de la serie</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>el título está vacío</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Preparando el contenido…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Esta parte de la serie se está publicando.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>Creando la parte %1 de %2…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>Publicando la página de índice…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>Enlazando la parte %1 de %2…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Esta parte ya no está en la serie.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>No publicado: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>La serie no se publicó por completo: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>Publicado como serie de %n parte: %1</numerusform>
            <numerusform>Publicado como serie de %n partes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>El límite de tamaño de página es demasiado pequeño para la navegación de la serie.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>Un bloque (%1 bytes) es más grande que una página entera; divídalo en párrafos más pequeños.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← Parte anterior</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>Parte siguiente →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (parte %2 de %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>Configuración guardada. El nuevo servidor y el idioma se aplican tras reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>Configuración guardada. El nuevo servidor se aplica tras reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>Configuración guardada. El nuevo idioma se aplica tras reiniciar.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personalizada</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>Entorno de pruebas local (sin conexión)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation>URL de API personalizada:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>Nombre de autor predeterminado:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>Enlace de autor predeterminado:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Fuente del editor:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Tamaño de fuente:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>Tema de la vista previa:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>Guardar al dejar de escribir tras:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Imágenes</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>Idioma y &amp;actualizaciones</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>Un servidor nuevo se aplica tras reiniciar.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>El nombre de autor y el enlace de la cuenta actual tienen prioridad.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>Subida a Telegraph (heredada)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>Subida HTTP (formulario multipart)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>Comando (PicGo, un script…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>telegra.ph rechaza las subidas desde septiembre de 2024: con él, las imágenes arrastradas fallan y conservan su archivo local. El entorno de pruebas local aún las acepta. Elige otro alojamiento para publicar imágenes en telegra.ph.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>URL de subida:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>Nombre del campo del archivo:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>Cabeceras (Nombre: valor):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>Campos del formulario (nombre=valor):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>URL en la respuesta:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Comando:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>Se ejecuta con la ruta de la imagen en lugar de {file} (se añade al final si falta); la última línea que imprima debe ser la URL de la imagen.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>Subir imágenes a:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>Tiempo máximo por imagen:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Campos del formulario</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>El nuevo idioma se usa tras reiniciar.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>Buscar una versión nueva al iniciar la aplicación</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>URL del canal de versiones:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>La aplicación solo te avisa de una versión nueva; nunca descarga ni instala nada. Desactivado salvo que lo actives.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>La URL de API personalizada debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>La URL del canal de versiones debe empezar por https:// (http:// solo en este equipo).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>La contraseña del proxy (http://user:password@host:port) se guarda en el llavero, no en el archivo de configuración.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>Dónde está la URL de la imagen en la respuesta JSON, como ruta con puntos (data.url, 0.src) o JSON pointer (/data/url); vacío cuando la respuesta es la propia URL. Los valores de las cabeceras, y los campos de formulario con nombres como key, token, secret o password, se guardan en el llavero; el archivo de configuración muestra «%1» en su lugar.</translation>
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
        <translation>Los borradores nuevos se escriben en:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Predefinido:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>la contraseña del proxy</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>el valor de %1 del servidor de imágenes</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>No se puede guardar %1: no se ha elegido ningún llavero ni archivo de tokens para guardar los secretos.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>el valor leído de nuevo es distinto</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>No se puede guardar %1 (almacén: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 se queda en el archivo de configuración: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 se queda en el archivo de configuración: no se pudo volver a leer desde el llavero (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>el valor es distinto</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>Aún no se ha elegido dónde guardar los secretos</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>No hay ningún secreto guardado para %1</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>ya hay otra instancia en ejecución</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>Código fuente del artículo</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>Escriba en Markdown o HTML…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>negrita</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>cursiva</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>texto del enlace</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Subencabezado</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>cita</translation>
    </message>
    <message>
        <source>item</source>
        <translation>elemento</translation>
    </message>
</context>
<context>
    <name>tg::SpellChecker</name>
    <message>
        <source>The %1 spelling dictionary cannot be read: %2 is missing or not readable.</source>
        <translation>No se puede leer el diccionario ortográfico de %1: %2 no existe o no se puede leer.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>El diccionario ortográfico de %1 usa la codificación %2, que esta aplicación no puede convertir.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>La revisión ortográfica no está disponible: esta compilación de la aplicación no incluye Hunspell (no se cargó %1).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>Orto&amp;grafía</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>&amp;Revisar la ortografía al escribir</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;Siguiente error ortográfico</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>La revisión ortográfica no está disponible: esta compilación de la aplicación no incluye Hunspell.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>No hay ningún diccionario ortográfico de %1 instalado; instale %2 para revisar la ortografía.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Sin sugerencias</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>&amp;Añadir al diccionario</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorar</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;Predeterminado: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (no instalado)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>No hay diccionarios instalados (Debian: hunspell-en-us, hunspell-ru, …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1, %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: sin cargar</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln visita</numerusform>
            <numerusform>%1: %Ln visitas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Últimas 48 horas</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>Últimos 24 meses</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>Exportar visitas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>Seleccione una página para ver sus visitas.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>No se pudieron cargar las visitas: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>Aún no hay cifras que exportar.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>No hay páginas cargadas.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>Páginas más vistas</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln visita en este periodo</numerusform>
            <numerusform>%Ln visitas en este periodo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>%Ln en total</numerusform>
            <numerusform>%Ln en total</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>Cuenta: %1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln visita</numerusform>
            <numerusform>%Ln visitas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln página cargada</numerusform>
            <numerusform>%Ln páginas cargadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>El nombre corto</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>No hay ningún token de acceso configurado</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>Campo de cuenta desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>La ruta de la página es obligatoria</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>El desplazamiento no puede ser negativo</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>El límite debe estar entre 0 y 200</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>El año debe estar entre 2000 y 2100</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>El mes debe estar entre 1 y 12</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>El día debe estar entre 1 y 31</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>La hora debe estar entre 0 y 23</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>Un mes necesita un año</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>Un día necesita un mes</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>Una hora necesita un día</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>&apos;%1&apos; no es un nombre de método</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>Los parámetros no son un objeto JSON</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>Sin respuesta del servidor en %1 s</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>Error en la conexión segura: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>El servidor incumplió el protocolo HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>La respuesta del servidor quedó cortada (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Error de red: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>El servidor envió una página HTML (HTTP %1) en lugar de %2</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>El servidor falló con HTTP %1 en lugar de responder con %2</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>El servidor envió una respuesta vacía (HTTP %1) en lugar de %2</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>El servidor envió una respuesta mal formada o truncada (HTTP %1) en lugar de %2</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>una respuesta JSON</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 es obligatorio</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1 tiene %2 caracteres; se permiten como máximo %3</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>El nombre del autor</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>La URL del autor</translation>
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
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>El servidor redirigió la solicitud a otro host (%1); no se siguió la redirección, así que el token de acceso y las claves que lleva se quedan en %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>La respuesta del servidor supera el límite de %1 y se cortó</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>El servidor redirigió la solicitud demasiadas veces</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>Se rechazó la subida: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>una respuesta de subida</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>No se pudo guardar el borrador creado a partir de la plantilla «%1»: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>Nuevo borrador a partir de la plantilla «%1».</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>Guardar borrador como plantilla</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Nombre de la nueva plantilla:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>No se guardó como plantilla: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>Guardado como la plantilla «%1»: Archivo → Nuevo desde plantilla… crea un borrador a partir de ella.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Nuevo desde plantilla</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>&amp;Crear borrador</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integrada)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>Una de sus plantillas.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Título: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>Escrita en HTML.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>Escrita en Markdown.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Cambiar nombre de la plantilla</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Nuevo nombre de la plantilla:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Eliminar plantilla</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>¿Eliminar la plantilla «%1»? Los borradores creados a partir de ella se conservan.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>Un párrafo de entrada, secciones con encabezados, una lista y una cita.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>Qué ocurre, qué cambia, cuándo y dónde, y qué hay que hacer.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Registro de cambios</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>Las novedades, mejoras, correcciones y notas de actualización de una versión.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>La plantilla necesita un nombre.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>El nombre de la plantilla es demasiado largo: %1 caracteres, como máximo %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>El nombre de la plantilla no puede contener saltos de línea ni caracteres de control.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>Ya existe una plantilla llamada «%1».</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>El texto es demasiado largo para una plantilla: %1 KiB, como máximo %2 KiB.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>El borrador no tiene texto que guardar como plantilla.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>El texto es demasiado largo para una plantilla: su contenido de página ocupa %1 KiB y una página admite como máximo %2 KiB.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>No se pueden guardar plantillas: la base de datos de borradores no está abierta.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>Ya hay %1 plantillas, el máximo posible: elimine una primero.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>No se pudo guardar la plantilla: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>No se puede cambiar el nombre de las plantillas integradas.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>No se pueden modificar las plantillas: la base de datos de borradores no está abierta.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>No se pudo cambiar el nombre de la plantilla: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>Las plantillas integradas no se pueden eliminar.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>No se pudo eliminar la plantilla: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Desplazamiento de &amp;máquina de escribir</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>Mantiene la línea que se está escribiendo en el centro del editor</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>Despublicar página</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>¿Reemplazar el contenido de «%1» (%2) por este aviso? Telegraph no puede borrar páginas; la página sigue en su dirección y solo muestra el aviso.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>El contenido actual se guarda en este equipo como revisión del borrador de la página: Archivo → Revisiones… lo restaura y lo vuelve a publicar.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>Aviso que se muestra en lugar del contenido</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;Despublicar</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Despublicar</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>Su autor ha despublicado esta página.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>Despublicación</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>No se indicó ninguna página para despublicar.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>Escribe el aviso que mostrará la página en lugar de su contenido.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>Obteniendo %1 para conservar su contenido…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>%1 no se despublicó y no ha cambiado: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>%1 no se despublicó y no ha cambiado: su contenido no se pudo guardar en la base de datos de borradores.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>Reemplazando el contenido de %1 por el aviso…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>%1 está despublicada. Su contenido se guarda en el borrador «%2»: Archivo → Revisiones… lo restaura.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>%1 no se despublicó y no ha cambiado (su contenido se guardó igualmente como revisión local): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>No hay una revisión guardada %1 de una página publicada.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>No se puede leer el contenido guardado de %1: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>Publicando de nuevo el contenido guardado de %1…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 vuelve a estar publicada.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 no se volvió a publicar: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>El aviso tiene %n carácter; que no pase de %1.</numerusform>
            <numerusform>El aviso tiene %n caracteres; que no pase de %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>El canal de actualizaciones no es JSON válido: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>El canal de actualizaciones no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>El canal de actualizaciones no tiene una versión válida.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>El canal de actualizaciones tiene una dirección de versión no válida.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>Se canceló la búsqueda de actualizaciones.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>El canal de actualizaciones es demasiado grande.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>El canal de actualizaciones respondió con el estado HTTP %1.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>El canal de actualizaciones no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>No se pudo contactar con el canal de actualizaciones: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>Guía del usuario de Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>Esta compilación no incluye la guía del usuario.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>El título es obligatorio.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>El título tiene %n carácter; Telegraph permite como máximo %1.</numerusform>
            <numerusform>El título tiene %n caracteres; Telegraph permite como máximo %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>El nombre del autor tiene %n carácter; Telegraph permite como máximo %1.</numerusform>
            <numerusform>El nombre del autor tiene %n caracteres; Telegraph permite como máximo %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>La URL del autor tiene %n carácter; Telegraph permite como máximo %1.</numerusform>
            <numerusform>La URL del autor tiene %n caracteres; Telegraph permite como máximo %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>El contenido es obligatorio.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>El contenido ocupa %n byte; Telegraph permite como máximo %1 bytes (64 KiB).</numerusform>
            <numerusform>El contenido ocupa %n bytes; Telegraph permite como máximo %1 bytes (64 KiB).</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>El contenido no tiene texto; Telegraph necesita algo de texto en la página.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>La etiqueta &lt;%1&gt; no está permitida en el contenido de Telegraph.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>El nombre de atributo «%1» en &lt;%2&gt; no es un nombre de atributo HTML válido (letras, dígitos, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; y &apos;.&apos;, empezando por una letra).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>El contenido está anidado a más de %1 niveles de profundidad.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>Te damos la bienvenida a Telegraph Desktop</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>¿Dónde quieres publicar tus páginas? Puedes cambiarlo más tarde en la configuración.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>Publicar en telegra.ph</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>Tus páginas se publican en telegra.ph. Crea una cuenta de Telegraph en el panel Cuentas.</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>Probar el entorno de pruebas local</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>Un servidor de Telegraph dentro de la aplicación, con una cuenta creada para ti: publica, edita y despublica sin conexión. Nada sale de este equipo.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>Usar una cuenta que ya tengo</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>Importa una cuenta de Telegraph existente con su token de acceso (de un bot o de otra aplicación) y publica con ella en telegra.ph.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>Objetivo de palabras</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>Palabras que escribir en este borrador (0 para no fijar objetivo):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>Objetivo de palabras</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>El objetivo de palabras no puede ser negativo. Escriba 0 para no fijar objetivo.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 son más palabras de las que admite un objetivo: como máximo %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>«%1» no es un número entero de palabras. Escriba un número como %L2, o 0 para no fijar objetivo.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>%L1 palabras son más de las que admite un objetivo: como máximo %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>Progreso del objetivo de palabras</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>No hay ningún borrador abierto para el que fijar un objetivo de palabras.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>El objetivo de palabras debe estar entre 0 y %L1 palabras.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>No se pudo guardar el objetivo de palabras en la base de datos de borradores: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln palabra</numerusform>
            <numerusform>%Ln palabras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 min de lectura</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln min de lectura</numerusform>
            <numerusform>%Ln min de lectura</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>Solo se contaron los primeros %L1 caracteres de este borrador.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>Palabras y caracteres del texto, sin su marcado</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>Selección: contando…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Selección: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · objetivo alcanzado</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>Objetivo de palabras: %Ln palabra</numerusform>
            <numerusform>Objetivo de palabras: %Ln palabras</numerusform>
        </translation>
    </message>
</context>
</TS>
