// SPDX-License-Identifier: MIT
#include "content/personaldictionary.h"

#include "content/spelltokens.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace tg {

namespace {
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                  QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther | QFileDevice::ExeOther;
} // namespace

PersonalDictionary::PersonalDictionary(const QString &path)
    : m_path(path)
{}

bool PersonalDictionary::isValidWord(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxSpellWordLength)
        return false;
    bool letter = false;
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QChar::ReplacementCharacter)
            return false;
        letter = letter || c.isLetter();
    }
    return letter;
}

bool PersonalDictionary::load(QString *error)
{
    m_words.clear();
    m_order.clear();
    if (m_path.isEmpty())
        return true;
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The spelling dictionary %1 cannot be read: %2")
                         .arg(QFileInfo(m_path).fileName(), file.errorString());
        return false;
    }
    const QByteArray data = file.read(MaxFileBytes);
    for (const QByteArray &raw : data.split('\n')) {
        if (m_order.size() >= MaxWords)
            break;
        const QString word = QString::fromUtf8(raw).trimmed();
        if (!isValidWord(word) || m_words.contains(word))
            continue;
        m_words.insert(word);
        m_order.append(word);
    }
    // The file is the owner's only, also when something else created it.
    if (file.permissions() & GroupOrOther)
        file.setPermissions(OwnerOnly);
    return true;
}

bool PersonalDictionary::add(const QString &word, QString *error)
{
    const QString w = word.trimmed();
    if (!isValidWord(w)) {
        if (error)
            *error = tr("“%1” cannot be added to the spelling dictionary: it is not a word.")
                         .arg(w.left(MaxSpellWordLength));
        return false;
    }
    if (m_words.contains(w))
        return true;
    if (m_order.size() >= MaxWords) {
        if (error)
            *error = tr("The spelling dictionary is full (%1 words); “%2” was not added.")
                         .arg(MaxWords)
                         .arg(w);
        return false;
    }
    if (!m_path.isEmpty()) {
        QFile file(m_path);
        // Created owner-only; appending one short line never leaves a half-written file behind
        // that the next load could not read.
        const bool opened = file.exists()
                                ? file.open(QIODevice::WriteOnly | QIODevice::Append)
                                : file.open(QIODevice::WriteOnly | QIODevice::Append, OwnerOnly);
        const QByteArray line = w.toUtf8() + '\n';
        if (!opened || file.size() + line.size() > MaxFileBytes ||
            file.write(line) != line.size() || !file.flush()) {
            if (error)
                *error = tr("“%1” could not be added to the spelling dictionary %2: %3")
                             .arg(w, QFileInfo(m_path).fileName(),
                                  file.size() + line.size() > MaxFileBytes ? tr("the file is full")
                                                                           : file.errorString());
            return false;
        }
        file.setPermissions(OwnerOnly);
    }
    m_words.insert(w);
    m_order.append(w);
    return true;
}

} // namespace tg
