// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httpmessage.h"
#include "sandbox/server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace tg::test {

/// Calls an API method straight through the sandbox's request handler (no sockets), for fast
/// seeding of accounts and pages; returns the `result` object (empty on failure).
inline QJsonObject sandboxCall(tg::sandbox::Server *server, const QByteArray &method,
                               const QByteArray &jsonBody)
{
    tg::sandbox::HttpRequest r;
    r.method = "POST";
    r.target = "/" + method;
    r.path = r.target;
    r.version = "HTTP/1.1";
    r.headers = {{"content-type", "application/json"}, {"host", "127.0.0.1"}};
    r.body = jsonBody;
    return QJsonDocument::fromJson(server->handle(r).body)
        .object()
        .value(QLatin1String("result"))
        .toObject();
}

/// A new sandbox account; returns its token.
inline QString seedSandboxAccount(tg::sandbox::Server *server, const QString &shortName)
{
    return sandboxCall(server, "createAccount",
                       QJsonDocument(QJsonObject{{QStringLiteral("short_name"), shortName}})
                           .toJson(QJsonDocument::Compact))
        .value(QLatin1String("access_token"))
        .toString();
}

/// A new page with the given title and raw content JSON; returns its path (empty on failure).
inline QString seedSandboxPage(tg::sandbox::Server *server, const QString &token,
                               const QString &title, const QByteArray &contentJson)
{
    const QByteArray body = "{\"access_token\":\"" + token.toUtf8() + "\",\"title\":" +
                            QJsonDocument(QJsonObject{{QStringLiteral("t"), title}})
                                .toJson(QJsonDocument::Compact)
                                .mid(5)
                                .chopped(1) +
                            ",\"content\":" + contentJson + "}";
    return sandboxCall(server, "createPage", body).value(QLatin1String("path")).toString();
}

/// n pages titled "<prefix> 0" … "<prefix> n-1" with one paragraph each; their paths in order
/// of creation (the page list shows them newest first).
inline QStringList seedSandboxPages(tg::sandbox::Server *server, const QString &token, int n,
                                    const QString &prefix = QStringLiteral("Page"))
{
    QStringList paths;
    for (int i = 0; i < n; ++i) {
        paths.append(seedSandboxPage(server, token, prefix + QLatin1Char(' ') + QString::number(i),
                                     "[{\"tag\":\"p\",\"children\":[\"text " +
                                         QByteArray::number(i) + "\"]}]"));
    }
    return paths;
}

} // namespace tg::test
