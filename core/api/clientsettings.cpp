// SPDX-License-Identifier: MIT
#include "api/clientsettings.h"

#include <QHostAddress>

namespace tg {

QNetworkProxy ProxySettings::toProxy() const
{
    switch (mode) {
    case Mode::Http:
        return QNetworkProxy(QNetworkProxy::HttpProxy, host, port, user, password);
    case Mode::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, host, port, user, password);
    case Mode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case Mode::System:
        break;
    }
    return QNetworkProxy(QNetworkProxy::DefaultProxy);
}

bool ProxySettings::parse(const QString &spec, ProxySettings &out, QString *error)
{
    const QString s = spec.trimmed();
    if (s.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        out = ProxySettings{};
        out.mode = Mode::None;
        return true;
    }
    if (s.isEmpty() || s.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0) {
        out = ProxySettings{};
        return true;
    }
    const QUrl url(s, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    ProxySettings p;
    if (scheme == QLatin1String("http"))
        p.mode = Mode::Http;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        p.mode = Mode::Socks5;
    else {
        if (error)
            *error = QStringLiteral("proxy must be http://host:port, socks5://host:port, none or "
                                    "system");
        return false;
    }
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0) {
        if (error)
            *error = QStringLiteral("proxy needs a host and a port");
        return false;
    }
    p.host = url.host();
    p.port = quint16(url.port());
    p.user = url.userName();
    p.password = url.password();
    out = p;
    return true;
}

ClientSettings ClientSettings::forDomain(const QString &domain)
{
    ClientSettings s;
    const QString d = domain.trimmed().toLower();
    s.apiUrl = QUrl(QStringLiteral("https://api.") + d);
    s.siteUrl = QUrl(QStringLiteral("https://") + d);
    return s;
}

QStringList ClientSettings::knownDomains()
{
    return {QStringLiteral("telegra.ph"), QStringLiteral("graph.org"),
            QStringLiteral("te.legra.ph")};
}

QUrl ClientSettings::effectiveSiteUrl() const
{
    if (!siteUrl.isEmpty())
        return siteUrl;
    QUrl u = apiUrl;
    if (u.host().startsWith(QLatin1String("api.")))
        u.setHost(u.host().mid(4));
    u.setPath(QString());
    return u;
}

QUrl ClientSettings::methodUrl(const QString &method, const QString &path) const
{
    QUrl u = apiUrl;
    QString base = u.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    QString p = base + method;
    if (!path.isEmpty())
        p += QLatin1Char('/') + path;
    u.setPath(p);
    return u;
}

QString ClientSettings::checkUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("'%1' is not a valid URL").arg(url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        const QString host = url.host().toLower();
        const QHostAddress addr(host);
        if (host == QLatin1String("localhost") || (!addr.isNull() && addr.isLoopback()))
            return {};
        return QStringLiteral("plain http is only allowed for loopback addresses; use https://%1")
            .arg(url.host());
    }
    return QStringLiteral("unsupported URL scheme '%1' (use https)").arg(url.scheme());
}

QString ClientSettings::validate() const
{
    QString e = checkUrl(apiUrl);
    if (!e.isEmpty())
        return e;
    if (!siteUrl.isEmpty()) {
        e = checkUrl(siteUrl);
        if (!e.isEmpty())
            return e;
    }
    if (concurrency < 1)
        return QStringLiteral("concurrency must be at least 1");
    if (timeoutMs < 0)
        return QStringLiteral("timeout must not be negative");
    if (maxResponseBytes < 1024)
        return QStringLiteral("the response size limit must be at least 1 KiB");
    return {};
}

} // namespace tg
