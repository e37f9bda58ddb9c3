// SPDX-License-Identifier: MIT
#include "workflow/appsettings.h"

#include "api/secretstore.h"

#include <QSettings>
#include <QUrl>

namespace tg {

ServerChoice ServerChoice::load(const QSettings &s)
{
    ServerChoice c;
    c.server = s.value(QStringLiteral("server/name"), c.server).toString();
    c.customUrl = s.value(QStringLiteral("server/customUrl")).toString();
    c.proxy = s.value(QStringLiteral("server/proxy"), QStringLiteral("system")).toString();
    c.chosen = s.value(QStringLiteral("server/chosen"), false).toBool();
    c.proxyPasswordStored =
        s.value(QStringLiteral("server/proxyPassword")).toString() == storedSecretMarker();
    return c;
}

namespace {

/// The proxy setting as a URL, when it is one (not "system" or "none").
QUrl proxyUrl(const QString &proxy)
{
    const QUrl url(proxy.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() ? url : QUrl();
}

} // namespace

QString ServerChoice::plainProxyPassword() const
{
    return proxyUrl(proxy).password();
}

bool ServerChoice::proxyHasUser() const
{
    return !proxyUrl(proxy).userName().isEmpty();
}

ServerChoice ServerChoice::withProxyPasswordStored() const
{
    ServerChoice c = *this;
    QUrl url = proxyUrl(proxy);
    if (url.isValid()) {
        url.setPassword(QString());
        c.proxy = url.toString();
    }
    c.proxyPasswordStored = true;
    return c;
}

void ServerChoice::save(QSettings &s) const
{
    s.setValue(QStringLiteral("server/name"), server);
    s.setValue(QStringLiteral("server/customUrl"), customUrl);
    s.setValue(QStringLiteral("server/proxy"), proxy);
    s.setValue(QStringLiteral("server/chosen"), chosen);
    if (proxyPasswordStored)
        s.setValue(QStringLiteral("server/proxyPassword"), storedSecretMarker());
    else
        s.remove(QStringLiteral("server/proxyPassword"));
}

AuthorDefaults AuthorDefaults::load(const QSettings &s)
{
    return {s.value(QStringLiteral("author/name")).toString(),
            s.value(QStringLiteral("author/url")).toString()};
}

AuthorDefaults AuthorDefaults::overriddenBy(const AuthorDefaults &other) const
{
    return {other.name.isEmpty() ? name : other.name, other.url.isEmpty() ? url : other.url};
}

void AuthorDefaults::save(QSettings &s) const
{
    s.setValue(QStringLiteral("author/name"), name);
    s.setValue(QStringLiteral("author/url"), url);
}

} // namespace tg
