<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <source>there is no such page</source>
        <translation>چنین صفحه‌ای وجود ندارد</translation>
    </message>
    <message>
        <source>the account&apos;s access token is not valid (revoked, or for another server)</source>
        <translation>توکن دسترسی حساب معتبر نیست (باطل شده یا برای کارساز دیگری است)</translation>
    </message>
    <message>
        <source>the page belongs to another account</source>
        <translation>این صفحه متعلق به حساب دیگری است</translation>
    </message>
    <message>
        <source>the content is over Telegraph&apos;s 64 KiB limit</source>
        <translation>محتوا از سقف ۶۴ کیبی‌بایت Telegraph بیشتر است</translation>
    </message>
    <message>
        <source>Telegraph could not save the page (PAGE_SAVE_FAILED); try again in a moment</source>
        <translation>Telegraph نتوانست صفحه را ذخیره کند (PAGE_SAVE_FAILED)؛ کمی بعد دوباره امتحان کنید</translation>
    </message>
    <message>
        <source>the server refused: %1</source>
        <translation>کارساز نپذیرفت: %1</translation>
    </message>
    <message>
        <source>the server could not be reached (%1); nothing was changed and you can try again later</source>
        <translation>دسترسی به کارساز ممکن نشد (%1)؛ چیزی تغییر نکرد و می‌توانید بعداً دوباره امتحان کنید</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before the next change</source>
        <translation>
            <numerusform>Telegraph می‌خواهد %n ثانیه پیش از تغییر بعدی صبر کنید</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>لغو شد</translation>
    </message>
</context>
<context>
    <name>tg::AboutDialog</name>
    <message>
        <source>About Telegraph Desktop</source>
        <translation>دربارهٔ Telegraph Desktop</translation>
    </message>
    <message>
        <source>Telegraph Desktop</source>
        <translation>Telegraph Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>نسخهٔ %1</translation>
    </message>
    <message>
        <source>Write, preview and publish pages on Telegraph.</source>
        <translation>صفحه‌ها را در Telegraph بنویسید، پیش‌نمایش کنید و منتشر کنید.</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>نرم‌افزار آزاد با پروانهٔ MIT.</translation>
    </message>
    <message>
        <source>Project page</source>
        <translation>صفحهٔ پروژه</translation>
    </message>
    <message>
        <source>README and user guide</source>
        <translation>README و راهنمای کاربر</translation>
    </message>
</context>
<context>
    <name>tg::AccountDialog</name>
    <message>
        <source>New Telegraph Account</source>
        <translation>حساب جدید Telegraph</translation>
    </message>
    <message>
        <source>Import Account</source>
        <translation>وارد کردن حساب</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>ویرایش حساب</translation>
    </message>
    <message>
        <source>e.g. blog (letters, digits, . _ -)</source>
        <translation>مثلاً blog (حروف، ارقام، . _ -)</translation>
    </message>
    <message>
        <source>&amp;Name in this app:</source>
        <translation>&amp;نام در این برنامه:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;توکن دسترسی:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>نام &amp;کوتاه:</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>نام &amp;نویسنده:</translation>
    </message>
    <message>
        <source>Author &amp;URL:</source>
        <translation>&amp;نشانی نویسنده:</translation>
    </message>
</context>
<context>
    <name>tg::AccountManager</name>
    <message>
        <source>Another account operation is still running; try again when it is done.</source>
        <translation>عملیات دیگری روی حساب هنوز در حال انجام است؛ وقتی تمام شد دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>نام دیگری انتخاب کنید: %1 قبلاً گرفته شده یا مجاز نیست.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>حسابی با نام %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>توکن %1 خوانده نشد: %2</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>حساب ایجاد شد اما توکن آن ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>توکن ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>حساب ایجاد نشد: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>حساب %1 ایجاد شد.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s access token.</source>
        <translation>توکن دسترسی حساب را وارد کنید.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>توکن پذیرفته نشد: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>حساب %1 وارد شد.</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>اول یک حساب انتخاب کنید.</translation>
    </message>
    <message>
        <source>The account could not be changed: %1</source>
        <translation>حساب تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>حساب %1 تغییر کرد.</translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>پیوند ورود دریافت نشد: %1</translation>
    </message>
    <message>
        <source>the server sent none</source>
        <translation>کارساز پیوندی نفرستاد</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>پیوند ورود در مرورگر باز شد (معتبر به مدت ۵ دقیقه).</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>توکن باطل نشد: %1</translation>
    </message>
    <message>
        <source>The token was revoked but the new one could not be saved: %1</source>
        <translation>توکن باطل شد اما توکن جدید ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>The token of %1 was revoked and replaced.</source>
        <translation>توکن %1 باطل و جایگزین شد.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>%1 حذف نشد: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 از این رایانه حذف شد.</translation>
    </message>
    <message>
        <source>The account changed before its details arrived.</source>
        <translation>حساب پیش از رسیدن جزئیاتش تغییر کرد.</translation>
    </message>
</context>
<context>
    <name>tg::AccountPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;جدید…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;وارد کردن…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;ویرایش…</translation>
    </message>
    <message>
        <source>&amp;Log in on telegra.ph</source>
        <translation>&amp;ورود در telegra.ph</translation>
    </message>
    <message>
        <source>&amp;Revoke Token…</source>
        <translation>&amp;باطل کردن توکن…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>حساب‌ها</translation>
    </message>
    <message>
        <source>Opens a one-time login link (valid for 5 minutes) in the browser</source>
        <translation>یک پیوند ورود یک‌بارمصرف (معتبر به مدت ۵ دقیقه) را در مرورگر باز می‌کند</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — آفلاین یا ردشده: %2</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>توکن دسترسی %1 باطل شود؟ هر برنامه یا دستگاه دیگری که از آن استفاده می‌کند دسترسی خود را از دست می‌دهد؛ این برنامه با توکن جدید به کار ادامه می‌دهد.</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>%1 از این رایانه حذف شود؟ حساب و صفحه‌های آن در Telegraph باقی می‌مانند؛ بدون توکن آن نمی‌توانید آن‌ها را از اینجا ویرایش کنید.</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>حساب‌های ذخیره‌شده</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %n صفحه</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts of the local sandbox cannot log in on telegra.ph</source>
        <translation>حساب‌های محیط آزمایشی محلی نمی‌توانند در telegra.ph وارد شوند</translation>
    </message>
</context>
<context>
    <name>tg::AccountSetup</name>
    <message>
        <source>Accounts cannot be saved (%1). Restart the app to choose where to keep tokens.</source>
        <translation>حساب‌ها را نمی‌توان ذخیره کرد (%1). برنامه را دوباره اجرا کنید تا جای نگهداری توکن‌ها را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>حساب: %1</translation>
    </message>
    <message>
        <source>Some secrets are still in the settings file: %1</source>
        <translation>برخی رمزها هنوز در فایل تنظیمات هستند: %1</translation>
    </message>
</context>
<context>
    <name>tg::AccountStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1 is damaged (not a JSON object)</source>
        <translation>%1 آسیب دیده است (شیء JSON نیست)</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>ایجاد %1 ممکن نیست</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>«%1» نام حساب معتبری نیست (حروف، ارقام، &apos;.&apos;، &apos;_&apos;، &apos;-&apos;)</translation>
    </message>
</context>
<context>
    <name>tg::AccountWorkspace</name>
    <message>
        <source>The page list cache %1 cannot be used: %2</source>
        <translation>حافظهٔ نهان فهرست صفحه‌ها %1 قابل استفاده نیست: %2</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>حساب‌ها</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>آمار</translation>
    </message>
    <message>
        <source>&amp;Refresh Page List</source>
        <translation>&amp;تازه‌سازی فهرست صفحه‌ها</translation>
    </message>
    <message>
        <source>&amp;Cancel Refresh</source>
        <translation>&amp;لغو تازه‌سازی</translation>
    </message>
    <message>
        <source>&amp;Back Up Account…</source>
        <translation>&amp;پشتیبان‌گیری از حساب…</translation>
    </message>
    <message>
        <source>No Telegraph account yet: create one or import yours by its access token in the Accounts panel.</source>
        <translation>هنوز حساب تلگرافی ندارید: در پنل «حساب‌ها» یکی بسازید یا حساب خود را با توکن دسترسی وارد کنید.</translation>
    </message>
    <message>
        <source>Another page is being changed; try again when it is done.</source>
        <translation>صفحهٔ دیگری در حال تغییر است؛ وقتی تمام شد دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Choose an account to back up first.</source>
        <translation>اول حسابی را برای پشتیبان‌گیری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Telegraph backup of %1</source>
        <translation>پشتیبان تلگراف %1</translation>
    </message>
</context>
<context>
    <name>tg::ApiJob</name>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
</context>
<context>
    <name>tg::BackupDialog</name>
    <message>
        <source>Choose a folder for the backup.</source>
        <translation>پوشه‌ای برای پشتیبان انتخاب کنید.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 یک فایل است، نه پوشه.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not a folder.</source>
        <translation>نمی‌توان %1 را ساخت: %2 پوشه نیست.</translation>
    </message>
    <message>
        <source>%1 cannot be created (no permission?).</source>
        <translation>نمی‌توان %1 را ساخت (اجازهٔ دسترسی نیست؟).</translation>
    </message>
    <message>
        <source>%1 is not writable.</source>
        <translation>نمی‌توان در %1 نوشت.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>ا&amp;نتخاب…</translation>
    </message>
    <message>
        <source>&amp;Start Backup</source>
        <translation>&amp;شروع پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;توقف</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;باز کردن پوشه</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;بستن</translation>
    </message>
    <message>
        <source>Back Up Account %1</source>
        <translation>پشتیبان‌گیری از حساب %1</translation>
    </message>
    <message>
        <source>Saves every page of %1 into the folder: Markdown (HTML where Markdown would lose something) and node JSON per page, an index with titles, links and views, and the list of image links. An interrupted backup resumes where it stopped.</source>
        <translation>همهٔ صفحه‌های %1 را در پوشه ذخیره می‌کند: برای هر صفحه Markdown (یا HTML وقتی Markdown چیزی را از دست بدهد) و JSON گره‌ها، یک فهرست با عنوان‌ها، پیوندها و بازدیدها، و فهرست پیوندهای تصویر. پشتیبان‌گیری قطع‌شده از همان جا ادامه می‌یابد.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>پوشهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>پیشرفت پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>پوشه:</translation>
    </message>
    <message>
        <source>Backup Folder</source>
        <translation>پوشهٔ پشتیبان</translation>
    </message>
    <message numerus="yes">
        <source>An interrupted backup is in this folder; it will be resumed (%n page(s) already saved).</source>
        <translation>
            <numerusform>در این پوشه پشتیبان‌گیری قطع‌شده‌ای هست؛ ادامه داده می‌شود (%n صفحه پیش‌تر ذخیره شده است).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up; resuming after %1 already saved.</source>
        <translation>
            <numerusform>%n صفحه برای پشتیبان‌گیری؛ ادامه پس از %1 صفحهٔ ذخیره‌شده.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) to back up.</source>
        <translation>
            <numerusform>%n صفحه برای پشتیبان‌گیری.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the page list…</source>
        <translation>در حال خواندن فهرست صفحه‌ها…</translation>
    </message>
    <message numerus="yes">
        <source>Backup complete: %n page(s)</source>
        <translation>
            <numerusform>پشتیبان کامل شد: %n صفحه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (resumed: %n already saved before)</source>
        <translation>
            <numerusform> (ادامه: %n صفحه پیش‌تر ذخیره شده بود)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) saved as HTML because Markdown would lose something.</source>
        <translation>
            <numerusform>%n صفحه به صورت HTML ذخیره شد، چون Markdown چیزی را از دست می‌داد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. %n page(s) are saved; Start resumes the backup.</source>
        <translation>
            <numerusform>متوقف شد. %n صفحه ذخیره شده است؛ «شروع» پشتیبان‌گیری را ادامه می‌دهد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup stopped: %1. What is saved stays; Start resumes it.</source>
        <translation>پشتیبان‌گیری متوقف شد: %1. آنچه ذخیره شده می‌ماند؛ «شروع» آن را ادامه می‌دهد.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s) (%2 from the earlier run, %3 as HTML)…</source>
        <translation>
            <numerusform>%1 از %n صفحه ذخیره شد (%2 از اجرای قبلی، %3 به صورت HTML)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 of %n page(s)…</source>
        <translation>
            <numerusform>%1 از %n صفحه ذخیره شد…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::BusyIndicator</name>
    <message>
        <source>Converting</source>
        <translation>در حال تبدیل</translation>
    </message>
