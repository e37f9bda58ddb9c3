// SPDX-License-Identifier: MIT
#include "settings/settingsdialog.h"

#include "api/imagehostconfig.h"
#include "api/imagehostpresets.h"
#include "api/secretstore.h"
#include "settings/i18n.h"
#include "settings/imagehostpresetbox.h"
#include "settings/uisettings.h"
#include "workflow/appsettings.h"
#include "workflow/settingssecrets.h"
#include "workflow/updatechecker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tg {

namespace {

const QString ThemeKey = QStringLiteral("preview/dark");

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_tabs->addTab(buildGeneral(settings), tr("&General"));
    m_tabs->addTab(buildEditor(settings), tr("&Editor"));
    m_tabs->addTab(buildImages(settings), tr("&Images"));
    m_tabs->addTab(buildLanguage(settings), tr("&Language && Updates"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QWidget *SettingsDialog::buildGeneral(const QSettings &settings)
{
    auto *page = new QWidget(this);
    const ServerChoice server = ServerChoice::load(settings);
    const AuthorDefaults author = AuthorDefaults::load(settings);
    m_server = new QComboBox(page);
    m_customUrl = new QLineEdit(page);
    m_proxy = new QLineEdit(page);
    m_authorName = new QLineEdit(page);
    m_authorUrl = new QLineEdit(page);
    m_server->addItem(QStringLiteral("telegra.ph"), QStringLiteral("telegra.ph"));
    m_server->addItem(QStringLiteral("graph.org"), QStringLiteral("graph.org"));
    m_server->addItem(QStringLiteral("te.legra.ph"), QStringLiteral("te.legra.ph"));
    m_server->addItem(tr("Custom URL"), QStringLiteral("custom"));
    m_server->addItem(tr("Local sandbox (offline)"), QStringLiteral("sandbox"));
    m_server->setCurrentIndex(qMax(0, m_server->findData(server.server)));
    m_customUrl->setText(server.customUrl);
    m_customUrl->setPlaceholderText(QStringLiteral("https://api.example.org"));
    m_proxy->setText(server.proxy);
    m_proxyStored = server.proxyPasswordStored;
    m_proxy->setPlaceholderText(QStringLiteral("system | none | socks5://host:port"));
    m_authorName->setText(author.name);
    m_authorUrl->setText(author.url);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Custom API URL:"), m_customUrl);
    form->addRow(tr("Proxy:"), m_proxy);
    form->addRow(note(tr("A proxy password (http://user:password@host:port) is kept in the "
                         "keychain, not in the settings file."),
                      page));
    form->addRow(note(tr("A new server applies after a restart."), page));
    form->addRow(tr("Default author name:"), m_authorName);
    form->addRow(tr("Default author link:"), m_authorUrl);
    form->addRow(note(tr("The current account's author name and link take precedence."), page));
    auto updateCustom = [this] {
        m_customUrl->setEnabled(m_server->currentData().toString() == QLatin1String("custom"));
    };
    connect(m_server, &QComboBox::currentIndexChanged, this, updateCustom);
    updateCustom();
    return page;
}

QWidget *SettingsDialog::buildEditor(const QSettings &settings)
{
    auto *page = new QWidget(this);
    const EditorSettings editor = EditorSettings::load(settings);
    const PreviewSettings preview = PreviewSettings::load(settings);
    m_font = new QFontComboBox(page);
    m_fontSize = new QSpinBox(page);
    m_theme = new QComboBox(page);
    m_autosave = new QSpinBox(page);
    m_font->setCurrentFont(editor.font);
    m_fontSize->setRange(6, 48);
    m_fontSize->setValue(editor.font.pointSize() > 0 ? editor.font.pointSize() : 11);
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(!settings.contains(ThemeKey) ? 0 : preview.dark ? 2 : 1);
    m_autosave->setRange(200, 2000);
    m_autosave->setSingleStep(100);
    m_autosave->setSuffix(tr(" ms"));
    m_autosave->setValue(editor.autosaveMs);
    m_newFormat = new QComboBox(page);
    m_newFormat->setObjectName(QStringLiteral("newDraftFormat"));
    m_newFormat->addItem(tr("Markdown"), int(DraftFormat::Markdown));
    m_newFormat->addItem(tr("HTML"), int(DraftFormat::Html));
    m_newFormat->setCurrentIndex(editor.newDraftFormat == DraftFormat::Html ? 1 : 0);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Editor font:"), m_font);
    form->addRow(tr("Font size:"), m_fontSize);
    form->addRow(tr("Preview theme:"), m_theme);
    form->addRow(tr("Save after typing stops:"), m_autosave);
    form->addRow(tr("New drafts are written in:"), m_newFormat);
    return page;
}

QWidget *SettingsDialog::buildImages(const QSettings &settings)
{
    auto *page = new QWidget(this);
    const ImageHostConfig host = ImageHostConfig::load(settings);
    m_keysBefore = host.storedSecretKeys();
    m_hostKind = new QComboBox(page);
    m_hostKind->addItem(tr("Telegraph upload (legacy)"),
                        ImageHostConfig::kindName(ImageHostConfig::Kind::Telegraph));
    m_hostKind->addItem(tr("HTTP upload (multipart form)"),
                        ImageHostConfig::kindName(ImageHostConfig::Kind::Http));
    m_hostKind->addItem(tr("Command (PicGo, a script…)"),
                        ImageHostConfig::kindName(ImageHostConfig::Kind::Command));
    m_hostKind->setCurrentIndex(
        qMax(0, m_hostKind->findData(ImageHostConfig::kindName(host.kind))));
    m_hostPages = new QStackedWidget(page);

    auto *legacy = new QWidget(m_hostPages);
    auto *legacyLayout = new QVBoxLayout(legacy);
    legacyLayout->setContentsMargins(0, 0, 0, 0);
    legacyLayout->addWidget(
        note(tr("telegra.ph has refused uploads since September 2024: with it, dropped images "
                "fail and keep their local file. The local sandbox still accepts them. Choose "
                "another host to publish images on telegra.ph."),
             legacy));
    legacyLayout->addStretch();
    m_hostPages->addWidget(legacy);

    auto *http = new QWidget(m_hostPages);
    m_httpUrl = new QLineEdit(host.httpUrl.toString(), http);
    m_httpUrl->setPlaceholderText(QStringLiteral("https://images.example.org/api/1/upload"));
    m_httpField = new QLineEdit(host.httpField, http);
    m_httpHeaders = new QPlainTextEdit(host.httpHeaders.join(QLatin1Char('\n')), http);
    m_httpHeaders->setPlaceholderText(QStringLiteral("X-API-Key: …"));
    m_httpHeaders->setTabChangesFocus(true);
    m_httpHeaders->setMaximumHeight(70);
    m_httpForm = new QPlainTextEdit(host.httpFormFields.join(QLatin1Char('\n')), http);
    m_httpForm->setPlaceholderText(QStringLiteral("format=json"));
    m_httpForm->setTabChangesFocus(true);
    m_httpForm->setMaximumHeight(70);
    m_httpUrlPath = new QLineEdit(host.httpUrlPath, http);
    m_httpUrlPath->setPlaceholderText(QStringLiteral("data.url"));
    auto *presetNote = note(QString(), http);
    m_httpPreset = new ImageHostPresetBox(m_httpUrl, m_httpField, m_httpHeaders, m_httpForm,
                                          m_httpUrlPath, presetNote, http);
    auto *httpForm = new QFormLayout(http);
    httpForm->setContentsMargins(0, 0, 0, 0);
    httpForm->addRow(tr("&Preset:"), m_httpPreset);
    httpForm->addRow(presetNote);
    httpForm->addRow(tr("Upload URL:"), m_httpUrl);
    httpForm->addRow(tr("File field name:"), m_httpField);
    httpForm->addRow(tr("Headers (Name: value):"), m_httpHeaders);
    httpForm->addRow(tr("Form fields (name=value):"), m_httpForm);
    httpForm->addRow(tr("URL in the answer:"), m_httpUrlPath);
    httpForm->addRow(
        note(tr("Where the image URL is in the JSON answer, as a dot path "
                "(data.url, 0.src) or a JSON pointer (/data/url); empty when the "
                "answer is the URL itself. Header values, and form fields named like a "
                "key, token, secret or password, are kept in the keychain; the "
                "settings file shows “%1” in their place.")
                 .arg(ImageHostConfig::storedMarker()),
             http));
    m_hostPages->addWidget(http);

    auto *command = new QWidget(m_hostPages);
    m_command = new QLineEdit(host.command, command);
    m_command->setPlaceholderText(QStringLiteral("picgo upload {file}"));
    auto *commandForm = new QFormLayout(command);
    commandForm->setContentsMargins(0, 0, 0, 0);
    commandForm->addRow(tr("Command:"), m_command);
    commandForm->addRow(note(tr("Runs with the image's path in place of {file} (added at the end "
                                "when absent); the last line it prints must be the image URL."),
                             command));
    m_hostPages->addWidget(command);

    m_hostTimeout = new QSpinBox(page);
    m_hostTimeout->setRange(5, 3600);
    m_hostTimeout->setSuffix(tr(" s"));
    m_hostTimeout->setValue(host.timeoutSeconds);

    auto *layout = new QFormLayout(page);
    layout->addRow(tr("Upload images to:"), m_hostKind);
    layout->addRow(m_hostPages);
    layout->addRow(tr("Time limit per image:"), m_hostTimeout);
    connect(m_hostKind, &QComboBox::currentIndexChanged, m_hostPages,
            &QStackedWidget::setCurrentIndex);
    m_hostPages->setCurrentIndex(m_hostKind->currentIndex());
    m_httpHeaders->setAccessibleName(tr("Headers"));
    m_httpForm->setAccessibleName(tr("Form fields"));
    return page;
}

QWidget *SettingsDialog::buildLanguage(const QSettings &settings)
{
    auto *page = new QWidget(this);
    m_languageInUse = settings.value(I18n::settingsKey()).toString();
    if (m_languageInUse == QLatin1String("system"))
        m_languageInUse.clear();
    m_language = new QComboBox(page);
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : I18n::availableLanguages())
        m_language->addItem(I18n::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_languageInUse)));
    m_languageNote = note(tr("The new language is used after a restart."), page);
    m_languageNote->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_languageNote->setVisible(languageChanged()); });

    const UpdateSettings updates = UpdateSettings::load(settings);
    m_updates = new QCheckBox(tr("Check for a new version when the app starts"), page);
    m_updates->setChecked(updates.enabled);
    m_feedUrl = new QLineEdit(updates.feedUrl.toString(), page);
    m_feedUrl->setPlaceholderText(QStringLiteral("https://example.org/telegraph-desktop.json"));
    auto updateFeed = [this] {
        m_feedUrl->setEnabled(m_updates->isChecked());
    };
    connect(m_updates, &QCheckBox::toggled, this, updateFeed);
    updateFeed();

    auto *form = new QFormLayout(page);
    form->addRow(tr("Language:"), m_language);
    form->addRow(m_languageNote);
    form->addRow(m_updates);
    form->addRow(tr("Release feed URL:"), m_feedUrl);
    form->addRow(note(tr("The app only tells you about a new version; it never downloads or "
                         "installs anything. Off unless you turn it on."),
                      page));
    return page;
}

