// SPDX-License-Identifier: MIT
#include "api/replyerrors.h"

#include "api/jsonscan.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include "api/translatedtext.h"

namespace tg {

namespace {

const char RefusedRedirectProperty[] = "tgRefusedRedirect";
const char TooLargeProperty[] = "tgResponseTooLarge";

int portOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1String("https")  ? 443
                    : scheme == QLatin1String("http") ? 80
                                                      : -1);
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return ClientText::tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return ClientText::tr("%1 KiB").arg(bytes / 1024);
    return ClientText::tr("%1 bytes").arg(bytes);
}

} // namespace

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && portOf(a) == portOf(b) &&
           portOf(a) != -1;
}

void guardRequest(QNetworkRequest &request)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
}

void guardReply(QNetworkReply *reply, qint64 maxBytes)
{
    const QUrl origin = reply->request().url();
    QObject::connect(reply, &QNetworkReply::redirected, reply, [reply, origin](const QUrl &to) {
        const QUrl target = origin.resolved(to);
        if (sameOrigin(origin, target)) {
            Q_EMIT reply->redirectAllowed();
            return;
        }
        // The credentials in the request must not reach another host: stop here.
        reply->setProperty(
            RefusedRedirectProperty,
            target.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment));
        reply->abort();
    });
    if (maxBytes <= 0)
        return;
    auto tooLarge = [reply, maxBytes](qint64 received, qint64 total) {
        if (reply->property(TooLargeProperty).isValid() ||
            (received <= maxBytes && total <= maxBytes))
            return;
        reply->setProperty(TooLargeProperty, maxBytes);
        reply->abort();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, tooLarge] {
        bool ok = false;
        const qint64 announced =
            reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok)
            tooLarge(0, announced);
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, tooLarge);
}

ApiError transportError(QNetworkReply *reply, bool cancelRequested, int timeoutMs)
{
    using C = ApiError::Category;
    const QNetworkReply::NetworkError ne = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (cancelRequested)
        return ApiError::make(C::Cancelled, ClientText::tr("Cancelled"));
    const QVariant refused = reply->property(RefusedRedirectProperty);
    if (refused.isValid())
        return ApiError::make(
            C::Protocol,
            ClientText::tr("The server redirected the request to another host (%1); it was not "
                           "followed, so the access token and keys it carries stay with %2")
                .arg(refused.toUrl().toString(), reply->request().url().host()),
            QStringLiteral("REDIRECT_REFUSED"), status);
    const QVariant limit = reply->property(TooLargeProperty);
    if (limit.isValid())
        return ApiError::make(C::Protocol,
                              ClientText::tr("The server's answer is larger than the limit of %1 "
                                             "and was cut off")
                                  .arg(sizeText(limit.toLongLong())),
                              QStringLiteral("RESPONSE_TOO_LARGE"), status);
    if (ne == QNetworkReply::TooManyRedirectsError)
        return ApiError::make(C::Protocol,
                              ClientText::tr("The server redirected the request too many times"),
                              QStringLiteral("TOO_MANY_REDIRECTS"), status);
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
    // An HTTP error status with a complete body is judged by its body (Qt reports HTTP 400 as
    // ProtocolInvalidOperationError: an image host's "invalid key" answer, not a broken one).
    const bool httpLevel =
        (ne >= QNetworkReply::ContentAccessDenied && ne != QNetworkReply::ProtocolUnknownError &&
         ne != QNetworkReply::ProtocolInvalidOperationError &&
         ne != QNetworkReply::ProtocolFailure) ||
        (ne == QNetworkReply::ProtocolInvalidOperationError && status == 400);
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
