// SPDX-License-Identifier: MIT
#include "sandbox/apiparams.h"

#include "sandbox/multipart.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace tg::sandbox {

bool isValidUtf8(const QByteArray &bytes)
{
    // Fast path for ASCII.
    bool ascii = true;
    for (char c : bytes) {
        if (uchar(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = decoder(bytes);
    return !decoder.hasError();
}

namespace {

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void skipWs(const QByteArray &d, qsizetype &i)
{
    while (i < d.size() && isWs(d.at(i)))
        ++i;
}

/// Moves past a JSON string starting at d[i] == '"'; false when it never ends.
bool skipString(const QByteArray &d, qsizetype &i)
{
    ++i;
    while (i < d.size()) {
        const char c = d.at(i);
        if (c == '\\') {
            i += 2;
            continue;
        }
        ++i;
        if (c == '"')
            return true;
    }
    return false;
}

/// Moves past one JSON value of any depth without recursion; false when malformed.
bool skipValue(const QByteArray &d, qsizetype &i)
{
    if (i >= d.size())
        return false;
    const char first = d.at(i);
    if (first == '"')
        return skipString(d, i);
    if (first == '[' || first == '{') {
        QByteArray stack;
        while (i < d.size()) {
            const char c = d.at(i);
            if (c == '"') {
                if (!skipString(d, i))
                    return false;
                continue;
            }
            if (c == '[' || c == '{') {
                stack.append(c == '[' ? ']' : '}');
            } else if (c == ']' || c == '}') {
                if (stack.isEmpty() || stack.back() != c)
                    return false;
                stack.chop(1);
                if (stack.isEmpty()) {
                    ++i;
                    return true;
                }
            }
            ++i;
        }
        return false;
    }
    const qsizetype start = i;
    while (i < d.size() && !isWs(d.at(i)) && d.at(i) != ',' && d.at(i) != '}' && d.at(i) != ']')
        ++i;
    const QByteArray literal = d.mid(start, i - start);
    if (literal == "true" || literal == "false" || literal == "null")
        return true;
    bool ok = false;
    literal.toDouble(&ok);
    return ok;
}

/// The value of a JSON string literal (with its quotes).
std::optional<QString> decodeString(const QByteArray &literal)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + literal + ']', &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    return doc.array().at(0).toString();
}

QByteArray decodeFormComponent(QByteArray s)
{
    s.replace('+', ' ');
    return QByteArray::fromPercentEncoding(s);
}

} // namespace

std::optional<ApiParams> ApiParams::fromRequest(const HttpRequest &request, QString *errorCode)
{
    ApiParams params;
    if (!params.parseUrlEncoded(request.query)) {
        *errorCode = QStringLiteral("UTF8_INVALID");
        return std::nullopt;
    }
    const QByteArray body = request.body;
    if (body.trimmed().isEmpty())
        return params;
    const QByteArray type = request.header("content-type").toLower();
    bool ok = true;
    if (type.startsWith("application/json")) {
        if (!isValidUtf8(body)) {
            *errorCode = QStringLiteral("UTF8_INVALID");
            return std::nullopt;
        }
        if (!params.parseJsonObject(body)) {
            *errorCode = QStringLiteral("JSON_INVALID");
            return std::nullopt;
        }
        return params;
    }
    if (type.startsWith("multipart/form-data")) {
        QList<MultipartPart> parts;
        if (Multipart::parse(body, Multipart::boundary(request.header("content-type")), &parts)) {
            for (const MultipartPart &p : parts) {
                if (!isValidUtf8(p.data))
                    ok = false;
                params.m_values.insert(p.name, Value{p.data, false});
            }
        }
    } else if (type.isEmpty() && body.trimmed().startsWith('{')) {
        // No content type: a JSON object body is the likely intent.
        if (!isValidUtf8(body)) {
            *errorCode = QStringLiteral("UTF8_INVALID");
            return std::nullopt;
        }
        if (!params.parseJsonObject(body)) {
            *errorCode = QStringLiteral("JSON_INVALID");
            return std::nullopt;
        }
        return params;
    } else {
        ok = params.parseUrlEncoded(body);
    }
    if (!ok) {
        *errorCode = QStringLiteral("UTF8_INVALID");
        return std::nullopt;
    }
    return params;
}

bool ApiParams::parseUrlEncoded(const QByteArray &data)
{
    bool ok = true;
    for (const QByteArray &pair : data.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = decodeFormComponent(eq < 0 ? pair : pair.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : decodeFormComponent(pair.mid(eq + 1));
        if (!isValidUtf8(key) || !isValidUtf8(value))
            ok = false;
        m_values.insert(QString::fromUtf8(key), Value{value, false});
    }
    return ok;
}

bool ApiParams::parseJsonObject(const QByteArray &d)
{
    qsizetype i = 0;
    skipWs(d, i);
    if (i >= d.size() || d.at(i) != '{')
        return false;
    ++i;
    skipWs(d, i);
    if (i < d.size() && d.at(i) == '}') {
        ++i;
    } else {
        for (;;) {
            skipWs(d, i);
            if (i >= d.size() || d.at(i) != '"')
                return false;
            const qsizetype keyStart = i;
            if (!skipString(d, i))
                return false;
            const std::optional<QString> key = decodeString(d.mid(keyStart, i - keyStart));
            if (!key)
                return false;
            skipWs(d, i);
            if (i >= d.size() || d.at(i) != ':')
                return false;
            ++i;
            skipWs(d, i);
            const qsizetype valueStart = i;
            if (!skipValue(d, i))
                return false;
            const QByteArray raw = d.mid(valueStart, i - valueStart);
            if (raw.startsWith('"')) {
                const std::optional<QString> s = decodeString(raw);
                if (!s)
                    return false;
                m_values.insert(*key, Value{s->toUtf8(), false});
            } else if (raw != "null") {
                m_values.insert(*key, Value{raw, true});
            }
            skipWs(d, i);
            if (i < d.size() && d.at(i) == ',') {
                ++i;
                continue;
            }
            if (i < d.size() && d.at(i) == '}') {
                ++i;
                break;
            }
            return false;
        }
    }
    skipWs(d, i);
    return i == d.size();
}

QString ApiParams::text(const QString &name) const
{
    const auto it = m_values.constFind(name);
    return it == m_values.constEnd() ? QString() : QString::fromUtf8(it->raw);
}

QByteArray ApiParams::json(const QString &name) const
{
    const auto it = m_values.constFind(name);
    return it == m_values.constEnd() ? QByteArray() : it->raw;
}

std::optional<bool> ApiParams::boolean(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd())
        return std::nullopt;
    const QByteArray v = it->raw.trimmed().toLower();
    if (v == "true" || v == "1")
        return true;
    if (v == "false" || v == "0" || v.isEmpty())
        return false;
    return std::nullopt;
}

std::optional<qint64> ApiParams::integer(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd())
        return std::nullopt;
    bool ok = false;
    const qint64 v = it->raw.trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

void ApiParams::setText(const QString &name, const QString &value)
{
    m_values.insert(name, Value{value.toUtf8(), false});
}

} // namespace tg::sandbox