</context>
<context>
    <name>tg::CommandUploadHost</name>
    <message>
        <source>No upload command is configured</source>
        <translation>هیچ فرمان بارگذاری‌ای پیکربندی نشده است</translation>
    </message>
    <message>
        <source>The upload command did not finish within %1 s</source>
        <translation>فرمان بارگذاری در %1 ثانیه پایان نیافت</translation>
    </message>
    <message>
        <source>Cannot run the upload command %1: %2</source>
        <translation>اجرای فرمان بارگذاری %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The upload command failed (exit code %1)%2</source>
        <translation>فرمان بارگذاری ناموفق بود (کد خروج %1)%2</translation>
    </message>
    <message>
        <source>The upload command printed no URL on its last line (got &apos;%1&apos;)</source>
        <translation>فرمان بارگذاری در آخرین سطر خود هیچ URL چاپ نکرد (دریافتی: «%1»)</translation>
    </message>
</context>
<context>
    <name>tg::Connection</name>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>یک تصویر بارگذاری نشد: %1</translation>
    </message>
    <message>
        <source>The proxy password could not be read from the keychain: %1</source>
        <translation>گذرواژهٔ پراکسی از جاکلید خوانده نشد: %1</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); images go to the Telegraph upload until it is fixed in Settings → Images.</source>
        <translation>میزبان تصویر در تنظیمات قابل استفاده نیست (%1)؛ تا وقتی در تنظیمات ← تصاویر اصلاح نشود، تصاویر به بارگذاری تلگراف فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>محیط آزمایشی محلی راه‌اندازی نشد: %1</translation>
    </message>
    <message>
        <source>Telegraph Desktop — local sandbox</source>
        <translation>Telegraph Desktop — محیط آزمایشی محلی</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s address could not be saved (%1): after a restart its page links and images may not be found.</source>
        <translation>نشانی محیط آزمایشی محلی ذخیره نشد (%1): پس از اجرای دوباره ممکن است پیوندهای صفحه‌ها و تصاویر آن پیدا نشوند.</translation>
    </message>
</context>
<context>
    <name>tg::ContentMeter</name>
    <message>
        <source>Content size</source>
        <translation>اندازهٔ محتوا</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>هشدارها</translation>
    </message>
    <message>
        <source>%1 of %2 KiB</source>
        <translation>%1 از %2 کیلوبایت</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>سطر %1، ستون %2</translation>
    </message>
    <message>
        <source>Ready to publish</source>
        <translation>آمادهٔ انتشار</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n خطا</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n هشدار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to do before publishing</source>
        <translation>
            <numerusform>%n کار پیش از انتشار مانده است</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Telegraph Desktop %1 is available.</source>
        <translation>نسخهٔ %1 تلگراف دسکتاپ در دسترس است.</translation>
    </message>
    <message>
        <source>Get it from %1</source>
        <translation>دریافت از %1</translation>
    </message>
    <message>
        <source>The update check failed: %1</source>
        <translation>بررسی به‌روزرسانی ناموفق بود: %1</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1: %2</source>
        <translation>ایجاد پوشهٔ داده %1 ممکن نیست: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. Drafts restored as last saved: %n.</source>
        <translation>
            <numerusform>برنامه دفعهٔ قبل به‌طور عادی بسته نشد. پیش‌نویس‌های بازیابی‌شده به آخرین حالت ذخیره‌شده: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::DraftFiles</name>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>وارد کردن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>صدور به %1 ممکن نیست: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftPublishFlow</name>
    <message>
        <source>Publishing</source>
        <translation>انتشار</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>منتشر نشد: %1</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>در حال آماده‌سازی محتوا…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>the text is too long for one page</source>
        <translation>متن برای یک صفحه بیش از حد طولانی است</translation>
    </message>
    <message>
        <source>Updating the page…</source>
        <translation>در حال به‌روزرسانی صفحه…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>در حال انتشار…</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>منتشر شد: %1</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>نسخه ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Creating the page at a private link…</source>
        <translation>در حال ساختن صفحه در یک پیوند خصوصی…</translation>
    </message>
    <message>
        <source>Setting the page&apos;s title…</source>
        <translation>در حال تنظیم عنوان صفحه…</translation>
    </message>
    <message>
        <source>The page was created at a private link, but its title is not set yet: %1. Publish again to set it.</source>
        <translation>صفحه در یک پیوند خصوصی ساخته شد، اما عنوانش هنوز تنظیم نشده است: %1. برای تنظیم آن دوباره منتشر کنید.</translation>
    </message>
</context>
<context>
    <name>tg::DraftsOpener</name>
    <message>
        <source>The drafts database %1 was written by a newer version of Telegraph Desktop and this version cannot open it (%2). The file was left unchanged: use the newer version, or move the file away to start with an empty one.</source>
        <translation>پایگاه دادهٔ پیش‌نویس‌ها %1 با نسخهٔ جدیدتری از Telegraph Desktop نوشته شده است و این نسخه نمی‌تواند آن را باز کند (%2). فایل دست‌نخورده ماند: از نسخهٔ جدیدتر استفاده کنید، یا فایل را به جای دیگری منتقل کنید تا با یک پایگاه دادهٔ خالی شروع شود.</translation>
    </message>
    <message>
        <source>The drafts database %1 is damaged and could not be replaced: %2</source>
        <translation>پایگاه دادهٔ پیش‌نویس‌ها %1 آسیب دیده است و جایگزین کردن آن ممکن نشد: %2</translation>
    </message>
    <message numerus="yes">
        <source>The drafts database was damaged. It was moved to %1; %n draft(s) were recovered from it, with %2 revision(s), into a new database.</source>
        <translation>
            <numerusform>پایگاه دادهٔ پیش‌نویس‌ها آسیب دیده بود. به %1 منتقل شد؛ %n پیش‌نویس همراه با %2 نسخه از آن در یک پایگاه دادهٔ جدید بازیابی شد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged row(s) could not be read.</source>
        <translation>
            <numerusform>%n ردیف آسیب‌دیده خوانده نشد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>باز کردن پایگاه دادهٔ پیش‌نویس‌ها %1 ممکن نیست: %2</translation>
    </message>
</context>
<context>
    <name>tg::DraftsPanel</name>
    <message>
        <source>Show trash</source>
        <translation>نمایش سطل زباله</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>پیش‌نویس‌ها</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بی‌عنوان)</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>حذف همیشگی</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <source>Rename draft</source>
        <translation>تغییر نام پیش‌نویس</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>انتقال به سطل زباله</translation>
    </message>
