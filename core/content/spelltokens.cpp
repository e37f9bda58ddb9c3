// SPDX-License-Identifier: MIT
#include "content/spelltokens.h"

#include <QVarLengthArray>

namespace tg {

namespace {

// The line-to-line state, packed into bits.
constexpr int FenceKindMask = 0x3; // 0 none, 1 backticks, 2 tildes
constexpr int FenceLengthShift = 2;
constexpr int FenceLengthMask = 0x3f << FenceLengthShift;
constexpr int PreviousTextBit = 1 << 8; // the previous line was paragraph text (Markdown)
constexpr int IndentedCodeBit = 1 << 9;
constexpr int CommentBit = 1 << 10;
constexpr int InTagBit = 1 << 11; // inside a tag that goes on on the next line (HTML)
constexpr int QuoteShift = 12;    // the attribute value's quote inside that tag: 1 ", 2 '
constexpr int QuoteMask = 0x3 << QuoteShift;
constexpr int RawShift = 14; // inside a code element (index into RawElements)
constexpr int RawMask = 0x7 << RawShift;
constexpr int RawPendingBit = 1 << 17; // the code element starts when the open tag ends
constexpr int StateLimit = 1 << 18;

constexpr const char *RawElements[] = {nullptr, "pre", "code", "kbd", "samp", "script", "style"};
constexpr int RawElementCount = int(sizeof(RawElements) / sizeof(RawElements[0]));

int sanitized(int state)
{
    if (state < 0 || state >= StateLimit)
        return 0;
    if ((state & FenceKindMask) == 3)
        state &= ~(FenceKindMask | FenceLengthMask);
    if (((state & RawMask) >> RawShift) >= RawElementCount)
        state &= ~(RawMask | RawPendingBit);
    if ((state & QuoteMask) == (3 << QuoteShift))
        state &= ~QuoteMask;
    return state;
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiLetter(c) || (c.unicode() >= '0' && c.unicode() <= '9');
}

char32_t codePointAt(QStringView s, qsizetype i, int *length)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *length = 1;
    return c.unicode();
}

bool isLetterOrMark(char32_t u)
{
    return QChar::isLetter(u) || QChar::isMark(u);
}

bool isDigitLike(char32_t u)
{
    return QChar::isNumber(u);
}

/// Apostrophes and hyphens join two parts of one word; a dot joins names (example.com).
bool isJoiner(char16_t u)
{
    return u == '\'' || u == u'\u2019' || u == u'\u02BC' || u == '-' || u == u'\u2010' ||
           u == u'\u2011' || u == '.';
}

struct Scanner
{
    QStringView line;
    QVarLengthArray<char, 512> skip;
    int state = 0;
    bool markdown = true;

    qsizetype size() const { return line.size(); }
    void mask(qsizetype from, qsizetype to)
    {
        to = qMin(to, size());
        for (qsizetype k = qMax<qsizetype>(0, from); k < to; ++k)
            skip[k] = 1;
    }

    /// Masks the rest of a tag from i up to and including its '>' (quotes respected); keeps the
    /// tag open in the state when the line ends first. Returns where scanning goes on.
    qsizetype scanTagBody(qsizetype i)
    {
        int quote = (state & QuoteMask) >> QuoteShift;
        qsizetype j = i;
        bool ended = false;
        while (j < size()) {
            const char16_t ch = line[j].unicode();
            ++j;
            if (quote != 0) {
                if ((quote == 1 && ch == '"') || (quote == 2 && ch == '\''))
                    quote = 0;
                continue;
            }
            if (ch == '"')
                quote = 1;
            else if (ch == '\'')
                quote = 2;
            else if (ch == '>') {
                ended = true;
                break;
            }
        }
        mask(i, j);
        state &= ~QuoteMask;
        if (!ended) {
            state |= InTagBit | (quote << QuoteShift);
            return j;
        }
        state &= ~InTagBit;
        if (state & RawPendingBit) {
            state &= ~RawPendingBit;
            if (j >= 2 && line[j - 2] == QLatin1Char('/')) // <code/>: nothing inside
                state &= ~RawMask;
        }
        return j;
    }

