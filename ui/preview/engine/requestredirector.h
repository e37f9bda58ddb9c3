// SPDX-License-Identifier: MIT
#pragma once

#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

#include <functional>

namespace tg {

/// The preview page's request interceptor: asks the pane where each request goes (its
/// OriginMap sends the sandbox's stable origin to the address it listens on now) and redirects
/// the request when the answer differs.
class RequestRedirector : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    /// `map` may be empty: then nothing is redirected.
    RequestRedirector(std::function<QUrl(const QUrl &)> map, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

private:
    std::function<QUrl(const QUrl &)> m_map;
};

} // namespace tg
