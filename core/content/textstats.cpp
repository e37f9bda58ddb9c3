// SPDX-License-Identifier: MIT
#include "content/textstats.h"

#include "content/htmlentities.h"

#include <QChar>
#include <QString>

namespace tg {

namespace {

bool isLineBreak(char32_t c)
{
    return c == u'\n' || c == u'\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

/// Chinese and Japanese characters: each one is a word.
bool isEastAsianWordCharacter(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Bopomofo:
        return true;
    default:
        // The prolonged sound mark (full and half width) belongs to both kana scripts.
        return c == 0x30FC || c == 0xFF70;
    }
}

bool isWordContent(char32_t c)
{
    // Letters, digits and pictographs (emoji); punctuation and math signs alone are no word.
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Symbol_Other;
}

/// Turns the characters a reader sees into counts (see TextStats for the rules).
class Counter
{
public:
    void character(char32_t c)
    {
        if (isLineBreak(c)) {
            lineBreak();
            return;
        }
        if (QChar::isSpace(c)) {
            space();
            return;
        }
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_Format || category == QChar::Other_Control) {
            // Invisible: bidi marks, ZWNJ, soft hyphen; a ZWJ joins what follows to what precedes.
            m_joinNext = c == 0x200D && m_lineHasText;
            return;
        }
        const bool mark = category == QChar::Mark_NonSpacing ||
                          category == QChar::Mark_SpacingCombining ||
                          category == QChar::Mark_Enclosing;
        const bool modifier = c >= 0x1F3FB && c <= 0x1F3FF; // skin tones
        const bool flagHalf = c >= 0x1F1E6 && c <= 0x1F1FF; // regional indicators
        const bool joined =
            ((mark || modifier) && m_lineHasText) || m_joinNext || (flagHalf && m_flagOpen);
        m_joinNext = false;
        m_flagOpen = flagHalf && !m_flagOpen;
        if (joined)
            return; // part of the character before: neither a character nor a word change
        if (m_pendingSpace) {
            ++stats.characters;
            m_pendingSpace = false;
        }
        ++stats.characters;
        m_lineHasText = true;
        if (isEastAsianWordCharacter(c)) {
            endWord();
            ++stats.words;
            ++stats.ideographs;
            return;
        }
        m_inWord = true;
        if (isWordContent(c))
            m_wordHasContent = true;
    }

    /// Spaces between words (a run counts as one character once text follows on the line).
    void space()
    {
        endWord();
        resetJoins();
        if (m_lineHasText)
            m_pendingSpace = true;
    }

    /// A line break or a block boundary (a paragraph tag): ends the word, counts nothing.
    void lineBreak()
    {
        endWord();
        resetJoins();
        m_pendingSpace = false;
        m_lineHasText = false;
    }

    void finish() { endWord(); }

    TextStats stats;

private:
    void endWord()
    {
        if (m_inWord && m_wordHasContent)
            ++stats.words;
        m_inWord = false;
        m_wordHasContent = false;
    }
    void resetJoins()
    {
        m_joinNext = false;
        m_flagOpen = false;
    }

    bool m_inWord = false;
    bool m_wordHasContent = false;
    bool m_pendingSpace = false;
    bool m_lineHasText = false;
    bool m_joinNext = false;
    bool m_flagOpen = false;
};

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'!' && u <= u'/') || (u >= u':' && u <= u'@') || (u >= u'[' && u <= u'`') ||
           (u >= u'{' && u <= u'~');
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