    /// A tag starting at i ('<'): notes a code element it opens, then masks it.
    qsizetype scanTag(qsizetype i)
    {
        qsizetype j = i + 1;
        const bool closing = j < size() && line[j] == QLatin1Char('/');
        if (closing)
            ++j;
        const qsizetype nameStart = j;
        while (j < size() && j - nameStart < 16 && isAsciiAlnum(line[j]))
            ++j;
        const QStringView name = line.mid(nameStart, j - nameStart);
        if (!closing) {
            for (int k = 1; k < RawElementCount; ++k) {
                if (name.compare(QLatin1String(RawElements[k]), Qt::CaseInsensitive) == 0) {
                    state = (state & ~RawMask) | (k << RawShift) | RawPendingBit;
                    break;
                }
            }
        }
        state |= InTagBit;
        return scanTagBody(i);
    }

    /// Where the closing tag of the open code element starts (from i), or -1.
    qsizetype findRawEnd(qsizetype i) const
    {
        const int k = (state & RawMask) >> RawShift;
        const QLatin1String name(RawElements[k]);
        for (qsizetype at = line.indexOf(QLatin1String("</"), i); at >= 0;
             at = line.indexOf(QLatin1String("</"), at + 2)) {
            if (line.mid(at + 2, name.size()).compare(name, Qt::CaseInsensitive) == 0)
                return at;
        }
        return -1;
    }

    void scanInline()
    {
        qsizetype i = 0;
        const qsizetype n = size();
        while (i < n) {
            if (state & CommentBit) {
                const qsizetype end = line.indexOf(QLatin1String("-->"), i);
                if (end < 0) {
                    mask(i, n);
                    return;
                }
                mask(i, end + 3);
                i = end + 3;
                state &= ~CommentBit;
                continue;
            }
            if (state & InTagBit) {
                i = scanTagBody(i);
                continue;
            }
            if (state & RawMask) {
                const qsizetype end = findRawEnd(i);
                if (end < 0) {
                    mask(i, n);
                    return;
                }
                mask(i, end);
                i = end;
                state &= ~RawMask;
                continue; // the closing tag is masked as a tag next
            }
            const QChar c = line[i];
            const QChar next = i + 1 < n ? line[i + 1] : QChar();
            if (markdown && c == QLatin1Char('\\') && next.unicode() > 32 && next.unicode() < 127 &&
                !isAsciiAlnum(next)) {
                mask(i, i + 2);
                i += 2;
                continue;
            }
            if (markdown && c == QLatin1Char('`')) {
                qsizetype run = 0;
                while (i + run < n && line[i + run] == QLatin1Char('`'))
                    ++run;
                // The span ends at the next run of exactly as many backticks.
                qsizetype close = -1;
                for (qsizetype j = i + run; j < n;) {
                    if (line[j] != QLatin1Char('`')) {
                        ++j;
                        continue;
                    }
                    qsizetype other = 0;
                    while (j + other < n && line[j + other] == QLatin1Char('`'))
                        ++other;
                    if (other == run) {
                        close = j;
                        break;
                    }
                    j += other;
                }
                const qsizetype end = close < 0 ? i + run : close + run;
                mask(i, end);
                i = end;
                continue;
            }
            if (markdown && c == QLatin1Char(']') && next == QLatin1Char('(')) {
                // A link or image target: up to the matching parenthesis.
                qsizetype j = i + 2;
                int depth = 1;
                while (j < n) {
                    const QChar d = line[j];
                    if (d == QLatin1Char('\\')) {
                        j += 2;
                        continue;
                    }
                    if (d == QLatin1Char('('))
                        ++depth;
                    else if (d == QLatin1Char(')') && --depth == 0)
                        break;
                    ++j;
                }
                const qsizetype end = qMin(n, j + 1);
                mask(i, end);
                i = end;
                continue;
            }
            if (markdown && c == QLatin1Char(']') && next == QLatin1Char('[')) {
                // A reference link's label.
                const qsizetype j = line.indexOf(QLatin1Char(']'), i + 2);
                const qsizetype end = j < 0 ? i + 2 : j + 1;
                mask(i, end);
                i = end;
                continue;
            }
            if (c == QLatin1Char('<')) {
                if (line.mid(i).startsWith(QLatin1String("<!--"))) {
                    mask(i, i + 4);
                    i += 4;
                    state |= CommentBit;
                    continue;
                }
                const QChar after = i + 2 < n ? line[i + 2] : QChar();
                const bool tag = isAsciiLetter(next) || next == QLatin1Char('!') ||
                                 next == QLatin1Char('?') ||
                                 (next == QLatin1Char('/') && isAsciiLetter(after));
                // In Markdown a '<' without a '>' later on the line is text ("a <b").
                if (tag && (!markdown || line.indexOf(QLatin1Char('>'), i + 1) >= 0)) {
                    i = scanTag(i);
                    if (markdown && (state & InTagBit)) // unbalanced quotes: no tag after all
                        state &= ~(InTagBit | QuoteMask | RawMask | RawPendingBit);
                    continue;
                }
                ++i;
                continue;
            }
            if (c == QLatin1Char('&')) {
                qsizetype j = i + 1;
                while (j < n && j - i <= 32 &&
                       (isAsciiAlnum(line[j]) || line[j] == QLatin1Char('#')))
                    ++j;
                if (j < n && j > i + 1 && line[j] == QLatin1Char(';')) {
                    mask(i, j + 1);
                    i = j + 1;
                    continue;
                }
            }
            ++i;
        }
    }

