// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tg::sandbox {

/// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name;        ///< the form field name
    QString fileName;    ///< set for file parts (may be empty)
    bool isFile = false; ///< a `filename` parameter was present
    QByteArray contentType;
    QByteArray data;
};

/// Parser for multipart/form-data request bodies (RFC 7578).
class Multipart
{
public:
    /// The boundary named in a Content-Type header value; empty when there is none.
    static QByteArray boundary(const QByteArray &contentType);
    /// Splits a body into its parts; false when it is malformed.
    static bool parse(const QByteArray &body, const QByteArray &boundary,
                      QList<MultipartPart> *parts);
};

} // namespace tg::sandbox
