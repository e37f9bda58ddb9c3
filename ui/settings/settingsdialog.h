// SPDX-License-Identifier: MIT
#pragma once

#include "api/secretstore.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSettings;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace tg {

struct ImageHostConfig;

/// Settings in four tabs: General (server — telegra.ph, graph.org, te.legra.ph, a custom URL or
/// the local sandbox — proxy, default author), Editor (font, autosave, preview theme), Images
/// (where dropped images are uploaded) and Language & Updates (UI language, the notify-only
/// update check). OK checks every value first; a wrong one keeps the dialog open, names the
/// problem and loses nothing typed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QSettings &settings, QWidget *parent = nullptr);
    /// Where secrets typed here go (header values, key fields, the proxy password): OK writes
    /// them there first and keeps the dialog open, naming the problem, when that fails.
    void setSecretStore(SecretStore *store) { m_secrets = store; }
    /// Writes the dialog's values into the settings; secrets kept in the store on OK appear
    /// there only as a reference (see storedSecretMarker()).
    void save(QSettings &settings) const;
    /// Empty when every value is usable, else what is wrong (also shown in the dialog).
    QString validate() const;
    /// Whether the chosen language differs from the one in use (it applies after a restart).
    bool languageChanged() const;

    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *proxyEdit() const { return m_proxy; }
    QComboBox *imageHostBox() const { return m_hostKind; }
    QComboBox *httpPresetBox() const { return m_httpPreset; }
    QLineEdit *httpUrlEdit() const { return m_httpUrl; }
    QLineEdit *httpFieldEdit() const { return m_httpField; }
    QPlainTextEdit *httpHeadersEdit() const { return m_httpHeaders; }
    QPlainTextEdit *httpFormEdit() const { return m_httpForm; }
    QLineEdit *httpUrlPathEdit() const { return m_httpUrlPath; }
    QLineEdit *commandEdit() const { return m_command; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *updateCheckBox() const { return m_updates; }
    QLineEdit *feedUrlEdit() const { return m_feedUrl; }
    QComboBox *themeBox() const { return m_theme; }
    QLabel *errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    QString validate(int *tab) const;
    ImageHostConfig hostConfig() const;
    /// Puts the secrets typed into the dialog into the secret store; false with the problem.
    bool storeSecrets(QString *error);
    QWidget *buildGeneral(const QSettings &settings);
    QWidget *buildEditor(const QSettings &settings);
    QWidget *buildImages(const QSettings &settings);
    QWidget *buildLanguage(const QSettings &settings);

    QString m_languageInUse;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_server = nullptr;
    QLineEdit *m_customUrl = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_authorName = nullptr;
    QLineEdit *m_authorUrl = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_autosave = nullptr;
    QComboBox *m_newFormat = nullptr;
    QComboBox *m_hostKind = nullptr;
    QStackedWidget *m_hostPages = nullptr;
    QComboBox *m_httpPreset = nullptr;
    QLineEdit *m_httpUrl = nullptr;
    QLineEdit *m_httpField = nullptr;
    QPlainTextEdit *m_httpHeaders = nullptr;
    QPlainTextEdit *m_httpForm = nullptr;
    QLineEdit *m_httpUrlPath = nullptr;
    QLineEdit *m_command = nullptr;
    QSpinBox *m_hostTimeout = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageNote = nullptr;
    QCheckBox *m_updates = nullptr;
    QLineEdit *m_feedUrl = nullptr;
    QLabel *m_error = nullptr;
    QPointer<SecretStore> m_secrets;
    QStringList m_storedKeys;   ///< secrets written to the store by OK
    bool m_proxyStored = false; ///< the settings already referred to a stored proxy password
    QStringList m_keysBefore;   ///< the secrets the settings referred to when the dialog opened
};

} // namespace tg