    /// Masks whitespace-separated chunks that are addresses: URLs, e-mail addresses, paths.
    void maskAddresses()
    {
        const qsizetype n = size();
        qsizetype i = 0;
        while (i < n) {
            if (skip[i] || line[i].isSpace()) {
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j < n && !skip[j] && !line[j].isSpace())
                ++j;
            const QStringView chunk = line.mid(i, j - i);
            qsizetype lead = 0; // opening punctuation: ( [ * _ " « …
            while (lead < chunk.size() && !chunk[lead].isLetterOrNumber() &&
                   chunk[lead] != QLatin1Char('/') && chunk[lead] != QLatin1Char('~') &&
                   chunk[lead] != QLatin1Char('.') && chunk[lead] != QLatin1Char('\\'))
                ++lead;
            const QStringView core = chunk.mid(lead);
            bool address =
                chunk.contains(QLatin1String("://")) ||
                core.startsWith(QLatin1String("www."), Qt::CaseInsensitive) ||
                core.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive) ||
                core.startsWith(QLatin1Char('/')) || core.startsWith(QLatin1String("~/")) ||
                core.startsWith(QLatin1String("./")) || core.startsWith(QLatin1String("../")) ||
                chunk.contains(QLatin1Char('\\'));
            if (!address) {
                const qsizetype at = chunk.indexOf(QLatin1Char('@'));
                address = at > 0 && at + 1 < chunk.size() && chunk[at - 1].isLetterOrNumber() &&
                          chunk[at + 1].isLetterOrNumber();
            }
            if (address)
                mask(i, j);
            i = j;
        }
    }