</context>
<context>
    <name>tg::EditorPane</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>نام نویسنده</translation>
    </message>
    <message>
        <source>Author link (https://…)</source>
        <translation>پیوند نویسنده (https://…)</translation>
    </message>
    <message>
        <source>Author link</source>
        <translation>پیوند نویسنده</translation>
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
        <translation>قالب منبع</translation>
    </message>
</context>
<context>
    <name>tg::FileSecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1 is not a secrets file</source>
        <translation>%1 فایل رمزها نیست</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>هیچ رمزی برای %1 ذخیره نشده است</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>ایجاد %1 ممکن نیست</translation>
    </message>
</context>
<context>
    <name>tg::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>تطبیق بزرگی و کوچکی حروف</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>یافتن</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>جایگزینی با</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>جایگزینی</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>جایگزینی همه</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>یافت نشد</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n مورد جایگزین شد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::FocusMode</name>
    <message>
        <source>F&amp;ocus Mode</source>
        <translation>حالت &amp;تمرکز</translation>
    </message>
    <message>
        <source>Leave Focus Mode</source>
        <translation>خروج از حالت تمرکز</translation>
    </message>
    <message>
        <source>Only the editor, the paragraph being written emphasised</source>
        <translation>فقط ویرایشگر، با برجسته شدن بندی که در حال نوشتن آن هستید</translation>
    </message>
</context>
<context>
    <name>tg::FolderMapping</name>
    <message>
        <source>it is larger than %1 MiB</source>
        <translation>بزرگ‌تر از %1 مبی‌بایت است</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at byte %2)</source>
        <translation>JSON معتبر نیست (%1 در بایت %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>یک شیء JSON نیست</translation>
    </message>
    <message>
        <source>its &quot;version&quot; is not %1</source>
        <translation>«version» آن %1 نیست</translation>
    </message>
    <message>
        <source>&quot;pages&quot; is not an object</source>
        <translation>«pages» یک شیء نیست</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has more than %1 entries</source>
        <translation>«pages» بیش از %1 مورد دارد</translation>
    </message>
    <message>
        <source>&quot;pages&quot; has an entry that is not a relative file path: &quot;%1&quot;</source>
        <translation>«pages» موردی دارد که مسیر نسبی یک فایل نیست: «%1»</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; is not an object</source>
        <translation>مورد «%1» یک شیء نیست</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;pending&quot; that is not a date</source>
        <translation>«pending» در مورد «%1» تاریخ نیست</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;path&quot;</source>
        <translation>مورد «%1» «path» معتبر ندارد</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has no valid &quot;url&quot;</source>
        <translation>مورد «%1» «url» معتبر ندارد</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;hash&quot; that is not a SHA-256</source>
        <translation>«hash» در مورد «%1» یک SHA-256 نیست</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has a &quot;content&quot; that is not a SHA-256</source>
        <translation>«content» در مورد «%1» یک SHA-256 نیست</translation>
    </message>
    <message>
        <source>the entry of &quot;%1&quot; has damaged series parts</source>
        <translation>بخش‌های سری در مورد «%1» آسیب دیده‌اند</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not an object</source>
        <translation>«images» یک شیء نیست</translation>
    </message>
    <message>
        <source>&quot;images&quot; has more than %1 entries</source>
        <translation>«images» بیش از %1 مورد دارد</translation>
    </message>
    <message>
        <source>&quot;images&quot; has an entry that is not a SHA-256 and a URL</source>
        <translation>«images» موردی دارد که SHA-256 و نشانی نیست</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be read: %2</source>
        <translation>فایل نگاشت %1 خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>The mapping file %1 is damaged: %2. It was left as it is; repair it or move it away (then every page is created anew).</source>
        <translation>فایل نگاشت %1 آسیب دیده است: %2. دست‌نخورده ماند؛ آن را درست کنید یا جابه‌جا کنید (آنگاه همهٔ صفحه‌ها از نو ساخته می‌شوند).</translation>
    </message>
    <message>
        <source>The mapping file %1 cannot be written: %2</source>
        <translation>فایل نگاشت %1 نوشته نمی‌شود: %2</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlan</name>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Too big: series</source>
        <translation>خیلی بزرگ: سری</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>ردشده</translation>
    </message>
</context>
<context>
    <name>tg::FolderPlanner</name>
    <message>
        <source>There is no folder %1.</source>
        <translation>پوشهٔ %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 پوشه نیست.</translation>
    </message>
    <message>
        <source>Only the first %1 entries of the folder were looked at.</source>
        <translation>فقط %1 مورد نخست پوشه بررسی شد.</translation>
    </message>
    <message>
        <source>%1: a link to a folder, not followed.</source>
        <translation>%1: پیوند به یک پوشه، دنبال نشد.</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 folders, not read.</source>
        <translation>%1: ژرف‌تر از %2 پوشه، خوانده نشد.</translation>
    </message>
    <message>
        <source>%1: a folder name that cannot be published, not read.</source>
        <translation>%1: نام پوشه‌ای که منتشرشدنی نیست، خوانده نشد.</translation>
    </message>
    <message>
        <source>the name has characters that cannot be published</source>
        <translation>نام نویسه‌هایی دارد که منتشرشدنی نیستند</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>پیوند به فایلی بیرون از پوشه</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>فایل معمولی نیست</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>بزرگ‌تر از %1 مبی‌بایت</translation>
    </message>
    <message numerus="yes">
        <source>more than %n file(s) in the folder</source>
        <translation>
            <numerusform>بیش از %n فایل در پوشه</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder&apos;s files exceed %1 MiB together</source>
        <translation>فایل‌های پوشه روی هم از %1 مبی‌بایت بیشترند</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>خوانده نمی‌شود: %1</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>متن UTF-8 نیست</translation>
    </message>
    <message>
        <source>%1: the link to %2 leads to no file of the folder.</source>
        <translation>%1: پیوند به %2 به هیچ فایلی از پوشه نمی‌رسد.</translation>
    </message>
    <message>
        <source>%1: the image %2 is not a file of the folder.</source>
        <translation>%1: تصویر %2 فایلی از پوشه نیست.</translation>
    </message>
    <message>
        <source>%1: the image %2 is larger than %3 MiB.</source>
        <translation>%1: تصویر %2 بزرگ‌تر از %3 مبی‌بایت است.</translation>
    </message>
    <message>
        <source>%1: the image %2 cannot be read.</source>
        <translation>%1: تصویر %2 خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>an interrupted run may have made its page</source>
        <translation>اجرای نیمه‌کاره شاید صفحه‌اش را ساخته باشد</translation>
    </message>
    <message>
        <source>republished on request</source>
        <translation>به درخواست دوباره منتشر شد</translation>
    </message>
    <message>
        <source>the file changed</source>
        <translation>فایل تغییر کرد</translation>
    </message>
    <message>
        <source>its links or images changed</source>
        <translation>پیوندها یا تصویرهایش تغییر کرد</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>فایل دیگر نیست</translation>
    </message>
</context>
<context>
    <name>tg::FolderPublisher</name>
    <message>
        <source>Publishing the folder</source>
        <translation>انتشار پوشه</translation>
    </message>
    <message>
        <source>Reading the account…</source>
        <translation>خواندن حساب…</translation>
    </message>
    <message>
        <source>Looking for pages of an interrupted run…</source>
        <translation>جست‌وجوی صفحه‌های اجرای نیمه‌کاره…</translation>
    </message>
    <message>
        <source>%1 needs uploading, but no image host is set up</source>
        <translation>%1 باید بارگذاری شود، اما میزبان تصویری تنظیم نشده است</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>بارگذاری %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating the page of %1…</source>
        <translation>ساختن صفحهٔ %1…</translation>
    </message>
    <message>
        <source>This series is being published.</source>
        <translation>این سری در حال انتشار است.</translation>
    </message>
    <message>
        <source>Updating the page of %1…</source>
        <translation>به‌روزرسانی صفحهٔ %1…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>این بخش از سری در حال انتشار است.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2 of %3…</source>
        <translation>ساختن بخش %1 از %2 برای %3…</translation>
    </message>
    <message>
        <source>Publishing the contents page of %1…</source>
        <translation>انتشار صفحهٔ فهرست %1…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2 of %3…</source>
        <translation>پیوند دادن بخش %1 از %2 برای %3…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>این بخش دیگر در سری نیست.</translation>
    </message>
    <message>
        <source>Marking the page of %1 as removed…</source>
        <translation>علامت‌گذاری صفحهٔ %1 به‌عنوان حذف‌شده…</translation>
    </message>
    <message>
        <source>This page was removed; its file is no longer published.</source>
        <translation>این صفحه حذف شد؛ فایلش دیگر منتشر نمی‌شود.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>The folder was not fully published: %1</source>
        <translation>پوشه کامل منتشر نشد: %1</translation>
    </message>
    <message>
        <source>Folder published: %1 created, %2 updated, %3 unchanged.</source>
        <translation>پوشه منتشر شد: %1 ساخته، %2 به‌روز، %3 بدون تغییر.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be published: %1</source>
        <translation>
            <numerusform>%n فایل منتشر نشد: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::HtmlDecode</name>
    <message>
        <source>Some bytes are not valid %1 and were replaced with �.</source>
        <translation>برخی بایت‌ها %1 معتبر نیستند و با � جایگزین شدند.</translation>
    </message>
    <message>
        <source>The content type names the unknown encoding “%1”; it was ignored.</source>
        <translation>نوع محتوا رمزگذاری ناشناختهٔ «%1» را نام می‌برد؛ نادیده گرفته شد.</translation>
    </message>
    <message>
        <source>The document declares the unknown encoding “%1”; it was read as UTF-8 if valid, else as windows-1252.</source>
        <translation>سند رمزگذاری ناشناختهٔ «%1» را اعلام می‌کند؛ اگر UTF-8 معتبر بود به‌صورت UTF-8 و در غیر این صورت به‌صورت windows-1252 خوانده شد.</translation>
    </message>
    <message>
        <source>The document names no encoding and is not valid UTF-8; it was read as %1.</source>
        <translation>سند هیچ رمزگذاری‌ای را نام نمی‌برد و UTF-8 معتبر نیست؛ به‌صورت %1 خوانده شد.</translation>
    </message>
</context>
<context>
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>یک پاسخ بارگذاری</translation>
    </message>
    <message>
        <source>The image host&apos;s address cannot be used: %1 (keys and images would be sent in clear text)</source>
        <translation>نشانی میزبان تصویر قابل استفاده نیست: %1 (کلیدها و تصاویر به‌صورت متن ساده و رمزنگاری‌نشده فرستاده می‌شدند)</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available yet</source>
        <translation>کلید میزبان تصویر در جاکلید نگه داشته می‌شود که هنوز در دسترس نیست</translation>
    </message>
    <message>
        <source>The image host&apos;s key is kept in the keychain, which is not available</source>
        <translation>کلید میزبان تصویر در جاکلید نگه داشته می‌شود که در دسترس نیست</translation>
    </message>
    <message>
        <source>The value of %1 for the image host could not be read from the %2: %3</source>
        <translation>مقدار %1 برای میزبان تصویر خوانده نشد (محل نگهداری: %2): %3</translation>
    </message>
    <message>
        <source>The stored value of %1 for the image host has a line break</source>
        <translation>مقدار ذخیره‌شدهٔ %1 برای میزبان تصویر شکست خط دارد</translation>
    </message>
    <message>
        <source>%1 refused the upload (HTTP %2)%3</source>
        <translation>%1 بارگذاری را نپذیرفت (HTTP %2)%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page (HTTP %2) instead of the image URL</source>
        <translation>%1 به‌جای URL تصویر با یک صفحهٔ HTML پاسخ داد (HTTP %2)</translation>
    </message>
    <message>
        <source>%1 sent an empty answer (HTTP %2) instead of the image URL</source>
        <translation>%1 به‌جای URL تصویر پاسخی خالی فرستاد (HTTP %2)</translation>
    </message>
    <message>
        <source>The answer of %1 has no URL at “%2”: %3</source>
        <translation>پاسخ %1 در «%2» هیچ URL ندارد: %3</translation>
    </message>
    <message>
        <source>%1 answered with text, not the JSON where the URL is expected at “%2”: %3</source>
        <translation>%1 با متن پاسخ داد، نه با JSON که انتظار می‌رفت URL در «%2» آن باشد: %3</translation>
    </message>
    <message>
        <source>%1 answered with something that is not an image URL: %2</source>
        <translation>%1 با چیزی پاسخ داد که URL تصویر نیست: %2</translation>
    </message>
</context>
<context>
    <name>tg::ImageDropHandler</name>
    <message>
        <source>Retry Image Uploads</source>
        <translation>تلاش دوباره برای بارگذاری تصاویر</translation>
    </message>
    <message>
        <source>Insert Image by URL…</source>
        <translation>درج تصویر از طریق URL…</translation>
    </message>
    <message>
        <source>Uploading %1… %2%</source>
        <translation>در حال بارگذاری %1… %2%</translation>
    </message>
    <message>
        <source>Uploading pasted image… %1%</source>
        <translation>در حال بارگذاری تصویر چسبانده‌شده… %1%</translation>
    </message>
    <message>
        <source>Insert Image by URL</source>
        <translation>درج تصویر از طریق URL</translation>
    </message>
    <message>
        <source>Image URL (https://…):</source>
        <translation>URL تصویر (https://…):</translation>
    </message>
    <message>
        <source>%1 is not an http or https address.</source>
        <translation>%1 یک نشانی http یا https نیست.</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>بارگذاری ناموفق بود: %1</translation>
    </message>
</context>
<context>
    <name>tg::ImageHost</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>فایل وجود ندارد</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>خواندن ممکن نیست: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>فایل خالی است</translation>
    </message>
    <message>
        <source>%1 is larger than the host&apos;s limit of %2</source>
        <translation>%1 از حد مجاز میزبان (%2) بزرگ‌تر است</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, GIF, WebP or MP4 file (checked by content)</source>
        <translation>فایل JPEG، PNG، GIF، WebP یا MP4 نیست (بر اساس محتوا بررسی شد)</translation>
    </message>
    <message>
        <source>this host does not accept %1 (accepted: %2)</source>
        <translation>این میزبان %1 را نمی‌پذیرد (قابل قبول: %2)</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostConfig</name>
    <message>
        <source>The upload URL must be a full address starting with http:// or https://.</source>
        <translation>نشانی بارگذاری باید کامل باشد و با http:// یا https:// شروع شود.</translation>
    </message>
    <message>
        <source>The name of the file field is empty.</source>
        <translation>نام فیلد فایل خالی است.</translation>
    </message>
    <message>
        <source>The header line “%1” is not “Name: value”.</source>
        <translation>سطر سرآیند «%1» به شکل «نام: مقدار» نیست.</translation>
    </message>
    <message>
        <source>The form field line “%1” is not “name=value”.</source>
        <translation>سطر فیلد فرم «%1» به شکل «نام=مقدار» نیست.</translation>
    </message>
    <message>
        <source>The upload command is empty.</source>
        <translation>فرمان بارگذاری خالی است.</translation>
    </message>
    <message>
        <source>The command “%1” was not found or cannot be run.</source>
        <translation>فرمان «%1» پیدا نشد یا اجرا نمی‌شود.</translation>
    </message>
    <message>
        <source>The upload URL must start with https:// (plain http:// only for this computer: localhost or 127.0.0.1), so keys and images are not sent in clear text.</source>
        <translation>نشانی بارگذاری باید با https:// شروع شود (http:// ساده فقط برای همین رایانه: localhost یا 127.0.0.1) تا کلیدها و تصاویر به‌صورت متن ساده و رمزنگاری‌نشده فرستاده نشوند.</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPreset</name>
    <message>
        <source>Free, no account needed; files stay until removed. Put your catbox.moe user hash after userhash= to find the uploads in your account (kept in the keychain).</source>
        <translation>رایگان، بدون نیاز به حساب؛ فایل‌ها تا وقتی حذف نشوند می‌مانند. برای یافتن بارگذاری‌ها در حساب خود، user hash حساب catbox.moe خود را پس از userhash= بگذارید (در جاکلید نگه داشته می‌شود).</translation>
    </message>
    <message>
        <source>Needs a free API key from api.imgbb.com: put it after key= (it is kept in the keychain and sent in the form, not in the address). Chevereto sites answer alike.</source>
        <translation>به یک کلید API رایگان از api.imgbb.com نیاز دارد: آن را پس از key= بگذارید (در جاکلید نگه داشته می‌شود و در فرم فرستاده می‌شود، نه در نشانی). سایت‌های Chevereto هم به همین شکل پاسخ می‌دهند.</translation>
    </message>
    <message>
        <source>No account needed; files expire after a time that depends on their size.</source>
        <translation>بدون نیاز به حساب؛ فایل‌ها پس از مدتی که به اندازه‌شان بستگی دارد منقضی می‌شوند.</translation>
    </message>
    <message>
        <source>%1 needs a value for the form field “%2”: %3</source>
        <translation>%1 برای فیلد فرم «%2» به یک مقدار نیاز دارد: %3</translation>
    </message>
</context>
<context>
    <name>tg::ImageHostPresetBox</name>
    <message>
        <source>Custom</source>
        <translation>سفارشی</translation>
    </message>
    <message>
        <source>Image host preset</source>
        <translation>پیش‌تنظیم میزبان تصویر</translation>
    </message>
</context>
<context>
    <name>tg::ImageUploadQueue</name>
    <message>
        <source>%1 cannot be uploaded: %2</source>
        <translation>بارگذاری %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>No image host is set up.</source>
        <translation>هیچ میزبان تصویری تنظیم نشده است.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>تصویر چسبانده‌شده خوانده نشد.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>تصویر چسبانده‌شده در %1 ذخیره نشد.</translation>
    </message>
</context>
<context>
    <name>tg::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this system (%1)</source>
        <translation>هیچ جاکلیدی در این سیستم در دسترس نیست (%1)</translation>
    </message>
</context>
<context>
    <name>tg::LayoutMode</name>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;نوشتن</translation>
    </message>
    <message>
        <source>Write: the editor and the preview, with the drafts</source>
        <translation>نوشتن: ویرایشگر و پیش‌نمایش، همراه پیش‌نویس‌ها</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;کتابخانه</translation>
    </message>
    <message>
        <source>Library: the pages, their statistics and the accounts</source>
        <translation>کتابخانه: صفحه‌ها، آمارشان و حساب‌ها</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;بازنشانی چیدمان</translation>
    </message>
</context>
<context>
    <name>tg::LinkOpener</name>
    <message>
        <source>Cannot Open Link</source>
        <translation>باز کردن پیوند ممکن نیست</translation>
    </message>
    <message>
        <source>No web browser could be started to open this link:
%1</source>
        <translation>هیچ مرورگری برای باز کردن این پیوند اجرا نشد:
%1</translation>
    </message>
    <message>
        <source>Copy the link and open it in a browser yourself.</source>
        <translation>پیوند را رونوشت کنید و خودتان آن را در مرورگر باز کنید.</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>رونوشت پیوند</translation>
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
        <translation>پیش‌نویس‌ها</translation>
    </message>
    <message>
        <source>Pasted as clean Telegraph content.</source>
        <translation>به‌صورت محتوای تمیز Telegraph چسبانده شد.</translation>
    </message>
    <message>
        <source>Pasted; the import changed: %1</source>
        <translation>چسبانده شد؛ وارد کردن این موارد را تغییر داد: %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>اصلی</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation>پیش‌نویس &amp;جدید</translation>
    </message>
    <message>
        <source>&amp;Open page…</source>
        <translation>&amp;باز کردن صفحه…</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>باز کردن صفحه</translation>
    </message>
    <message>
        <source>Page URL or path:</source>
        <translation>URL یا مسیر صفحه:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>پیش‌نویس ذخیره شد.</translation>
    </message>
    <message>
        <source>&amp;Import file…</source>
        <translation>&amp;وارد کردن فایل…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;صدور…</translation>
    </message>
    <message>
        <source>&amp;Publish / update</source>
        <translation>&amp;انتشار / به‌روزرسانی</translation>
    </message>
    <message>
        <source>&amp;Revisions…</source>
        <translation>&amp;نسخه‌ها…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;یافتن…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>یافتن و &amp;جایگزینی…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>یافتن &amp;بعدی</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>&amp;قالب</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;پررنگ</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;کج</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;پیوند</translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;سرتیتر</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>&amp;زیرتیتر</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;نقل‌قول</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>&amp;فهرست</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;کد</translation>
    </message>
    <message>
        <source>Code &amp;block</source>
        <translation>&amp;بلوک کد</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;پیش‌نمایش</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>&amp;Dark preview</source>
        <translation>پیش‌نمایش &amp;تیره</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <source>Markdown or HTML (*.md *.markdown *.txt *.html *.htm);;All files (*)</source>
        <translation>Markdown یا HTML (*.md *.markdown *.txt *.html *.htm);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>صدور</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;Telegraph nodes (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;گره‌های Telegraph (*.json)</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>انتشار به‌صورت &amp;مجموعه</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>HTML با آنچه Telegraph می‌پذیرد سازگار شد: %1</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;حساب</translation>
    </message>
    <message>
        <source>Converting the pasted content…</source>
        <translation>در حال تبدیل محتوای چسبانده‌شده…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>در حال وارد کردن %1…</translation>
    </message>
    <message>
        <source>The pasted text looks like Markdown, but this draft is written in HTML: its marks show as typed.</source>
        <translation>متن چسبانده‌شده شبیه Markdown است، اما این پیش‌نویس به HTML نوشته شده است: نشانه‌های قالب‌بندی همان‌طور که تایپ شده‌اند نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <source>Switch to Markdown</source>
        <translation>تغییر به Markdown</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox</source>
        <translation>&amp;انتشار در محیط آزمایشی محلی</translation>
    </message>
    <message>
        <source>&amp;Publish to the Local Sandbox as %1</source>
        <translation>&amp;انتشار در محیط آزمایشی محلی به‌عنوان %1</translation>
    </message>
    <message>
        <source>&amp;Publish as %1</source>
        <translation>&amp;انتشار به‌عنوان %1</translation>
    </message>
    <message>
        <source>Images cannot be uploaded: no image host is set up.</source>
        <translation>تصاویر را نمی‌توان بارگذاری کرد: هیچ میزبان تصویری تنظیم نشده است.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. The text is kept in the app; use File → Export… to save it elsewhere.</source>
        <translation>%1 نوشته نشد: %2. متن در برنامه نگه داشته می‌شود؛ برای ذخیرهٔ آن در جای دیگر از فایل ← صدور… استفاده کنید.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 دیگر وجود ندارد؛ از فهرست فایل‌های اخیر حذف شد.</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>فایل اخیری وجود ندارد</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;پاک کردن فهرست</translation>
    </message>
    <message>
        <source>Recent &amp;Files</source>
        <translation>&amp;فایل‌های اخیر</translation>
    </message>
    <message>
        <source>Draft saved to %1.</source>
        <translation>پیش‌نویس در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>&amp;درج تصویر…</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>درج تصویر</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>تصاویر (*.png *.jpg *.jpeg *.gif *.webp);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>بر&amp;ش</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;رونوشت</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;چسباندن</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>انتخاب &amp;همه</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>تمام‌&amp;صفحه</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;راهنمای کاربر</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>&amp;About Telegraph Desktop</source>
        <translation>&amp;دربارهٔ Telegraph Desktop</translation>
    </message>
    <message>
        <source>Publishing a folder needs a server: choose one first.</source>
        <translation>انتشار پوشه به یک کارساز نیاز دارد: نخست یکی را برگزینید.</translation>
    </message>
    <message>
        <source>The image host in the settings cannot be used (%1); local images of the folder cannot be uploaded until it is fixed in Settings → Images.</source>
        <translation>میزبان تصویر در تنظیمات قابل استفاده نیست (%1)؛ تا آن را در تنظیمات ← تصویرها درست نکنید، تصویرهای محلی پوشه بارگذاری نمی‌شوند.</translation>
    </message>
    <message>
        <source>Publish Fol&amp;der…</source>
        <translation>انتشار &amp;پوشه…</translation>
    </message>
    <message>
        <source>Find &amp;Everywhere…</source>
        <translation>&amp;جست‌وجو در همه‌جا…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>جدید از &amp;الگو…</translation>
    </message>
    <message>
        <source>Save Draft as Te&amp;mplate…</source>
        <translation>ذخیرهٔ پیش‌نویس به‌عنوان ا&amp;لگو…</translation>
    </message>
    <message>
        <source>Set &amp;Word Goal…</source>
        <translation>تعیین &amp;هدف واژه‌ها…</translation>
    </message>
</context>
<context>
    <name>tg::MemorySecretStore</name>
    <message>
        <source>No secret is stored for %1</source>
        <translation>هیچ رمزی برای %1 ذخیره نشده است</translation>
    </message>
</context>
<context>
    <name>tg::MessageArea</name>
    <message>
        <source>Cancel: %1</source>
        <translation>لغو: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: going on in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph می‌خواهد صبر کنید: ادامه تا %n ثانیهٔ دیگر. می‌توانید به نوشتن ادامه دهید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>منتشر نشد: %1</translation>
    </message>
</context>
<context>
    <name>tg::MessageLine</name>
    <message>
        <source>Copy link</source>
        <translation>رونوشت پیوند</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>باز کردن در مرورگر</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>بستن پیام</translation>
    </message>
    <message>
        <source>Act on the message</source>
        <translation>اقدام دربارهٔ پیام</translation>
    </message>
</context>
<context>
    <name>tg::OpenRequest</name>
    <message>
        <source>The file does not exist.</source>
        <translation>فایل وجود ندارد.</translation>
    </message>
    <message>
        <source>This is not a file.</source>
        <translation>این یک فایل نیست.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>فایل خواندنی نیست.</translation>
    </message>
    <message>
        <source>Only pages on telegra.ph, graph.org and te.legra.ph can be opened.</source>
        <translation>فقط صفحه‌های telegra.ph، graph.org و te.legra.ph را می‌توان باز کرد.</translation>
    </message>
    <message>
        <source>This address does not point to a page.</source>
        <translation>این نشانی به صفحه‌ای اشاره نمی‌کند.</translation>
    </message>
    <message>
        <source>Nothing to open.</source>
        <translation>چیزی برای باز کردن نیست.</translation>
    </message>
    <message>
        <source>The address is not valid.</source>
        <translation>نشانی معتبر نیست.</translation>
    </message>
    <message>
        <source>Files on other computers cannot be opened.</source>
        <translation>فایل‌های روی رایانه‌های دیگر را نمی‌توان باز کرد.</translation>
    </message>
    <message>
        <source>This kind of address cannot be opened.</source>
        <translation>این نوع نشانی را نمی‌توان باز کرد.</translation>
    </message>
    <message>
        <source>Only Markdown (.md, .markdown) and HTML (.html, .htm) files can be opened.</source>
        <translation>فقط فایل‌های Markdown (.md، .markdown) و HTML (.html، .htm) را می‌توان باز کرد.</translation>
    </message>
</context>
<context>
    <name>tg::PageFetchFlow</name>
    <message>
        <source>Opening a page</source>
        <translation>باز کردن صفحه</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message>
        <source>Opened %1 as Markdown.</source>
        <translation>%1 به‌صورت Markdown باز شد.</translation>
    </message>
    <message>
        <source>Opened %1 as HTML: Markdown would lose something (%2).</source>
        <translation>%1 به‌صورت HTML باز شد: Markdown بخشی از آن را از دست می‌داد (%2).</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>صفحه باز نشد: %1</translation>
    </message>
</context>
<context>
    <name>tg::PageListModel</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>مسیر</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>بازدیدها</translation>
    </message>
    <message>
        <source>#</source>
        <comment>created order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توضیحات</translation>
    </message>
</context>
<context>
    <name>tg::PageListWalker</name>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
</context>
<context>
    <name>tg::PageListWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تازه‌سازی</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;لغو</translation>
    </message>
    <message>
        <source>Open in &amp;Editor</source>
        <translation>باز کردن در &amp;ویرایشگر</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>باز کردن در &amp;مرورگر</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;رونوشت URL</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>&amp;لغو انتشار…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>صدور &amp;CSV…</translation>
    </message>
    <message>
        <source>Filter by title, path or description</source>
        <translation>پالایش بر اساس عنوان، مسیر یا توضیحات</translation>
    </message>
    <message>
        <source>Export Pages</source>
        <translation>صدور صفحه‌ها</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>فایل‌های CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n صفحه</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>نوشتن در %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>در حال تازه‌سازی…</translation>
    </message>
    <message>
        <source>Refresh cancelled.</source>
        <translation>تازه‌سازی لغو شد.</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>تازه‌سازی ناموفق بود: %1</translation>
    </message>
    <message>
        <source>Filter pages</source>
        <translation>پالایش صفحه‌ها</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Page list refresh progress</source>
        <translation>پیشرفت تازه‌سازی فهرست صفحه‌ها</translation>
    </message>
</context>
<context>
    <name>tg::PersonalDictionary</name>
    <message>
        <source>The spelling dictionary %1 cannot be read: %2</source>
        <translation>خواندن واژه‌نامهٔ املایی %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the spelling dictionary: it is not a word.</source>
        <translation>«%1» را نمی‌توان به واژه‌نامهٔ املایی افزود: یک واژه نیست.</translation>
    </message>
    <message>
        <source>The spelling dictionary is full (%1 words); “%2” was not added.</source>
        <translation>واژه‌نامهٔ املایی پر است (%1 واژه)؛ «%2» افزوده نشد.</translation>
    </message>
    <message>
        <source>“%1” could not be added to the spelling dictionary %2: %3</source>
        <translation>«%1» به واژه‌نامهٔ املایی %2 افزوده نشد: %3</translation>
    </message>
    <message>
        <source>the file is full</source>
        <translation>فایل پر است</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPane</name>
    <message>
        <source>The preview module is not installed (looked for %1).</source>
        <translation>ماژول پیش‌نمایش نصب نشده است (مسیر جست‌وجوشده: %1).</translation>
    </message>
    <message>
        <source>The preview module is of another version than the app.</source>
        <translation>نسخهٔ ماژول پیش‌نمایش با نسخهٔ برنامه یکی نیست.</translation>
    </message>
    <message>
        <source>The preview starts in a moment…</source>
        <translation>پیش‌نمایش تا لحظاتی دیگر آغاز می‌شود…</translation>
    </message>
    <message>
        <source>The preview could not start.
%1</source>
        <translation>پیش‌نمایش آغاز نشد.
%1</translation>
    </message>
</context>
<context>
    <name>tg::PreviewPrivacy</name>
    <message>
        <source>Load &amp;Remote Images in Preview</source>
        <translation>بارگیری تصاویر &amp;راه‌دور در پیش‌نمایش</translation>
    </message>
    <message>
        <source>Whether this draft&apos;s preview fetches images from the web while you write; the choice is kept with the draft.</source>
        <translation>اینکه پیش‌نمایش این پیش‌نویس هنگام نوشتن تصاویر را از وب دریافت کند یا نه؛ این انتخاب همراه پیش‌نویس نگه داشته می‌شود.</translation>
    </message>
</context>
<context>
    <name>tg::PreviewView</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Remote image not loaded:</source>
        <translation>تصویر راه‌دور بارگیری نشد:</translation>
    </message>
</context>
<context>
    <name>tg::PrivateLinkOption</name>
    <message>
        <source>Private &amp;Link on First Publish</source>
        <translation>&amp;پیوند خصوصی در نخستین انتشار</translation>
    </message>
    <message>
        <source>Publish the page under a random title first, so that its link cannot be guessed from its title; the real title is set right after.</source>
        <translation>صفحه نخست با عنوانی تصادفی منتشر می‌شود تا پیوندش از روی عنوان قابل حدس نباشد؛ عنوان واقعی بلافاصله پس از آن تنظیم می‌شود.</translation>
    </message>
    <message>
        <source>Private link</source>
        <translation>پیوند خصوصی</translation>
    </message>
</context>
<context>
    <name>tg::PublishController</name>
    <message>
        <source>No server is configured: choose one in the settings.</source>
        <translation>هیچ سروری پیکربندی نشده است: یکی را در تنظیمات انتخاب کنید.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>انتشار در حال انجام است.</translation>
    </message>
    <message>
        <source>Not published: an image is still uploading or failed to upload. Wait for it, retry it or remove it.</source>
        <translation>منتشر نشد: یک تصویر هنوز در حال بارگذاری است یا بارگذاری آن ناموفق بود. منتظر بمانید، دوباره تلاش کنید یا آن را حذف کنید.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>انتشار</translation>
    </message>
    <message>
        <source>This text is too long for one page. Publish it as a series: parts split at headings, linked to each other, with a contents page?</source>
        <translation>این متن برای یک صفحه بیش از حد طولانی است. به‌صورت مجموعه منتشر شود: بخش‌هایی که در سرفصل‌ها جدا شده‌اند، به یکدیگر پیوند دارند و یک صفحهٔ فهرست مطالب دارند؟</translation>
    </message>
    <message>
        <source>A page is being opened already.</source>
        <translation>یک صفحه از قبل در حال باز شدن است.</translation>
    </message>
    <message>
        <source>Opened your draft of %1.</source>
        <translation>پیش‌نویس شما از %1 باز شد.</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(بدون متن)</translation>
    </message>
    <message numerus="yes">
        <source>Not published yet: %n link(s) have no address: %1. Fill it in, or publish them as they are.</source>
        <translation>
            <numerusform>هنوز منتشر نشده است: %n پیوند نشانی ندارد: %1. نشانی را وارد کنید، یا همان‌طور که هست منتشر کنید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>انتشار در هر صورت</translation>
    </message>
</context>
<context>
    <name>tg::PublishFlow</name>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>متوقف شد: %1</translation>
    </message>
</context>
<context>
    <name>tg::PublishFolderDialog</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;انتخاب…</translation>
    </message>
    <message>
        <source>&amp;Republish every page, even unchanged ones</source>
        <translation>&amp;بازانتشار همهٔ صفحه‌ها، حتی بدون تغییر</translation>
    </message>
    <message>
        <source>&amp;Mark the pages of deleted files as removed</source>
        <translation>&amp;علامت‌گذاری صفحه‌های فایل‌های پاک‌شده به‌عنوان حذف‌شده</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;انتشار</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;توقف</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;بستن</translation>
    </message>
    <message>
        <source>Publish Folder</source>
        <translation>انتشار پوشه</translation>
    </message>
    <message>
        <source>Every Markdown and HTML file of the folder becomes a page; links between the files become links between the pages and local images are uploaded once. The folder&apos;s .telegraph.json remembers the pages, so publishing again updates only what changed.</source>
        <translation>هر فایل Markdown و HTML پوشه یک صفحه می‌شود؛ پیوندهای میان فایل‌ها پیوند میان صفحه‌ها می‌شوند و تصویرهای محلی یک بار بارگذاری می‌شوند. فایل .telegraph.json پوشه صفحه‌ها را به یاد دارد، پس انتشار دوباره فقط تغییرها را به‌روز می‌کند.</translation>
    </message>
    <message>
        <source>Folder to publish</source>
        <translation>پوشهٔ انتشار</translation>
    </message>
    <message>
        <source>What publishing does with each file</source>
        <translation>انتشار با هر فایل چه می‌کند</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>پیشرفت انتشار</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;پوشه:</translation>
    </message>
    <message>
        <source>Folder to Publish</source>
        <translation>پوشهٔ انتشار</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown or HTML files.</source>
        <translation>پوشه‌ای از فایل‌های Markdown یا HTML برگزینید.</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>خواندن پوشه…</translation>
    </message>
    <message numerus="yes">
        <source>%n to create</source>
        <translation>
            <numerusform>%n برای ساختن</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n برای به‌روزرسانی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n too big, as a series</source>
        <translation>
            <numerusform>%n خیلی بزرگ، به‌صورت سری</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n بدون تغییر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n حذف‌شده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ردشده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): %1</source>
        <translation>
            <numerusform>%n هشدار: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Flood control: retrying in %n second(s)…</source>
        <translation>
            <numerusform>کنترل هجوم: تلاش دوباره تا %n ثانیهٔ دیگر…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::PublishNotes</name>
    <message>
        <source>Telegram may show the old version in Instant View and link previews for a while. To refresh a link preview, send the link to @WebpageBot.</source>
        <translation>Telegram ممکن است تا مدتی نسخهٔ قدیمی را در Instant View و پیش‌نمایش پیوندها نشان دهد. برای تازه‌سازی پیش‌نمایش یک پیوند، پیوند را برای @WebpageBot بفرستید.</translation>
    </message>
    <message>
        <source>Don&apos;t Show Again</source>
        <translation>دیگر نشان داده نشود</translation>
    </message>
</context>
<context>
    <name>tg::RequestScheduler</name>
    <message>
        <source>The server&apos;s answer is invalid: %1</source>
        <translation>پاسخ سرور نامعتبر است: %1</translation>
    </message>
</context>
<context>
    <name>tg::RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>نسخه‌ها</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بی‌عنوان)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>بازیابی این نسخه</translation>
    </message>
    <message>
        <source>No revisions yet: one is kept each time the page is published or updated.</source>
        <translation>هنوز نسخه‌ای وجود ندارد: هر بار که صفحه منتشر یا به‌روزرسانی شود یک نسخه نگه داشته می‌شود.</translation>
    </message>
</context>
<context>
    <name>tg::SaveProblemBar</name>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Choose Another Data Folder…</source>
        <translation>انتخاب پوشهٔ دادهٔ دیگر…</translation>
    </message>
    <message>
        <source>Save Text As File…</source>
        <translation>ذخیرهٔ متن در فایل…</translation>
    </message>
    <message>
        <source>Your text is not saved: the drafts database %1 cannot be written (%2). It is kept in memory and saving is retried automatically. Free some space or fix the file&apos;s permissions, choose another data folder, or save the text as a file.</source>
        <translation>متن شما ذخیره نشده است: نوشتن در پایگاه دادهٔ پیش‌نویس‌ها %1 ممکن نیست (%2). متن در حافظه نگه داشته می‌شود و ذخیره‌سازی خودکار دوباره امتحان می‌شود. کمی فضا آزاد کنید یا مجوزهای فایل را درست کنید، پوشهٔ دادهٔ دیگری انتخاب کنید، یا متن را در یک فایل ذخیره کنید.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>پیش‌نویس بی‌عنوان</translation>
    </message>
    <message>
        <source>Cannot save the text to %1: %2</source>
        <translation>ذخیرهٔ متن در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Save Text As File</source>
        <translation>ذخیرهٔ متن در فایل</translation>
    </message>
    <message>
        <source>Drafts cannot be saved in %1: %2</source>
        <translation>پیش‌نویس‌ها را نمی‌توان در %1 ذخیره کرد: %2</translation>
    </message>
    <message>
        <source>Choose Another Data Folder</source>
        <translation>انتخاب پوشهٔ دادهٔ دیگر</translation>
    </message>
    <message>
        <source>Text not saved</source>
        <translation>متن ذخیره نشد</translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) could not be saved to %1 (%2). Save the text as a file before quitting, or it is lost.</source>
        <translation>
            <numerusform>%n پیش‌نویس در %1 ذخیره نشد (%2). پیش از خروج، متن را در یک فایل ذخیره کنید، وگرنه از دست می‌رود.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save As File…</source>
        <translation>ذخیره در فایل…</translation>
    </message>
</context>
<context>
    <name>tg::SearchDialog</name>
    <message>
        <source>Find Everywhere</source>
        <translation>جست‌وجو در همه‌جا</translation>
    </message>
    <message>
        <source>Search drafts, revisions and pages</source>
        <translation>جست‌وجو در پیش‌نویس‌ها، نسخه‌ها و صفحه‌ها</translation>
    </message>
    <message>
        <source>Type to search the drafts, their revisions and the pages of every account.</source>
        <translation>بنویسید تا در پیش‌نویس‌ها، نسخه‌هایشان و صفحه‌های همهٔ حساب‌ها جست‌وجو شود.</translation>
    </message>
    <message>
        <source>Draft, edited %1</source>
        <translation>پیش‌نویس، ویرایش‌شده %1</translation>
    </message>
    <message>
        <source>Revision, published %1</source>
        <translation>نسخه، منتشرشده %1</translation>
    </message>
    <message>
        <source>Page of %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>Page of %1 on %2</source>
        <translation>صفحهٔ %1 در %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بی‌عنوان)</translation>
    </message>
    <message>
        <source>Search is not available: this system&apos;s SQLite has no full-text search (FTS5). Drafts are not affected.</source>
        <translation>جست‌وجو در دسترس نیست: SQLite این سامانه جست‌وجوی تمام‌متن (FTS5) ندارد. پیش‌نویس‌ها آسیبی نمی‌بینند.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>جست‌وجو ناموفق بود: %1</translation>
    </message>
    <message>
        <source>No matches for “%1”.</source>
        <translation>نتیجه‌ای برای «%1» نیست.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s).</source>
        <translation>
            <numerusform>%n نتیجه.</numerusform>
        </translation>
    </message>
    <message>
        <source>This draft is no longer there.</source>
        <translation>این پیش‌نویس دیگر نیست.</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoice</name>
    <message>
        <source>no keychain configured</source>
        <translation>هیچ جاکلیدی پیکربندی نشده است</translation>
    </message>
    <message>
        <source>no Secret Service is running</source>
        <translation>هیچ Secret Service در حال اجرا نیست</translation>
    </message>