bool SettingsDialog::languageChanged() const
{
    return m_language->currentData().toString() != m_languageInUse;
}

ImageHostConfig SettingsDialog::hostConfig() const
{
    ImageHostConfig c;
    const QString k = m_hostKind->currentData().toString();
    c.kind = k == QLatin1String("http")      ? ImageHostConfig::Kind::Http
             : k == QLatin1String("command") ? ImageHostConfig::Kind::Command
                                             : ImageHostConfig::Kind::Telegraph;
    c.httpUrl = QUrl(m_httpUrl->text().trimmed());
    c.httpField = m_httpField->text().trimmed();
    c.httpHeaders = m_httpHeaders->toPlainText().split(QLatin1Char('\n'));
    c.httpFormFields = m_httpForm->toPlainText().split(QLatin1Char('\n'));
    c.httpUrlPath = m_httpUrlPath->text().trimmed();
    c.command = m_command->text().trimmed();
    c.timeoutSeconds = m_hostTimeout->value();
    return c;
}

QString SettingsDialog::validate() const
{
    return validate(nullptr);
}

QString SettingsDialog::validate(int *tab) const
{
    int where = 0;
    QString problem;
    if (m_server->currentData().toString() == QLatin1String("custom")) {
        const QUrl url(m_customUrl->text().trimmed());
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            problem = tr("The custom API URL must start with http:// or https://.");
    }
    if (problem.isEmpty()) {
        where = 2;
        problem = hostConfig().validate();
        if (const ImageHostPreset *p = findImageHostPreset(imageHostPresetFor(hostConfig()));
            problem.isEmpty() && p)
            problem = p->missingValue(hostConfig());
    }
    if (problem.isEmpty() && m_updates->isChecked() &&
        !UpdateChecker::isUsableFeedUrl(QUrl(m_feedUrl->text().trimmed()))) {
        where = 3;
        problem = tr("The release feed URL must start with https:// (http:// only on this "
                     "computer).");
    }
    if (tab)
        *tab = where;
    return problem;
}

