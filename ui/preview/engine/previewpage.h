// SPDX-License-Identifier: MIT
#pragma once

#include <QWebEnginePage>

namespace tg {

/// The preview's page: stays on our own qrc page and hands every link the reader clicks on
/// (externalLinkRequested; the pane opens it in the system browser) instead of navigating.
class PreviewPage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit PreviewPage(QObject *parent = nullptr);

Q_SIGNALS:
    /// A link was clicked (nothing navigated).
    void externalLinkRequested(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};

} // namespace tg