</context>
<context>
    <name>tg::SecretStoreChoiceDialog</name>
    <message>
        <source>Keep tokens for this session only (they are forgotten when the app quits)</source>
        <translation>توکن‌ها فقط برای این نشست نگه داشته شوند (با بستن برنامه فراموش می‌شوند)</translation>
    </message>
    <message>
        <source>Store tokens in a file readable only by me (0600), not encrypted:
%1</source>
        <translation>توکن‌ها در فایلی که فقط من می‌توانم بخوانم (0600) و بدون رمزگذاری ذخیره شوند:
%1</translation>
    </message>
    <message>
        <source>No Keychain Available</source>
        <translation>جاکلیدی در دسترس نیست</translation>
    </message>
    <message>
        <source>The system keychain cannot store your Telegraph access tokens (%1). Choose how to keep them:</source>
        <translation>جاکلید سیستم نمی‌تواند توکن‌های دسترسی Telegraph شما را ذخیره کند (%1). روش نگهداری آن‌ها را انتخاب کنید:</translation>
    </message>
</context>
<context>
    <name>tg::SeriesFlow</name>
    <message>
        <source>Publishing the series</source>
        <translation>انتشار مجموعه</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>عنوان خالی است</translation>
    </message>
    <message>
        <source>Preparing the content…</source>
        <translation>در حال آماده‌سازی محتوا…</translation>
    </message>
    <message>
        <source>This part of the series is being published.</source>
        <translation>این بخش از مجموعه در حال انتشار است.</translation>
    </message>
    <message>
        <source>Creating part %1 of %2…</source>
        <translation>در حال ایجاد بخش %1 از %2…</translation>
    </message>
    <message>
        <source>Publishing the contents page…</source>
        <translation>در حال انتشار صفحهٔ فهرست مطالب…</translation>
    </message>
    <message>
        <source>Linking part %1 of %2…</source>
        <translation>در حال پیوند دادن بخش %1 از %2…</translation>
    </message>
    <message>
        <source>This part is no longer in the series.</source>
        <translation>این بخش دیگر در مجموعه نیست.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>منتشر نشد: %1</translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>مجموعه به‌طور کامل منتشر نشد: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>به‌صورت مجموعه‌ای از %n بخش منتشر شد: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::SeriesSplitter</name>
    <message>
        <source>The page limit is too small for the series navigation.</source>
        <translation>حد مجاز صفحه برای پیمایش مجموعه بیش از حد کوچک است.</translation>
    </message>
    <message>
        <source>One block (%1 bytes) is larger than a whole page; split it into smaller paragraphs.</source>
        <translation>یک بلوک (%1 بایت) از کل یک صفحه بزرگ‌تر است؛ آن را به بندهای کوچک‌تر تقسیم کنید.</translation>
    </message>
    <message>
        <source>← Previous part</source>
        <translation>← بخش قبلی</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>فهرست مطالب</translation>
    </message>
    <message>
        <source>Next part →</source>
        <translation>بخش بعدی →</translation>
    </message>
    <message>
        <source>%1 (part %2 of %3)</source>
        <translation>%1 (بخش %2 از %3)</translation>
    </message>
