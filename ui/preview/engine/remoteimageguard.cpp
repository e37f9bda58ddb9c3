// SPDX-License-Identifier: MIT
#include "preview/engine/remoteimageguard.h"

#include "preview/engine/previewlog.h"

#include <QWebEngineUrlRequestInfo>

namespace tg {

RemoteImageGuard::RemoteImageGuard(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{}

void RemoteImageGuard::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme().toLower();
    const bool remote = scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
                        scheme == QLatin1String("ws") || scheme == QLatin1String("wss");
    if (m_blocked && remote &&
        info.resourceType() != QWebEngineUrlRequestInfo::ResourceTypeMainFrame) {
        info.block(true);
        ++m_refused;
        qCDebug(lcPreview) << "the preview did not load" << info.requestUrl().host()
                           << "(remote images are off for this draft)";
        return;
    }
    if (m_next)
        m_next->interceptRequest(info);
}

} // namespace tg
