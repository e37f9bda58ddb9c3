// SPDX-License-Identifier: MIT
#pragma once

#include <QWebEnginePage>

namespace tg {

/// The preview's page: stays on our own qrc page and hands every link the reader clicks to the
/// system browser instead of navigating.
class PreviewPage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit PreviewPage(QObject *parent = nullptr);

Q_SIGNALS:
    /// A link was clicked; it has been (or, in tests, would be) opened externally.
    void externalLinkRequested(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace tg
