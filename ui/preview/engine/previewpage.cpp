// SPDX-License-Identifier: MIT
#include "preview/engine/previewpage.h"

#include <QWebEngineSettings>

namespace tg {

PreviewPage::PreviewPage(QObject *parent)
    : QWebEnginePage(parent)
{
    // Our own bridge runs in the isolated application world; nothing runs in the page itself.
    settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, true);
    settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings()->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
}

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (type == NavigationTypeLinkClicked) {
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https") ||
            url.scheme() == QLatin1String("mailto") || url.scheme() == QLatin1String("tg")) {
            Q_EMIT externalLinkRequested(url);
        }
        return false;
    }
    // Only the one qrc page is ever loaded in the main frame.
    if (isMainFrame)
        return url.scheme() == QLatin1String("qrc");
    return false;
}

QWebEnginePage *PreviewPage::createWindow(WebWindowType)
{
    return nullptr;
}

} // namespace tg
