// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace tg {

/// The preview page's request interceptor: while blocked, every http(s) request the page makes
/// (images, video, fonts, anything but the page itself) is refused before it leaves the
/// computer, so a draft's remote images are not fetched while its writer types; the rest goes
/// on to the next interceptor (the RequestRedirector).
class RemoteImageGuard : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit RemoteImageGuard(QObject *parent = nullptr);

    void setBlocked(bool blocked) { m_blocked = blocked; }
    bool isBlocked() const { return m_blocked; }
    /// Requests refused so far (for tests and the log).
    int refusedCount() const { return m_refused; }
    /// Where the requests that are let through go next (not owned; may be null).
    void setNext(QWebEngineUrlRequestInterceptor *next) { m_next = next; }

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

private:
    std::atomic<bool> m_blocked{false};
    std::atomic<int> m_refused{0};
    QPointer<QWebEngineUrlRequestInterceptor> m_next;
};

} // namespace tg
