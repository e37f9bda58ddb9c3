// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace tg::sandbox {

/// Writes a compact JSON object with keys in insertion order (QJsonObject would sort them, and
/// Telegraph's field order is part of what the sandbox reproduces). Non-ASCII stays raw UTF-8.
class JsonBuilder
{
public:
    JsonBuilder &add(const char *key, const QString &value);
    JsonBuilder &add(const char *key, qint64 value);
    JsonBuilder &add(const char *key, int value) { return add(key, qint64(value)); }
    JsonBuilder &add(const char *key, bool value);
    /// Adds already serialized JSON (an array, an object, a literal).
    JsonBuilder &addRaw(const char *key, const QByteArray &json);
    QByteArray toJson() const { return m_body.isEmpty() ? QByteArrayLiteral("{}") : m_body + '}'; }

    /// A JSON string literal with its quotes.
    static QByteArray string(const QString &value);
    /// `{"ok":true,"result":<result>}`
    static QByteArray ok(const QByteArray &result);
    /// `{"ok":false,"error":"<code>"}`
    static QByteArray error(const QString &code);

private:
    void key(const char *key);
    QByteArray m_body;
};

} // namespace tg::sandbox
