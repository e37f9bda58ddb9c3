// SPDX-License-Identifier: MIT
#pragma once

#include "content/spelldictionaries.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class Hunspell;

namespace tg {

/// One loaded Hunspell dictionary: says whether a word is spelled right and suggests others.
/// Words go to Hunspell in the dictionary's own encoding (its SET: UTF-8, KOI8-R, ISO8859-1…)
/// and suggestions come back from it. Loading reads the whole dictionary (tens of megabytes for
/// some languages): do it off the GUI thread; the checker may then be handed to another thread
/// and used there, from one thread at a time.
class SpellChecker
{
    Q_DECLARE_TR_FUNCTIONS(tg::SpellChecker)
public:
    /// Suggestions offered for a word, at most (suggestions() takes a smaller bound).
    static constexpr int MaxSuggestions = 10;
    /// Results remembered (the cache starts over when full).
    static constexpr int MaxCachedWords = 50000;

    /// Whether this build can check spelling at all (it was built with Hunspell).
    static bool isAvailable();

    /// Loads a dictionary; null with a message naming the dictionary when its files cannot be
    /// read, its encoding is not known, or this build has no Hunspell.
    static std::unique_ptr<SpellChecker> load(const SpellDictionaryInfo &dictionary,
                                              QString *error = nullptr);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    QString language() const { return m_language; }
    /// The dictionary's encoding as it declares it ("UTF-8", "KOI8-R").
    QString encoding() const { return m_encoding; }

    /// True when the word is spelled right, was added or ignored, or is not checked (empty or
    /// longer than MaxSpellWordLength). A word the dictionary's encoding cannot hold is wrong.
    bool isCorrect(QStringView word) const;
    /// Up to max (≤ MaxSuggestions) spellings Hunspell offers instead of word.
    QStringList suggestions(const QString &word, int max = 6) const;
    /// Accepts the word from now on (and offers it as a suggestion); for the personal dictionary.
    void addWord(const QString &word);
    /// Accepts the word for as long as this checker lives, without suggesting it.
    void ignoreWord(const QString &word);

private:
    SpellChecker() = default;
    /// The word in the dictionary's encoding; false when it cannot be written in it.
    bool encode(QStringView word, std::string *out) const;
    QString decode(const std::string &bytes) const;

    std::unique_ptr<Hunspell> m_hunspell;
    QString m_language;
    QString m_encoding;
    QByteArray m_codecName; ///< for QStringEncoder/Decoder; empty: UTF-8
    QSet<QString> m_ignored;
    mutable QHash<QString, bool> m_cache;
};

} // namespace tg
