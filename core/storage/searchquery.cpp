// SPDX-License-Identifier: MIT
#include "storage/searchquery.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace tg {

namespace {

// FTS5's unicode61 tokenizer keeps letters, digits and private-use characters as parts of words;
// combining marks stay with their letter so a decomposed accent does not split a word.
bool isWordChar(char32_t c)
{
    if (QChar::isLetterOrNumber(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

// The code point at i (a surrogate pair counts as one) and its length in UTF-16 units.
char32_t codePointAt(const QString &s, int i, int *units)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, s.at(i + 1));
    }
    *units = 1;
    return c.unicode();
}

} // namespace

QStringList SearchQuery::words(const QString &input)
{
    const QString text = input.left(MaxInput);
    QStringList out;
    QString word;
    auto finish = [&] {
        if (!word.isEmpty() && out.size() < MaxWords)
            out.append(word);
        word.clear();
    };
    for (int i = 0; i < text.size() && out.size() < MaxWords;) {
        int units = 1;
        const char32_t c = codePointAt(text, i, &units);
        if (isWordChar(c)) {
            if (word.size() + units <= MaxWordLength)
                word.append(text.mid(i, units));
        } else {
            finish();
        }
        i += units;
    }
    finish();
    return out;
}

QString SearchQuery::matchExpression(const QString &input)
{
    const QStringList list = words(input);
    if (list.isEmpty())
        return {};
    const QString text = input.left(MaxInput);
    int units = 1;
    const int last = text.size() >= 2 && text.back().isLowSurrogate() &&
                             text.at(text.size() - 2).isHighSurrogate()
                         ? int(text.size()) - 2
                         : int(text.size()) - 1;
    // The word being typed is matched as a prefix; a space after it says it is complete.
    const char32_t lastChar = codePointAt(text, last, &units);
    const bool prefix = isWordChar(lastChar) || lastChar == U'*';
    QString expr;
    for (int i = 0; i < list.size(); ++i) {
        if (i > 0)
            expr += QLatin1Char(' ');
        // Words hold no quote, so quoting needs no escaping; it makes every word a plain string.
        expr += QLatin1Char('"') + list.at(i) + QLatin1Char('"');
    }
    if (prefix)
        expr += QLatin1Char('*');
    return expr;
}

QString SearchQuery::markedToHtml(const QString &marked, int maxChars)
{
    QString out;
    out.reserve(qMin(int(marked.size()), maxChars) + 32);
    bool open = false;
    int shown = 0;
    for (const QChar c : marked) {
        const char16_t u = c.unicode();
        if (u != MarkOpen && u != MarkClose && ++shown > maxChars) {
            out += QChar(0x2026); // …
            break;
        }
        if (u == MarkOpen) {
            if (!open)
                out += QLatin1String("<b>");
            open = true;
        } else if (u == MarkClose) {
            if (open)
                out += QLatin1String("</b>");
            open = false;
        } else if (u == '&') {
            out += QLatin1String("&amp;");
        } else if (u == '<') {
            out += QLatin1String("&lt;");
        } else if (u == '>') {
            out += QLatin1String("&gt;");
        } else if (u == '"') {
            out += QLatin1String("&quot;");
        } else if (u == '\'') {
            out += QLatin1String("&#39;");
        } else if (u == '\n' || u == '\r' || u == '\t') {
            out += QLatin1Char(' ');
        } else if (u >= 0x20 && u != 0x7f) {
            out += c;
        }
    }
    if (open)
        out += QLatin1String("</b>");
    return out;
}

bool SearchQuery::firstMark(const QString &marked, int *start, int *length)
{
    int plain = 0;
    int begin = -1;
    for (const QChar c : marked) {
        if (c.unicode() == MarkOpen) {
            if (begin < 0)
                begin = plain;
        } else if (c.unicode() == MarkClose) {
            if (begin >= 0) {
                *start = begin;
                *length = plain - begin;
                return true;
            }
        } else {
            ++plain;
        }
    }
    return false;
}

bool SearchQuery::fts5Available(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    const bool ok =
        q.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.tg_fts5_probe USING "
                              "fts5(x)"));
    if (ok)
        q.exec(QStringLiteral("DROP TABLE temp.tg_fts5_probe"));
    return ok;
}

QString SearchQuery::tokenizer()
{
    return QStringLiteral("unicode61 remove_diacritics 2");
}

} // namespace tg
