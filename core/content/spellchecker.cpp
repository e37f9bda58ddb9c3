// SPDX-License-Identifier: MIT
#include "content/spellchecker.h"

#include "content/spelltokens.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QStringEncoder>

#if TG_HAVE_HUNSPELL
#include <hunspell.hxx>
#else
class Hunspell
{
};
#endif

namespace tg {

namespace {

/// The SET line of an .aff file (Hunspell's default when it has none is ISO8859-1).
QString declaredEncoding(const QString &affPath)
{
    QFile file(affPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // The SET line comes first in practice; a bounded look keeps a huge file from costing.
    for (int line = 0; line < 2000 && !file.atEnd(); ++line) {
        QByteArray text = file.readLine(4096).trimmed();
        if (line == 0 && text.startsWith("\xEF\xBB\xBF"))
            text = text.mid(3);
        if (text.startsWith("SET ") || text.startsWith("SET\t"))
            return QString::fromLatin1(text.mid(4).trimmed());
    }
    return QStringLiteral("ISO8859-1");
}

/// The name Qt's converters (ICU) know an encoding by; empty for UTF-8.
QByteArray codecNameFor(const QString &encoding)
{
    QString name = encoding.trimmed();
    if (name.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("UTF8"), Qt::CaseInsensitive) == 0)
        return {};
    if (name.startsWith(QLatin1String("microsoft-"), Qt::CaseInsensitive)) // microsoft-cp1251
        name = name.mid(10);
    return name.toLatin1();
}

} // namespace

bool SpellChecker::isAvailable()
{
#if TG_HAVE_HUNSPELL
    return true;
#else
    return false;
#endif
}

std::unique_ptr<SpellChecker> SpellChecker::load(const SpellDictionaryInfo &dictionary,
                                                 QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<SpellChecker>();
    };
    const QString name = SpellDictionaries::displayName(dictionary.language);
#if TG_HAVE_HUNSPELL
    for (const QString &path : {dictionary.affPath, dictionary.dicPath}) {
        if (!QFileInfo(path).isReadable() || !QFileInfo(path).isFile())
            return fail(tr("The %1 spelling dictionary cannot be read: %2 is missing or not "
                           "readable.")
                            .arg(name, path));
    }
    const QString encoding = declaredEncoding(dictionary.affPath);
    const QByteArray codec = codecNameFor(encoding);
    if (!codec.isEmpty() && !QStringEncoder(codec.constData()).isValid())
        return fail(tr("The %1 spelling dictionary uses the encoding %2, which this app cannot "
                       "convert.")
                        .arg(name, encoding));
    std::unique_ptr<SpellChecker> checker(new SpellChecker);
    checker->m_hunspell =
        std::make_unique<Hunspell>(QFile::encodeName(dictionary.affPath).constData(),
                                   QFile::encodeName(dictionary.dicPath).constData());
    checker->m_language = dictionary.language;
    checker->m_encoding = encoding;
    checker->m_codecName = codec;
    return checker;
#else
    Q_UNUSED(dictionary);
    return fail(tr("Spell-checking is not available: this build of the app has no Hunspell (%1 "
                   "was not loaded).")
                    .arg(name));
#endif
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::encode(QStringView word, std::string *out) const
{
    if (m_codecName.isEmpty()) {
        const QByteArray utf8 = word.toUtf8();
        out->assign(utf8.constData(), size_t(utf8.size()));
        return true;
    }
    QStringEncoder encoder(m_codecName.constData());
    const QByteArray bytes = encoder.encode(word);
    if (encoder.hasError())
        return false;
    out->assign(bytes.constData(), size_t(bytes.size()));
    return true;
}

QString SpellChecker::decode(const std::string &bytes) const
{
    const QByteArray data(bytes.data(), qsizetype(bytes.size()));
    if (m_codecName.isEmpty())
        return QString::fromUtf8(data);
    QStringDecoder decoder(m_codecName.constData());
    return decoder.decode(data);
}

bool SpellChecker::isCorrect(QStringView word) const
{
    if (word.isEmpty() || word.size() > MaxSpellWordLength)
        return true;
    const QString key = word.toString();
    if (m_ignored.contains(key))
        return true;
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.constEnd())
        return *cached;
    bool correct = true;
#if TG_HAVE_HUNSPELL
    std::string bytes;
    correct = encode(word, &bytes) && m_hunspell->spell(bytes);
#endif
    if (m_cache.size() >= MaxCachedWords)
        m_cache.clear();
    m_cache.insert(key, correct);
    return correct;
}

QStringList SpellChecker::suggestions(const QString &word, int max) const
{
    QStringList out;
    max = qBound(0, max, int(MaxSuggestions));
    if (word.isEmpty() || word.size() > MaxSpellWordLength || max == 0)
        return out;
#if TG_HAVE_HUNSPELL
    std::string bytes;
    if (!encode(word, &bytes))
        return out;
    for (const std::string &s : m_hunspell->suggest(bytes)) {
        const QString text = decode(s);
        if (!text.isEmpty() && text != word && !out.contains(text))
            out.append(text);
        if (out.size() >= max)
            break;
    }
#endif
    return out;
}

void SpellChecker::addWord(const QString &word)
{
    if (word.isEmpty() || word.size() > MaxSpellWordLength)
        return;
#if TG_HAVE_HUNSPELL
    std::string bytes;
    if (encode(word, &bytes))
        m_hunspell->add(bytes);
    else
        m_ignored.insert(word); // not writable in this dictionary: accepted all the same
#else
    m_ignored.insert(word);
#endif
    m_cache.clear();
}

void SpellChecker::ignoreWord(const QString &word)
{
    if (word.isEmpty() || word.size() > MaxSpellWordLength)
        return;
    m_ignored.insert(word);
    m_cache.remove(word);
}

} // namespace tg
