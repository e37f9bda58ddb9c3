<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>такой страницы нет</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>токен доступа учётной записи недействителен (отозван или выдан другим сервером)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>страница принадлежит другой учётной записи</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>содержимое превышает ограничение Telegraph в 64 КиБ</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>Telegraph не смог сохранить страницу (PAGE_SAVE_FAILED); попробуйте ещё раз чуть позже</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>сервер отказал: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>не удалось связаться с сервером (%1); ничего не изменено, можно попробовать позже</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>Telegraph просит подождать %n секунду перед следующим изменением</numerusform>
            <numerusform>Telegraph просит подождать %n секунды перед следующим изменением</numerusform>
            <numerusform>Telegraph просит подождать %n секунд перед следующим изменением</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>О приложении Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>Пишите, просматривайте и публикуйте страницы в Telegraph.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Свободное программное обеспечение под лицензией MIT.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Страница проекта</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README и руководство пользователя</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>Новая учётная запись Telegraph</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>Импорт учётной записи</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Изменение учётной записи</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>например, blog (буквы, цифры, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;Имя в приложении:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Токен доступа:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Короткое имя:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Имя &amp;автора:</translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation>&amp;URL автора:</translation>
    </message>
</context>
<context>
    <name>tg::AccountManager</name>
    <message>
        <source>Another account operation is still running; try again when it is done.</source>
        <translation>Ещё выполняется другая операция с учётной записью; попробуйте, когда она закончится.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>Выберите другое имя: %1 уже занято или недопустимо.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Учётной записи с именем %1 нет.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>Не удалось прочитать токен %1: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>Учётная запись создана, но её токен не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>Не удалось сохранить токен: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Не удалось создать учётную запись: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Учётная запись %1 создана.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>Введите токен доступа учётной записи.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>Токен не принят: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>Учётная запись %1 импортирована.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Сначала выберите учётную запись.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>Не удалось изменить учётную запись: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Учётная запись %1 изменена.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>Нет ссылки для входа: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>сервер её не прислал</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>Ссылка для входа открыта в браузере (действует 5 минут).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>Токен не отозван: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>Токен отозван, но новый не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>Токен %1 отозван и заменён.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>Не удалось удалить %1: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>Учётная запись %1 удалена с этого компьютера.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>Учётная запись сменилась до того, как пришли её данные.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Из&amp;менить…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>&amp;Войти на telegra.ph</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>&amp;Отозвать токен…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>Открывает в браузере одноразовую ссылку для входа (действует 5 минут)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — нет связи или отказ: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>Отозвать токен доступа %1? Все другие приложения и устройства, использующие его, потеряют доступ; это приложение продолжит работать с новым токеном.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>Удалить %1 с этого компьютера? Учётная запись и её страницы останутся в Telegraph, но без токена вы не сможете редактировать их отсюда.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Сохранённые учётные записи</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n страница</numerusform>
            <numerusform>%1 — %n страницы</numerusform>
            <numerusform>%1 — %n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>Учётные записи локальной песочницы не могут входить на telegra.ph</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>Учётные записи нельзя сохранить (%1). Перезапустите приложение, чтобы выбрать, где хранить токены.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Учётная запись: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>Некоторые секреты всё ещё хранятся в файле настроек: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>Файл %1 повреждён (это не объект JSON)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Не удаётся создать %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>«%1» — недопустимое имя учётной записи (допускаются буквы, цифры, «.», «_», «-»)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>Кэш списка страниц %1 недоступен: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>&amp;Обновить список страниц</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;Отменить обновление</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>&amp;Резервная копия учётной записи…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>Учётной записи Telegraph пока нет: создайте её или импортируйте свою по токену доступа на панели «Учётные записи».</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>Сейчас изменяется другая страница; попробуйте, когда это закончится.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>Сначала выберите учётную запись для резервной копии.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>Резервная копия Telegraph — %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>Выберите папку для резервной копии.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 — это файл, а не папка.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>Не удаётся создать %1: %2 не является папкой.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>Не удаётся создать %1 (нет прав?).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>В %1 нельзя записывать.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>&amp;Начать копирование</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Открыть папку</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>Резервная копия учётной записи %1</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>Сохраняет все страницы %1 в папку: Markdown (HTML, если Markdown что-то потеряет) и JSON узлов для каждой страницы, указатель с заголовками, ссылками и просмотрами и список ссылок на изображения. Прерванное копирование продолжается с места остановки.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка резервной копии</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Ход резервного копирования</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Папка резервной копии</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>В этой папке есть прерванная копия; она будет продолжена (уже сохранена %n страница).</numerusform>
            <numerusform>В этой папке есть прерванная копия; она будет продолжена (уже сохранены %n страницы).</numerusform>
            <numerusform>В этой папке есть прерванная копия; она будет продолжена (уже сохранено %n страниц).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>Нужно сохранить %n страницу; продолжаем после %1 уже сохранённых.</numerusform>
            <numerusform>Нужно сохранить %n страницы; продолжаем после %1 уже сохранённых.</numerusform>
            <numerusform>Нужно сохранить %n страниц; продолжаем после %1 уже сохранённых.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>Нужно сохранить %n страницу.</numerusform>
            <numerusform>Нужно сохранить %n страницы.</numerusform>
            <numerusform>Нужно сохранить %n страниц.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>Чтение списка страниц…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>Резервная копия готова: %n страница</numerusform>
            <numerusform>Резервная копия готова: %n страницы</numerusform>
            <numerusform>Резервная копия готова: %n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (продолжено: %n уже была сохранена раньше)</numerusform>
            <numerusform> (продолжено: %n уже были сохранены раньше)</numerusform>
            <numerusform> (продолжено: %n уже были сохранены раньше)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n страница сохранена как HTML, потому что Markdown что-то потерял бы.</numerusform>
            <numerusform>%n страницы сохранены как HTML, потому что Markdown что-то потерял бы.</numerusform>
            <numerusform>%n страниц сохранено как HTML, потому что Markdown что-то потерял бы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>Остановлено. Сохранена %n страница; «Начать» продолжит копирование.</numerusform>
            <numerusform>Остановлено. Сохранены %n страницы; «Начать» продолжит копирование.</numerusform>
            <numerusform>Остановлено. Сохранено %n страниц; «Начать» продолжит копирование.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>Резервное копирование остановилось: %1. Сохранённое остаётся; «Начать» продолжит его.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>Сохранено %1 из %n страницы (%2 из прошлого запуска, %3 как HTML)…</numerusform>
            <numerusform>Сохранено %1 из %n страниц (%2 из прошлого запуска, %3 как HTML)…</numerusform>
            <numerusform>Сохранено %1 из %n страниц (%2 из прошлого запуска, %3 как HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>Сохранено %1 из %n страницы…</numerusform>
            <numerusform>Сохранено %1 из %n страниц…</numerusform>
            <numerusform>Сохранено %1 из %n страниц…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>Преобразование</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>Команда загрузки не настроена</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>Команда загрузки не завершилась за %1 с</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>Не удаётся запустить команду загрузки %1: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>Команда загрузки завершилась с ошибкой (код выхода %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>Команда загрузки не вывела URL в последней строке (получено: «%1»)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>Изображение не загружено: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Пароль прокси не удалось прочитать из связки ключей: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>Хостинг изображений из настроек использовать нельзя (%1); изображения загружаются через Telegraph, пока это не исправлено в Настройки → Изображения.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Не удалось запустить локальную песочницу: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — локальная песочница</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>Не удалось сохранить адрес локальной песочницы (%1): после перезапуска ссылки на её страницы и изображения могут не найтись.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>Объём содержимого</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 из %2 КиБ</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Строка %1, столбец %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>Готово к публикации</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>%n задача до публикации</numerusform>
            <numerusform>%n задачи до публикации</numerusform>
            <numerusform>%n задач до публикации</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>Доступна версия Telegraph Desktop %1.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>Скачать: %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>Проверка обновлений не удалась: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>Не удаётся создать папку данных %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>В прошлый раз приложение было закрыто некорректно. Восстановлено черновиков в последнем сохранённом виде: %n.</numerusform>
            <numerusform>В прошлый раз приложение было закрыто некорректно. Восстановлено черновиков в последнем сохранённом виде: %n.</numerusform>
            <numerusform>В прошлый раз приложение было закрыто некорректно. Восстановлено черновиков в последнем сохранённом виде: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Не удаётся импортировать %1: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Не удаётся экспортировать в %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубликовано: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Подготовка содержимого…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>текст слишком длинный для одной страницы</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>Обновление страницы…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Публикация…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Опубликовано: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>Не удалось сохранить версию: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>Создание страницы по приватной ссылке…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>Установка заголовка страницы…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>Страница создана по приватной ссылке, но её заголовок ещё не задан: %1. Опубликуйте ещё раз, чтобы задать его.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>База данных черновиков %1 записана более новой версией Telegraph Desktop, и эта версия не может её открыть (%2). Файл оставлен без изменений: воспользуйтесь более новой версией или переместите файл в другое место, чтобы начать с пустой базы.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>База данных черновиков %1 повреждена, и её не удалось заменить: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>База данных черновиков была повреждена. Она перемещена в %1; из неё в новую базу восстановлен %n черновик (версий: %2).</numerusform>
            <numerusform>База данных черновиков была повреждена. Она перемещена в %1; из неё в новую базу восстановлены %n черновика (версий: %2).</numerusform>
            <numerusform>База данных черновиков была повреждена. Она перемещена в %1; из неё в новую базу восстановлено %n черновиков (версий: %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>Не удалось прочитать %n повреждённую запись.</numerusform>
            <numerusform>Не удалось прочитать %n повреждённые записи.</numerusform>
            <numerusform>Не удалось прочитать %n повреждённых записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>Не удаётся открыть базу данных черновиков %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>Показать корзину</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>Переименование черновика</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Переместить в корзину</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Имя автора</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>Ссылка на автора (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>Ссылка на автора</translation>
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
        <translation>Формат исходного текста</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 не является файлом секретов</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не сохранено секретов</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Не удаётся создать %1</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Учитывать регистр</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Заменить на</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Заменить все</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>Заменено: %n</numerusform>
            <numerusform>Заменено: %n</numerusform>
            <numerusform>Заменено: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>Режим &amp;фокуса</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>Выйти из режима фокуса</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>Только редактор, текущий абзац выделен</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>он больше %1 МиБ</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>это не корректный JSON (%1 на байте %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>это не объект JSON</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>его «version» не равна %1</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>«pages» — не объект</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>в «pages» больше %1 записей</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>в «pages» есть запись, которая не является относительным путём к файлу: «%1»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>запись «%1» — не объект</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>в записи «%1» поле «pending» — не дата</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>в записи «%1» нет корректного «path»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>в записи «%1» нет корректного «url»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>в записи «%1» «hash» — не SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>в записи «%1» «content» — не SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>в записи «%1» повреждены части серии</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>«images» — не объект</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>в «images» больше %1 записей</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>в «images» есть запись, которая не является парой SHA-256 и URL</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать файл соответствий %1: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>Файл соответствий %1 повреждён: %2. Он оставлен как есть; исправьте его или уберите (тогда все страницы будут созданы заново).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>Не удаётся записать файл соответствий %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>Слишком большой: серия</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущен</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>Папки %1 нет.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 — не папка.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>Просмотрены только первые %1 элементов папки.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: ссылка на папку, не пройдена.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: вложено глубже %2 папок, не прочитано.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: имя папки, которое нельзя опубликовать, не прочитано.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>в имени есть символы, которые нельзя опубликовать</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>ссылка на файл вне папки</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>не обычный файл</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>больше %1 МиБ</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>больше %n файла в папке</numerusform>
            <numerusform>больше %n файлов в папке</numerusform>
            <numerusform>больше %n файлов в папке</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>файлы папки вместе больше %1 МиБ</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>не читается: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>не текст в UTF-8</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: ссылка на %2 не ведёт ни к одному файлу папки.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: изображение %2 — не файл папки.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: изображение %2 больше %3 МиБ.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: изображение %2 не читается.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>прерванный запуск мог уже создать её страницу</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>переопубликовано по запросу</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>файл изменился</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>изменились его ссылки или изображения</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>файла больше нет</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>Публикация папки</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Чтение аккаунта…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>Поиск страниц прерванного запуска…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 нужно загрузить, но хостинг изображений не настроен</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Загрузка %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>Создание страницы %1…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>Эта серия публикуется.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>Обновление страницы %1…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Эта часть серии публикуется.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>Создание части %1 из %2 для %3…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>Публикация страницы оглавления %1…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>Связывание части %1 из %2 для %3…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Эта часть больше не входит в серию.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>Пометка страницы %1 как удалённой…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>Эта страница удалена; её файл больше не публикуется.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>Папка опубликована не полностью: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Папка опубликована: создано %1, обновлено %2, без изменений %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>Не удалось опубликовать %n файл: %1</numerusform>
            <numerusform>Не удалось опубликовать %n файла: %1</numerusform>
            <numerusform>Не удалось опубликовать %n файлов: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>Некоторые байты недопустимы в кодировке %1 и заменены на �.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>В типе содержимого указана неизвестная кодировка «%1»; она проигнорирована.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>В документе объявлена неизвестная кодировка «%1»; он прочитан как UTF-8, если это допустимо, иначе как windows-1252.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>В документе не указана кодировка, и он не является допустимым UTF-8; он прочитан как %1.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>ответа на загрузку</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>Адрес хостинга изображений использовать нельзя: %1 (ключи и изображения передавались бы открытым текстом)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>Ключ хостинга изображений хранится в связке ключей, которая пока недоступна</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>Ключ хостинга изображений хранится в связке ключей, которая недоступна</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>Значение %1 для хостинга изображений не удалось прочитать (хранилище: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>Сохранённое значение %1 для хостинга изображений содержит перевод строки</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>%1: загрузка отклонена (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>%1: вместо URL изображения получена HTML-страница (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>%1: вместо URL изображения получен пустой ответ (HTTP %2)</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>В ответе %1 нет URL по пути «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>%1: в ответе текст, а не JSON, в котором ожидается URL по пути «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>%1: ответ не является URL изображения: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>Повторить загрузку изображений</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>Вставить изображение по URL…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>Загрузка %1… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>Загрузка вставленного изображения… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>Вставка изображения по URL</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>URL изображения (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 — не адрес http или https.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Ошибка загрузки: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>файл не существует</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 превышает ограничение хостинга в %2</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>не является файлом JPEG, PNG, GIF, WebP или MP4 (проверено по содержимому)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>этот хостинг не принимает %1 (принимаются: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>Адрес загрузки должен быть полным и начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>Имя поля файла пустое.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>Строка заголовка «%1» не имеет вида «Имя: значение».</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>Строка поля формы «%1» не имеет вида «имя=значение».</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>Команда загрузки пуста.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>Команда «%1» не найдена или не может быть запущена.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>Адрес загрузки должен начинаться с https:// (простой http:// — только для этого компьютера: localhost или 127.0.0.1), чтобы ключи и изображения не передавались открытым текстом.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>Бесплатно, учётная запись не нужна; файлы хранятся, пока их не удалят. Укажите свой user hash catbox.moe после userhash=, чтобы загрузки были видны в вашей учётной записи (он хранится в связке ключей).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>Нужен бесплатный API-ключ с api.imgbb.com: укажите его после key= (он хранится в связке ключей и передаётся в форме, а не в адресе). Сайты на Chevereto отвечают так же.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>Учётная запись не нужна; файлы удаляются через время, которое зависит от их размера.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>Для %1 нужно значение поля формы «%2»: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>Свои настройки</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>Предустановка хостинга изображений</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>Не удаётся загрузить %1: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>Хостинг изображений не настроен.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>Не удалось прочитать вставленное изображение.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>Не удалось сохранить вставленное изображение в %1.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>В этой системе нет доступной связки ключей (%1)</translation>
    </message>
</context>
<context>
    <name>tg::LayoutMode</name>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Письмо</translation>
    </message>
    <message>
        <source>Write: the editor and the preview, with the drafts</source>
        <translation>Письмо: редактор и предпросмотр, с черновиками</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Библиотека</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>Библиотека: страницы, их статистика и аккаунты</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Сбросить расположение</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>Не удаётся открыть ссылку</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>Не удалось запустить браузер, чтобы открыть эту ссылку:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>Скопируйте ссылку и откройте её в браузере самостоятельно.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Копировать ссылку</translation>
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
        <translation>Черновики</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>Вставлено как чистое содержимое Telegraph.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>Вставлено; при импорте изменено: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Новый черновик</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>&amp;Открыть страницу…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Открытие страницы</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>URL или путь страницы:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Черновик сохранён.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Импорт файла…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>О&amp;публиковать / обновить</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>&amp;Версии…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Нас&amp;тройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Найти и &amp;заменить…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>Фор&amp;мат</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Полужирный</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Курсив</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Ссылка</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>П&amp;одзаголовок</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Цитата</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>Сп&amp;исок</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>Ко&amp;д</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>&amp;Блок кода</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Предпросмотр</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>&amp;Тёмный предпросмотр</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown или HTML (*.md *.markdown *.txt *.html *.htm);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;Узлы Telegraph (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>Опубликовать се&amp;рией</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>HTML адаптирован к возможностям Telegraph: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Учётная запись</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>Преобразование вставленного содержимого…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>Вставленный текст похож на Markdown, но этот черновик написан в HTML: символы разметки отобразятся как обычный текст.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>Переключиться на Markdown</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>О&amp;публиковать в локальной песочнице</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>О&amp;публиковать в локальной песочнице как %1</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>О&amp;публиковать как %1</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>Изображения нельзя загрузить: хостинг изображений не настроен.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>Не удалось записать %1: %2. Текст остаётся в приложении; выберите Файл → Экспорт…, чтобы сохранить его в другом месте.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 больше не существует; файл удалён из списка недавних файлов.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Нет недавних файлов</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>Недавние &amp;файлы</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>Черновик сохранён в %1.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Вставить изо&amp;бражение…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Вставка изображения</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Вст&amp;авить</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Выд&amp;елить всё</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>Во весь &amp;экран</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>&amp;О приложении Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>Для публикации папки нужен сервер: сначала выберите его.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>Хостинг изображений из настроек не работает (%1); локальные изображения папки нельзя загрузить, пока он не исправлен в «Настройки → Изображения».</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>Опубликовать &amp;папку…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>&amp;Искать везде…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Создать из &amp;шаблона…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>Сохранить черновик как шаб&amp;лон…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>Задать &amp;цель по словам…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не сохранено секретов</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph просит подождать: продолжение через %n секунду. Можно продолжать писать.</numerusform>
            <numerusform>Telegraph просит подождать: продолжение через %n секунды. Можно продолжать писать.</numerusform>
            <numerusform>Telegraph просит подождать: продолжение через %n секунд. Можно продолжать писать.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубликовано: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Открыть в браузере</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Закрыть сообщение</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>Действие с сообщением</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Файл не существует.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>Это не файл.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Не удаётся прочитать файл.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>Открывать можно только страницы на telegra.ph, graph.org и te.legra.ph.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>Этот адрес не указывает на страницу.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>Нечего открывать.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>Недопустимый адрес.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>Файлы на других компьютерах открыть нельзя.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>Адреса такого вида открыть нельзя.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>Открывать можно только файлы Markdown (.md, .markdown) и HTML (.html, .htm).</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>Открытие страницы</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>Открыто в формате Markdown: %1.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>Открыто в формате HTML: %1 — в Markdown что-то было бы потеряно (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>Не удалось открыть страницу: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Путь</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>№</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Открыть в &amp;редакторе</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Открыть в &amp;браузере</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Копировать URL</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>&amp;Снять с публикации…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>Фильтр по заголовку, пути или описанию</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>Экспорт страниц</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Обновление…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>Обновление отменено.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Ошибка обновления: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>Фильтр страниц</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>Ход обновления списка страниц</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать орфографический словарь %1: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>«%1» нельзя добавить в орфографический словарь: это не слово.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>Орфографический словарь заполнен (слов: %1); «%2» не добавлено.</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>Не удалось добавить «%1» в орфографический словарь %2: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>файл заполнен</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>Модуль предпросмотра не установлен (искали %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>Версия модуля предпросмотра не совпадает с версией приложения.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>Предпросмотр сейчас запустится…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>Не удалось запустить предпросмотр.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>&amp;Загружать внешние изображения в предпросмотре</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>Загружает ли предпросмотр этого черновика изображения из интернета, пока вы пишете; выбор сохраняется вместе с черновиком.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>Внешнее изображение не загружено:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>Приватная ссыл&amp;ка при первой публикации</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>Сначала опубликовать страницу под случайным заголовком, чтобы её ссылку нельзя было угадать по заголовку; настоящий заголовок задаётся сразу после этого.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>Приватная ссылка</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>Сервер не настроен: выберите его в настройках.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>Публикация уже выполняется.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>Не опубликовано: изображение ещё загружается или не загрузилось. Дождитесь загрузки, повторите её или удалите изображение.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>Этот текст слишком длинный для одной страницы. Опубликовать его серией: частями, разделёнными по заголовкам, связанными друг с другом и со страницей содержания?</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>Страница уже открывается.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>Открыт ваш черновик %1.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(без текста)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>Пока не опубликовано: у %n ссылки нет адреса: %1. Укажите адрес или опубликуйте как есть.</numerusform>
            <numerusform>Пока не опубликовано: у %n ссылок нет адреса: %1. Укажите адреса или опубликуйте как есть.</numerusform>
            <numerusform>Пока не опубликовано: у %n ссылок нет адреса: %1. Укажите адреса или опубликуйте как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Всё равно опубликовать</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Остановлено: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>&amp;Переопубликовать все страницы, даже неизменённые</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>&amp;Пометить страницы удалённых файлов как удалённые</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Опубликовать папку</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>Каждый файл Markdown и HTML в папке становится страницей; ссылки между файлами становятся ссылками между страницами, а локальные изображения загружаются один раз. Файл .telegraph.json в папке запоминает страницы, поэтому повторная публикация обновляет только изменённое.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>Папка для публикации</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>Что публикация делает с каждым файлом</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>Ход публикации</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>Папка для публикации</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>Выберите папку с файлами Markdown или HTML.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Чтение папки…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n создать</numerusform>
            <numerusform>%n создать</numerusform>
            <numerusform>%n создать</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n обновить</numerusform>
            <numerusform>%n обновить</numerusform>
            <numerusform>%n обновить</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n слишком большой, серией</numerusform>
            <numerusform>%n слишком больших, серией</numerusform>
            <numerusform>%n слишком больших, серией</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
            <numerusform>%n без изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n удалён</numerusform>
            <numerusform>%n удалено</numerusform>
            <numerusform>%n удалено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущен</numerusform>
            <numerusform>%n пропущено</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n предупреждение: %1</numerusform>
            <numerusform>%n предупреждения: %1</numerusform>
            <numerusform>%n предупреждений: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>Ограничение частоты: повтор через %n секунду…</numerusform>
            <numerusform>Ограничение частоты: повтор через %n секунды…</numerusform>
            <numerusform>Ограничение частоты: повтор через %n секунд…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>Telegram может ещё какое-то время показывать старую версию в Instant View и в предпросмотре ссылок. Чтобы обновить предпросмотр ссылки, отправьте ссылку боту @WebpageBot.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>Больше не показывать</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>Недопустимый ответ сервера: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Восстановить эту версию</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>Версий пока нет: версия сохраняется при каждой публикации или обновлении страницы.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>Выбрать другую папку данных…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>Сохранить текст в файл…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>Ваш текст не сохранён: в базу данных черновиков %1 невозможно записать (%2). Он хранится в памяти, и сохранение автоматически повторяется. Освободите место или исправьте права доступа к файлу, выберите другую папку данных или сохраните текст в файл.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Черновик без названия</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>Не удаётся сохранить текст в %1: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>Сохранение текста в файл</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>Черновики нельзя сохранить в %1: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>Выбор другой папки данных</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>Текст не сохранён</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>%n черновик не удалось сохранить в %1 (%2). Сохраните текст в файл перед выходом, иначе он будет потерян.</numerusform>
            <numerusform>%n черновика не удалось сохранить в %1 (%2). Сохраните текст в файл перед выходом, иначе он будет потерян.</numerusform>
            <numerusform>%n черновиков не удалось сохранить в %1 (%2). Сохраните текст в файл перед выходом, иначе он будет потерян.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>Сохранить в файл…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>Искать везде</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>Поиск по черновикам, версиям и страницам</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>Начните вводить, чтобы искать по черновикам, их версиям и страницам всех аккаунтов.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>Черновик, изменён %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>Версия, опубликована %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>Страница %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>Страница %1 на %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>Поиск недоступен: в SQLite этой системы нет полнотекстового поиска (FTS5). Черновики это не затрагивает.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>Ничего не найдено по запросу «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n результат.</numerusform>
            <numerusform>%n результата.</numerusform>
            <numerusform>%n результатов.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>Этого черновика больше нет.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>связка ключей не настроена</translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation>служба Secret Service не запущена</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation>Хранить токены только в этом сеансе (они будут забыты при выходе из приложения)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>Хранить токены в файле, доступном для чтения только мне (0600), без шифрования:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>Связка ключей недоступна</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>Системная связка ключей не может хранить ваши токены доступа Telegraph (%1). Выберите, как их хранить:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>Публикация серии</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>заголовок пуст</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Подготовка содержимого…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Эта часть серии публикуется.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>Создание части %1 из %2…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>Публикация страницы содержания…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>Связывание части %1 из %2…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Эта часть больше не входит в серию.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубликовано: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>Серия опубликована не полностью: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>Опубликовано серией из %n части: %1</numerusform>
            <numerusform>Опубликовано серией из %n частей: %1</numerusform>
            <numerusform>Опубликовано серией из %n частей: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>Ограничение размера страницы слишком мало для навигации по серии.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>Один блок (%1 байт) больше целой страницы; разбейте его на абзацы поменьше.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← Предыдущая часть</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>Следующая часть →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (часть %2 из %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>Настройки сохранены. Новый сервер и язык применятся после перезапуска.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>Настройки сохранены. Новый сервер применится после перезапуска.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>Настройки сохранены. Новый язык применится после перезапуска.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Свой URL</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>Локальная песочница (без сети)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation>Свой URL API:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Прокси:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>Имя автора по умолчанию:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>Ссылка на автора по умолчанию:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Шрифт редактора:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Размер шрифта:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>Тема предпросмотра:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>Сохранять после паузы в наборе:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Общие</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Редактор</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Изображения</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>&amp;Язык и обновления</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>Новый сервер применяется после перезапуска.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>Имя автора и ссылка текущей учётной записи имеют приоритет.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>Загрузка в Telegraph (устаревшая)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>Загрузка по HTTP (multipart-форма)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>Команда (PicGo, скрипт…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>telegra.ph не принимает загрузки с сентября 2024 года: с ним перетащенные изображения не загрузятся и останутся локальными файлами. Локальная песочница по-прежнему их принимает. Чтобы публиковать изображения на telegra.ph, выберите другой хостинг.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>Адрес загрузки:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>Имя поля файла:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>Заголовки (Имя: значение):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>Поля формы (имя=значение):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>Где URL в ответе:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Команда:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>Запускается с путём к изображению вместо {file} (добавляется в конец, если его нет); последняя выведенная строка должна быть URL изображения.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>Загружать изображения в:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>Лимит времени на изображение:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Поля формы</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Системный язык</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>Новый язык применяется после перезапуска.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>Проверять наличие новой версии при запуске</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>URL ленты выпусков:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>Приложение только сообщает о новой версии; оно никогда ничего не скачивает и не устанавливает. Выключено, пока вы не включите.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>Собственный URL API должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>URL ленты выпусков должен начинаться с https:// (http:// — только на этом компьютере).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>Пароль прокси (http://user:password@host:port) хранится в связке ключей, а не в файле настроек.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>Где находится URL изображения в JSON-ответе: путь через точку (data.url, 0.src) или JSON pointer (/data/url); пусто, если ответ — это сам URL. Значения заголовков, а также поля формы с именами вроде key, token, secret или password хранятся в связке ключей; в файле настроек вместо них указано «%1».</translation>
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
        <translation>Формат новых черновиков:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Предустановка:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>пароль прокси</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>значение %1 хостинга изображений</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>Не удаётся сохранить %1: не выбраны ни связка ключей, ни файл токенов для хранения секретов.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>повторно прочитанное значение отличается</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>Не удаётся сохранить %1 (хранилище: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 остаётся в файле настроек: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 остаётся в файле настроек: его не удалось повторно прочитать из связки ключей (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>значение отличается</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>Место для хранения секретов ещё не выбрано</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не сохранено секретов</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Сочетание клавиш</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>уже запущен другой экземпляр</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>Исходный текст статьи</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>Пишите в Markdown или HTML…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>полужирный</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>курсив</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>текст ссылки</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Подзаголовок</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>цитата</translation>
    </message>
    <message>
        <source>item</source>
        <translation>пункт</translation>
    </message>
</context>
<context>
    <name>tg::SpellChecker</name>
    <message>
        <source>The %1 spelling dictionary cannot be read: %2 is missing or not readable.</source>
        <translation>Не удаётся прочитать орфографический словарь (%1): файл %2 отсутствует или недоступен для чтения.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>Орфографический словарь (%1) использует кодировку %2, которую это приложение не может преобразовать.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>Проверка орфографии недоступна: в этой сборке приложения нет Hunspell (не удалось загрузить %1).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>Ор&amp;фография</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>&amp;Проверять орфографию при вводе</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;Следующая ошибка</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>Проверка орфографии недоступна: в этой сборке приложения нет Hunspell.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>Орфографический словарь (%1) не установлен; установите %2, чтобы проверять орфографию.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Нет вариантов</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>&amp;Добавить в словарь</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Игнорировать</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;По умолчанию: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (не установлен)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>Словари не установлены (Debian: hunspell-en-us, hunspell-ru, …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1, %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: не загружено</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln просмотр</numerusform>
            <numerusform>%1: %Ln просмотра</numerusform>
            <numerusform>%1: %Ln просмотров</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Последние 48 часов</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Последние 90 дней</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>Последние 24 месяца</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>Экспорт просмотров</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>Выберите страницу, чтобы увидеть её просмотры.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>Не удалось загрузить просмотры: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>Пока нет данных для экспорта.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>Страницы не загружены.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>Самые просматриваемые страницы</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln просмотр за этот период</numerusform>
            <numerusform>%Ln просмотра за этот период</numerusform>
            <numerusform>%Ln просмотров за этот период</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>всего %Ln</numerusform>
            <numerusform>всего %Ln</numerusform>
            <numerusform>всего %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>Учётная запись: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln просмотр</numerusform>
            <numerusform>%Ln просмотра</numerusform>
            <numerusform>%Ln просмотров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln загруженная страница</numerusform>
            <numerusform>%Ln загруженные страницы</numerusform>
            <numerusform>%Ln загруженных страниц</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>Короткое имя</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>Токен доступа не задан</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>Неизвестное поле учётной записи «%1» (известные: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>Требуется путь страницы</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>Смещение не может быть отрицательным</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>Ограничение должно быть от 0 до 200</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>Год должен быть от 2000 до 2100</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>Месяц должен быть от 1 до 12</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>День должен быть от 1 до 31</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>Час должен быть от 0 до 23</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>Для месяца нужно указать год</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>Для дня нужно указать месяц</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>Для часа нужно указать день</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>«%1» не является именем метода</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>Параметры не являются объектом JSON</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>Нет ответа от сервера в течение %1 с</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>Ошибка защищённого соединения: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>Сервер нарушил протокол HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>Ответ сервера оборван (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Ошибка сети: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>Сервер прислал HTML-страницу (HTTP %1) вместо %2</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>Сервер вернул ошибку HTTP %1 вместо %2</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>Сервер прислал пустой ответ (HTTP %1) вместо %2</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>Сервер прислал искажённый или неполный ответ (HTTP %1) вместо %2</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>JSON-конверта</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1: обязательное поле</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1: длина %2 симв., допускается не более %3</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>Имя автора</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>URL автора</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 МиБ</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 КиБ</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>Сервер перенаправил запрос на другой хост (%1); перенаправление не выполнено, поэтому токен доступа и ключи из запроса остались у %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>Ответ сервера превышает ограничение в %1 и был обрезан</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>Сервер перенаправил запрос слишком много раз</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>Загрузка отклонена: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>ответа на загрузку</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>Не удалось сохранить черновик из шаблона «%1»: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>Новый черновик из шаблона «%1».</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>Сохранение черновика как шаблона</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Имя нового шаблона:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>Не сохранено как шаблон: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>Сохранено как шаблон «%1»: Файл → Создать из шаблона… создаёт по нему черновик.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Создать из шаблона</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>&amp;Создать черновик</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (встроенный)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>Один из ваших шаблонов.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Заголовок: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>Написан в HTML.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>Написан в Markdown.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Переименование шаблона</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Новое имя шаблона:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Удаление шаблона</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>Удалить шаблон «%1»? Черновики, созданные по нему, останутся.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>Вводный абзац, разделы с заголовками, список и цитата.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Объявление</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>Что происходит, что меняется, когда и где, и что нужно сделать.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Список изменений</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>Новые возможности выпуска, улучшения, исправления и примечания к обновлению.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>У шаблона должно быть имя.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>Имя шаблона слишком длинное: символов — %1, допускается не более %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>Имя шаблона не может содержать переводы строк и управляющие символы.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>Шаблон с именем «%1» уже существует.</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>Текст слишком длинный для шаблона: %1 КиБ, допускается не более %2 КиБ.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>В черновике нет текста, который можно сохранить как шаблон.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>Текст слишком длинный для шаблона: содержимое его страницы занимает %1 КиБ, а страница вмещает не более %2 КиБ.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>Шаблоны нельзя сохранить: база данных черновиков не открыта.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>Шаблонов уже %1 — это максимум: сначала удалите один из них.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Не удалось сохранить шаблон: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>Встроенные шаблоны нельзя переименовать.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>Шаблоны нельзя изменить: база данных черновиков не открыта.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>Не удалось переименовать шаблон: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>Встроенные шаблоны нельзя удалить.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>Не удалось удалить шаблон: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Пр&amp;окрутка как в пишущей машинке</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>Держать текущую строку посередине редактора</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>Снять страницу с публикации</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>Заменить содержимое «%1» (%2) этим уведомлением? Telegraph не умеет удалять страницы; страница остаётся по своему адресу и показывает только уведомление.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>Текущее содержимое сохраняется на этом компьютере как версия черновика страницы: Файл → Версии… восстанавливает его и публикует обратно.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>Уведомление вместо содержимого</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;Снять с публикации</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Снять с публикации</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>Автор снял эту страницу с публикации.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>Снятие с публикации</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>Не указана страница для снятия с публикации.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>Напишите уведомление, которое страница покажет вместо содержимого.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>Получение %1, чтобы сохранить содержимое…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>%1 не снята с публикации и не изменилась: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>%1 не снята с публикации и не изменилась: её содержимое не удалось сохранить в базе черновиков.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>Замена содержимого %1 уведомлением…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>%1 снята с публикации. Её содержимое сохранено в черновике «%2»: Файл → Версии… восстанавливает его.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>%1 не снята с публикации и не изменилась (содержимое всё равно сохранено как локальная версия): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>Нет сохранённой версии %1 опубликованной страницы.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>Сохранённое содержимое %1 не читается: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>Повторная публикация сохранённого содержимого %1…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 снова опубликована.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 не опубликована снова: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>В уведомлении %n символ; уложитесь в %1.</numerusform>
            <numerusform>В уведомлении %n символа; уложитесь в %1.</numerusform>
            <numerusform>В уведомлении %n символов; уложитесь в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>Лента обновлений содержит недопустимый JSON: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>Лента обновлений не является объектом JSON.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>В ленте обновлений нет допустимой версии.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>В ленте обновлений недопустимый адрес выпуска.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>Проверка обновлений отменена.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>Лента обновлений слишком велика.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>Лента обновлений ответила с кодом HTTP %1.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>Лента обновлений не ответила вовремя.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>Не удалось связаться с лентой обновлений: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>Руководство пользователя Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>В этой сборке нет руководства пользователя.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>Требуется заголовок.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Заголовок содержит %n символ; Telegraph допускает не более %1.</numerusform>
            <numerusform>Заголовок содержит %n символа; Telegraph допускает не более %1.</numerusform>
            <numerusform>Заголовок содержит %n символов; Telegraph допускает не более %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Имя автора содержит %n символ; Telegraph допускает не более %1.</numerusform>
            <numerusform>Имя автора содержит %n символа; Telegraph допускает не более %1.</numerusform>
            <numerusform>Имя автора содержит %n символов; Telegraph допускает не более %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>URL автора содержит %n символ; Telegraph допускает не более %1.</numerusform>
            <numerusform>URL автора содержит %n символа; Telegraph допускает не более %1.</numerusform>
            <numerusform>URL автора содержит %n символов; Telegraph допускает не более %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>Требуется содержимое.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>Содержимое занимает %n байт; Telegraph допускает не более %1 байт (64 КиБ).</numerusform>
            <numerusform>Содержимое занимает %n байта; Telegraph допускает не более %1 байт (64 КиБ).</numerusform>
            <numerusform>Содержимое занимает %n байт; Telegraph допускает не более %1 байт (64 КиБ).</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>В содержимом нет текста; Telegraph требует, чтобы на странице был текст.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>Тег &lt;%1&gt; не допускается в содержимом Telegraph.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>Имя атрибута «%1» у &lt;%2&gt; не является допустимым именем атрибута HTML (допускаются буквы, цифры, «-», «_», «:» и «.», первой должна быть буква).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>Глубина вложенности содержимого больше %1.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>Добро пожаловать в Telegraph Desktop</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>Куда публиковать ваши страницы? Это можно изменить позже в настройках.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>Публиковать на telegra.ph</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>Ваши страницы публикуются на telegra.ph. Создайте учётную запись Telegraph на панели «Учётные записи».</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>Попробовать локальную песочницу</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>Сервер Telegraph внутри приложения с уже созданной для вас учётной записью: публикуйте, редактируйте и снимайте с публикации без сети. Ничто не покидает этот компьютер.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>Использовать имеющуюся учётную запись</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>Импортируйте существующую учётную запись Telegraph по её токену доступа (от бота или другого приложения) и публикуйте с ней на telegra.ph.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>Цель по словам</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>Сколько слов написать в этом черновике (0 — без цели):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>Цель по словам</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>Цель по словам не может быть отрицательной. Введите 0, чтобы не задавать цель.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 — слишком много слов для цели: допускается не более %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>«%1» — не целое число слов. Введите число, например %L2, или 0, чтобы не задавать цель.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>%L1 — слишком много слов для цели: допускается не более %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>Выполнение цели по словам</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>Нет открытого черновика, для которого можно задать цель по словам.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>Цель по словам — от 0 до %L1 слов.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>Не удалось сохранить цель по словам в базе данных черновиков: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln слово</numerusform>
            <numerusform>%Ln слова</numerusform>
            <numerusform>%Ln слов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln символ</numerusform>
            <numerusform>%Ln символа</numerusform>
            <numerusform>%Ln символов</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 мин чтения</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln мин чтения</numerusform>
            <numerusform>%Ln мин чтения</numerusform>
            <numerusform>%Ln мин чтения</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>Подсчитаны только первые %L1 символов этого черновика.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>Слова и символы текста без учёта разметки</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>Выделение: подсчёт…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Выделение: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · цель достигнута</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>Цель: %Ln слово</numerusform>
            <numerusform>Цель: %Ln слова</numerusform>
            <numerusform>Цель: %Ln слов</numerusform>
        </translation>
    </message>
</context>
</TS>