</context>
<context>
    <name>tg::SettingsChange</name>
    <message>
        <source>Settings saved. The new server and language apply after a restart.</source>
        <translation>تنظیمات ذخیره شد. کارساز و زبان جدید پس از اجرای دوباره اعمال می‌شوند.</translation>
    </message>
    <message>
        <source>Settings saved. The new server applies after a restart.</source>
        <translation>تنظیمات ذخیره شد. کارساز جدید پس از اجرای دوباره اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies after a restart.</source>
        <translation>تنظیمات ذخیره شد. زبان جدید پس از اجرای دوباره اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>تنظیمات ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>tg::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL سفارشی</translation>
    </message>
    <message>
        <source>Local sandbox (offline)</source>
        <translation>محیط آزمایشی محلی (آفلاین)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> میلی‌ثانیه</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>سرور:</translation>
    </message>
    <message>
        <source>Custom API URL:</source>
        <translation>URL سفارشی API:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>پراکسی:</translation>
    </message>
    <message>
        <source>Default author name:</source>
        <translation>نام پیش‌فرض نویسنده:</translation>
    </message>
    <message>
        <source>Default author link:</source>
        <translation>پیوند پیش‌فرض نویسنده:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>قلم ویرایشگر:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>اندازهٔ قلم:</translation>
    </message>
    <message>
        <source>Preview theme:</source>
        <translation>پوستهٔ پیش‌نمایش:</translation>
    </message>
    <message>
        <source>Save after typing stops:</source>
        <translation>ذخیره پس از توقف تایپ:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;عمومی</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>&amp;ویرایشگر</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>&amp;تصاویر</translation>
    </message>
    <message>
        <source>&amp;Language &amp;&amp; Updates</source>
        <translation>&amp;زبان و به‌روزرسانی</translation>
    </message>
    <message>
        <source>A new server applies after a restart.</source>
        <translation>کارساز جدید پس از اجرای دوباره اعمال می‌شود.</translation>
    </message>
    <message>
        <source>The current account&apos;s author name and link take precedence.</source>
        <translation>نام نویسنده و پیوند حساب فعلی اولویت دارند.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>پیروی از سیستم</translation>
    </message>
    <message>
        <source>Telegraph upload (legacy)</source>
        <translation>بارگذاری تلگراف (قدیمی)</translation>
    </message>
    <message>
        <source>HTTP upload (multipart form)</source>
        <translation>بارگذاری HTTP (فرم multipart)</translation>
    </message>
    <message>
        <source>Command (PicGo, a script…)</source>
        <translation>فرمان (PicGo، یک اسکریپت…)</translation>
    </message>
    <message>
        <source>telegra.ph has refused uploads since September 2024: with it, dropped images fail and keep their local file. The local sandbox still accepts them. Choose another host to publish images on telegra.ph.</source>
        <translation>telegra.ph از سپتامبر ۲۰۲۴ بارگذاری را نمی‌پذیرد: با آن، تصاویر رهاشده بارگذاری نمی‌شوند و فایل محلی‌شان می‌ماند. محیط آزمایشی محلی هنوز آن‌ها را می‌پذیرد. برای انتشار تصاویر در telegra.ph میزبان دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Upload URL:</source>
        <translation>نشانی بارگذاری:</translation>
    </message>
    <message>
        <source>File field name:</source>
        <translation>نام فیلد فایل:</translation>
    </message>
    <message>
        <source>Headers (Name: value):</source>
        <translation>سرآیندها (نام: مقدار):</translation>
    </message>
    <message>
        <source>Form fields (name=value):</source>
        <translation>فیلدهای فرم (نام=مقدار):</translation>
    </message>
    <message>
        <source>URL in the answer:</source>
        <translation>جای نشانی در پاسخ:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>فرمان:</translation>
    </message>
    <message>
        <source>Runs with the image&apos;s path in place of {file} (added at the end when absent); the last line it prints must be the image URL.</source>
        <translation>با مسیر تصویر به جای {file} اجرا می‌شود (اگر نباشد به انتها افزوده می‌شود)؛ آخرین سطری که چاپ می‌کند باید نشانی تصویر باشد.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <source>Upload images to:</source>
        <translation>بارگذاری تصاویر در:</translation>
    </message>
    <message>
        <source>Time limit per image:</source>
        <translation>محدودیت زمان برای هر تصویر:</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>سرآیندها</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>فیلدهای فرم</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>پیش‌فرض سیستم</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>زبان جدید پس از اجرای دوباره به کار می‌رود.</translation>
    </message>
    <message>
        <source>Check for a new version when the app starts</source>
        <translation>هنگام شروع برنامه نسخهٔ جدید را بررسی کن</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Release feed URL:</source>
        <translation>نشانی خوراک انتشارها:</translation>
    </message>
    <message>
        <source>The app only tells you about a new version; it never downloads or installs anything. Off unless you turn it on.</source>
        <translation>برنامه فقط از نسخهٔ جدید خبر می‌دهد؛ هرگز چیزی را دریافت یا نصب نمی‌کند. تا خودتان روشنش نکنید خاموش است.</translation>
    </message>
    <message>
        <source>The custom API URL must start with http:// or https://.</source>
        <translation>نشانی API سفارشی باید با http:// یا https:// شروع شود.</translation>
    </message>
    <message>
        <source>The release feed URL must start with https:// (http:// only on this computer).</source>
        <translation>نشانی خوراک انتشارها باید با https:// شروع شود (http:// فقط روی همین رایانه).</translation>
    </message>
    <message>
        <source>A proxy password (http://user:password@host:port) is kept in the keychain, not in the settings file.</source>
        <translation>گذرواژهٔ پراکسی (http://user:password@host:port) در جاکلید نگه داشته می‌شود، نه در فایل تنظیمات.</translation>
    </message>
    <message>
        <source>Where the image URL is in the JSON answer, as a dot path (data.url, 0.src) or a JSON pointer (/data/url); empty when the answer is the URL itself. Header values, and form fields named like a key, token, secret or password, are kept in the keychain; the settings file shows “%1” in their place.</source>
        <translation>جای نشانی تصویر در پاسخ JSON، به صورت مسیر نقطه‌ای (data.url، 0.src) یا JSON pointer (/data/url)؛ اگر خود پاسخ نشانی باشد خالی بگذارید. مقدار سرآیندها، و فیلدهای فرم با نام‌هایی مانند key، token، secret یا password، در جاکلید نگه داشته می‌شوند؛ فایل تنظیمات به‌جای آن‌ها «%1» را نشان می‌دهد.</translation>
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
        <translation>قالب پیش‌نویس‌های جدید:</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;پیش‌تنظیم:</translation>
    </message>
</context>
<context>
    <name>tg::SettingsSecrets</name>
    <message>
        <source>the proxy password</source>
        <translation>گذرواژهٔ پراکسی</translation>
    </message>
    <message>
        <source>the image host&apos;s %1</source>
        <translation>مقدار %1 میزبان تصویر</translation>
    </message>
    <message>
        <source>Cannot keep %1: no keychain or token file has been chosen to hold secrets.</source>
        <translation>نگه‌داشتن %1 ممکن نیست: هیچ جاکلید یا فایل توکنی برای نگه‌داشتن رمزها انتخاب نشده است.</translation>
    </message>
    <message>
        <source>the value read back differs</source>
        <translation>مقداری که دوباره خوانده شد متفاوت است</translation>
    </message>
    <message>
        <source>Cannot keep %1 in the %2: %3</source>
        <translation>نگه‌داشتن %1 ممکن نیست (محل نگهداری: %2): %3</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: %2</source>
        <translation>%1 در فایل تنظیمات می‌ماند: %2</translation>
    </message>
    <message>
        <source>%1 stays in the settings file: it could not be read back from the keychain (%2)</source>
        <translation>%1 در فایل تنظیمات می‌ماند: خواندن دوبارهٔ آن از جاکلید ممکن نشد (%2)</translation>
    </message>
    <message>
        <source>it differs</source>
        <translation>مقدار متفاوت است</translation>
    </message>
</context>
<context>
    <name>tg::SharedSecretStore</name>
    <message>
        <source>No place to keep secrets has been chosen yet</source>
        <translation>هنوز جایی برای نگه‌داشتن رمزها انتخاب نشده است</translation>
    </message>
    <message>
        <source>No secret is stored for %1</source>
        <translation>هیچ رمزی برای %1 ذخیره نشده است</translation>
    </message>
</context>
<context>
    <name>tg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>منو</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عمل</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>میان‌بر</translation>
    </message>
</context>
<context>
    <name>tg::SingleInstance</name>
    <message>
        <source>another instance is running</source>
        <translation>نمونهٔ دیگری در حال اجراست</translation>
    </message>
</context>
<context>
    <name>tg::SourceEditor</name>
    <message>
        <source>Article source</source>
        <translation>منبع مقاله</translation>
    </message>
    <message>
        <source>Write in Markdown or HTML…</source>
        <translation>به Markdown یا HTML بنویسید…</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>پررنگ</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>کج</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>متن پیوند</translation>
    </message>
    <message>
        <source>code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>سرتیتر</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>زیرتیتر</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>نقل‌قول</translation>
    </message>
    <message>
        <source>item</source>
        <translation>مورد</translation>
    </message>
</context>
<context>
    <name>tg::SpellChecker</name>
    <message>
        <source>The %1 spelling dictionary cannot be read: %2 is missing or not readable.</source>
        <translation>خواندن واژه‌نامهٔ املایی %1 ممکن نیست: %2 وجود ندارد یا خواندنی نیست.</translation>
    </message>
    <message>
        <source>The %1 spelling dictionary uses the encoding %2, which this app cannot convert.</source>
        <translation>واژه‌نامهٔ املایی %1 از رمزگذاری %2 استفاده می‌کند که این برنامه نمی‌تواند آن را تبدیل کند.</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell (%1 was not loaded).</source>
        <translation>بررسی املا در دسترس نیست: این نسخه از برنامه Hunspell ندارد (%1 بار نشد).</translation>
    </message>
</context>
<context>
    <name>tg::SpellingController</name>
    <message>
        <source>S&amp;pelling</source>
        <translation>&amp;املا</translation>
    </message>
    <message>
        <source>&amp;Check Spelling While Typing</source>
        <translation>&amp;بررسی املا هنگام تایپ</translation>
    </message>
    <message>
        <source>&amp;Next Misspelling</source>
        <translation>&amp;غلط املایی بعدی</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>Spell-checking is not available: this build of the app has no Hunspell.</source>
        <translation>بررسی املا در دسترس نیست: این نسخه از برنامه Hunspell ندارد.</translation>
    </message>
    <message>
        <source>No %1 spelling dictionary is installed; install %2 to check spelling.</source>
        <translation>هیچ واژه‌نامهٔ املایی %1 نصب نشده است؛ برای بررسی املا %2 را نصب کنید.</translation>
    </message>
    <message>
        <source>No Suggestions</source>
        <translation>پیشنهادی نیست</translation>
    </message>
    <message>
        <source>&amp;Add to Dictionary</source>
        <translation>&amp;افزودن به واژه‌نامه</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;نادیده گرفتن</translation>
    </message>
    <message>
        <source>&amp;Default: %1</source>
        <translation>&amp;پیش‌فرض: %1</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (نصب‌نشده)</translation>
    </message>
    <message>
        <source>No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)</source>
        <translation>هیچ واژه‌نامه‌ای نصب نشده است (Debian: hunspell-en-us، hunspell-ru، …)</translation>
    </message>
</context>
<context>
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>بازدیدها</translation>
    </message>
    <message>
        <source>%1, %2–%3 UTC</source>
        <extracomment>the hour a bar of the 48-hour chart covers: date, from, to</extracomment>
        <translation>%1، %2–%3 UTC</translation>
    </message>
    <message>
        <source>%1: not loaded</source>
        <translation>%1: بارگیری نشده</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln view(s)</source>
        <extracomment>a bar of the views chart: its date, then the views</extracomment>
        <translation>
            <numerusform>%1: %Ln بازدید</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::StatsWidget</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>صدور CSV…</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>۴۸ ساعت گذشته</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>۳۰ روز گذشته</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>۹۰ روز گذشته</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>۱۲ ماه گذشته</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>۲۴ ماه گذشته</translation>
    </message>
    <message>
        <source>Export Views</source>
        <translation>صدور بازدیدها</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>فایل‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <source>Select a page to see its views.</source>
        <translation>برای دیدن بازدیدهای یک صفحه، آن را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگیری…</translation>
    </message>
    <message>
        <source>Could not load the views: %1</source>
        <translation>بازدیدها بارگیری نشد: %1</translation>
    </message>
    <message>
        <source>There are no numbers to export yet.</source>
        <translation>هنوز عددی برای صدور وجود ندارد.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>نوشتن در %1 ممکن نشد: %2</translation>
    </message>
    <message>
        <source>No pages loaded.</source>
        <translation>هیچ صفحه‌ای بارگیری نشده است.</translation>
    </message>
    <message>
        <source>Most viewed pages</source>
        <translation>پربازدیدترین صفحه‌ها</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>the views of the chart&apos;s period · the page&apos;s views of all time</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s) in this period</source>
        <translation>
            <numerusform>%Ln بازدید در این بازه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in total</source>
        <translation>
            <numerusform>%Ln در مجموع</numerusform>
        </translation>
    </message>
    <message>
        <source>Account: %1 on %2</source>
        <extracomment>the views of all loaded pages, then how many pages are loaded</extracomment>
        <translation>حساب: %1 در %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln view(s)</source>
        <translation>
            <numerusform>%Ln بازدید</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln loaded page(s)</source>
        <translation>
            <numerusform>%Ln صفحهٔ بارگیری‌شده</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::TelegraphClient</name>
    <message>
        <source>The short name</source>
        <translation>نام کوتاه</translation>
    </message>
    <message>
        <source>No access token is set</source>
        <translation>هیچ توکن دسترسی‌ای تنظیم نشده است</translation>
    </message>
    <message>
        <source>Unknown account field &apos;%1&apos; (known: %2)</source>
        <translation>فیلد حساب ناشناخته «%1» (شناخته‌شده: %2)</translation>
    </message>
    <message>
        <source>The page path is required</source>
        <translation>مسیر صفحه الزامی است</translation>
    </message>
    <message>
        <source>The offset must not be negative</source>
        <translation>آفست نباید منفی باشد</translation>
    </message>
    <message>
        <source>The limit must be from 0 to 200</source>
        <translation>حد باید از 0 تا 200 باشد</translation>
    </message>
    <message>
        <source>The year must be from 2000 to 2100</source>
        <translation>سال باید از 2000 تا 2100 باشد</translation>
    </message>
    <message>
        <source>The month must be from 1 to 12</source>
        <translation>ماه باید از 1 تا 12 باشد</translation>
    </message>
    <message>
        <source>The day must be from 1 to 31</source>
        <translation>روز باید از 1 تا 31 باشد</translation>
    </message>
    <message>
        <source>The hour must be from 0 to 23</source>
        <translation>ساعت باید از 0 تا 23 باشد</translation>
    </message>
    <message>
        <source>A month needs a year</source>
        <translation>ماه به سال نیاز دارد</translation>
    </message>
    <message>
        <source>A day needs a month</source>
        <translation>روز به ماه نیاز دارد</translation>
    </message>
    <message>
        <source>An hour needs a day</source>
        <translation>ساعت به روز نیاز دارد</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a method name</source>
        <translation>«%1» نام متد نیست</translation>
    </message>
    <message>
        <source>The parameters are not a JSON object</source>
        <translation>پارامترها شیء JSON نیستند</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>سرور در %1 ثانیه پاسخی نداد</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>اتصال امن ناموفق بود: %1</translation>
    </message>
    <message>
        <source>The server broke the HTTP protocol: %1</source>
        <translation>سرور پروتکل HTTP را نقض کرد: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut short (HTTP %1): %2</source>
        <translation>پاسخ سرور ناقص ماند (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>خطای شبکه: %1</translation>
    </message>
    <message>
        <source>The server sent an HTML page (HTTP %1) instead of %2</source>
        <translation>سرور به‌جای %2 یک صفحهٔ HTML فرستاد (HTTP %1)</translation>
    </message>
    <message>
        <source>The server failed with HTTP %1 instead of answering with %2</source>
        <translation>سرور به‌جای پاسخ با %2 با خطای HTTP %1 مواجه شد</translation>
    </message>
    <message>
        <source>The server sent an empty answer (HTTP %1) instead of %2</source>
        <translation>سرور به‌جای %2 پاسخ خالی فرستاد (HTTP %1)</translation>
    </message>
    <message>
        <source>The server sent a malformed or truncated answer (HTTP %1) instead of %2</source>
        <translation>سرور به‌جای %2 پاسخی نادرست یا ناقص فرستاد (HTTP %1)</translation>
    </message>
    <message>
        <source>a JSON envelope</source>
        <translation>یک پوشش JSON</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 الزامی است</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed</source>
        <translation>%1 دارای %2 نویسه است؛ حداکثر %3 مجاز است</translation>
    </message>
    <message>
        <source>The author name</source>
        <translation>نام نویسنده</translation>
    </message>
    <message>
        <source>The author URL</source>
        <translation>نشانی نویسنده</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 مگابایت</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 کیلوبایت</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بایت</translation>
    </message>
    <message>
        <source>The server redirected the request to another host (%1); it was not followed, so the access token and keys it carries stay with %2</source>
        <translation>سرور درخواست را به میزبان دیگری (%1) تغییر مسیر داد؛ این تغییر مسیر دنبال نشد، پس توکن دسترسی و کلیدهای همراه درخواست نزد %2 می‌مانند</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than the limit of %1 and was cut off</source>
        <translation>پاسخ سرور از حد مجاز %1 بزرگ‌تر است و بریده شد</translation>
    </message>
    <message>
        <source>The server redirected the request too many times</source>
        <translation>سرور درخواست را بیش از حد تغییر مسیر داد</translation>
    </message>
</context>
<context>
    <name>tg::TelegraphUploadHost</name>
    <message>
        <source>The upload was refused: %1</source>
        <translation>بارگذاری رد شد: %1</translation>
    </message>
    <message>
        <source>an upload answer</source>
        <translation>یک پاسخ بارگذاری</translation>
    </message>
</context>
<context>
    <name>tg::TemplateActions</name>
    <message>
        <source>The draft from the template “%1” could not be stored: %2</source>
        <translation>پیش‌نویس ساخته‌شده از الگوی «%1» ذخیره نشد: %2</translation>
    </message>
    <message>
        <source>New draft from the template “%1”.</source>
        <translation>پیش‌نویس جدید از الگوی «%1».</translation>
    </message>
    <message>
        <source>Save Draft as Template</source>
        <translation>ذخیرهٔ پیش‌نویس به‌عنوان الگو</translation>
    </message>
    <message>
        <source>Name of the new template:</source>
        <translation>نام الگوی جدید:</translation>
    </message>
    <message>
        <source>Not saved as a template: %1</source>
        <translation>به‌عنوان الگو ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Saved as the template “%1”: File → New from Template… starts a draft from it.</source>
        <translation>به‌عنوان الگوی «%1» ذخیره شد: فایل ← جدید از الگو… از روی آن یک پیش‌نویس می‌سازد.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <translation>جدید از الگو</translation>
    </message>
    <message>
        <source>&amp;Create Draft</source>
        <translation>&amp;ساخت پیش‌نویس</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;تغییر نام…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (داخلی)</translation>
    </message>
    <message>
        <source>One of your templates.</source>
        <translation>یکی از الگوهای شما.</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>عنوان: %1</translation>
    </message>
    <message>
        <source>Written in HTML.</source>
        <translation>به HTML نوشته شده است.</translation>
    </message>
    <message>
        <source>Written in Markdown.</source>
        <translation>به Markdown نوشته شده است.</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>تغییر نام الگو</translation>
    </message>
    <message>
        <source>New name of the template:</source>
        <translation>نام جدید الگو:</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>حذف الگو</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Drafts made from it stay.</source>
        <translation>الگوی «%1» حذف شود؟ پیش‌نویس‌هایی که از آن ساخته شده‌اند می‌مانند.</translation>
    </message>
</context>
<context>
    <name>tg::TemplateStore</name>
    <message>
        <source>Article</source>
        <translation>مقاله</translation>
    </message>
    <message>
        <source>A lead paragraph, sections with headings, a list and a quotation.</source>
        <translation>یک بند آغازین، بخش‌هایی با سرتیتر، یک فهرست و یک نقل‌قول.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>اطلاعیه</translation>
    </message>
    <message>
        <source>What is happening, what changes, when and where, and what to do.</source>
        <translation>چه اتفاقی می‌افتد، چه چیزی تغییر می‌کند، کی و کجا، و چه باید کرد.</translation>
    </message>
    <message>
        <source>Changelog</source>
        <translation>فهرست تغییرات</translation>
    </message>
    <message>
        <source>A release&apos;s new features, improvements, fixes and upgrade notes.</source>
        <translation>ویژگی‌های تازه، بهبودها، رفع اشکال‌ها و نکته‌های ارتقای یک نسخه.</translation>
    </message>
    <message>
        <source>The template needs a name.</source>
        <translation>الگو به یک نام نیاز دارد.</translation>
    </message>
    <message>
        <source>The template name is too long: %1 characters, at most %2.</source>
        <translation>نام الگو بیش از حد طولانی است: %1 نویسه، حداکثر %2.</translation>
    </message>
    <message>
        <source>The template name may not contain line breaks or control characters.</source>
        <translation>نام الگو نباید شکست خط یا نویسه‌های کنترلی داشته باشد.</translation>
    </message>
    <message>
        <source>A template named “%1” exists already.</source>
        <translation>الگویی با نام «%1» از قبل وجود دارد.</translation>
    </message>
    <message>
        <source>The text is too long for a template: %1 KiB, at most %2 KiB.</source>
        <translation>متن برای یک الگو بیش از حد طولانی است: %1 کیبی‌بایت، حداکثر %2 کیبی‌بایت.</translation>
    </message>
    <message>
        <source>The draft has no text to keep as a template.</source>
        <translation>پیش‌نویس متنی ندارد که به‌عنوان الگو نگه داشته شود.</translation>
    </message>
    <message>
        <source>The text is too long for a template: its page content takes %1 KiB, a page holds at most %2 KiB.</source>
        <translation>متن برای یک الگو بیش از حد طولانی است: محتوای صفحهٔ آن %1 کیبی‌بایت است و یک صفحه حداکثر %2 کیبی‌بایت جا دارد.</translation>
    </message>
    <message>
        <source>Templates cannot be saved: the drafts database is not open.</source>
        <translation>الگوها را نمی‌توان ذخیره کرد: پایگاه دادهٔ پیش‌نویس‌ها باز نیست.</translation>
    </message>
    <message>
        <source>There are %1 templates already, the most there can be: delete one first.</source>
        <translation>از قبل %1 الگو وجود دارد که بیشترین تعداد ممکن است: نخست یکی را حذف کنید.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>الگو ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be renamed.</source>
        <translation>نام الگوهای داخلی را نمی‌توان تغییر داد.</translation>
    </message>
    <message>
        <source>Templates cannot be changed: the drafts database is not open.</source>
        <translation>الگوها را نمی‌توان تغییر داد: پایگاه دادهٔ پیش‌نویس‌ها باز نیست.</translation>
    </message>
    <message>
        <source>The template could not be renamed: %1</source>
        <translation>نام الگو تغییر نکرد: %1</translation>
    </message>
    <message>
        <source>Built-in templates cannot be deleted.</source>
        <translation>الگوهای داخلی را نمی‌توان حذف کرد.</translation>
    </message>
    <message>
        <source>The template could not be deleted: %1</source>
        <translation>الگو حذف نشد: %1</translation>
    </message>
</context>
<context>
    <name>tg::TypewriterScroll</name>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>پیمایش &amp;ماشین‌تحریری</translation>
    </message>
    <message>
        <source>Keep the line being written in the middle of the editor</source>
        <translation>سطری را که در حال نوشتن آن هستید در میانهٔ ویرایشگر نگه می‌دارد</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishDialog</name>
    <message>
        <source>Unpublish Page</source>
        <translation>لغو انتشار صفحه</translation>
    </message>
    <message>
        <source>Replace the content of “%1” (%2) with this notice? Telegraph cannot delete pages; the page stays at its address and shows only the notice.</source>
        <translation>محتوای «%1» (%2) با این اطلاعیه جایگزین شود؟ تلگراف نمی‌تواند صفحه‌ها را حذف کند؛ صفحه در همان نشانی می‌ماند و فقط اطلاعیه را نشان می‌دهد.</translation>
    </message>
    <message>
        <source>The current content is kept on this computer as a revision of the page&apos;s draft: File → Revisions… restores it and publishes it back.</source>
        <translation>محتوای فعلی روی همین رایانه به عنوان نسخه‌ای از پیش‌نویس صفحه نگه داشته می‌شود: فایل ← نسخه‌ها… آن را بازمی‌گرداند و دوباره منتشر می‌کند.</translation>
    </message>
    <message>
        <source>Notice shown instead of the content</source>
        <translation>اطلاعیه‌ای که به جای محتوا نمایش داده می‌شود</translation>
    </message>
    <message>
        <source>&amp;Unpublish</source>
        <translation>&amp;لغو انتشار</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>لغو انتشار</translation>
    </message>
</context>
<context>
    <name>tg::UnpublishFlow</name>
    <message>
        <source>This page has been unpublished by its author.</source>
        <translation>نویسنده انتشار این صفحه را لغو کرده است.</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>بازیابی</translation>
    </message>
    <message>
        <source>Unpublishing</source>
        <translation>لغو انتشار</translation>
    </message>
    <message>
        <source>No page was given to unpublish.</source>
        <translation>صفحه‌ای برای لغو انتشار داده نشده است.</translation>
    </message>
    <message>
        <source>Write the notice the page should show instead of its content.</source>
        <translation>اطلاعیه‌ای بنویسید که صفحه به جای محتوایش نشان دهد.</translation>
    </message>
    <message>
        <source>Fetching %1 to keep its content…</source>
        <translation>در حال دریافت %1 برای نگه‌داشتن محتوایش…</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: %2</source>
        <translation>انتشار %1 لغو نشد و تغییری نکرد: %2</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged: its content could not be kept in the drafts database.</source>
        <translation>انتشار %1 لغو نشد و تغییری نکرد: محتوای آن در پایگاه‌دادهٔ پیش‌نویس‌ها ذخیره نشد.</translation>
    </message>
    <message>
        <source>Replacing the content of %1 with the notice…</source>
        <translation>در حال جایگزینی محتوای %1 با اطلاعیه…</translation>
    </message>
    <message>
        <source>%1 is unpublished. Its content is kept in the draft “%2”: File → Revisions… restores it.</source>
        <translation>انتشار %1 لغو شد. محتوای آن در پیش‌نویس «%2» نگه داشته شده است: فایل ← نسخه‌ها… آن را بازمی‌گرداند.</translation>
    </message>
    <message>
        <source>%1 was not unpublished and is unchanged (its content is kept as a local revision all the same): %2</source>
        <translation>انتشار %1 لغو نشد و تغییری نکرد (محتوای آن به هر حال به عنوان نسخهٔ محلی نگه داشته شد): %2</translation>
    </message>
    <message>
        <source>There is no kept revision %1 of a published page.</source>
        <translation>نسخهٔ نگه‌داشته‌شدهٔ %1 از صفحه‌ای منتشرشده وجود ندارد.</translation>
    </message>
    <message>
        <source>The kept content of %1 cannot be read: %2</source>
        <translation>محتوای نگه‌داشته‌شدهٔ %1 خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>Publishing the kept content of %1 again…</source>
        <translation>در حال انتشار دوبارهٔ محتوای نگه‌داشته‌شدهٔ %1…</translation>
    </message>
    <message>
        <source>%1 is published again.</source>
        <translation>%1 دوباره منتشر شد.</translation>
    </message>
    <message>
        <source>%1 was not published again: %2</source>
        <translation>%1 دوباره منتشر نشد: %2</translation>
    </message>
    <message numerus="yes">
        <source>The notice is %n characters long; keep it under %1.</source>
        <translation>
            <numerusform>اطلاعیه %n نویسه است؛ آن را حداکثر %1 نویسه نگه دارید.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tg::UpdateChecker</name>
    <message>
        <source>The update feed is not valid JSON: %1</source>
        <translation>خوراک به‌روزرسانی JSON معتبر نیست: %1</translation>
    </message>
    <message>
        <source>The update feed is not a JSON object.</source>
        <translation>خوراک به‌روزرسانی شیء JSON نیست.</translation>
    </message>
    <message>
        <source>The update feed has no valid version.</source>
        <translation>خوراک به‌روزرسانی نسخهٔ معتبری ندارد.</translation>
    </message>
    <message>
        <source>The update feed has an invalid release address.</source>
        <translation>خوراک به‌روزرسانی نشانی انتشار نامعتبری دارد.</translation>
    </message>
    <message>
        <source>The update check was cancelled.</source>
        <translation>بررسی به‌روزرسانی لغو شد.</translation>
    </message>
    <message>
        <source>The update feed is too large.</source>
        <translation>خوراک به‌روزرسانی بیش از حد بزرگ است.</translation>
    </message>
    <message>
        <source>The update feed answered with HTTP status %1.</source>
        <translation>خوراک به‌روزرسانی با وضعیت HTTP %1 پاسخ داد.</translation>
    </message>
    <message>
        <source>The update feed did not answer in time.</source>
        <translation>خوراک به‌روزرسانی به‌موقع پاسخ نداد.</translation>
    </message>
    <message>
        <source>The update feed could not be reached: %1</source>
        <translation>دسترسی به خوراک به‌روزرسانی ممکن نشد: %1</translation>
    </message>
</context>
<context>
    <name>tg::UserGuideDialog</name>
    <message>
        <source>Telegraph Desktop User Guide</source>
        <translation>راهنمای کاربر Telegraph Desktop</translation>
    </message>
    <message>
        <source>The user guide is missing from this build.</source>
        <translation>راهنمای کاربر در این نسخهٔ ساخت وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>tg::ValidationText</name>
    <message>
        <source>Title is required.</source>
        <translation>عنوان الزامی است.</translation>
    </message>
    <message numerus="yes">
        <source>Title is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>عنوان %n نویسه است؛ Telegraph حداکثر %1 نویسه را مجاز می‌داند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author name is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>نام نویسنده %n نویسه است؛ Telegraph حداکثر %1 نویسه را مجاز می‌داند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Author URL is %n characters; Telegraph allows at most %1.</source>
        <translation>
            <numerusform>نشانی نویسنده %n نویسه است؛ Telegraph حداکثر %1 نویسه را مجاز می‌داند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content is required.</source>
        <translation>محتوا الزامی است.</translation>
    </message>
    <message numerus="yes">
        <source>Content is %n bytes; Telegraph allows at most %1 bytes (64 KiB).</source>
        <translation>
            <numerusform>محتوا %n بایت است؛ Telegraph حداکثر %1 بایت (۶۴ کیبی‌بایت) را مجاز می‌داند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content has no text; Telegraph needs some text on a page.</source>
        <translation>محتوا هیچ متنی ندارد؛ Telegraph به مقداری متن در صفحه نیاز دارد.</translation>
    </message>
    <message>
        <source>Tag &lt;%1&gt; is not allowed in Telegraph content.</source>
        <translation>برچسب &lt;%1&gt; در محتوای Telegraph مجاز نیست.</translation>
    </message>
    <message>
        <source>Attribute name &quot;%1&quot; on &lt;%2&gt; is not a valid HTML attribute name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;:&apos; and &apos;.&apos;, starting with a letter).</source>
        <translation>نام ویژگی «%1» در &lt;%2&gt; نام ویژگی معتبری برای HTML نیست (حروف، ارقام، &apos;-&apos;، &apos;_&apos;، &apos;:&apos; و &apos;.&apos;، و با یک حرف شروع شود).</translation>
    </message>
    <message>
        <source>Content is nested more than %1 levels deep.</source>
        <translation>عمق تودرتویی محتوا بیش از %1 سطح است.</translation>
    </message>