/// Inline elements do not separate words ("<b>bo</b>ld" is one word); every other tag does.
bool isInlineTag(QStringView name)
{
    static const char *const inlineTags[] = {
        "a",    "abbr", "b", "cite",  "code", "del",    "em",  "i",   "ins", "kbd",
        "mark", "q",    "s", "small", "span", "strong", "sub", "sup", "u",   "var"};
    for (const char *tag : inlineTags) {
        if (name.compare(QLatin1String(tag), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/// Walks a source once, skipping its markup and handing what a reader sees to a Counter. Every
/// look-ahead is bounded or remembered, so the whole walk stays linear.
class Scanner
{
public:
    Scanner(QStringView text, TextMarkup markup)
        : m_s(text)
        , m_n(text.size())
        , m_markup(markup)
    {}

    TextStats run()
    {
        switch (m_markup) {
        case TextMarkup::Plain:
            while (m_i < m_n)
                feedCodePoint();
            break;
        case TextMarkup::Markdown:
            markdown();
            break;
        case TextMarkup::Html:
            html();
            break;
        }
        m_count.finish();
        return m_count.stats;
    }

private:
    QChar at(qsizetype i) const { return i < m_n ? m_s[i] : QChar(u'\n'); }

    void feedCodePoint()
    {
        const QChar c = m_s[m_i++];
        if (c.isHighSurrogate() && m_i < m_n && m_s[m_i].isLowSurrogate()) {
            m_count.character(QChar::surrogateToUcs4(c, m_s[m_i++]));
            return;
        }
        m_count.character(c.isSurrogate() ? char32_t(0xFFFD) : char32_t(c.unicode()));
    }

    qsizetype runLength(qsizetype from, QChar c) const
    {
        qsizetype j = from;
        while (j < m_n && m_s[j] == c)
            ++j;
        return j - from;
    }

    qsizetype lineEnd(qsizetype from) const
    {
        while (from < m_n && m_s[from] != u'\n')
            ++from;
        return from;
    }

    bool onlyOnLine(qsizetype from, QChar c, qsizetype *count) const
    {
        *count = 0;
        for (qsizetype j = from; j < m_n && m_s[j] != u'\n'; ++j) {
            if (m_s[j] == c)
                ++*count;
            else if (m_s[j] != u' ' && m_s[j] != u'\t' && m_s[j] != u'\r')
                return false;
        }
        return true;
    }

    // ---- character references, in both markup languages ----

    bool entity()
    {
        // "&name;" or "&#123;" / "&#x1F600;", the name at most 32 characters.
        qsizetype j = m_i + 1;
        const qsizetype stop = qMin(m_n, m_i + 34);
        while (j < stop && (m_s[j].isLetterOrNumber() || (j == m_i + 1 && m_s[j] == u'#')) &&
               m_s[j].unicode() < 128)
            ++j;
        if (j >= stop || m_s[j] != u';' || j == m_i + 1)
            return false;
        const QStringView name = m_s.mid(m_i + 1, j - m_i); // with its ';'
        if (name.startsWith(u'#')) {
            const bool hex = name.size() > 2 && (name[1] == u'x' || name[1] == u'X');
            const QStringView digits = name.mid(hex ? 2 : 1).chopped(1);
            bool ok = false;
            const qulonglong value = digits.toULongLong(&ok, hex ? 16 : 10);
            if (!ok && !digits.isEmpty())
                return false;
            const bool valid =
                ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
            m_count.character(valid ? char32_t(value) : char32_t(0xFFFD));
            m_i = j + 1;
            return true;
        }
        m_entity.clear();
        if (!html::appendNamedReference(name, m_entity))
            return false;
        for (qsizetype k = 0; k < m_entity.size(); ++k) {
            const QChar c = m_entity[k];
            if (c.isHighSurrogate() && k + 1 < m_entity.size()) {
                m_count.character(QChar::surrogateToUcs4(c, m_entity[++k]));
                continue;
            }
            m_count.character(c.unicode());
        }
        m_i = j + 1;
        return true;
    }

    // ---- HTML ----

    /// At '<': skips a tag or a comment; false when the '<' is text ("a < b").
    bool htmlTag()
    {
        const QChar next = at(m_i + 1);
        if (!isAsciiLetter(next) && next != u'/' && next != u'!' && next != u'?')
            return false;
        if (m_s.mid(m_i, 4) == QLatin1String("<!--")) {
            const qsizetype end = m_s.indexOf(QLatin1String("-->"), m_i + 4);
            m_i = end < 0 ? m_n : end + 3; // an unclosed comment runs to the end, as in HTML
            return true;
        }
        const qsizetype nameStart = m_i + (next == u'/' ? 2 : 1);
        qsizetype nameEnd = nameStart;
        while (nameEnd < m_n && nameEnd - nameStart < 16 && m_s[nameEnd].isLetterOrNumber())
            ++nameEnd;
        // The tag ends at the first '>' outside quoted attribute values; an unclosed tag runs
        // to the end of the text, as in HTML.
        QChar quote;
        qsizetype j = nameEnd;
        for (; j < m_n; ++j) {
            const QChar c = m_s[j];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                break;
            }
        }
        if (!isInlineTag(m_s.mid(nameStart, nameEnd - nameStart)))
            m_count.lineBreak();
        m_i = j < m_n ? j + 1 : m_n;
        return true;
    }

    void html()
    {
        while (m_i < m_n) {
            const QChar c = m_s[m_i];
            if (c == u'<' && htmlTag())
                continue;
            if (c == u'&' && entity())
                continue;
            if (c == u'\n' || c == u'\r') { // HTML's line breaks are spaces; blocks come from tags
                m_count.space();
                ++m_i;
                continue;
            }
            feedCodePoint();
        }
    }

    // ---- Markdown ----

    /// At a line's start: skips fences, rules and block markers (quotes, headings, list items).
    void markdownLineStart()
    {
        qsizetype j = m_i;
        while (j < m_n && (m_s[j] == u' ' || m_s[j] == u'\t'))
            ++j;
        if (m_fenceLength > 0) {
            const qsizetype run = runLength(j, m_fence);
            qsizetype count = 0;
            if (run >= m_fenceLength && onlyOnLine(j + run, u' ', &count)) {
                m_fenceLength = 0;
                m_i = lineEnd(j);
                return;
            }
            // Code keeps its text, markup characters included.
            const qsizetype end = lineEnd(m_i);
            while (m_i < end)
                feedCodePoint();
            return;
        }
        if (at(j) == u'\n') {
            m_codeSpan = 0; // a code span ends with its paragraph
            return;
        }
        if (m_codeSpan > 0)
            return;
        const QChar first = at(j);
        if (first == u'`' || first == u'~') {
            const qsizetype run = runLength(j, first);
            if (run >= 3) {
                m_fence = first;
                m_fenceLength = run;
                m_i = lineEnd(j); // the info string ("```cpp") is not text
                return;
            }
        }
        if (first == u'-' || first == u'*' || first == u'_' || first == u'=') {
            qsizetype count = 0;
            if (onlyOnLine(j, first, &count) && (count >= 3 || (first == u'=' && count >= 1))) {
                m_i = lineEnd(j); // a rule or a heading's underline
                return;
            }
        }
        for (int marker = 0; marker < 32; ++marker) { // nested quotes and lists, bounded
            while (j < m_n && (m_s[j] == u' ' || m_s[j] == u'\t'))
                ++j;
            const QChar c = at(j);
            if (c == u'>') {
                ++j;
                continue;
            }
            if (c == u'#') {
                const qsizetype run = runLength(j, c);
                const QChar after = at(j + run);
                if (run <= 6 && (after == u' ' || after == u'\t' || after == u'\n')) {
                    j += run;
                    continue;
                }
                break;
            }
            if ((c == u'-' || c == u'*' || c == u'+') &&
                (at(j + 1) == u' ' || at(j + 1) == u'\t')) {
                j += 2;
                // A task list's box: "- [ ] " or "- [x] ".
                const QChar box = at(j + 1);
                if (at(j) == u'[' && (box == u' ' || box == u'x' || box == u'X') &&
                    at(j + 2) == u']' && at(j + 3) == u' ')
                    j += 4;
                continue;
            }
            if (c.isDigit() && c.unicode() < 128) {
                qsizetype d = j;
                while (d < m_n && d - j < 9 && m_s[d].isDigit() && m_s[d].unicode() < 128)
                    ++d;
                if ((at(d) == u'.' || at(d) == u')') && (at(d + 1) == u' ' || at(d + 1) == u'\n')) {
                    j = d + 1;
                    continue;
                }
            }
            break;
        }
        m_i = j;
    }

    /// At the '(' after "]": skips a link's or image's target (its URL and title) when it closes
    /// on the same line. Once a line had an unclosed target, later ones there are text.
    void skipLinkTarget()
    {
        if (m_noCloseParen)
            return;
        int depth = 0;
        for (qsizetype j = m_i; j < m_n && m_s[j] != u'\n'; ++j) {
            const QChar c = m_s[j];
            if (c == u'\\') {
                ++j;
            } else if (c == u'(') {
                if (++depth > 32)
                    break;
            } else if (c == u')' && --depth == 0) {
                m_i = j + 1;
                return;
            }
        }
        m_noCloseParen = true;
    }

    /// At '<' in Markdown: skips an HTML tag or comment, or shows an autolink's address without
    /// its brackets; false when the '<' is text. A tag ends on its line, within 1,024 characters.
    bool markdownTag()
    {
        const QChar next = at(m_i + 1);
        if (!isAsciiLetter(next) && next != u'/' && next != u'!' && next != u'?')
            return false;
        if (!m_noCommentEnd && m_s.mid(m_i, 4) == QLatin1String("<!--")) {
            const qsizetype end = m_s.indexOf(QLatin1String("-->"), m_i + 4);
            if (end >= 0) {
                m_i = end + 3;
                return true;
            }
            m_noCommentEnd = true; // no comment closes after here: each "<!--" is text
            return false;
        }
        // The next '>' on the line, remembered: later '<' on the line reuse the search.
        if (m_nextGt < m_i) {
            m_nextGt = m_i;
            while (m_nextGt < m_n && m_s[m_nextGt] != u'>' && m_s[m_nextGt] != u'\n')
                ++m_nextGt;
        }
        if (m_nextGt >= m_n || m_s[m_nextGt] != u'>' || m_nextGt - m_i > 1024)
            return false;
        const QStringView inside = m_s.mid(m_i + 1, m_nextGt - m_i - 1);
        const qsizetype end = m_nextGt;
        if (!inside.contains(u' ') &&
            (inside.contains(QLatin1String("://")) || inside.contains(u'@'))) {
            m_i += 1; // an autolink: its address is the link's text
            while (m_i < end)
                feedCodePoint();
            m_i = end + 1;
            return true;
        }
        const qsizetype nameStart = next == u'/' ? 1 : 0;
        qsizetype nameEnd = nameStart;
        while (nameEnd < inside.size() && nameEnd - nameStart < 16 &&
               inside[nameEnd].isLetterOrNumber())
            ++nameEnd;
        if (!isInlineTag(inside.mid(nameStart, nameEnd - nameStart)))
            m_count.lineBreak();
        m_i = end + 1;
        return true;
    }

    /// At a run of '*' or '_': emphasis unless it stands between spaces, or '_' inside a word.
    bool emphasis(QChar c)
    {
        const qsizetype run = runLength(m_i, c);
        const QChar before = m_i > 0 ? m_s[m_i - 1] : QChar(u' ');
        const QChar after = at(m_i + run);
        const bool spaced = before.isSpace() && after.isSpace();
        const bool intraword = c == u'_' && before.isLetterOrNumber() && after.isLetterOrNumber();
        if (spaced || intraword)
            return false;
        m_i += run;
        return true;
    }

    void markdown()
    {
        bool lineStart = true;
        while (m_i < m_n) {
            if (lineStart) {
                lineStart = false;
                markdownLineStart();
                continue;
            }
            const QChar c = m_s[m_i];
            if (c == u'\n') {
                m_count.lineBreak();
                ++m_i;
                lineStart = true;
                m_noCloseParen = false;
                continue;
            }
            if (m_fenceLength > 0) { // a fenced line ends in its '\n'
                feedCodePoint();
                continue;
            }
            if (m_codeSpan > 0) {
                if (c == u'`') {
                    const qsizetype run = runLength(m_i, c);
                    if (run == m_codeSpan) {
                        m_codeSpan = 0;
                        m_i += run;
                        continue;
                    }
                    for (qsizetype k = 0; k < run; ++k)
                        m_count.character(u'`');
                    m_i += run;
                    continue;
                }
                feedCodePoint();
                continue;
            }
            switch (c.unicode()) {
            case u'\\':
                if (isAsciiPunctuation(at(m_i + 1))) {
                    ++m_i;
                    feedCodePoint(); // an escaped mark is text
                    continue;
                }
                break;
            case u'`':
                m_codeSpan = runLength(m_i, c);
                m_i += m_codeSpan;
                continue;
            case u'*':
            case u'_':
                if (emphasis(c))
                    continue;
                break;
            case u'~': {
                const qsizetype run = runLength(m_i, c);
                if (run >= 2) { // strikethrough
                    m_i += run;
                    continue;
                }
                break;
            }
            case u'!':
                if (at(m_i + 1) == u'[') { // an image: its alt text reads like a link's text
                    ++m_i;
                    continue;
                }
                break;
            case u'[':
                ++m_i;
                continue;
            case u']':
                ++m_i;
                if (at(m_i) == u'(')
                    skipLinkTarget();
                continue;
            case u'<':
                if (markdownTag())
                    continue;
                break;
            case u'&':
                if (entity())
                    continue;
                break;
            default:
                break;
            }
            feedCodePoint();
        }
    }

    QStringView m_s;
    qsizetype m_n;
    qsizetype m_i = 0;
    TextMarkup m_markup;
    Counter m_count;
    QString m_entity;
    QChar m_fence;
    qsizetype m_fenceLength = 0;
    qsizetype m_codeSpan = 0;
    qsizetype m_nextGt = -1;
    bool m_noCloseParen = false;
    bool m_noCommentEnd = false;
};

} // namespace

qint64 TextStats::readingSeconds() const
{
    // words / WordsPerMinute + ideographs / IdeographsPerMinute minutes, in whole numbers.
    const qint64 latin = qMax<qint64>(0, words - ideographs);
    const qint64 scaled = latin * IdeographsPerMinute + qint64(ideographs) * WordsPerMinute;
    return scaled * 60 / (qint64(WordsPerMinute) * IdeographsPerMinute);
}

qint64 TextStats::readingMinutes() const
{
    const qint64 latin = qMax<qint64>(0, words - ideographs);
    const qint64 scaled = latin * IdeographsPerMinute + qint64(ideographs) * WordsPerMinute;
    const qint64 perMinute = qint64(WordsPerMinute) * IdeographsPerMinute;
    return (scaled + perMinute - 1) / perMinute;
}

TextStats TextStats::of(QStringView text, TextMarkup markup, qsizetype limit)
{
    bool truncated = false;
    if (limit >= 0 && text.size() > limit) {
        qsizetype cut = limit;
        if (cut > 0 && text[cut - 1].isHighSurrogate())
            ++cut; // keep a surrogate pair whole
        text = text.left(cut);
        truncated = true;
    }
    TextStats stats = Scanner(text, markup).run();
    stats.truncated = truncated;
    return stats;
}

} // namespace tg
