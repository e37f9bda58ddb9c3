// SPDX-License-Identifier: MIT
#include "preview/engine/requestredirector.h"

#include <QWebEngineUrlRequestInfo>

namespace tg {

RequestRedirector::RequestRedirector(std::function<QUrl(const QUrl &)> map, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
    , m_map(std::move(map))
{}

void RequestRedirector::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (!m_map)
        return;
    const QUrl url = info.requestUrl();
    const QUrl mapped = m_map(url);
    if (mapped != url)
        info.redirect(mapped);
}

} // namespace tg
