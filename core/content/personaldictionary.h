// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tg {

/// The writer's own words, accepted by the spell checker in every language: a UTF-8 text file
/// (one word per line, owner-only 0600) in the data folder, read on start and appended to with
/// each word added. Bounded: at most MaxWords words and MaxFileBytes bytes are read; lines that
/// are not a plausible word are ignored.
class PersonalDictionary
{
    Q_DECLARE_TR_FUNCTIONS(tg::PersonalDictionary)
public:
    static constexpr int MaxWords = 20000;
    static constexpr qint64 MaxFileBytes = 1024 * 1024;
    /// The file's name in the data folder.
    static QString defaultFileName() { return QStringLiteral("spelling-words.txt"); }

    explicit PersonalDictionary(const QString &path = {});

    QString path() const { return m_path; }
    /// Reads the file (a missing one is an empty dictionary); false with a message naming the
    /// file when it exists but cannot be read. Replaces the words held.
    bool load(QString *error = nullptr);
    bool contains(const QString &word) const { return m_words.contains(word); }
    /// The words, in the order they were added.
    QStringList words() const { return m_order; }
    int size() const { return int(m_order.size()); }

    /// Adds a word and appends it to the file (created 0600). True when the word is in the
    /// dictionary afterwards (also when it already was); false with a message when it is not a
    /// word (empty, too long, spaces or control characters), the dictionary is full or the file
    /// cannot be written.
    bool add(const QString &word, QString *error = nullptr);

    /// Whether text can be a dictionary word: 1..MaxSpellWordLength characters with a letter, no
    /// whitespace and no control characters.
    static bool isValidWord(const QString &text);

private:
    QString m_path;
    QSet<QString> m_words;
    QStringList m_order;
};

} // namespace tg
