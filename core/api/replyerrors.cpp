// SPDX-License-Identifier: MIT
#include "replyerrors.h"

#include "jsonscan.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include "translatedtext.h"

namespace tg {

ApiError transportError(QNetworkReply *reply, bool cancelRequested, int timeoutMs)
{
    using C = ApiError::Category;
    const QNetworkReply::NetworkError ne = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (cancelRequested)
        return ApiError::make(C::Cancelled, ClientText::tr("Cancelled"));
    if (ne == QNetworkReply::OperationCanceledError || ne == QNetworkReply::TimeoutError) {
        return ApiError::make(C::Timeout,
                              ClientText::tr("No answer from the server within %1 s")
                                  .arg(QString::number(timeoutMs / 1000.0, 'g', 3)),
                              {}, status);
    }
    if (ne == QNetworkReply::SslHandshakeFailedError)
        return ApiError::make(
            C::Tls,
            ClientText::tr("Secure connection failed: %1").arg(redactTokens(reply->errorString())),
            {}, status);
    if (ne == QNetworkReply::NoError)
        return {};
    // An HTTP error status with a complete body is judged by its body.
    const bool httpLevel =
        ne >= QNetworkReply::ContentAccessDenied && ne != QNetworkReply::ProtocolUnknownError &&
        ne != QNetworkReply::ProtocolInvalidOperationError && ne != QNetworkReply::ProtocolFailure;
    if (status != 0 && httpLevel)
        return {};
    if (ne == QNetworkReply::ProtocolFailure)
        return ApiError::make(C::Protocol,
                              ClientText::tr("The server broke the HTTP protocol: %1")
                                  .arg(redactTokens(reply->errorString())),
                              {}, status);
    const QString what = redactTokens(reply->errorString());
    if (status != 0) {
        // The answer began and was cut short: a broken answer, not an unreachable server.
        return ApiError::make(
            C::Protocol,
            ClientText::tr("The server's answer was cut short (HTTP %1): %2").arg(status).arg(what),
            {}, status);
    }
    return ApiError::make(C::Network, ClientText::tr("Network error: %1").arg(what), {}, status);
}

ApiError protocolError(int httpStatus, const QByteArray &body, const QString &expected)
{
    using C = ApiError::Category;
    const QByteArray trimmed = body.trimmed();
    QString message;
    if (trimmed.startsWith('<'))
        message = ClientText::tr("The server sent an HTML page (HTTP %1) instead of %2")
                      .arg(httpStatus)
                      .arg(expected);
    else if (httpStatus >= 500)
        message = ClientText::tr("The server failed with HTTP %1 instead of answering with %2")
                      .arg(httpStatus)
                      .arg(expected);
    else if (trimmed.isEmpty())
        message = ClientText::tr("The server sent an empty answer (HTTP %1) instead of %2")
                      .arg(httpStatus)
                      .arg(expected);
    else
        message = ClientText::tr(
                      "The server sent a malformed or truncated answer (HTTP %1) instead of %2")
                      .arg(httpStatus)
                      .arg(expected);
    return ApiError::make(C::Protocol, message, {}, httpStatus);
}

ApiError judgeEnvelope(int httpStatus, const QByteArray &body, QByteArray *result)
{
    const QString expected = ClientText::tr("a JSON envelope");
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return protocolError(httpStatus, body, expected);
    const QJsonObject o = doc.object();
    const QJsonValue ok = o.value(QLatin1String("ok"));
    if (!ok.isBool())
        return protocolError(httpStatus, body, expected);
    if (!ok.toBool()) {
        const QJsonValue code = o.value(QLatin1String("error"));
        return ApiError::fromServerCode(code.isString() ? code.toString() : QString(), httpStatus);
    }
    if (httpStatus >= 300 || !o.contains(QLatin1String("result")))
        return protocolError(httpStatus, body, expected);
    if (result)
        *result = jsonscan::member(body, "result");
    return {};
}

} // namespace tg
