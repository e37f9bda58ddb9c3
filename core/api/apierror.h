// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace tg {

/// The one error value of the client: what kind of failure, the server's code verbatim, the flood
/// wait seconds, the HTTP status and a user-facing message. Never contains an access token.
struct ApiError
{
    enum class Category
    {
        None,       ///< no error
        Network,    ///< connection refused/reset, DNS, proxy
        Timeout,    ///< no progress within the configured transfer timeout
        Tls,        ///< TLS handshake or certificate failure
        Protocol,   ///< not a JSON envelope, HTTP 5xx, HTML page, truncated body
        Api,        ///< the server answered {"ok":false,"error":CODE}
        FloodWait,  ///< FLOOD_WAIT_n that was not waited out
        Validation, ///< refused before sending (title, lengths, 64 KiB, file type, settings)
        Cancelled,  ///< cancel() was called
    };

    Category category = Category::None;
    QString code;         ///< the server's error code verbatim (or our own for Validation)
    int floodSeconds = 0; ///< seconds to wait, for FloodWait
    int httpStatus = 0;   ///< HTTP status when a response arrived, else 0
    QString message;      ///< user-facing text

    bool isError() const { return category != Category::None; }

    /// An error from a server code: FLOOD_WAIT_n becomes FloodWait with n seconds, others Api.
    static ApiError fromServerCode(const QString &code, int httpStatus = 0);
    static ApiError make(Category category, const QString &message, const QString &code = {},
                         int httpStatus = 0);

    /// Seconds n of a "FLOOD_WAIT_n" code, or -1 when the code is not a flood wait.
    static int parseFloodWait(QStringView code);

    /// Stable lower-case name of a category ("network", "api", "flood_wait", ...).
    static QString categoryName(Category category);

    /// "category: message" style one-liner for logs and the command line.
    QString toString() const;

    friend bool operator==(const ApiError &a, const ApiError &b)
    {
        return a.category == b.category && a.code == b.code && a.floodSeconds == b.floodSeconds &&
               a.httpStatus == b.httpStatus && a.message == b.message;
    }
};

/// Replaces every access token (60 hex characters, or the value of access_token=) in a text
/// with "***", for debug output of URLs and bodies.
QString redactTokens(const QString &text);

} // namespace tg

Q_DECLARE_METATYPE(tg::ApiError)
