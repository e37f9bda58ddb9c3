// SPDX-License-Identifier: MIT
#include "settings/i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace tg {

namespace {

const QString SourceLanguage = QStringLiteral("en");

// Qt's catalogs worth loading: "qt" is Debian's meta catalog (qtbase and friends); WebEngine's
// context menu has its own.
const char *const QtCatalogs[] = {"qt", "qtwebengine"};

// "pt-BR" / "pt_BR" → "pt_BR"; "de" → "de".
QString normalizeCode(const QString &code)
{
    QString c = code.trimmed();
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    const int underscore = c.indexOf(QLatin1Char('_'));
    if (underscore < 0)
        return c.toLower();
    return c.left(underscore).toLower() + c.mid(underscore);
}

/// English plural forms for the app's own "%n thing(s)" texts, so English reads "1 word" and
/// "2 words" rather than "1 word(s)" (%n or %Ln) without an English catalog to maintain. Installed
/// first, it is asked last: a language's catalog answers before it, and it answers for what a
/// catalog lacks. Only texts with a count and a "(s)" are touched.
class EnglishPlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(context);
        Q_UNUSED(disambiguation);
        if (n < 0 || !sourceText)
            return {};
        QString text = QString::fromUtf8(sourceText);
        const bool counted =
            text.contains(QLatin1String("%n")) || text.contains(QLatin1String("%Ln"));
        if (!counted || !text.contains(QLatin1String("(s)")))
            return {};
        text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
        return text;
    }
};

} // namespace

QString I18n::settingsKey()
{
    return QStringLiteral("ui/language");
}

QString I18n::resourceDir()
{
    return QStringLiteral(":/i18n");
}

QString I18n::catalogName()
{
    return QStringLiteral("telegraph-desktop");
}

QStringList I18n::availableLanguages()
{
    const QString prefix = catalogName() + QLatin1Char('_');
    QStringList codes;
    const QStringList files =
        QDir(resourceDir()).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString code = file.mid(prefix.size(), file.size() - prefix.size() - 3);
        if (!code.isEmpty() && code != SourceLanguage)
            codes.append(code);
    }
    codes.sort();
    codes.prepend(SourceLanguage);
    return codes;
}

QString I18n::nativeName(const QString &code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return code;
    const QString territory = locale.nativeTerritoryName();
    if (code.contains(QLatin1Char('_')) && !territory.isEmpty()) {
        name += QStringLiteral(" (") + territory + QLatin1Char(')');
    } else if (!territory.isEmpty() && name.contains(territory)) {
        // CLDR names some languages with their default territory ("español de España").
        name = name.section(QLatin1Char(' '), 0, 0);
    }
    // Language names start lower-case in several languages; a menu shows them capitalised.
    return name.left(1).toUpper() + name.mid(1);
}

QString I18n::resolveLanguage(const QString &setting, const QStringList &uiLanguages,
                              const QStringList &available)
{
    const QString wanted = normalizeCode(setting);
    if (!wanted.isEmpty() && wanted != QLatin1String("system")) {
        if (available.contains(wanted) || wanted == SourceLanguage)
            return wanted;
    }
    for (const QString &ui : uiLanguages) {
        const QString code = normalizeCode(ui);
        if (code.isEmpty() || code == QLatin1String("c") || code == QLatin1String("posix"))
            continue;
        if (available.contains(code))
            return code;
        const QString language = code.section(QLatin1Char('_'), 0, 0);
        if (language == SourceLanguage)
            return SourceLanguage;
        if (available.contains(language))
            return language;
        for (const QString &candidate : available) {
            if (candidate.section(QLatin1Char('_'), 0, 0) == language)
                return candidate;
        }
    }
    return SourceLanguage;
}

I18n::I18n(QObject *parent)
    : QObject(parent)
{}

I18n::~I18n()
{
    removeTranslators();
}

QString I18n::applyFromSettings(const QSettings &settings)
{
    return apply(settings.value(settingsKey()).toString());
}

QString I18n::apply(const QString &language)
{
    removeTranslators();
    m_language = resolveLanguage(language, QLocale::system().uiLanguages(), availableLanguages());
    const QLocale locale(m_language);

    auto *plurals = new EnglishPlurals(this);
    if (QCoreApplication::installTranslator(plurals))
        m_installed.append(plurals);
    else
        delete plurals;

    if (m_language != SourceLanguage) {
        auto *app = new QTranslator(this);
        m_appLoaded = app->load(catalogName() + QLatin1Char('_') + m_language, resourceDir());
        if (m_appLoaded && QCoreApplication::installTranslator(app))
            m_installed.append(app);
        else
            delete app;

        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const char *catalog : QtCatalogs) {
            auto *qt = new QTranslator(this);
            if (qt->load(locale, QLatin1String(catalog), QStringLiteral("_"), qtDir) &&
                QCoreApplication::installTranslator(qt)) {
                m_installed.append(qt);
                m_qtCatalogs.append(QFileInfo(qt->filePath()).fileName());
            } else {
                delete qt;
            }
        }
        QLocale::setDefault(locale);
    } else {
        QLocale::setDefault(QLocale::system());
    }

    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::setLayoutDirection(locale.textDirection());
    return m_language;
}

void I18n::removeTranslators()
{
    for (QTranslator *translator : std::as_const(m_installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    m_installed.clear();
    m_qtCatalogs.clear();
    m_appLoaded = false;
}

} // namespace tg