void SettingsDialog::accept()
{
    int tab = 0;
    const QString problem = validate(&tab);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        m_tabs->setCurrentIndex(tab); // show where the problem is; nothing typed is lost
        return;
    }
    QString secretProblem;
    if (!storeSecrets(&secretProblem)) {
        m_error->setText(secretProblem);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

bool SettingsDialog::storeSecrets(QString *error)
{
    QList<settingssecrets::Secret> secrets = hostConfig().plainSecrets();
    ServerChoice server;
    server.proxy = m_proxy->text().trimmed();
    const QString password = server.plainProxyPassword();
    if (!password.isEmpty())
        secrets.append({ServerChoice::proxyPasswordKey(), password});
    if (!settingssecrets::storeNow(m_secrets, secrets, error)) {
        m_tabs->setCurrentIndex(
            secrets.size() > 0 && secrets.constLast().key == ServerChoice::proxyPasswordKey() ? 0
                                                                                              : 2);
        return false;
    }
    m_storedKeys.clear();
    for (const auto &s : secrets)
        m_storedKeys << s.key;
    // Secrets no longer referred to are dropped from the store.
    const QStringList still = hostConfig().withStored(m_storedKeys).storedSecretKeys();
    QStringList dropped;
    for (const QString &key : std::as_const(m_keysBefore)) {
        if (!still.contains(key))
            dropped << key;
    }
    if (m_proxyStored && password.isEmpty() && !server.proxyHasUser())
        dropped << ServerChoice::proxyPasswordKey();
    if (m_secrets) {
        for (const QString &key : std::as_const(dropped))
            m_secrets->removeSecret(key, [](const SecretStore::Result &) {});
    }
    return true;
}

void SettingsDialog::save(QSettings &settings) const
{
    ServerChoice server = ServerChoice::load(settings);
    server.server = m_server->currentData().toString();
    server.customUrl = m_customUrl->text().trimmed();
    server.proxy = m_proxy->text().trimmed();
    server.chosen = true;
    if (m_storedKeys.contains(ServerChoice::proxyPasswordKey()))
        server = server.withProxyPasswordStored();
    else if (!server.proxyHasUser())
        server.proxyPasswordStored = false;
    server.save(settings);
    AuthorDefaults{m_authorName->text(), m_authorUrl->text()}.save(settings);
    EditorSettings editor = EditorSettings::load(settings);
    editor.font = m_font->currentFont();
    editor.font.setPointSize(m_fontSize->value());
    editor.autosaveMs = m_autosave->value();
    editor.newDraftFormat = DraftFormat(m_newFormat->currentData().toInt());
    editor.save(settings);
    PreviewSettings preview = PreviewSettings::load(settings);
    const QString theme = m_theme->currentData().toString();
    preview.dark = theme == QLatin1String("dark");
    preview.save(settings);
    if (theme == QLatin1String("system"))
        settings.remove(ThemeKey);
    hostConfig().withStored(m_storedKeys).save(settings);
    const QString language = m_language->currentData().toString();
    if (language.isEmpty())
        settings.remove(I18n::settingsKey());
    else
        settings.setValue(I18n::settingsKey(), language);
    UpdateSettings updates = UpdateSettings::load(settings);
    updates.enabled = m_updates->isChecked();
    updates.feedUrl = QUrl(m_feedUrl->text().trimmed());
    updates.save(settings);
}

} // namespace tg
