// SPDX-License-Identifier: MIT
#include "preview/originmap.h"

#include "window/uilog.h"

namespace tg {

OriginMap::OriginMap(QObject *parent)
    : QObject(parent)
{}

QUrl OriginMap::originOf(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https")  ? 443
                            : scheme == QLatin1String("http") ? 80
                                                              : -1;
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host());
    origin.setPort(url.port(defaultPort));
    return origin;
}

void OriginMap::setMapping(const QUrl &stable, const QUrl &live)
{
    const QUrl from = originOf(stable);
    const QUrl to = originOf(live);
    if (from.isEmpty())
        return;
    m_entries.removeIf([&from](const Entry &e) { return e.stable == from; });
    if (!to.isEmpty() && to != from) {
        m_entries.append({from, to});
        qCDebug(lcUi) << "requests for" << from.toString() << "go to" << to.toString();
    }
}

void OriginMap::clear()
{
    m_entries.clear();
}

QUrl OriginMap::map(const QUrl &url) const
{
    if (m_entries.isEmpty())
        return url;
    const QUrl origin = originOf(url);
    for (const Entry &e : m_entries) {
        if (e.stable != origin)
            continue;
        QUrl mapped = url;
        mapped.setScheme(e.live.scheme());
        mapped.setHost(e.live.host());
        mapped.setPort(e.live.port());
        return mapped;
    }
    return url;
}

OriginMap *OriginMap::of(const QObject *context)
{
    if (!context)
        return nullptr;
    // Docks, dialogs and panels are all below the window; the map is below its preview.
    while (context->parent())
        context = context->parent();
    if (auto *self = qobject_cast<OriginMap *>(const_cast<QObject *>(context)))
        return self;
    return context->findChild<OriginMap *>();
}

} // namespace tg
