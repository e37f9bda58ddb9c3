// SPDX-License-Identifier: MIT
#include "content/embeds.h"

#include <QUrl>
#include <QUrlQuery>

namespace tg {

namespace {

bool hostIs(const QString &host, QStringView domain)
{
    return host == domain || (host.endsWith(domain) && host.size() > domain.size() &&
                              host.at(host.size() - domain.size() - 1) == QLatin1Char('.'));
}

bool isVideoId(QStringView id)
{
    if (id.size() < 6 || id.size() > 20)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    }
    return true;
}

Embed youtube(const QString &id, const QUrlQuery &query)
{
    if (!isVideoId(id))
        return {};
    QString url = QStringLiteral("https://www.youtube.com/watch?v=") + id;
    const QString t = query.queryItemValue(QStringLiteral("t"));
    const QString start = query.queryItemValue(QStringLiteral("start"));
    if (!t.isEmpty())
        url += QStringLiteral("&t=") + t;
    else if (!start.isEmpty())
        url += QStringLiteral("&t=") + start;
    return {QStringLiteral("youtube"), url};
}

} // namespace

Embed embedForUrl(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return {};

    // Telegraph's own proxy form: unwrap and check the original URL.
    if (trimmed.startsWith(QLatin1String("/embed/"))) {
        const QUrl proxy(QStringLiteral("https://telegra.ph") + trimmed);
        const QString provider = proxy.path().mid(7);
        const QString original =
            QUrlQuery(proxy).queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
        if (original.isEmpty() || original.startsWith(QLatin1String("/embed/")))
            return {};
        const Embed inner = embedForUrl(original);
        return inner.provider == provider ? inner : Embed{};
    }

    QString candidate = trimmed;
    if (candidate.startsWith(QLatin1String("//")))
        candidate.prepend(QStringLiteral("https:"));
    const QUrl url(candidate, QUrl::TolerantMode);
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    const QString host = url.host().toLower();
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QUrlQuery query(url);
    // Player sources (iframe URLs) become their canonical page URL; page URLs are kept as given.
    const auto asGiven = [&candidate](Embed e) {
        if (e.isValid())
            e.url = candidate;
        return e;
    };

    if (hostIs(host, u"youtube.com") || hostIs(host, u"youtube-nocookie.com")) {
        if (parts.size() == 1 && parts.at(0) == QLatin1String("watch"))
            return asGiven(youtube(query.queryItemValue(QStringLiteral("v")), query));
        if (parts.size() == 2 &&
            (parts.at(0) == QLatin1String("shorts") || parts.at(0) == QLatin1String("live")))
            return asGiven(youtube(parts.at(1), query));
        if (parts.size() == 2 &&
            (parts.at(0) == QLatin1String("embed") || parts.at(0) == QLatin1String("v")))
            return youtube(parts.at(1), query);
        return {};
    }
    if (host == QLatin1String("youtu.be")) {
        if (parts.size() == 1)
            return asGiven(youtube(parts.at(0), query));
        return {};
    }
    if (host == QLatin1String("player.vimeo.com")) {
        if (parts.size() == 2 && parts.at(0) == QLatin1String("video") && isDigits(parts.at(1)))
            return {QStringLiteral("vimeo"), QStringLiteral("https://vimeo.com/") + parts.at(1)};
        return {};
    }
    if (hostIs(host, u"vimeo.com")) {
        if (!parts.isEmpty() && isDigits(parts.last()))
            return asGiven({QStringLiteral("vimeo"), QString()});
        return {};
    }
    if (hostIs(host, u"twitter.com") || hostIs(host, u"x.com")) {
        if (parts.size() >= 3 && parts.at(1) == QLatin1String("status") && isDigits(parts.at(2)))
            return {QStringLiteral("twitter"), // without tracking parameters
                    url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString()};
        return {};
    }
    if (host == QLatin1String("t.me") || host == QLatin1String("telegram.me")) {
        QStringList p = parts;
        if (!p.isEmpty() && p.at(0) == QLatin1String("s"))
            p.removeFirst();
        if (p.size() == 2 && isDigits(p.at(1)))
            return asGiven({QStringLiteral("telegram"), QString()});
        return {};
    }
    return {};
}

QString embedSource(const Embed &embed)
{
    return QStringLiteral("/embed/") + embed.provider + QStringLiteral("?url=") +
           QString::fromLatin1(QUrl::toPercentEncoding(embed.url));
}

bool isTelegraphEmbedSource(QStringView src)
{
    return src.startsWith(u"/embed/") && embedForUrl(src).isValid();
}

Node embedFigure(const Embed &embed, const QString &caption)
{
    Node figure = Node::element(QStringLiteral("figure"));
    figure.appendChild(
        Node::element(QStringLiteral("iframe"), {{QStringLiteral("src"), embedSource(embed)}}));
    if (!caption.isEmpty())
        figure.appendChild(Node::element(QStringLiteral("figcaption"), {}, {Node::text(caption)}));
    return figure;
}

} // namespace tg
