<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>такої сторінки немає</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>токен доступу облікового запису недійсний (відкликаний або виданий іншим сервером)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>сторінка належить іншому обліковому запису</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>вміст перевищує обмеження Telegraph у 64 КіБ</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>Telegraph не зміг зберегти сторінку (PAGE_SAVE_FAILED); спробуйте ще раз трохи згодом</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>сервер відмовив: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>не вдалося зв’язатися із сервером (%1); нічого не змінено, можна спробувати пізніше</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>Telegraph просить зачекати %n секунду перед наступною зміною</numerusform>
            <numerusform>Telegraph просить зачекати %n секунди перед наступною зміною</numerusform>
            <numerusform>Telegraph просить зачекати %n секунд перед наступною зміною</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>скасовано</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>Про Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версія %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>Пишіть, переглядайте та публікуйте сторінки в Telegraph.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>Вільне програмне забезпечення за ліцензією MIT.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>Сторінка проєкту</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README і посібник користувача</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>Новий обліковий запис Telegraph</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>Імпорт облікового запису</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Редагування облікового запису</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>напр. blog (літери, цифри, . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;Назва в цій програмі:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Токен доступу:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Коротке ім’я:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Ім’я &amp;автора:</translation>
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
        <translation>Ще виконується інша операція з обліковим записом; спробуйте, коли вона завершиться.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>Виберіть іншу назву: %1 уже зайнята або недопустима.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Облікового запису з назвою %1 немає.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>Не вдалося прочитати токен %1: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>Обліковий запис створено, але не вдалося зберегти його токен: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>Не вдалося зберегти токен: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>Не вдалося створити обліковий запис: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Обліковий запис %1 створено.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>Введіть токен доступу облікового запису.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>Токен не прийнято: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>Обліковий запис %1 імпортовано.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>Спершу виберіть обліковий запис.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>Не вдалося змінити обліковий запис: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Обліковий запис %1 змінено.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>Немає посилання для входу: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>сервер його не надіслав</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>Посилання для входу відкрито в браузері (дійсне 5 хвилин).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>Токен не відкликано: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>Токен відкликано, але не вдалося зберегти новий: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>Токен %1 відкликано й замінено.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>Не вдалося вилучити %1: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 вилучено з цього комп’ютера.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>Обліковий запис змінився до того, як надійшли його дані.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Створити…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Імпортувати…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Редагувати…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>&amp;Увійти на telegra.ph</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>&amp;Відкликати токен…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>В&amp;илучити</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Облікові записи</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>Відкриває в браузері одноразове посилання для входу (дійсне 5 хвилин)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — немає з’єднання або відмовлено: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>Відкликати токен доступу %1? Усі інші програми та пристрої, що його використовують, втратять доступ; ця програма працюватиме далі з новим токеном.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>Вилучити %1 з цього комп’ютера? Обліковий запис і його сторінки залишаться в Telegraph; без токена ви не зможете редагувати їх звідси.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Збережені облікові записи</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n сторінка</numerusform>
            <numerusform>%1 — %n сторінки</numerusform>
            <numerusform>%1 — %n сторінок</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>Облікові записи локальної пісочниці не можуть входити на telegra.ph</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>Облікові записи не можна зберегти (%1). Перезапустіть застосунок, щоб вибрати, де зберігати токени.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Обліковий запис: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>Деякі секрети досі зберігаються у файлі налаштувань: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>%1 пошкоджено (не об’єкт JSON)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Не вдається створити %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>&apos;%1&apos; — неприпустима назва облікового запису (літери, цифри, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>Кеш списку сторінок %1 недоступний: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Облікові записи</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Сторінки</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>&amp;Оновити список сторінок</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;Скасувати оновлення</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>&amp;Резервна копія облікового запису…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>Облікового запису Telegraph ще немає: створіть його або імпортуйте свій за токеном доступу на панелі «Облікові записи».</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>Зараз змінюється інша сторінка; спробуйте, коли це завершиться.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>Спершу виберіть обліковий запис для резервної копії.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>Резервна копія Telegraph — %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>Виберіть теку для резервної копії.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 — це файл, а не тека.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>Не вдається створити %1: %2 не є текою.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>Не вдається створити %1 (немає прав?).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>До %1 не можна записувати.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Вибрати…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>&amp;Почати копіювання</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Зупинити</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Відкрити теку</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрити</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>Резервна копія облікового запису %1</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>Зберігає всі сторінки %1 у теку: Markdown (HTML, якщо Markdown щось втратить) і JSON вузлів для кожної сторінки, покажчик із заголовками, посиланнями й переглядами та список посилань на зображення. Перерване копіювання продовжується з місця зупинки.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Тека резервної копії</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Перебіг резервного копіювання</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Тека:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>Тека резервної копії</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>У цій теці є перервана копія; її буде продовжено (уже збережено %n сторінку).</numerusform>
            <numerusform>У цій теці є перервана копія; її буде продовжено (уже збережено %n сторінки).</numerusform>
            <numerusform>У цій теці є перервана копія; її буде продовжено (уже збережено %n сторінок).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>Потрібно зберегти %n сторінку; продовжуємо після %1 уже збережених.</numerusform>
            <numerusform>Потрібно зберегти %n сторінки; продовжуємо після %1 уже збережених.</numerusform>
            <numerusform>Потрібно зберегти %n сторінок; продовжуємо після %1 уже збережених.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>Потрібно зберегти %n сторінку.</numerusform>
            <numerusform>Потрібно зберегти %n сторінки.</numerusform>
            <numerusform>Потрібно зберегти %n сторінок.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>Читання списку сторінок…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>Резервну копію готово: %n сторінка</numerusform>
            <numerusform>Резервну копію готово: %n сторінки</numerusform>
            <numerusform>Резервну копію готово: %n сторінок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (продовжено: %n уже було збережено раніше)</numerusform>
            <numerusform> (продовжено: %n уже було збережено раніше)</numerusform>
            <numerusform> (продовжено: %n уже було збережено раніше)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n сторінку збережено як HTML, бо Markdown щось втратив би.</numerusform>
            <numerusform>%n сторінки збережено як HTML, бо Markdown щось втратив би.</numerusform>
            <numerusform>%n сторінок збережено як HTML, бо Markdown щось втратив би.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>Зупинено. Збережено %n сторінку; «Почати» продовжить копіювання.</numerusform>
            <numerusform>Зупинено. Збережено %n сторінки; «Почати» продовжить копіювання.</numerusform>
            <numerusform>Зупинено. Збережено %n сторінок; «Почати» продовжить копіювання.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>Резервне копіювання зупинилося: %1. Збережене залишається; «Почати» продовжить його.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>Збережено %1 з %n сторінки (%2 з попереднього запуску, %3 як HTML)…</numerusform>
            <numerusform>Збережено %1 з %n сторінок (%2 з попереднього запуску, %3 як HTML)…</numerusform>
            <numerusform>Збережено %1 з %n сторінок (%2 з попереднього запуску, %3 як HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>Збережено %1 з %n сторінки…</numerusform>
            <numerusform>Збережено %1 з %n сторінок…</numerusform>
            <numerusform>Збережено %1 з %n сторінок…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>Перетворення</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>Команду вивантаження не налаштовано</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>Команда вивантаження не завершилася протягом %1 с</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>Не вдається запустити команду вивантаження %1: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>Команда вивантаження завершилася з помилкою (код виходу %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>Команда вивантаження не вивела URL в останньому рядку (отримано &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>Зображення не вивантажено: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>Пароль проксі не вдалося прочитати з в’язки ключів: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>Хостинг зображень із налаштувань використати не можна (%1); зображення завантажуються через Telegraph, доки це не виправлено в Налаштування → Зображення.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Не вдалося запустити локальну пісочницю: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — локальна пісочниця</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>Не вдалося зберегти адресу локальної пісочниці (%1): після перезапуску посилання на її сторінки та зображення можуть не знайтися.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>Розмір вмісту</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Попередження</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 з %2 КіБ</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Рядок %1, стовпець %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>Готово до публікації</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n помилка</numerusform>
            <numerusform>%n помилки</numerusform>
            <numerusform>%n помилок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n попередження</numerusform>
            <numerusform>%n попередження</numerusform>
            <numerusform>%n попереджень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>%n завдання до публікації</numerusform>
            <numerusform>%n завдання до публікації</numerusform>
            <numerusform>%n завдань до публікації</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>Доступна версія Telegraph Desktop %1.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>Завантажити: %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>Перевірка оновлень не вдалася: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>Не вдається створити теку даних %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>Минулого разу програма завершила роботу некоректно. Відновлено чернеток в останньому збереженому стані: %n.</numerusform>
            <numerusform>Минулого разу програма завершила роботу некоректно. Відновлено чернеток в останньому збереженому стані: %n.</numerusform>
            <numerusform>Минулого разу програма завершила роботу некоректно. Відновлено чернеток в останньому збереженому стані: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Не вдається імпортувати %1: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Не вдається експортувати в %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>Публікація</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубліковано: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Підготовка вмісту…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>текст задовгий для однієї сторінки</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>Оновлення сторінки…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Публікація…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>Опубліковано: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>Не вдалося зберегти редакцію: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>Створення сторінки за приватним посиланням…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>Встановлення назви сторінки…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>Сторінку створено за приватним посиланням, але її назву ще не встановлено: %1. Опублікуйте ще раз, щоб її встановити.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>Базу даних чернеток %1 записано новішою версією Telegraph Desktop, і ця версія не може її відкрити (%2). Файл залишено без змін: скористайтеся новішою версією або перемістіть файл в інше місце, щоб почати з порожньої бази.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>База даних чернеток %1 пошкоджена, і її не вдалося замінити: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>База даних чернеток була пошкоджена. Її переміщено до %1; з неї до нової бази відновлено %n чернетку (редакцій: %2).</numerusform>
            <numerusform>База даних чернеток була пошкоджена. Її переміщено до %1; з неї до нової бази відновлено %n чернетки (редакцій: %2).</numerusform>
            <numerusform>База даних чернеток була пошкоджена. Її переміщено до %1; з неї до нової бази відновлено %n чернеток (редакцій: %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>Не вдалося прочитати %n пошкоджений запис.</numerusform>
            <numerusform>Не вдалося прочитати %n пошкоджені записи.</numerusform>
            <numerusform>Не вдалося прочитати %n пошкоджених записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>Не вдається відкрити базу даних чернеток %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>Показати кошик</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Чернетки</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без назви)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копія)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновити</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Видалити назавжди</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Перейменувати…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>Перейменування чернетки</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублювати</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Перемістити в кошик</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Ім’я автора</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>Посилання на автора (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>Посилання на автора</translation>
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
        <translation>Формат джерела</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 не є файлом секретів</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не вдається записати %1: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не збережено жодного секрету</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Не вдається створити %1</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Враховувати регістр</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Знайти</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Замінити на</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Наступне</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Попереднє</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Замінити</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Замінити все</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не знайдено</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n заміна</numerusform>
            <numerusform>%n заміни</numerusform>
            <numerusform>%n замін</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>Режим &amp;фокусування</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>Вийти з режиму фокусування</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>Лише редактор, абзац, який ви пишете, виділено</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>він більший за %1 МіБ</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>це не коректний JSON (%1 на байті %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>це не об’єкт JSON</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>його «version» не дорівнює %1</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>«pages» — не об’єкт</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>у «pages» більше %1 записів</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>у «pages» є запис, що не є відносним шляхом до файлу: «%1»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>запис «%1» — не об’єкт</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>у записі «%1» поле «pending» — не дата</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>у записі «%1» немає коректного «path»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>у записі «%1» немає коректного «url»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>у записі «%1» «hash» — не SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>у записі «%1» «content» — не SHA-256</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>у записі «%1» пошкоджено частини серії</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>«images» — не об’єкт</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>у «images» більше %1 записів</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>у «images» є запис, що не є парою SHA-256 і URL</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>Не вдається прочитати файл відповідностей %1: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>Файл відповідностей %1 пошкоджено: %2. Його залишено як є; виправте його або приберіть (тоді всі сторінки буде створено заново).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>Не вдається записати файл відповідностей %1: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>Створити</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без змін</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>Завеликий: серія</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Вилучено</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>Теки %1 немає.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 — не тека.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>Переглянуто лише перші %1 елементів теки.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: посилання на теку, не пройдено.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: вкладено глибше за %2 тек, не прочитано.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: назва теки, яку не можна опублікувати, не прочитано.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>у назві є символи, які не можна опублікувати</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>посилання на файл поза текою</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>не звичайний файл</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>більше за %1 МіБ</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>більше за %n файл у теці</numerusform>
            <numerusform>більше за %n файли у теці</numerusform>
            <numerusform>більше за %n файлів у теці</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>файли теки разом більші за %1 МіБ</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>не читається: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>не текст в UTF-8</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: посилання на %2 не веде до жодного файлу теки.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: зображення %2 — не файл теки.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: зображення %2 більше за %3 МіБ.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: зображення %2 не читається.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>перерваний запуск міг уже створити її сторінку</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>переопубліковано на запит</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>файл змінився</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>змінилися його посилання чи зображення</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>файлу більше немає</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>Публікація теки</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>Читання облікового запису…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>Пошук сторінок перерваного запуску…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 треба завантажити, але хостинг зображень не налаштовано</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Завантаження %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>Створення сторінки %1…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>Ця серія публікується.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>Оновлення сторінки %1…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Ця частина серії публікується.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>Створення частини %1 з %2 для %3…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>Публікація сторінки змісту %1…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>Зв’язування частини %1 з %2 для %3…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Ця частина більше не входить до серії.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>Позначення сторінки %1 як вилученої…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>Цю сторінку вилучено; її файл більше не публікується.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>Теку опубліковано не повністю: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Теку опубліковано: створено %1, оновлено %2, без змін %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>Не вдалося опублікувати %n файл: %1</numerusform>
            <numerusform>Не вдалося опублікувати %n файли: %1</numerusform>
            <numerusform>Не вдалося опублікувати %n файлів: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>Деякі байти недійсні для кодування %1, їх замінено на �.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>Тип вмісту вказує невідоме кодування «%1»; його проігноровано.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>Документ оголошує невідоме кодування «%1»; його прочитано як UTF-8, якщо він коректний, інакше як windows-1252.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>У документі не вказано кодування, і він не є коректним UTF-8; його прочитано як %1.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>відповіді на вивантаження</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>Адресу хостингу зображень використати не можна: %1 (ключі та зображення передавалися б відкритим текстом)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>Ключ хостингу зображень зберігається у в’язці ключів, яка ще недоступна</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>Ключ хостингу зображень зберігається у в’язці ключів, яка недоступна</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>Значення %1 для хостингу зображень не вдалося прочитати (сховище: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>Збережене значення %1 для хостингу зображень містить розрив рядка</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>Сервер %1 відхилив вивантаження (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>Сервер %1 відповів HTML-сторінкою (HTTP %2) замість URL зображення</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>Сервер %1 надіслав порожню відповідь (HTTP %2) замість URL зображення</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>У відповіді сервера %1 немає URL за шляхом «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>Сервер %1 відповів текстом, а не JSON, у якому URL очікується за шляхом «%2»: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>Сервер %1 відповів чимось, що не є URL зображення: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>Повторити вивантаження зображень</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>Вставити зображення за URL…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>Вивантаження %1… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>Вивантаження вставленого зображення… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>Вставити зображення за URL</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>URL зображення (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 не є адресою http або https.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Не вдалося вивантажити: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не вдається прочитати %1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>немає такого файлу</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>не вдається прочитати: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл порожній</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 перевищує обмеження хостингу в %2</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>не файл JPEG, PNG, GIF, WebP або MP4 (перевірено за вмістом)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>цей хостинг не приймає %1 (приймає: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>Адреса завантаження має бути повною й починатися з http:// або https://.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>Назва поля файлу порожня.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>Рядок заголовка «%1» не має вигляду «Назва: значення».</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>Рядок поля форми «%1» не має вигляду «назва=значення».</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>Команда завантаження порожня.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>Команду «%1» не знайдено або її не можна запустити.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>Адреса завантаження має починатися з https:// (звичайний http:// — лише для цього комп’ютера: localhost або 127.0.0.1), щоб ключі та зображення не передавалися відкритим текстом.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>Безкоштовно, обліковий запис не потрібен; файли зберігаються, доки їх не видалять. Укажіть свій user hash catbox.moe після userhash=, щоб бачити вивантаження у своєму обліковому записі (зберігається у в’язці ключів).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>Потрібен безкоштовний ключ API з api.imgbb.com: укажіть його після key= (він зберігається у в’язці ключів і надсилається у формі, а не в адресі). Сайти Chevereto відповідають так само.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>Обліковий запис не потрібен; файли видаляються через час, який залежить від їхнього розміру.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>%1 потребує значення для поля форми «%2»: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>Власне</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>Готове налаштування хостингу зображень</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>Не вдається вивантажити %1: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>Хостинг зображень не налаштовано.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>Не вдалося прочитати вставлене зображення.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>Не вдалося зберегти вставлене зображення в %1.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>У цій системі немає доступної в’язки ключів (%1)</translation>
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
        <translation>Письмо: редактор і попередній перегляд, з чернетками</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Бібліотека</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>Бібліотека: сторінки, їхня статистика й облікові записи</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Скинути розташування</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>Не вдається відкрити посилання</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>Не вдалося запустити браузер, щоб відкрити це посилання:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>Скопіюйте посилання й відкрийте його в браузері самостійно.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Копіювати посилання</translation>
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
        <translation>Чернетки</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>Вставлено як чистий вміст Telegraph.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>Вставлено; під час імпорту змінено: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Головна</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>&amp;Нова чернетка</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>&amp;Відкрити сторінку…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Відкриття сторінки</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>URL або шлях сторінки:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Чернетку збережено.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;Імпортувати файл…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Експортувати…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>&amp;Опублікувати / оновити</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>&amp;Редакції…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Зміни</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Знайти…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Знайти й &amp;замінити…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Знайти &amp;далі</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>Фор&amp;мат</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Жирний</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Курсив</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Посилання</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;Заголовок</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>П&amp;ідзаголовок</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Цитата</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>С&amp;писок</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>&amp;Блок коду</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Попередній перегляд</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>З&amp;більшити</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>З&amp;меншити</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>&amp;Темний попередній перегляд</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпорт</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown або HTML (*.md *.markdown *.txt *.html *.htm);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;Вузли Telegraph (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>Опублікувати як &amp;серію</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>HTML пристосовано до того, що приймає Telegraph: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Обліковий запис</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>Перетворення вставленого вмісту…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Імпорт %1…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>Вставлений текст схожий на Markdown, але ця чернетка написана в HTML: символи розмітки відобразяться як звичайний текст.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>Перейти на Markdown</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>&amp;Опублікувати в локальній пісочниці</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>&amp;Опублікувати в локальній пісочниці як %1</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>&amp;Опублікувати як %1</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>Зображення не можна вивантажити: хостинг зображень не налаштовано.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>Не вдалося записати %1: %2. Текст залишається в програмі; виберіть Файл → Експортувати…, щоб зберегти його деінде.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 більше не існує; його вилучено зі списку недавніх файлів.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Немає недавніх файлів</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Очистити список</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>Недавні &amp;файли</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>Чернетку збережено в %1.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Вставити &amp;зображення…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Вставити зображення</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Зображення (*.png *.jpg *.jpeg *.gif *.webp);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Ви&amp;різати</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Вставити</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Виді&amp;лити все</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>На весь &amp;екран</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>По&amp;сібник користувача</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Комбінації клавіш</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>&amp;Про Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>Для публікації теки потрібен сервер: спершу виберіть його.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>Хостинг зображень із налаштувань не працює (%1); локальні зображення теки не можна завантажити, доки його не виправлено в «Налаштування → Зображення».</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>Опублікувати &amp;теку…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>&amp;Шукати скрізь…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Нова чернетка із &amp;шаблону…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>Зберегти чернетку як шаб&amp;лон…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>Установити &amp;ціль за кількістю слів…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не збережено жодного секрету</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>Скасувати: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph просить зачекати: продовження через %n секунду. Можна писати далі.</numerusform>
            <numerusform>Telegraph просить зачекати: продовження через %n секунди. Можна писати далі.</numerusform>
            <numerusform>Telegraph просить зачекати: продовження через %n секунд. Можна писати далі.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубліковано: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>Копіювати посилання</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Відкрити в браузері</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Закрити повідомлення</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>Дія з повідомленням</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>Файл не існує.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>Це не файл.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Не вдається прочитати файл.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>Відкривати можна лише сторінки на telegra.ph, graph.org і te.legra.ph.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>Ця адреса не вказує на сторінку.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>Нічого відкривати.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>Адреса недійсна.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>Файли на інших комп’ютерах відкрити не можна.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>Адресу такого типу відкрити не можна.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>Відкривати можна лише файли Markdown (.md, .markdown) і HTML (.html, .htm).</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>Відкриття сторінки</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Відкриття %1…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>%1 відкрито як Markdown.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>%1 відкрито як HTML: у Markdown дещо було б втрачено (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>Не вдалося відкрити сторінку: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Шлях</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Перегляди</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>Відкрити в &amp;редакторі</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Відкрити в &amp;браузері</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Копіювати URL</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>&amp;Зняти з публікації…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Експортувати &amp;CSV…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>Фільтр за назвою, шляхом або описом</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>Експорт сторінок</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n сторінка</numerusform>
            <numerusform>%n сторінки</numerusform>
            <numerusform>%n сторінок</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не вдалося записати %1: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Оновлення…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>Оновлення скасовано.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Не вдалося оновити: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>Фільтр сторінок</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Сторінки</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>Перебіг оновлення списку сторінок</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>Не вдається прочитати орфографічний словник %1: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>«%1» не можна додати до орфографічного словника: це не слово.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>Орфографічний словник заповнено (слів: %1); «%2» не додано.</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>Не вдалося додати «%1» до орфографічного словника %2: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>файл заповнено</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>Модуль попереднього перегляду не встановлено (шукали: %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>Версія модуля попереднього перегляду відрізняється від версії програми.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>Попередній перегляд запуститься за мить…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>Не вдалося запустити попередній перегляд.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>Завантажувати &amp;віддалені зображення в попередньому перегляді</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>Чи завантажує попередній перегляд цієї чернетки зображення з інтернету, поки ви пишете; вибір зберігається разом із чернеткою.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>Віддалене зображення не завантажено:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>Приватне &amp;посилання під час першої публікації</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>Спершу опублікувати сторінку під випадковою назвою, щоб її посилання не можна було вгадати за назвою; справжню назву буде встановлено одразу після цього.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>Приватне посилання</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>Сервер не налаштовано: виберіть його в налаштуваннях.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>Публікація вже триває.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>Не опубліковано: зображення ще вивантажується або його не вдалося вивантажити. Зачекайте, повторіть спробу або видаліть його.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Публікація</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>Цей текст задовгий для однієї сторінки. Опублікувати його як серію: частини, розділені за заголовками та пов’язані між собою, зі сторінкою змісту?</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>Сторінка вже відкривається.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>Відкрито вашу чернетку %1.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(без тексту)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>Ще не опубліковано: %n посилання не має адреси: %1. Укажіть адресу або опублікуйте як є.</numerusform>
            <numerusform>Ще не опубліковано: %n посилання не мають адреси: %1. Укажіть адреси або опублікуйте як є.</numerusform>
            <numerusform>Ще не опубліковано: %n посилань не мають адреси: %1. Укажіть адреси або опублікуйте як є.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Усе одно опублікувати</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Зупинено: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Вибрати…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>&amp;Переопублікувати всі сторінки, навіть незмінені</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>&amp;Позначити сторінки вилучених файлів як вилучені</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опублікувати</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Зупинити</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрити</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>Опублікувати теку</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>Кожен файл Markdown і HTML у теці стає сторінкою; посилання між файлами стають посиланнями між сторінками, а локальні зображення завантажуються один раз. Файл .telegraph.json у теці пам’ятає сторінки, тож повторна публікація оновлює лише змінене.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>Тека для публікації</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>Що публікація робить із кожним файлом</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Сторінка</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>Хід публікації</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Тека:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>Тека для публікації</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>Виберіть теку з файлами Markdown або HTML.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Читання теки…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n створити</numerusform>
            <numerusform>%n створити</numerusform>
            <numerusform>%n створити</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n оновити</numerusform>
            <numerusform>%n оновити</numerusform>
            <numerusform>%n оновити</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n завеликий, серією</numerusform>
            <numerusform>%n завеликі, серією</numerusform>
            <numerusform>%n завеликих, серією</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n без змін</numerusform>
            <numerusform>%n без змін</numerusform>
            <numerusform>%n без змін</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n вилучено</numerusform>
            <numerusform>%n вилучено</numerusform>
            <numerusform>%n вилучено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущено</numerusform>
            <numerusform>%n пропущено</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n попередження: %1</numerusform>
            <numerusform>%n попередження: %1</numerusform>
            <numerusform>%n попереджень: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>Обмеження частоти: повтор через %n секунду…</numerusform>
            <numerusform>Обмеження частоти: повтор через %n секунди…</numerusform>
            <numerusform>Обмеження частоти: повтор через %n секунд…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>Telegram може ще деякий час показувати стару версію в Instant View і попередньому перегляді посилань. Щоб оновити попередній перегляд посилання, надішліть посилання боту @WebpageBot.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>Більше не показувати</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>Відповідь сервера недійсна: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Редакції</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без назви)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Відновити цю версію</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>Редакцій ще немає: нова зберігається щоразу, коли сторінку публікують або оновлюють.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>Вибрати іншу теку даних…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>Зберегти текст у файл…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>Ваш текст не збережено: до бази даних чернеток %1 неможливо записати (%2). Він зберігається в пам’яті, і збереження автоматично повторюється. Звільніть місце або виправте права доступу до файлу, виберіть іншу теку даних або збережіть текст у файл.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Чернетка без назви</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>Не вдається зберегти текст у %1: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>Збереження тексту у файл</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>Чернетки не можна зберегти в %1: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>Вибір іншої теки даних</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>Текст не збережено</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>%n чернетку не вдалося зберегти в %1 (%2). Збережіть текст у файл перед виходом, інакше його буде втрачено.</numerusform>
            <numerusform>%n чернетки не вдалося зберегти в %1 (%2). Збережіть текст у файл перед виходом, інакше його буде втрачено.</numerusform>
            <numerusform>%n чернеток не вдалося зберегти в %1 (%2). Збережіть текст у файл перед виходом, інакше його буде втрачено.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>Зберегти у файл…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>Шукати скрізь</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>Пошук у чернетках, версіях і сторінках</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>Почніть вводити, щоб шукати в чернетках, їхніх версіях і сторінках усіх облікових записів.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>Чернетка, змінена %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>Версія, опублікована %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>Сторінка %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>Сторінка %1 на %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(без назви)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>Пошук недоступний: у SQLite цієї системи немає повнотекстового пошуку (FTS5). Чернеток це не стосується.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Пошук не вдався: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>Нічого не знайдено за запитом «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n результат.</numerusform>
            <numerusform>%n результати.</numerusform>
            <numerusform>%n результатів.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>Цієї чернетки більше немає.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>в’язку ключів не налаштовано</translation>
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
        <translation>Зберігати токени лише протягом цього сеансу (їх буде забуто після виходу з програми)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>Зберігати токени у файлі, доступному лише мені (0600), без шифрування:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>В’язка ключів недоступна</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>Системна в’язка ключів не може зберігати ваші токени доступу Telegraph (%1). Виберіть, як їх зберігати:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>Публікація серії</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>заголовок порожній</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>Підготовка вмісту…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>Ця частина серії публікується.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>Створення частини %1 з %2…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>Публікація сторінки змісту…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>Зв’язування частини %1 з %2…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>Ця частина більше не входить до серії.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Не опубліковано: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>Серію опубліковано не повністю: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>Опубліковано як серію з %n частини: %1</numerusform>
            <numerusform>Опубліковано як серію з %n частин: %1</numerusform>
            <numerusform>Опубліковано як серію з %n частин: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>Обмеження розміру сторінки замале для навігації серією.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>Один блок (%1 байтів) більший за цілу сторінку; розділіть його на менші абзаци.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← Попередня частина</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Зміст</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>Наступна частина →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (частина %2 з %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>Налаштування збережено. Новий сервер і мова застосуються після перезапуску.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>Налаштування збережено. Новий сервер застосується після перезапуску.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>Налаштування збережено. Нова мова застосується після перезапуску.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Налаштування збережено.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Власний URL</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>Локальна пісочниця (офлайн)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Світла</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Темна</translation>
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
        <translation>Власний URL API:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Проксі:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>Типове ім’я автора:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>Типове посилання на автора:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Шрифт редактора:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Розмір шрифту:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>Тема попереднього перегляду:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>Зберігати після зупинки введення:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Загальні</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;Редактор</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;Зображення</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>&amp;Мова й оновлення</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>Новий сервер застосовується після перезапуску.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>Ім&apos;я автора й посилання поточного облікового запису мають пріоритет.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>Завантаження в Telegraph (застаріле)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>Завантаження через HTTP (multipart-форма)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>Команда (PicGo, скрипт…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>telegra.ph не приймає завантаження з вересня 2024 року: з ним перетягнуті зображення не завантажаться й залишаться локальними файлами. Локальна пісочниця досі їх приймає. Щоб публікувати зображення на telegra.ph, виберіть інший хостинг.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>Адреса завантаження:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>Назва поля файлу:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>Заголовки (Назва: значення):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>Поля форми (назва=значення):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>Де URL у відповіді:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Команда:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>Запускається зі шляхом до зображення замість {file} (додається в кінець, якщо його немає); останній виведений рядок має бути URL зображення.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>Завантажувати зображення в:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>Ліміт часу на зображення:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Поля форми</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Мова системи</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>Нова мова застосовується після перезапуску.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>Перевіряти наявність нової версії під час запуску</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Мова:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>URL стрічки випусків:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>Застосунок лише повідомляє про нову версію; він ніколи нічого не завантажує й не встановлює. Вимкнено, доки ви не ввімкнете.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>Власний URL API має починатися з http:// або https://.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>URL стрічки випусків має починатися з https:// (http:// — лише на цьому комп&apos;ютері).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>Пароль проксі (http://user:password@host:port) зберігається у в’язці ключів, а не у файлі налаштувань.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>Де розміщено URL зображення в JSON-відповіді: шлях через крапку (data.url, 0.src) або JSON pointer (/data/url); порожньо, якщо відповідь — це сам URL. Значення заголовків, а також поля форми з назвами на кшталт key, token, secret чи password зберігаються у в’язці ключів; у файлі налаштувань замість них показано «%1».</translation>
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
        <translation>Формат нових чернеток:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Готове налаштування:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>пароль проксі</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>значення %1 хостингу зображень</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>Не вдається зберегти %1: не вибрано ні в’язки ключів, ні файлу токенів для зберігання секретів.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>повторно прочитане значення відрізняється</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>Не вдається зберегти %1 (сховище: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 залишається у файлі налаштувань: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 залишається у файлі налаштувань: його не вдалося повторно прочитати з в’язки ключів (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>значення відрізняється</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>Місце для зберігання секретів ще не вибрано</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>Для %1 не збережено жодного секрету</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Комбінації клавіш</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Комбінація клавіш</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>уже запущено інший екземпляр</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>Джерело статті</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>Пишіть у Markdown або HTML…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>жирний</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>курсив</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>текст посилання</translation>
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
        <translation>Підзаголовок</translation>
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
        <translation>Не вдається прочитати орфографічний словник %1: файл %2 відсутній або недоступний для читання.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>Орфографічний словник %1 використовує кодування %2, яке ця програма не може перетворити.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>Перевірка орфографії недоступна: у цій збірці програми немає Hunspell (%1 не завантажено).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>&amp;Орфографія</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>&amp;Перевіряти орфографію під час введення</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;Наступна помилка</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>Перевірка орфографії недоступна: у цій збірці програми немає Hunspell.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>Орфографічний словник %1 не встановлено; установіть %2, щоб перевіряти орфографію.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>Немає варіантів</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>&amp;Додати до словника</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ігнорувати</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;Типово: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (не встановлено)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>Словники не встановлено (Debian: hunspell-en-us, hunspell-ru, …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>Перегляди</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1, %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: не завантажено</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln перегляд</numerusform>
            <numerusform>%1: %Ln перегляди</numerusform>
            <numerusform>%1: %Ln переглядів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Експортувати CSV…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Останні 48 годин</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Останні 30 днів</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Останні 90 днів</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Останні 12 місяців</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>Останні 24 місяці</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>Експорт переглядів</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Скасовано.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>Виберіть сторінку, щоб побачити її перегляди.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>Не вдалося завантажити перегляди: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>Поки що немає даних для експорту.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не вдалося записати %1: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>Сторінки не завантажено.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>Найпопулярніші сторінки</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln перегляд за цей період</numerusform>
            <numerusform>%Ln перегляди за цей період</numerusform>
            <numerusform>%Ln переглядів за цей період</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>усього %Ln</numerusform>
            <numerusform>усього %Ln</numerusform>
            <numerusform>усього %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>Обліковий запис: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln перегляд</numerusform>
            <numerusform>%Ln перегляди</numerusform>
            <numerusform>%Ln переглядів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln завантажена сторінка</numerusform>
            <numerusform>%Ln завантажені сторінки</numerusform>
            <numerusform>%Ln завантажених сторінок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>Коротке ім’я</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>Токен доступу не задано</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>Невідоме поле облікового запису &apos;%1&apos; (відомі: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>Шлях сторінки обов’язковий</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>Зсув не може бути від’ємним</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>Ліміт має бути від 0 до 200</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>Рік має бути від 2000 до 2100</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>Місяць має бути від 1 до 12</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>День має бути від 1 до 31</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>Година має бути від 0 до 23</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>Для місяця потрібен рік</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>Для дня потрібен місяць</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>Для години потрібен день</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>&apos;%1&apos; не є назвою методу</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>Параметри не є об’єктом JSON</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>Сервер не відповів протягом %1 с</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>Не вдалося встановити захищене з’єднання: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>Сервер порушив протокол HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>Відповідь сервера обірвалася (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Помилка мережі: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>Сервер надіслав HTML-сторінку (HTTP %1) замість %2</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>Сервер повернув помилку HTTP %1 замість %2</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>Сервер надіслав порожню відповідь (HTTP %1) замість %2</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>Сервер надіслав пошкоджену або неповну відповідь (HTTP %1) замість %2</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>обгортки JSON</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 — обов’язкове поле</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1 має довжину %2 символів; дозволено щонайбільше %3</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>Ім’я автора</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>URL автора</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 МіБ</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 КіБ</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байтів</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>Сервер переспрямував запит на інший хост (%1); переспрямування не виконано, тож токен доступу й ключі із запиту залишилися в %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>Відповідь сервера перевищує обмеження в %1, тому її обрізано</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>Сервер переспрямував запит забагато разів</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>Вивантаження відхилено: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>відповіді на вивантаження</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>Не вдалося зберегти чернетку із шаблону «%1»: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>Нова чернетка із шаблону «%1».</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>Зберегти чернетку як шаблон</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>Назва нового шаблону:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>Не збережено як шаблон: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>Збережено як шаблон «%1»: Файл → Нова чернетка із шаблону… створює з нього чернетку.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>Нова чернетка із шаблону</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>&amp;Створити чернетку</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Перейменувати…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Видалити</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (вбудований)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>Один із ваших шаблонів.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Назва: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>Написано в HTML.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>Написано в Markdown.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Перейменування шаблону</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>Нова назва шаблону:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>Видалення шаблону</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>Видалити шаблон «%1»? Чернетки, створені з нього, залишаться.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>Стаття</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>Вступний абзац, розділи із заголовками, список і цитата.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Оголошення</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>Що відбувається, що змінюється, коли й де, і що робити.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>Список змін</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>Нові можливості випуску, покращення, виправлення й примітки щодо оновлення.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>Шаблону потрібна назва.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>Назва шаблону задовга: символів — %1, дозволено щонайбільше %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>Назва шаблону не може містити розривів рядків або керівних символів.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>Шаблон із назвою «%1» уже існує.</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>Текст задовгий для шаблону: %1 КіБ, дозволено щонайбільше %2 КіБ.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>У чернетці немає тексту, який можна зберегти як шаблон.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>Текст задовгий для шаблону: його вміст сторінки займає %1 КіБ, а сторінка вміщує щонайбільше %2 КіБ.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>Шаблони не можна зберегти: базу даних чернеток не відкрито.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>Шаблонів уже %1 — це максимум: спершу видаліть один із них.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Не вдалося зберегти шаблон: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>Вбудовані шаблони не можна перейменовувати.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>Шаблони не можна змінити: базу даних чернеток не відкрито.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>Не вдалося перейменувати шаблон: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>Вбудовані шаблони не можна видаляти.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>Не вдалося видалити шаблон: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>Прокручування &amp;друкарської машинки</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>Тримати рядок, який ви пишете, посередині редактора</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>Зняти сторінку з публікації</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>Замінити вміст «%1» (%2) цим повідомленням? Telegraph не вміє видаляти сторінки; сторінка залишається за своєю адресою й показує лише повідомлення.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>Поточний вміст зберігається на цьому комп&apos;ютері як редакція чернетки сторінки: Файл → Редакції… відновлює його й публікує знову.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>Повідомлення замість вмісту</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;Зняти з публікації</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>Зняти з публікації</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>Автор зняв цю сторінку з публікації.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>Відновлення</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>Зняття з публікації</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>Не вказано сторінку для зняття з публікації.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>Напишіть повідомлення, яке сторінка покаже замість вмісту.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>Отримання %1, щоб зберегти вміст…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>%1 не знято з публікації, вона не змінилася: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>%1 не знято з публікації, вона не змінилася: її вміст не вдалося зберегти в базі чернеток.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>Заміна вмісту %1 повідомленням…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>%1 знято з публікації. Її вміст збережено в чернетці «%2»: Файл → Редакції… відновлює його.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>%1 не знято з публікації, вона не змінилася (вміст усе одно збережено як локальну редакцію): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>Немає збереженої редакції %1 опублікованої сторінки.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>Збережений вміст %1 не читається: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>Повторна публікація збереженого вмісту %1…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 знову опубліковано.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 не опубліковано знову: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>Повідомлення містить %n символ; вкладіться в %1.</numerusform>
            <numerusform>Повідомлення містить %n символи; вкладіться в %1.</numerusform>
            <numerusform>Повідомлення містить %n символів; вкладіться в %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>Стрічка оновлень не є коректним JSON: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>Стрічка оновлень не є об’єктом JSON.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>Стрічка оновлень не містить коректної версії.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>Стрічка оновлень містить недійсну адресу випуску.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>Перевірку оновлень скасовано.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>Стрічка оновлень завелика.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>Стрічка оновлень відповіла зі статусом HTTP %1.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>Стрічка оновлень не відповіла вчасно.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>Не вдалося зв’язатися зі стрічкою оновлень: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>Посібник користувача Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>У цій збірці немає посібника користувача.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>Назва обов’язкова.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Назва містить %n символ; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>Назва містить %n символи; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>Назва містить %n символів; Telegraph дозволяє щонайбільше %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>Ім’я автора містить %n символ; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>Ім’я автора містить %n символи; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>Ім’я автора містить %n символів; Telegraph дозволяє щонайбільше %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>URL автора містить %n символ; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>URL автора містить %n символи; Telegraph дозволяє щонайбільше %1.</numerusform>
            <numerusform>URL автора містить %n символів; Telegraph дозволяє щонайбільше %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>Вміст обов’язковий.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>Вміст займає %n байт; Telegraph дозволяє щонайбільше %1 байтів (64 КіБ).</numerusform>
            <numerusform>Вміст займає %n байти; Telegraph дозволяє щонайбільше %1 байтів (64 КіБ).</numerusform>
            <numerusform>Вміст займає %n байтів; Telegraph дозволяє щонайбільше %1 байтів (64 КіБ).</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>Вміст не містить тексту; Telegraph потребує хоч трохи тексту на сторінці.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>Тег &lt;%1&gt; не дозволено у вмісті Telegraph.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>Назва атрибута «%1» у &lt;%2&gt; — неприпустима назва атрибута HTML (літери, цифри, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; і &apos;.&apos;, починаючи з літери).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>Глибина вкладеності вмісту перевищує %1.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>Ласкаво просимо</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>Ласкаво просимо до Telegraph Desktop</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>Куди публікувати ваші сторінки? Це можна змінити пізніше в налаштуваннях.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>Публікувати на telegra.ph</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>Ваші сторінки публікуються на telegra.ph. Створіть обліковий запис Telegraph на панелі «Облікові записи».</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>Спробувати локальну пісочницю</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>Сервер Telegraph усередині програми зі створеним для вас обліковим записом: публікуйте, редагуйте та знімайте з публікації офлайн. Ніщо не залишає цей комп’ютер.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>Використати наявний обліковий запис</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>Імпортуйте наявний обліковий запис Telegraph за його токеном доступу (від бота чи іншої програми) і публікуйте з ним на telegra.ph.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>Ціль за кількістю слів</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>Скільки слів написати в цій чернетці (0 — без цілі):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>Ціль за кількістю слів</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>Ціль за кількістю слів не може бути від’ємною. Введіть 0, щоб не ставити цілі.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 — це забагато слів для цілі: щонайбільше %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>«%1» — не ціле число слів. Введіть число, наприклад %L2, або 0, щоб не ставити цілі.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>Слів: %L1 — це забагато для цілі: щонайбільше %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>Поступ до цілі за кількістю слів</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>Немає відкритої чернетки, для якої можна встановити ціль за кількістю слів.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>Ціль за кількістю слів — від 0 до %L1.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>Не вдалося зберегти ціль за кількістю слів у базі даних чернеток: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln слово</numerusform>
            <numerusform>%Ln слова</numerusform>
            <numerusform>%Ln слів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln символ</numerusform>
            <numerusform>%Ln символи</numerusform>
            <numerusform>%Ln символів</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>&lt; 1 хв читання</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln хв читання</numerusform>
            <numerusform>%Ln хв читання</numerusform>
            <numerusform>%Ln хв читання</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>Пораховано лише перші %L1 символів цієї чернетки.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>Слова й символи тексту без розмітки</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>Виділення: підрахунок…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>Виділення: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · ціль досягнуто</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>Ціль: %Ln слово</numerusform>
            <numerusform>Ціль: %Ln слова</numerusform>
            <numerusform>Ціль: %Ln слів</numerusform>
        </translation>
    </message>
</context>
</TS>
