// SPDX-License-Identifier: MIT
#pragma once

// Raw-HTTP helpers shared by the sandbox tests: they talk to the server with a plain
// QNetworkAccessManager (never the project's client), and compare JSON structurally.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

namespace tg::test {

/// One finished exchange.
struct RawReply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool finished = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    /// The `error` of an `{"ok":false,...}` envelope.
    QString apiError() const { return json().value(QStringLiteral("error")).toString(); }
    QJsonValue result() const { return json().value(QStringLiteral("result")); }
};

/// `k=v&…` with every reserved character percent-encoded (also '+', which forms read as space).
inline QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &f : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return out;
}

/// A minimal raw HTTP client bound to one sandbox.
class RawHttp
{
public:
    explicit RawHttp(const QUrl &base)
        : m_base(base)
    {}

    /// GET <base><path>?<query>; the query is sent as given (already encoded).
    RawReply get(const QString &path, const QByteArray &query = {}, int timeoutMs = 10000)
    {
        return wait(m_nam.get(QNetworkRequest(url(path, query))), timeoutMs);
    }
    RawReply post(const QString &path, const QByteArray &body, const QByteArray &contentType,
                  int timeoutMs = 10000)
    {
        QNetworkRequest request(url(path, {}));
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return wait(m_nam.post(request, body), timeoutMs);
    }
    RawReply postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
    {
        return post(path, formEncode(fields), "application/x-www-form-urlencoded");
    }
    RawReply postJson(const QString &path, const QByteArray &json)
    {
        return post(path, json, "application/json");
    }
    /// Calls an API method with a JSON body built from a JSON object text.
    RawReply api(const QString &method, const QByteArray &json)
    {
        return postJson(u'/' + method, json);
    }

    QUrl url(const QString &path, const QByteArray &query) const
    {
        QUrl u = m_base;
        u.setPath(path);
        if (!query.isEmpty())
            u.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
        return u;
    }
    QNetworkAccessManager &manager() { return m_nam; }

    static RawReply wait(QNetworkReply *reply, int timeoutMs = 10000)
    {
        RawReply r;
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            r.finished = spy.wait(timeoutMs);
        else
            r.finished = true;
        if (!r.finished)
            reply->abort();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.error = reply->error();
        reply->deleteLater();
        return r;
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};

/// Structural JSON equality with a readable failure message. (Hidden from moc, whose
/// preprocessor does not understand raw string literals in macro arguments.)
#ifndef Q_MOC_RUN
#define TG_COMPARE_JSON(actualBytes, expectedLiteral)                                              \
    do {                                                                                           \
        const QJsonDocument tgActual = QJsonDocument::fromJson(actualBytes);                       \
        const QJsonDocument tgExpected = QJsonDocument::fromJson(expectedLiteral);                 \
        QVERIFY2(!tgExpected.isNull(), "expected literal is not JSON");                            \
        QVERIFY2(                                                                                  \
            tgActual == tgExpected,                                                                \
            qPrintable(QStringLiteral("\n actual:   %1\n expected: %2")                            \
                           .arg(QString::fromUtf8(actualBytes),                                    \
                                QString::fromUtf8(tgExpected.toJson(QJsonDocument::Compact)))));   \
    } while (false)
#endif

} // namespace tg::test
