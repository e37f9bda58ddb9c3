<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
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
        <source>There is no account named %1.</source>
        <translation>حسابی با نام %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read: %2</source>
        <translation>توکن %1 خوانده نشد: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose another name: %1 is taken or not allowed.</source>
        <translation>نام دیگری انتخاب کنید: %1 قبلاً گرفته شده یا مجاز نیست.</translation>
    </message>
    <message>
        <source>The account could not be created: %1</source>
        <translation>حساب ایجاد نشد: %1</translation>
    </message>
    <message>
        <source>The account was created but its token could not be saved: %1</source>
        <translation>حساب ایجاد شد اما توکن آن ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>حساب %1 ایجاد شد.</translation>
    </message>
    <message>
        <source>The token was not accepted: %1</source>
        <translation>توکن پذیرفته نشد: %1</translation>
    </message>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>توکن ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Account %1 imported.</source>
        <translation>حساب %1 وارد شد.</translation>
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
        <source>%1 — offline or refused: %2</source>
        <translation>%1 — آفلاین یا ردشده: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %n page(s)</source>
        <translation>
            <numerusform>%1 (%2) — %n صفحه</numerusform>
        </translation>
    </message>
    <message>
        <source>No login link: %1</source>
        <translation>پیوند ورود دریافت نشد: %1</translation>
    </message>
    <message>
        <source>The login link was opened in the browser (valid for 5 minutes).</source>
        <translation>پیوند ورود در مرورگر باز شد (معتبر به مدت ۵ دقیقه).</translation>
    </message>
    <message>
        <source>Revoke the access token of %1? Every other app or device using it will lose access; this app keeps working with the new token.</source>
        <translation>توکن دسترسی %1 باطل شود؟ هر برنامه یا دستگاه دیگری که از آن استفاده می‌کند دسترسی خود را از دست می‌دهد؛ این برنامه با توکن جدید به کار ادامه می‌دهد.</translation>
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
        <source>Remove %1 from this computer? The account and its pages stay on Telegraph; without its token you cannot edit them from here.</source>
        <translation>%1 از این رایانه حذف شود؟ حساب و صفحه‌های آن در Telegraph باقی می‌مانند؛ بدون توکن آن نمی‌توانید آن‌ها را از اینجا ویرایش کنید.</translation>
    </message>
    <message>
        <source>%1 could not be removed: %2</source>
        <translation>%1 حذف نشد: %2</translation>
    </message>
    <message>
        <source>%1 was removed from this computer.</source>
        <translation>%1 از این رایانه حذف شد.</translation>
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
        <source>Cannot write %1: %2</source>
        <translation>نوشتن در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid account name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;)</source>
        <translation>«%1» نام حساب معتبری نیست (حروف، ارقام، &apos;.&apos;، &apos;_&apos;، &apos;-&apos;)</translation>
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
    <name>tg::ClientPublisher</name>
    <message>
        <source>Updating the page…</source>
        <translation>در حال به‌روزرسانی صفحه…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>در حال انتشار…</translation>
    </message>
    <message>
        <source>Publishing was cancelled.</source>
        <translation>انتشار لغو شد.</translation>
    </message>
    <message>
        <source>Opening the page…</source>
        <translation>در حال باز کردن صفحه…</translation>
    </message>
    <message>
        <source>Could not reach the server (%1). You seem to be offline; the draft is kept and you can publish later.</source>
        <translation>دسترسی به سرور ممکن نشد (%1). به نظر می‌رسد آفلاین هستید؛ پیش‌نویس نگه داشته می‌شود و می‌توانید بعداً منتشر کنید.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>سرور رد کرد: %1</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait %n second(s) before publishing again.</source>
        <translation>
            <numerusform>Telegraph می‌خواهد %n ثانیه پیش از انتشار دوباره صبر کنید.</numerusform>
        </translation>
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
</context>
<context>
    <name>tg::DesktopApp</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>ایجاد پوشهٔ داده %1 ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot open the drafts database %1: %2</source>
        <translation>باز کردن پایگاه دادهٔ پیش‌نویس‌ها %1 ممکن نیست: %2</translation>
    </message>
    <message numerus="yes">
        <source>The app did not close normally last time. All %n draft(s) were restored as last saved.</source>
        <translation>
            <numerusform>برنامه دفعهٔ قبل به‌طور عادی بسته نشد. همهٔ %n پیش‌نویس به آخرین حالت ذخیره‌شده بازیابی شدند.</numerusform>
        </translation>
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
        <source>Local sandbox ready with a new account.</source>
        <translation>محیط آزمایشی محلی با یک حساب جدید آماده است.</translation>
    </message>
    <message>
        <source>Where to publish?</source>
        <translation>کجا منتشر شود؟</translation>
    </message>
    <message>
        <source>Publish to telegra.ph, or try everything offline with a local sandbox server first? You can change this later in the settings.</source>
        <translation>در telegra.ph منتشر شود، یا ابتدا همه‌چیز را به‌صورت آفلاین با یک سرور آزمایشی محلی امتحان می‌کنید؟ بعداً می‌توانید این را در تنظیمات تغییر دهید.</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>محیط آزمایشی محلی</translation>
    </message>
    <message>
        <source>An image was not uploaded: %1</source>
        <translation>یک تصویر بارگذاری نشد: %1</translation>
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
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n واژه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n نویسه</numerusform>
        </translation>
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
    <name>tg::HttpUploadHost</name>
    <message>
        <source>an upload answer</source>
        <translation>یک پاسخ بارگذاری</translation>
    </message>
    <message>
        <source>The image host refused the upload (HTTP %1)%2</source>
        <translation>میزبان تصویر بارگذاری را رد کرد (HTTP %1)%2</translation>
    </message>
    <message>
        <source>an answer with the image URL</source>
        <translation>پاسخی با URL تصویر</translation>
    </message>
    <message>
        <source>The image host&apos;s answer has no URL at &apos;%1&apos;</source>
        <translation>پاسخ میزبان تصویر در «%1» هیچ URL ندارد</translation>
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
        <source>No server is configured: choose one in the settings.</source>
        <translation>هیچ سروری پیکربندی نشده است: یکی را در تنظیمات انتخاب کنید.</translation>
    </message>
    <message>
        <source>Publishing is already under way.</source>
        <translation>انتشار در حال انجام است.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>منتشر نشد: %1</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>در حال انتشار…</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>در حال به‌روزرسانی…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message>
        <source>Could not open the page: %1</source>
        <translation>صفحه باز نشد: %1</translation>
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
        <source>Settings saved. A new server applies after a restart.</source>
        <translation>تنظیمات ذخیره شد. سرور جدید پس از راه‌اندازی دوباره اعمال می‌شود.</translation>
    </message>
    <message>
        <source>The revision could not be stored: %1</source>
        <translation>نسخه ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Publish as a &amp;series</source>
        <translation>انتشار به‌صورت &amp;مجموعه</translation>
    </message>
    <message numerus="yes">
        <source>Published as a series of %n part(s): %1</source>
        <translation>
            <numerusform>به‌صورت مجموعه‌ای از %n بخش منتشر شد: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The series was not fully published: %1</source>
        <translation>مجموعه به‌طور کامل منتشر نشد: %1</translation>
    </message>
    <message>
        <source>Not published: the title is empty.</source>
        <translation>منتشر نشد: عنوان خالی است.</translation>
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
        <source>Cannot import %1: %2</source>
        <translation>وارد کردن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The HTML was adapted to what Telegraph accepts: %1</source>
        <translation>HTML با آنچه Telegraph می‌پذیرد سازگار شد: %1</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>صدور به %1 ممکن نیست: %2</translation>
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
    <name>tg::OpenRequest</name>
    <message>
        <source>Only Markdown files (.md, .markdown) can be opened.</source>
        <translation>فقط فایل‌های Markdown (.md، .markdown) را می‌توان باز کرد.</translation>
    </message>
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
</context>
<context>
    <name>tg::PublishBar</name>
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
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message numerus="yes">
        <source>Telegraph asks to wait: publishing in %n second(s). You can keep writing.</source>
        <translation>
            <numerusform>Telegraph می‌خواهد صبر کنید: انتشار تا %n ثانیهٔ دیگر. می‌توانید به نوشتن ادامه دهید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>منتشر شد: %1</translation>
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
    <name>tg::SeriesPublisher</name>
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
    <name>tg::StatsChart</name>
    <message>
        <source>Views</source>
        <translation>بازدیدها</translation>
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
        <source>%1 views in this period · %2 in total</source>
        <translation>%1 بازدید در این بازه · %2 در مجموع</translation>
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
        <source>Account: %1 views on %2 loaded pages</source>
        <translation>حساب: %1 بازدید در %2 صفحهٔ بارگیری‌شده</translation>
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
</TS>
