// SPDX-License-Identifier: MIT
// The settings dialog (image host, language, update check, theme) and the image hosts it
// configures, uploading for real to the in-process sandbox and through a command.
#include "api/filesecretstore.h"
#include "api/imagehost.h"
#include "api/imagehostconfig.h"
#include "api/memorysecretstore.h"
#include "api/sharedsecretstore.h"
#include "api/uploadjob.h"
#include "sandboxfixture.h"
#include "settings/i18n.h"
#include "settings/settingsdialog.h"
#include "testmain.h"
#include "workflow/appsettings.h"
#include "workflow/settingssecrets.h"
#include "workflow/updatechecker.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

bool finish(UploadJob *job)
{
    if (job->isFinished())
        return true;
    QSignalSpy done(job, &ApiJob::finished);
    return done.wait(20000);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data,
                  QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(data);
    f.close();
    f.setPermissions(permissions);
    return path;
}

const QByteArray Gif = QByteArray("GIF89a") + QByteArray(32, '\1');

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
    }

    void defaults_legacyHostUpdatesOffSystemLanguageAndTheme()
    {
        SettingsDialog d(*m_settings);
        QCOMPARE(d.imageHostBox()->currentData().toString(), QStringLiteral("telegraph"));
        QVERIFY(!d.updateCheckBox()->isChecked());
        QVERIFY(!d.feedUrlEdit()->isEnabled());
        QCOMPARE(d.languageBox()->currentData().toString(), QString());
        QVERIFY(d.languageBox()->count() >= 7); // system + en + six translations
        QCOMPARE(d.themeBox()->currentData().toString(), QStringLiteral("system"));
        QCOMPARE(d.validate(), QString());
        QVERIFY(!d.languageChanged());
        d.save(*m_settings);
        QCOMPARE(ImageHostConfig::load(*m_settings).kind, ImageHostConfig::Kind::Telegraph);
        QVERIFY(!UpdateSettings::load(*m_settings).enabled);
        QVERIFY(!m_settings->contains(I18n::settingsKey()));
        QVERIFY(!m_settings->contains(QStringLiteral("preview/dark")));
    }

    void everyField_roundTripsThroughTheSettings()
    {
        MemorySecretStore secrets;
        {
            SettingsDialog d(*m_settings);
            d.setSecretStore(&secrets);
            d.proxyEdit()->setText(QStringLiteral("http://me:proxy-pw@127.0.0.1:3128"));
            d.imageHostBox()->setCurrentIndex(d.imageHostBox()->findData(QStringLiteral("http")));
            d.httpUrlEdit()->setText(QStringLiteral("https://img.example/api/upload"));
            d.httpFieldEdit()->setText(QStringLiteral("source"));
            d.httpHeadersEdit()->setPlainText(QStringLiteral("X-API-Key: k1\n\nAccept: */*"));
            d.httpFormEdit()->setPlainText(QStringLiteral("format=json\napi_key=fk-9"));
            d.httpUrlPathEdit()->setText(QStringLiteral("image.url"));
            d.languageBox()->setCurrentIndex(d.languageBox()->findData(QStringLiteral("fa")));
            QVERIFY(d.languageChanged());
            d.updateCheckBox()->setChecked(true);
            d.feedUrlEdit()->setText(QStringLiteral("https://example.org/feed.json"));
            d.themeBox()->setCurrentIndex(d.themeBox()->findData(QStringLiteral("dark")));
            QCOMPARE(d.validate(), QString());
            d.accept();
            QCOMPARE(d.result(), int(QDialog::Accepted));
            d.save(*m_settings);
        }
        m_settings->sync();
        // The secrets are in the store; the settings file only points at them.
        QCOMPARE(
            secrets.readSecretSync(ImageHostConfig::headerSecretKey(QStringLiteral("X-API-Key")))
                .secret,
            QStringLiteral("k1"));
        QCOMPARE(
            secrets.readSecretSync(ImageHostConfig::formFieldSecretKey(QStringLiteral("api_key")))
                .secret,
            QStringLiteral("fk-9"));
        QCOMPARE(secrets.readSecretSync(ServerChoice::proxyPasswordKey()).secret,
                 QStringLiteral("proxy-pw"));
        QFile ini(m_dir->filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        for (const char *secret : {"k1", "fk-9", "proxy-pw"})
            QVERIFY2(!text.contains(secret), secret);
        QVERIFY(ServerChoice::load(*m_settings).proxyPasswordStored);
        QCOMPARE(ServerChoice::load(*m_settings).proxy, QStringLiteral("http://me@127.0.0.1:3128"));
        const QString stored = ImageHostConfig::storedMarker();
        const ImageHostConfig c = ImageHostConfig::load(*m_settings);
        QCOMPARE(c.kind, ImageHostConfig::Kind::Http);
        QCOMPARE(c.httpUrl, QUrl(QStringLiteral("https://img.example/api/upload")));
        QCOMPARE(c.httpField, QStringLiteral("source"));
        QCOMPARE(c.httpHeaders, (QStringList{QStringLiteral("X-API-Key: ") + stored,
                                             QStringLiteral("Accept: ") + stored}));
        QCOMPARE(c.httpFormFields,
                 (QStringList{QStringLiteral("format=json"), QStringLiteral("api_key=") + stored}));
        QCOMPARE(c.httpUrlPath, QStringLiteral("image.url"));
        QCOMPARE(m_settings->value(I18n::settingsKey()).toString(), QStringLiteral("fa"));
        QVERIFY(UpdateSettings::load(*m_settings).enabled);
        QCOMPARE(UpdateSettings::load(*m_settings).feedUrl,
                 QUrl(QStringLiteral("https://example.org/feed.json")));
        QCOMPARE(m_settings->value(QStringLiteral("preview/dark")).toBool(), true);

        SettingsDialog again(*m_settings);
        QCOMPARE(again.imageHostBox()->currentData().toString(), QStringLiteral("http"));
        QCOMPARE(again.httpHeadersEdit()->toPlainText(),
                 QStringLiteral("X-API-Key: %1\nAccept: %1").arg(stored));
        QCOMPARE(again.languageBox()->currentData().toString(), QStringLiteral("fa"));
        QVERIFY(!again.languageChanged());
        QVERIFY(again.updateCheckBox()->isChecked());
        QCOMPARE(again.themeBox()->currentData().toString(), QStringLiteral("dark"));
        // Back to following the system: the theme key goes away again.
        again.themeBox()->setCurrentIndex(0);
        again.save(*m_settings);
        QVERIFY(!m_settings->contains(QStringLiteral("preview/dark")));
    }

    void badValues_keepTheDialogOpenWithTheReason_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("tab");
        QTest::newRow("ftp upload url") << "http"
                                        << "ftp://img.example/upload"
                                        << "http://" << 2;
        QTest::newRow("relative upload url") << "http"
                                             << "/upload"
                                             << "http://" << 2;
        QTest::newRow("plain http to another host") << "http"
                                                    << "http://img.example/upload"
                                                    << "https://" << 2;
        QTest::newRow("secret without a store") << "header"
                                                << "X-API-Key: k1"
                                                << "keychain" << 2;
        QTest::newRow("bad header") << "header"
                                    << "no colon here"
                                    << "no colon here" << 2;
        QTest::newRow("bad form field") << "form"
                                        << "justaname"
                                        << "justaname" << 2;
        QTest::newRow("missing program") << "command"
                                         << "tg-no-such-uploader {file}"
                                         << "tg-no-such-uploader" << 2;
        QTest::newRow("empty command") << "command"
                                       << "   "
                                       << "empty" << 2;
        QTest::newRow("plain http feed") << "feed"
                                         << "http://example.org/feed.json"
                                         << "https://" << 3;
        QTest::newRow("custom server") << "server"
                                       << "api.example.org"
                                       << "custom API URL" << 0;
    }

    void badValues_keepTheDialogOpenWithTheReason()
    {
        QFETCH(QString, kind);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QFETCH(int, tab);
        SettingsDialog d(*m_settings);
        auto setHost = [&](const char *k) {
            d.imageHostBox()->setCurrentIndex(d.imageHostBox()->findData(QString::fromLatin1(k)));
        };
        if (kind == QLatin1String("http")) {
            setHost("http");
            d.httpUrlEdit()->setText(value);
        } else if (kind == QLatin1String("header")) {
            setHost("http");
            d.httpUrlEdit()->setText(QStringLiteral("https://img.example/upload"));
            d.httpHeadersEdit()->setPlainText(value);
        } else if (kind == QLatin1String("form")) {
            setHost("http");
            d.httpUrlEdit()->setText(QStringLiteral("https://img.example/upload"));
            d.httpFormEdit()->setPlainText(value);
        } else if (kind == QLatin1String("command")) {
            setHost("command");
            d.commandEdit()->setText(value);
        } else if (kind == QLatin1String("feed")) {
            d.updateCheckBox()->setChecked(true);
            d.feedUrlEdit()->setText(value);
        } else {
            auto *server = d.tabs()->widget(0)->findChild<QComboBox *>();
            QVERIFY(server);
            server->setCurrentIndex(server->findData(QStringLiteral("custom")));
            const QList<QLineEdit *> edits = d.tabs()->widget(0)->findChildren<QLineEdit *>();
            QVERIFY(!edits.isEmpty());
            edits.first()->setText(value); // the custom URL comes first
        }
        d.show();
        d.tabs()->setCurrentIndex(1);
        d.accept();
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QVERIFY2(d.errorLabel()->text().contains(expected), qPrintable(d.errorLabel()->text()));
        QVERIFY(d.errorLabel()->isVisible());
        QCOMPARE(d.tabs()->currentIndex(), tab);
        // Nothing typed is lost.
        if (kind == QLatin1String("command"))
            QCOMPARE(d.commandEdit()->text(), value);
        if (kind == QLatin1String("feed"))
            QCOMPARE(d.feedUrlEdit()->text(), value);
    }

    void migration_movesPlainSecretsOutOfTheSettings()
    {
        m_settings->setValue(QStringLiteral("images/host"), QStringLiteral("http"));
        m_settings->setValue(QStringLiteral("images/httpUrl"),
                             QStringLiteral("https://img.example/upload"));
        m_settings->setValue(QStringLiteral("images/httpHeaders"),
                             QStringList{QStringLiteral("Authorization: Bearer old-secret")});
        m_settings->setValue(
            QStringLiteral("images/httpFormFields"),
            QStringList{QStringLiteral("token=form-secret"), QStringLiteral("album=blog")});
        m_settings->setValue(QStringLiteral("server/proxy"),
                             QStringLiteral("socks5://me:proxy-secret@127.0.0.1:1080"));
        m_settings->sync();
        QCOMPARE(settingssecrets::plainSecrets(*m_settings).size(), 3);

        FileSecretStore store(m_dir->filePath(QStringLiteral("keys/tokens.json")));
        settingssecrets::Migration migration(m_settings.get(), &store);
        QSignalSpy finished(&migration, &settingssecrets::Migration::finished);
        migration.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toInt(), 3);
        QVERIFY(finished.at(0).at(1).toStringList().isEmpty());

        QFile ini(m_dir->filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        for (const char *secret : {"old-secret", "form-secret", "proxy-secret"})
            QVERIFY2(!text.contains(secret), secret);
        QVERIFY(text.contains("album=blog"));
        QCOMPARE(store.readSecretSync(QStringLiteral("imagehost/header/authorization")).secret,
                 QStringLiteral("Bearer old-secret"));
        QCOMPARE(store.readSecretSync(QStringLiteral("imagehost/field/token")).secret,
                 QStringLiteral("form-secret"));
        QCOMPARE(store.readSecretSync(ServerChoice::proxyPasswordKey()).secret,
                 QStringLiteral("proxy-secret"));
        QVERIFY(settingssecrets::plainSecrets(*m_settings).isEmpty());
        QCOMPARE(ServerChoice::load(*m_settings).proxy,
                 QStringLiteral("socks5://me@127.0.0.1:1080"));
    }

    void migration_storeRefuses_keepsTheValuesAndSaysWhy()
    {
        m_settings->setValue(QStringLiteral("images/httpHeaders"),
                             QStringList{QStringLiteral("X-API-Key: keep-me")});
        m_settings->sync();
        SharedSecretStore nowhere(m_dir->filePath(QStringLiteral("none")),
                                  QStringLiteral("telegraph-desktop-test"));
        settingssecrets::Migration migration(m_settings.get(), &nowhere);
        QSignalSpy finished(&migration, &settingssecrets::Migration::finished);
        migration.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        const QStringList problems = finished.at(0).at(1).toStringList();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("x-api-key")),
                 qPrintable(problems.first()));
        QCOMPARE(ImageHostConfig::load(*m_settings).httpHeaders,
                 QStringList{QStringLiteral("X-API-Key: keep-me")});
    }

    void createImageHost_buildsEachHost_andRefusesBadOnes()
    {
        QNetworkAccessManager nam;
        QString error;
        ImageHostConfig c;
        auto legacy = createImageHost(c, &nam, QUrl(QStringLiteral("https://telegra.ph")), &error);
        QVERIFY(legacy);
        QCOMPARE(legacy->name(), QStringLiteral("telegraph"));
        c.kind = ImageHostConfig::Kind::Http;
        c.httpUrl = QUrl(QStringLiteral("https://img.example/upload"));
        auto http = createImageHost(c, &nam, QUrl(), &error);
        QVERIFY(http);
        QCOMPARE(http->name(), QStringLiteral("http"));
        c.kind = ImageHostConfig::Kind::Command;
        c.command = QStringLiteral("/no/such/dir/uploader {file}");
        QVERIFY(!createImageHost(c, &nam, QUrl(), &error));
        QVERIFY2(error.contains(QStringLiteral("/no/such/dir/uploader")), qPrintable(error));
    }

    void httpHost_fromSettings_uploadsToTheSandbox()
    {
        test::SandboxFixture sandbox;
        QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
        ImageHostConfig c;
        c.kind = ImageHostConfig::Kind::Http;
        c.httpUrl = QUrl(sandbox.url().toString() + QStringLiteral("/upload"));
        c.httpUrlPath = QStringLiteral("0.src");
        c.save(*m_settings);
        QNetworkAccessManager nam;
        QString error;
        auto host = createImageHost(ImageHostConfig::load(*m_settings), &nam, QUrl(), &error);
        QVERIFY2(host, qPrintable(error));
        UploadJob *job = host->upload(writeFile(*m_dir, QStringLiteral("a.gif"), Gif));
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QVERIFY(
            job->url().toString().startsWith(sandbox.url().toString() + QStringLiteral("/file/")));
    }

    void commandHost_fromSettings_runsTheCommand()
    {
        const QString script = writeFile(
            *m_dir, QStringLiteral("uploader.sh"),
            "#!/bin/sh\necho \"uploading $1\" >&2\necho https://img.example/$(basename \"$1\")\n",
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        ImageHostConfig c;
        c.kind = ImageHostConfig::Kind::Command;
        c.command = QStringLiteral("\"%1\" {file}").arg(script);
        QCOMPARE(c.validate(), QString());
        QNetworkAccessManager nam;
        QString error;
        auto host = createImageHost(c, &nam, QUrl(), &error);
        QVERIFY2(host, qPrintable(error));
        UploadJob *job = host->upload(writeFile(*m_dir, QStringLiteral("b.gif"), Gif));
        QVERIFY(finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->url(), QUrl(QStringLiteral("https://img.example/b.gif")));
    }

    void preset_fillsTheFieldsWhichStayEditable_andTheKeyGoesToTheStore()
    {
        MemorySecretStore secrets;
        {
            SettingsDialog d(*m_settings);
            d.setSecretStore(&secrets);
            d.imageHostBox()->setCurrentIndex(d.imageHostBox()->findData(QStringLiteral("http")));
            QComboBox *preset = d.httpPresetBox();
            QVERIFY(preset);
            QCOMPARE(preset->currentData().toString(), QString()); // Custom
            d.httpFormEdit()->setPlainText(QStringLiteral("key=imgbb-secret-1"));
            preset->activated(preset->findData(QStringLiteral("imgbb")));
            QCOMPARE(d.httpUrlEdit()->text(), QStringLiteral("https://api.imgbb.com/1/upload"));
            QCOMPARE(d.httpFieldEdit()->text(), QStringLiteral("image"));
            QCOMPARE(d.httpUrlPathEdit()->text(), QStringLiteral("data.url"));
            QCOMPARE(d.httpFormEdit()->toPlainText(), QStringLiteral("key=imgbb-secret-1"));
            // Without the key the dialog stays open and says which field is missing.
            d.httpFormEdit()->setPlainText(QStringLiteral("key="));
            QVERIFY2(d.validate().contains(QStringLiteral("“key”")), qPrintable(d.validate()));
            d.httpFormEdit()->setPlainText(QStringLiteral("key=imgbb-secret-1"));
            QCOMPARE(d.validate(), QString());
            // catbox.moe: plain-text answer, the fixed request type, an optional user hash.
            preset->activated(preset->findData(QStringLiteral("catbox")));
            QCOMPARE(d.httpFieldEdit()->text(), QStringLiteral("fileToUpload"));
            QCOMPARE(d.httpUrlPathEdit()->text(), QString());
            QCOMPARE(d.httpFormEdit()->toPlainText(),
                     QStringLiteral("reqtype=fileupload\nuserhash="));
            QCOMPARE(d.validate(), QString());
            // Editing the address away from the preset shows Custom; the fields stay as typed.
            d.httpUrlEdit()->setFocus();
            QTest::keyClick(d.httpUrlEdit(), Qt::Key_End);
            QTest::keyClicks(d.httpUrlEdit(), QStringLiteral("x"));
            QCOMPARE(preset->currentData().toString(), QString());
            QCOMPARE(d.httpFieldEdit()->text(), QStringLiteral("fileToUpload"));
            preset->activated(preset->findData(QStringLiteral("imgbb")));
            d.httpFormEdit()->setPlainText(QStringLiteral("key=imgbb-secret-1"));
            d.accept();
            QCOMPARE(d.result(), int(QDialog::Accepted));
            d.save(*m_settings);
        }
        m_settings->sync();
        QCOMPARE(secrets.readSecretSync(ImageHostConfig::formFieldSecretKey(QStringLiteral("key")))
                     .secret,
                 QStringLiteral("imgbb-secret-1"));
        QFile ini(m_dir->filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("imgbb-secret-1"));
        // Opened again, the dialog shows the preset the saved settings follow.
        SettingsDialog again(*m_settings);
        QCOMPARE(again.httpPresetBox()->currentData().toString(), QStringLiteral("imgbb"));
    }

    void accessibleNames_onEveryControl()
    {
        SettingsDialog d(*m_settings);
        QStringList nameless;
        for (QWidget *w : d.findChildren<QWidget *>()) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QCheckBox *>(w);
            if (!control || w->objectName().startsWith(QStringLiteral("qt_")) ||
                qobject_cast<QComboBox *>(w->parentWidget()))
                continue;
            // A form label names its field for screen readers (QLabel::setBuddy via addRow).
            const bool labelled =
                !w->accessibleName().isEmpty() || qobject_cast<QCheckBox *>(w) || [&] {
                    for (QLabel *l : d.findChildren<QLabel *>())
                        if (l->buddy() == w)
                            return true;
                    return false;
                }();
            if (!labelled)
                nameless << QString::fromLatin1(w->metaObject()->className());
        }
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QLatin1Char(','))));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestSettingsDialog tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_settingsdialog.moc"
