// SPDX-License-Identifier: MIT
#include "content/spelldictionaries.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace tg {

QStringList SpellDictionaries::defaultSearchDirs()
{
    const QString env = qEnvironmentVariable(DirEnvVar);
    if (!env.isEmpty())
        return env.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return {QStringLiteral("/usr/share/hunspell"), QStringLiteral("/usr/share/myspell"),
            QStringLiteral("/usr/share/myspell/dicts")};
}

QString SpellDictionaries::normalized(const QString &language)
{
    // ll or lll, then up to two parts: a territory (US), a script (Latn) or a variant (frami).
    static const QRegularExpression shape(
        QStringLiteral("^([A-Za-z]{2,3})((?:[_-][A-Za-z0-9]{2,8}){0,2})$"));
    const QRegularExpressionMatch m = shape.match(language);
    if (!m.hasMatch())
        return {};
    QString out = m.captured(1).toLower();
    const QStringList parts =
        m.captured(2).split(QRegularExpression(QStringLiteral("[_-]")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        out += QLatin1Char('_');
        out += p.size() == 2 ? p.toUpper() : p;
    }
    return out;
}

SpellDictionaries::SpellDictionaries(const QStringList &dirs)
{
    QSet<QString> seen;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, {QStringLiteral("*.dic")}, QDir::Files | QDir::Readable);
        int entries = 0;
        while (it.hasNext() && entries++ < MaxEntriesPerDir) {
            const QFileInfo dic(it.next());
            const QString language = normalized(dic.completeBaseName());
            if (language.isEmpty() || seen.contains(language))
                continue;
            const QString aff = dic.dir().filePath(dic.completeBaseName() + QLatin1String(".aff"));
            if (!QFileInfo(aff).isReadable())
                continue;
            seen.insert(language);
            m_available.append({language, aff, dic.filePath()});
        }
    }
    std::sort(m_available.begin(), m_available.end(),
              [](const SpellDictionaryInfo &a, const SpellDictionaryInfo &b) {
                  return a.language < b.language;
              });
}

QStringList SpellDictionaries::languages() const
{
    QStringList out;
    for (const SpellDictionaryInfo &d : m_available)
        out.append(d.language);
    return out;
}

std::optional<SpellDictionaryInfo> SpellDictionaries::find(const QString &language) const
{
    const QString wanted = normalized(language);
    for (const SpellDictionaryInfo &d : m_available) {
        if (d.language == wanted)
            return d;
    }
    return std::nullopt;
}

QString SpellDictionaries::bestMatch(const QString &localeName) const
{
    QString name = localeName;
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (name.isEmpty() || name == QLatin1String("C") || name == QLatin1String("POSIX"))
        name = QStringLiteral("en_US");
    name = normalized(name.section(QLatin1Char('.'), 0, 0)); // "ru_RU.UTF-8"
    if (name.isEmpty())
        return {};
    if (find(name))
        return name;
    const QString language = name.section(QLatin1Char('_'), 0, 0);
    // The language's main territory, as QLocale sees it ("ru" → ru_RU, "en" → en_US).
    const QLocale locale(language);
    if (locale.language() != QLocale::C) {
        const QString main = normalized(locale.name());
        if (!main.isEmpty() && main.section(QLatin1Char('_'), 0, 0) == language && find(main))
            return main;
    }
    for (const SpellDictionaryInfo &d : m_available) {
        if (d.language.section(QLatin1Char('_'), 0, 0) == language)
            return d.language;
    }
    return {};
}

QString SpellDictionaries::displayName(const QString &language)
{
    const QString name = normalized(language);
    const QLocale locale(name);
    if (name.isEmpty() || locale.language() == QLocale::C)
        return language;
    QString english = QLocale::languageToString(locale.language());
    if (name.contains(QLatin1Char('_')))
        english += QStringLiteral(" (") + QLocale::territoryToString(locale.territory()) +
                   QLatin1Char(')');
    const QString native = locale.nativeLanguageName();
    if (native.isEmpty() ||
        native.compare(QLocale::languageToString(locale.language()), Qt::CaseInsensitive) == 0)
        return english;
    return english + QStringLiteral(" — ") + native;
}

QString SpellDictionaries::packageHint(const QString &language)
{
    const QString name = normalized(language);
    const QString lang = name.section(QLatin1Char('_'), 0, 0);
    const QString territory = name.section(QLatin1Char('_'), 1, 1).toLower();
    if (lang.isEmpty())
        return QStringLiteral("hunspell");
    if (lang == QLatin1String("fa"))
        return QStringLiteral("myspell-fa"); // Debian's Persian dictionary
    // Debian names these by territory; the others by language alone.
    if (lang == QLatin1String("en") || lang == QLatin1String("de") || lang == QLatin1String("pt"))
        return QStringLiteral("hunspell-") + lang + QLatin1Char('-') +
               (territory.isEmpty() ? (lang == QLatin1String("pt")   ? QStringLiteral("pt")
                                       : lang == QLatin1String("en") ? QStringLiteral("us")
                                                                     : QStringLiteral("de"))
                                    : territory);
    return QStringLiteral("hunspell-") + lang;
}

} // namespace tg
