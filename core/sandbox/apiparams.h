// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httpmessage.h"

#include <QHash>
#include <QString>

#include <optional>

namespace tg::sandbox {

/// The parameters of one API call, merged from the query string and the body (urlencoded form,
/// JSON object or multipart form; the body wins). JSON values keep their raw bytes, so `content`
/// is measured and read exactly as received, in order, at any depth.
class ApiParams
{
public:
    /// Parses a request. On malformed input returns std::nullopt and sets errorCode to
    /// `JSON_INVALID` (a body that is not a JSON object) or `UTF8_INVALID`.
    static std::optional<ApiParams> fromRequest(const HttpRequest &request, QString *errorCode);

    bool has(const QString &name) const { return m_values.contains(name); }
    /// Text of a parameter: a string's value, or the literal of a JSON number/boolean/null.
    QString text(const QString &name) const;
    /// JSON text of an array parameter: a string's content (query/form, or a JSON string), or
    /// the raw bytes of a real JSON array/object in a JSON body.
    QByteArray json(const QString &name) const;
    /// `true`/`True`/`1` or `false`/`False`/`0`; std::nullopt when absent or anything else.
    std::optional<bool> boolean(const QString &name) const;
    /// A decimal integer (string or JSON number); std::nullopt when absent or not an integer.
    std::optional<qint64> integer(const QString &name) const;
    /// Sets a plain text parameter (used for the page path taken from the URL).
    void setText(const QString &name, const QString &value);

private:
    struct Value
    {
        QByteArray raw;      ///< UTF-8 of a string value, or raw JSON of a non-string value
        bool isJson = false; ///< raw is a JSON literal/array/object rather than a string
    };
    bool parseUrlEncoded(const QByteArray &data);
    bool parseJsonObject(const QByteArray &data);
    QHash<QString, Value> m_values;
};

/// True when the bytes are well-formed UTF-8.
bool isValidUtf8(const QByteArray &bytes);

} // namespace tg::sandbox
