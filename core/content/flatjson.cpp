// SPDX-License-Identifier: MIT
// Nodes JSON → FlatDoc: the same grammar, limits, messages and offsets as tg::nodesFromJson,
// without building QStrings; strings without escapes stay slices of the input.
#include "content/flatdoc.h"
#include "content/utf8.h"

#include <cctype>

namespace tg {

namespace {

class FlatJsonReader
{
public:
    explicit FlatJsonReader(QByteArrayView json)
        : m_p(json.data())
        , m_begin(json.data())
        , m_end(json.data() + json.size())
        , m_builder(json)
    {}

    FlatJsonResult parse()
    {
        FlatJsonResult result;
        skipSpace();
        if (m_end - m_begin > qsizetype(0x7fffffff)) {
            fail(QStringLiteral("input larger than 2 GiB"));
        } else if (m_p == m_end) {
            fail(QStringLiteral("empty input: expected a JSON array of nodes"));
        } else if (*m_p == '[') {
            parseList(0);
        } else {
            parseNode(0);
        }
        if (m_error.isEmpty()) {
            skipSpace();
            if (m_p != m_end)
                fail(QStringLiteral("unexpected data after the end of the JSON value"));
        }
        if (!m_error.isEmpty()) {
            result.error = m_error;
            result.offset = m_errorOffset;
            return result;
        }
        result.doc = m_builder.finish();
        return result;
    }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message + QStringLiteral(" (at byte %1)").arg(m_p - m_begin);
            m_errorOffset = m_p - m_begin;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool expect(char c, const char *what)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return fail(QStringLiteral("expected %1").arg(QLatin1String(what)));
        ++m_p;
        return true;
    }

