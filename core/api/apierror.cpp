// SPDX-License-Identifier: MIT
#include "api/apierror.h"

#include <QRegularExpression>

namespace tg {

ApiError ApiError::make(Category category, const QString &message, const QString &code,
                        int httpStatus)
{
    ApiError e;
    e.category = category;
    e.message = message;
    e.code = code;
    e.httpStatus = httpStatus;
    return e;
}

int ApiError::parseFloodWait(QStringView code)
{
    static const QLatin1String prefix("FLOOD_WAIT_");
    if (!code.startsWith(prefix))
        return -1;
    bool ok = false;
    const int n = code.mid(prefix.size()).toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

ApiError ApiError::fromServerCode(const QString &code, int httpStatus)
{
    ApiError e;
    e.code = code;
    e.httpStatus = httpStatus;
    const int seconds = parseFloodWait(code);
    if (seconds >= 0) {
        e.category = Category::FloodWait;
        e.floodSeconds = seconds;
        e.message = QStringLiteral("Too many requests: wait %1 s before the next change (%2)")
                        .arg(seconds)
                        .arg(code);
    } else {
        e.category = Category::Api;
        e.message =
            code.isEmpty() ? QStringLiteral("The server refused the request without a code") : code;
    }
    return e;
}

QString ApiError::categoryName(Category category)
{
    switch (category) {
    case Category::None:
        return QStringLiteral("none");
    case Category::Network:
        return QStringLiteral("network");
    case Category::Timeout:
        return QStringLiteral("timeout");
    case Category::Tls:
        return QStringLiteral("tls");
    case Category::Protocol:
        return QStringLiteral("protocol");
    case Category::Api:
        return QStringLiteral("api");
    case Category::FloodWait:
        return QStringLiteral("flood_wait");
    case Category::Validation:
        return QStringLiteral("validation");
    case Category::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString ApiError::toString() const
{
    if (!isError())
        return QStringLiteral("no error");
    return categoryName(category) + QStringLiteral(": ") + message;
}

QString redactTokens(const QString &text)
{
    static const QRegularExpression hexToken(QStringLiteral("\\b[0-9a-fA-F]{40,80}\\b"));
    static const QRegularExpression param(
        QStringLiteral("(\"?access_token\"?\\s*[:=]\\s*\"?)([^\"&\\s,}]+)"));
    QString out = text;
    out.replace(param, QStringLiteral("\\1***"));
    out.replace(hexToken, QStringLiteral("***"));
    return out;
}

} // namespace tg
