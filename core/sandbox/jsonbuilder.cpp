// SPDX-License-Identifier: MIT
#include "sandbox/jsonbuilder.h"

namespace tg::sandbox {

void JsonBuilder::key(const char *key)
{
    m_body += m_body.isEmpty() ? '{' : ',';
    m_body += '"';
    m_body += key;
    m_body += "\":";
}

JsonBuilder &JsonBuilder::add(const char *k, const QString &value)
{
    key(k);
    m_body += string(value);
    return *this;
}

JsonBuilder &JsonBuilder::add(const char *k, qint64 value)
{
    key(k);
    m_body += QByteArray::number(value);
    return *this;
}

JsonBuilder &JsonBuilder::add(const char *k, bool value)
{
    key(k);
    m_body += value ? "true" : "false";
    return *this;
}

JsonBuilder &JsonBuilder::addRaw(const char *k, const QByteArray &json)
{
    key(k);
    m_body += json;
    return *this;
}

QByteArray JsonBuilder::string(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(uchar(c) >> 4) & 0xf];
                out += hex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray JsonBuilder::ok(const QByteArray &result)
{
    return "{\"ok\":true,\"result\":" + result + '}';
}

QByteArray JsonBuilder::error(const QString &code)
{
    return "{\"ok\":false,\"error\":" + string(code) + '}';
}

} // namespace tg::sandbox
