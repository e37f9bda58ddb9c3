// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tg {

/// One installed Hunspell dictionary: its language ("en_US", "de_DE") and its two files.
struct SpellDictionaryInfo
{
    QString language;
    QString affPath;
    QString dicPath;
};

/// The Hunspell dictionaries installed on this computer, found by scanning folders once (on
/// construction); lists their languages and picks the best one for a locale or UI language.
class SpellDictionaries
{
public:
    /// Environment variable naming the folder(s) to search instead of the system's (a
    /// colon-separated list); tests point it at a folder of their own.
    static constexpr char DirEnvVar[] = "TELEGRAPH_DICT_DIR";
    /// Entries looked at per folder, at most (a folder of junk cannot stall the scan).
    static constexpr int MaxEntriesPerDir = 4000;

    /// $TELEGRAPH_DICT_DIR when set, otherwise /usr/share/hunspell, /usr/share/myspell and
    /// /usr/share/myspell/dicts.
    static QStringList defaultSearchDirs();

    /// Scans the folders; an earlier folder wins when two hold the same language.
    explicit SpellDictionaries(const QStringList &dirs = defaultSearchDirs());

    /// The dictionaries found, sorted by language.
    const QList<SpellDictionaryInfo> &available() const { return m_available; }
    QStringList languages() const;
    /// The dictionary of exactly this language ("en_US"; "en-US" is read the same way).
    std::optional<SpellDictionaryInfo> find(const QString &language) const;

    /// The language of the dictionary that suits a locale or UI language best: the exact one
    /// ("de_AT"), else the language's main territory (QLocale's choice: "ru" → "ru_RU"), else
    /// any dictionary of that language. "C", "en" and an empty name mean en_US. Empty when no
    /// dictionary of the language is installed.
    QString bestMatch(const QString &localeName) const;

    /// A dictionary language in the normal form ("en-us" → "en_US"); empty when it is not a
    /// plausible language name.
    static QString normalized(const QString &language);
    /// A language for people: "English (United States)", with the language's own name in
    /// brackets when it differs ("Russian (Russia) — русский").
    static QString displayName(const QString &language);
    /// The Debian package that installs a dictionary for the language ("hunspell-de-de",
    /// "myspell-fa").
    static QString packageHint(const QString &language);

private:
    QList<SpellDictionaryInfo> m_available;
};

} // namespace tg