</context>
<context>
    <name>tg::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>خوش آمدید</translation>
    </message>
    <message>
        <source>Welcome to Telegraph Desktop</source>
        <translation>به Telegraph Desktop خوش آمدید</translation>
    </message>
    <message>
        <source>Where should your pages go? You can change this later in the settings.</source>
        <translation>صفحه‌های شما کجا منتشر شوند؟ بعداً می‌توانید این را در تنظیمات تغییر دهید.</translation>
    </message>
    <message>
        <source>Publish to telegra.ph</source>
        <translation>انتشار در telegra.ph</translation>
    </message>
    <message>
        <source>Your pages go to telegra.ph. Create a Telegraph account in the Accounts panel.</source>
        <translation>صفحه‌های شما در telegra.ph منتشر می‌شوند. در پنل «حساب‌ها» یک حساب Telegraph بسازید.</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>امتحان محیط آزمایشی محلی</translation>
    </message>
    <message>
        <source>A Telegraph server inside the app, with an account made for you: publish, edit and unpublish offline. Nothing leaves this computer.</source>
        <translation>یک کارساز Telegraph درون برنامه، با حسابی که برای شما ساخته شده است: به‌صورت آفلاین منتشر کنید، ویرایش کنید و انتشار را لغو کنید. هیچ چیز از این رایانه خارج نمی‌شود.</translation>
    </message>
    <message>
        <source>Use an account I already have</source>
        <translation>استفاده از حسابی که از قبل دارم</translation>
    </message>
    <message>
        <source>Import an existing Telegraph account by its access token (from a bot or another app) and publish to telegra.ph with it.</source>
        <translation>یک حساب موجود Telegraph را با توکن دسترسی آن (از یک ربات یا برنامهٔ دیگر) وارد کنید و با آن در telegra.ph منتشر کنید.</translation>
    </message>
