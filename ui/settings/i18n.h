// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

class QSettings;
class QTranslator;

namespace tg {

/// The app's languages: picks the language (the setting, else the first system UI language the app
/// is translated into, else English), installs the app's compiled-in translation and Qt's own
/// (from QLibraryInfo::TranslationsPath), sets the default QLocale and the layout direction
/// (right to left for Persian). Call apply() after the QApplication exists and before any window
/// is created; calling it again switches language (open widgets must retranslate on
/// QEvent::LanguageChange, otherwise the change shows after a restart).
class I18n : public QObject
{
    Q_OBJECT
public:
    /// The settings key holding the language code; empty or "system" follows the system.
    static QString settingsKey();
    /// Folder of the compiled-in catalogs (":/i18n"), named telegraph-desktop_<code>.qm.
    static QString resourceDir();
    /// Base name of the app's catalogs.
    static QString catalogName();

    /// Language codes the app is translated into, from the compiled-in catalogs, sorted; always
    /// starts with "en" (the source language).
    static QStringList availableLanguages();
    /// The language's own name for itself ("Deutsch", "فارسی"), for a language menu.
    static QString nativeName(const QString &code);

    /// Chooses the language: `setting` when it names an available language, otherwise the first
    /// of `uiLanguages` (BCP 47 as QLocale::uiLanguages() gives them, "pt-BR") that matches one
    /// exactly or by its language ("de-AT" → de, "pt-PT" → pt_BR), otherwise "en".
    static QString resolveLanguage(const QString &setting, const QStringList &uiLanguages,
                                   const QStringList &available);

    explicit I18n(QObject *parent = nullptr);
    ~I18n() override;

    /// Reads the setting and applies it (see apply()).
    QString applyFromSettings(const QSettings &settings);
    /// Installs the translators for this language code ("" or "system": the system's choice) and
    /// returns the code actually used.
    QString apply(const QString &language);
    /// Removes every translator this object installed.
    void removeTranslators();

    /// The language in use ("en" until apply()).
    QString language() const { return m_language; }
    QLocale locale() const { return QLocale(m_language); }
    /// True when the app's own catalog for the language was loaded (always false for "en").
    bool hasAppTranslation() const { return m_appLoaded; }
    /// Qt catalog files loaded for the language (e.g. qt_de.qm, qtwebengine_de.qm).
    QStringList qtCatalogs() const { return m_qtCatalogs; }

private:
    QList<QTranslator *> m_installed;
    QString m_language = QStringLiteral("en");
    bool m_appLoaded = false;
    QStringList m_qtCatalogs;
};

} // namespace tg