    QList<SpellToken> words() const
    {
        QList<SpellToken> out;
        const qsizetype n = size();
        qsizetype i = 0;
        while (i < n) {
            int len = 1;
            const char32_t u = skip[i] ? 0 : codePointAt(line, i, &len);
            if (skip[i] || !(isLetterOrMark(u) || isDigitLike(u) || u == '_')) {
                i += len;
                continue;
            }
            qsizetype j = i;
            bool digit = false;
            bool dot = false;
            while (j < n && !skip[j]) {
                int l = 1;
                const char32_t v = codePointAt(line, j, &l);
                if (isLetterOrMark(v) || v == '_') {
                    j += l;
                    continue;
                }
                if (isDigitLike(v)) {
                    digit = true;
                    j += l;
                    continue;
                }
                if (v < 0x10000 && isJoiner(char16_t(v)) && j + 1 < n && !skip[j + 1]) {
                    int l2 = 1;
                    const char32_t w = codePointAt(line, j + 1, &l2);
                    if (isLetterOrMark(w) || isDigitLike(w)) {
                        dot = dot || v == '.';
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            // Underscores around a word are emphasis; inside one they make it a name.
            qsizetype s = i, e = j;
            while (s < e && line[s] == QLatin1Char('_'))
                ++s;
            while (e > s && line[e - 1] == QLatin1Char('_'))
                --e;
            const bool underscore = line.mid(s, e - s).contains(QLatin1Char('_'));
            int firstLength = 1;
            const bool startsWithLetter =
                s < e && QChar::isLetter(codePointAt(line, s, &firstLength));
            if (!digit && !dot && !underscore && startsWithLetter && e - s <= MaxSpellWordLength)
                out.append(SpellToken{int(s), int(e - s)});
            i = j > i ? j : i + len;
        }
        return out;
    }
};

int indentColumns(QStringView line, qsizetype *firstNonSpace)
{
    int columns = 0;
    qsizetype i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t'))) {
        columns = line[i] == QLatin1Char('\t') ? (columns / 4 + 1) * 4 : columns + 1;
        ++i;
    }
    *firstNonSpace = i;
    return columns;
}

/// The fence at the start of rest (``` or ~~~, three or more): its kind and length, or 0.
int fenceAt(QStringView rest, int *length)
{
    if (rest.isEmpty() || (rest[0] != QLatin1Char('`') && rest[0] != QLatin1Char('~')))
        return 0;
    const QChar mark = rest[0];
    qsizetype run = 0;
    while (run < rest.size() && rest[run] == mark)
        ++run;
    if (run < 3)
        return 0;
    // A backtick fence's info string has no backticks.
    if (mark == QLatin1Char('`') && rest.mid(run).contains(QLatin1Char('`')))
        return 0;
    *length = int(qMin<qsizetype>(run, 63));
    return mark == QLatin1Char('`') ? 1 : 2;
}

bool isReferenceDefinition(QStringView rest)
{
    // Footnote definitions ("[^1]: text") are prose.
    if (!rest.startsWith(QLatin1Char('[')) || rest.startsWith(QLatin1String("[^")))
        return false;
    const qsizetype close = rest.indexOf(QLatin1String("]:"));
    return close > 1 && !rest.left(close).contains(QLatin1Char(']'));
}

} // namespace

QList<SpellToken> spellTokensInLine(QStringView line, SpellSyntax syntax, int &state)
{
    state = sanitized(state);
    const bool markdown = syntax == SpellSyntax::Markdown;
    if (markdown) {
        const int htmlOpen = CommentBit | InTagBit | RawMask;
        qsizetype first = 0;
        const int indent = indentColumns(line, &first);
        const QStringView rest = line.mid(first);
        if (state & FenceKindMask) {
            int length = 0;
            const int kind = indent < 4 ? fenceAt(rest, &length) : 0;
            const int openLength = (state & FenceLengthMask) >> FenceLengthShift;
            const bool onlyFence = kind != 0 && rest.mid(length).trimmed().isEmpty();
            if (kind == (state & FenceKindMask) && length >= openLength && onlyFence)
                state &= ~(FenceKindMask | FenceLengthMask | PreviousTextBit);
            return {};
        }
        if (!(state & htmlOpen)) {
            if (rest.isEmpty()) {
                state &= ~PreviousTextBit;
                return {};
            }
            if (indent >= 4 && (!(state & PreviousTextBit) || (state & IndentedCodeBit))) {
                state = (state | IndentedCodeBit) & ~PreviousTextBit;
                return {};
            }
            state &= ~IndentedCodeBit;
            int length = 0;
            if (const int kind = indent < 4 ? fenceAt(rest, &length) : 0) {
                state = (state & ~(FenceKindMask | FenceLengthMask | PreviousTextBit)) | kind |
                        (length << FenceLengthShift);
                return {};
            }
            if (indent < 4 && isReferenceDefinition(rest)) {
                state |= PreviousTextBit;
                return {};
            }
        }
        state |= PreviousTextBit;
    }
    Scanner s;
    s.line = line;
    s.skip.resize(line.size());
    std::fill(s.skip.begin(), s.skip.end(), char(0));
    s.state = state;
    s.markdown = markdown;
    s.scanInline();
    s.maskAddresses();
    state = s.state;
    return s.words();
}

QList<SpellToken> spellTokens(QStringView text, SpellSyntax syntax)
{
    QList<SpellToken> out;
    int state = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        const QList<SpellToken> line =
            spellTokensInLine(text.mid(start, end - start), syntax, state);
        for (const SpellToken &t : line)
            out.append(SpellToken{int(start) + t.start, t.length});
        start = end + 1;
    }
    return out;
}

} // namespace tg