</context>
<context>
    <name>tg::WordGoalDialog</name>
    <message>
        <source>Word Goal</source>
        <translation>هدف واژه‌ها</translation>
    </message>
    <message>
        <source>Words to write in this draft (0 for no goal):</source>
        <translation>تعداد واژه‌هایی که در این پیش‌نویس می‌نویسید (0 برای بدون هدف):</translation>
    </message>
    <message>
        <source>Word goal</source>
        <translation>هدف واژه‌ها</translation>
    </message>
    <message>
        <source>A word goal cannot be negative. Type 0 for no goal.</source>
        <translation>هدف واژه‌ها نمی‌تواند منفی باشد. برای بدون هدف، 0 را بنویسید.</translation>
    </message>
    <message>
        <source>%1 is more words than a goal can be: at most %L2.</source>
        <translation>%1 واژه بیش از حد مجاز برای هدف است: حداکثر %L2.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number of words. Type a number such as %L2, or 0 for no goal.</source>
        <translation>«%1» عدد صحیحی برای تعداد واژه‌ها نیست. عددی مانند %L2 بنویسید، یا برای بدون هدف 0 را.</translation>
    </message>
    <message>
        <source>%L1 words is more than a goal can be: at most %L2.</source>
        <translation>%L1 واژه بیش از حد مجاز برای هدف است: حداکثر %L2.</translation>
    </message>
