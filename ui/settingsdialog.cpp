// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "uisettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

namespace tg {

SettingsDialog::SettingsDialog(const QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_server(new QComboBox(this))
    , m_customUrl(new QLineEdit(this))
    , m_proxy(new QLineEdit(this))
    , m_authorName(new QLineEdit(this))
    , m_authorUrl(new QLineEdit(this))
    , m_font(new QFontComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_autosave(new QSpinBox(this))
{
    setWindowTitle(tr("Settings"));
    const ServerChoice server = ServerChoice::load(settings);
    const AuthorDefaults author = AuthorDefaults::load(settings);
    const EditorSettings editor = EditorSettings::load(settings);
    const PreviewSettings preview = PreviewSettings::load(settings);
    m_server->addItem(QStringLiteral("telegra.ph"), QStringLiteral("telegra.ph"));
    m_server->addItem(QStringLiteral("graph.org"), QStringLiteral("graph.org"));
    m_server->addItem(QStringLiteral("te.legra.ph"), QStringLiteral("te.legra.ph"));
    m_server->addItem(tr("Custom URL"), QStringLiteral("custom"));
    m_server->addItem(tr("Local sandbox (offline)"), QStringLiteral("sandbox"));
    m_server->setCurrentIndex(qMax(0, m_server->findData(server.server)));
    m_customUrl->setText(server.customUrl);
    m_customUrl->setPlaceholderText(QStringLiteral("https://api.example.org"));
    m_proxy->setText(server.proxy);
    m_proxy->setPlaceholderText(QStringLiteral("system | none | socks5://host:port"));
    m_authorName->setText(author.name);
    m_authorUrl->setText(author.url);
    m_font->setCurrentFont(editor.font);
    m_fontSize->setRange(6, 48);
    m_fontSize->setValue(editor.font.pointSize() > 0 ? editor.font.pointSize() : 11);
    m_theme->addItem(tr("Light"));
    m_theme->addItem(tr("Dark"));
    m_theme->setCurrentIndex(preview.dark ? 1 : 0);
    m_autosave->setRange(200, 2000);
    m_autosave->setSingleStep(100);
    m_autosave->setSuffix(tr(" ms"));
    m_autosave->setValue(editor.autosaveMs);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Custom API URL:"), m_customUrl);
    form->addRow(tr("Proxy:"), m_proxy);
    form->addRow(tr("Default author name:"), m_authorName);
    form->addRow(tr("Default author link:"), m_authorUrl);
    form->addRow(tr("Editor font:"), m_font);
    form->addRow(tr("Font size:"), m_fontSize);
    form->addRow(tr("Preview theme:"), m_theme);
    form->addRow(tr("Save after typing stops:"), m_autosave);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateCustom = [this] {
        m_customUrl->setEnabled(m_server->currentData().toString() == QLatin1String("custom"));
    };
    connect(m_server, &QComboBox::currentIndexChanged, this, updateCustom);
    updateCustom();
}

void SettingsDialog::save(QSettings &settings) const
{
    ServerChoice server = ServerChoice::load(settings);
    server.server = m_server->currentData().toString();
    server.customUrl = m_customUrl->text().trimmed();
    server.proxy = m_proxy->text().trimmed();
    server.chosen = true;
    server.save(settings);
    AuthorDefaults{m_authorName->text(), m_authorUrl->text()}.save(settings);
    EditorSettings editor = EditorSettings::load(settings);
    editor.font = m_font->currentFont();
    editor.font.setPointSize(m_fontSize->value());
    editor.autosaveMs = m_autosave->value();
    editor.save(settings);
    PreviewSettings preview = PreviewSettings::load(settings);
    preview.dark = m_theme->currentIndex() == 1;
    preview.save(settings);
}

} // namespace tg