    bool parseList(int depth)
    {
        if (!expect('[', "'['"))
            return false;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!parseNode(depth))
                return false;
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated array"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or ']' in an array"));
        }
    }

    bool parseNode(int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return fail(QStringLiteral("unexpected end of input: expected a node"));
        if (*m_p == '"') {
            QByteArrayView s;
            if (!parseString(m_scratch, s))
                return false;
            m_builder.text(s, false);
            return true;
        }
        if (*m_p != '{')
            return fail(QStringLiteral("a node must be a string or an object"));
        if (depth >= MaxNodeDepth)
            return fail(QStringLiteral("nodes nested deeper than %1 levels").arg(MaxNodeDepth));
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return fail(QStringLiteral("element node without 'tag'"));
        }
        m_builder.open(FlatTag::Raw);
        QByteArray tag;
        bool haveTag = false;
        for (;;) {
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("expected a key in a node object"));
            QByteArrayView key;
            if (!parseString(m_keyScratch, key) || !expect(':', "':'"))
                return false;
            skipSpace();
            if (key == "tag") {
                if (m_p == m_end || *m_p != '"')
                    return fail(QStringLiteral("'tag' must be a string"));
                QByteArrayView t;
                if (!parseString(m_scratch, t))
                    return false;
                tag = t.toByteArray();
                haveTag = true;
            } else if (key == "attrs") {
                if (!parseAttrs())
                    return false;
            } else if (key == "children") {
                if (m_p != m_end && *m_p == 'n') {
                    if (!skipValue(depth))
                        return false;
                } else if (!parseList(depth + 1)) {
                    return false;
                }
            } else if (!skipValue(depth)) {
                return false;
            }
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated node object"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                break;
            }
            return fail(QStringLiteral("expected ',' or '}' in a node object"));
        }
        if (!haveTag || tag.isEmpty())
            return fail(QStringLiteral("element node without 'tag'"));
        const FlatTag t = flatTagFromName(tag);
        m_builder.setTag(t, tag);
        m_builder.close();
        return true;
    }

    bool parseAttrs()
    {
        if (m_p != m_end && *m_p == 'n')
            return skipValue(0); // "attrs": null
        if (!expect('{', "'{' for attrs"))
            return false;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            skipSpace();
            QByteArrayView key, value;
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("expected an attribute name"));
            if (!parseString(m_keyScratch, key) || !expect(':', "':'"))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return fail(QStringLiteral("attribute '%1' must have a string value")
                                .arg(utf8::toQString(key)));
            if (!parseString(m_scratch, value))
                return false;
            m_builder.attribute(key, value);
            skipSpace();
            if (m_p == m_end)
                return fail(QStringLiteral("unterminated attrs object"));
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            return fail(QStringLiteral("expected ',' or '}' in attrs"));
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char16_t &out)
    {
        if (m_end - m_p < 4)
            return fail(QStringLiteral("truncated \\u escape"));
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return fail(QStringLiteral("invalid \\u escape"));
            v = v * 16 + h;
        }
        m_p += 4;
        out = char16_t(v);
        return true;
    }

    /// Validates the run [runStart, runEnd) as UTF-8; the error points at the run's start, as
    /// nodesFromJson reports it.
    bool checkRun(const char *runStart, const char *runEnd)
    {
        if (utf8::invalidOffset(QByteArrayView(runStart, runEnd - runStart)) < 0)
            return true;
        m_p = runStart;
        return fail(QStringLiteral("invalid UTF-8 in a string"));
    }

    void appendCodePoint(QByteArray &buf, char32_t cp)
    {
        char b[4];
        buf.append(b, utf8::encode(cp, b));
    }

    /// Reads the string at m_p (its opening quote). Without escapes, out is a slice of the
    /// input; otherwise it is decoded into buf and out views buf.
    bool parseString(QByteArray &buf, QByteArrayView &out)
    {
        ++m_p; // opening quote
        const char *runStart = m_p;
        bool decoded = false;
        while (m_p != m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (!checkRun(runStart, m_p))
                    return false;
                if (decoded) {
                    buf.append(runStart, m_p - runStart);
                    out = QByteArrayView(buf);
                } else {
                    out = QByteArrayView(runStart, m_p - runStart);
                }
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail(QStringLiteral("control character in a string"));
            if (c != '\\') {
                ++m_p;
                continue;
            }
            if (!checkRun(runStart, m_p))
                return false;
            if (!decoded) {
                decoded = true;
                buf.clear();
            }
            buf.append(runStart, m_p - runStart);
            ++m_p;
            if (m_p == m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"':
                buf.append('"');
                break;
            case '\\':
                buf.append('\\');
                break;
            case '/':
                buf.append('/');
                break;
            case 'b':
                buf.append('\b');
                break;
            case 'f':
                buf.append('\f');
                break;
            case 'n':
                buf.append('\n');
                break;
            case 'r':
                buf.append('\r');
                break;
            case 't':
                buf.append('\t');
                break;
            case 'u': {
                char16_t u = 0;
                if (!parseHex4(u))
                    return false;
                if (QChar::isHighSurrogate(u) && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    const char *save = m_p;
                    m_p += 2;
                    char16_t low = 0;
                    if (!parseHex4(low))
                        return false;
                    if (QChar::isLowSurrogate(low)) {
                        appendCodePoint(buf, QChar::surrogateToUcs4(u, low));
                        break;
                    }
                    m_p = save;
                }
                appendCodePoint(buf, QChar::isSurrogate(u) ? char32_t(0xFFFD) : char32_t(u));
                break;
            }
            default:
                --m_p;
                return fail(QStringLiteral("invalid escape '\\%1'").arg(QLatin1Char(e)));
            }
            runStart = m_p;
        }
        return fail(QStringLiteral("unterminated string"));
    }

    /// Skips any JSON value (for keys the API may add later), with the same depth bound.
    bool skipValue(int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return fail(QStringLiteral("unexpected end of input"));
        if (depth >= MaxNodeDepth * 2)
            return fail(QStringLiteral("JSON nested too deeply"));
        const char c = *m_p;
        QByteArrayView ignored;
        if (c == '"')
            return parseString(m_keyScratch, ignored);
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            skipSpace();
            if (m_p != m_end && *m_p == close) {
                ++m_p;
                return true;
            }
            for (;;) {
                if (c == '{') {
                    skipSpace();
                    if (m_p == m_end || *m_p != '"')
                        return fail(QStringLiteral("expected a key"));
                    if (!parseString(m_keyScratch, ignored) || !expect(':', "':'"))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (m_p == m_end)
                    return fail(QStringLiteral("unterminated value"));
                if (*m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (*m_p == close) {
                    ++m_p;
                    return true;
                }
                return fail(QStringLiteral("expected ',' or a closing bracket"));
            }
        }
        // literals and numbers
        const char *start = m_p;
        while (m_p != m_end && (std::isalnum(static_cast<unsigned char>(*m_p)) || *m_p == '-' ||
                                *m_p == '+' || *m_p == '.'))
            ++m_p;
        if (m_p == start)
            return fail(QStringLiteral("unexpected character"));
        const QByteArrayView word(start, m_p - start);
        if (word == "true" || word == "false" || word == "null")
            return true;
        bool ok = false;
        word.toByteArray().toDouble(&ok);
        if (!ok) {
            m_p = start;
            return fail(QStringLiteral("invalid literal"));
        }
        return true;
    }

    const char *m_p;
    const char *m_begin;
    const char *m_end;
    FlatBuilder m_builder;
    QByteArray m_scratch;
    QByteArray m_keyScratch;
    QString m_error;
    qsizetype m_errorOffset = -1;
};

} // namespace

FlatJsonResult flatFromJson(QByteArrayView json)
{
    return FlatJsonReader(json).parse();
}

} // namespace tg