</context>
<context>
    <name>tg::WritingStatus</name>
    <message>
        <source>Word goal progress</source>
        <translation>پیشرفت هدف واژه‌ها</translation>
    </message>
    <message>
        <source>There is no open draft to set a word goal for.</source>
        <translation>هیچ پیش‌نویس بازی نیست که برایش هدف واژه‌ها تعیین شود.</translation>
    </message>
    <message>
        <source>A word goal is between 0 and %L1 words.</source>
        <translation>هدف واژه‌ها بین 0 و %L1 واژه است.</translation>
    </message>
    <message>
        <source>The word goal could not be saved in the drafts database: %1</source>
        <translation>هدف واژه‌ها در پایگاه دادهٔ پیش‌نویس‌ها ذخیره نشد: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln واژه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln نویسه</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt; 1 min read</source>
        <translation>کمتر از ۱ دقیقه مطالعه</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min read</source>
        <translation>
            <numerusform>%Ln دقیقه مطالعه</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 characters of this draft were counted.</source>
        <translation>فقط %L1 نویسهٔ نخست این پیش‌نویس شمرده شد.</translation>
    </message>
    <message>
        <source>Words and characters of the text, without its markup</source>
        <translation>واژه‌ها و نویسه‌های متن، بدون نشانه‌های قالب‌بندی آن</translation>
    </message>
    <message>
        <source>Selection: counting…</source>
        <translation>انتخاب‌شده: در حال شمارش…</translation>
    </message>
    <message>
        <source>Selection: %1</source>
        <translation>انتخاب‌شده: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <source>%1 · goal reached</source>
        <translation>%1 · هدف برآورده شد</translation>
    </message>
    <message numerus="yes">
        <source>Word goal: %Ln word(s)</source>
        <translation>
            <numerusform>هدف واژه‌ها: %Ln واژه</numerusform>
        </translation>
    </message>
</context>
</TS>
