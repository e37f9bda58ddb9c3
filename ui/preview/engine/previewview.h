// SPDX-License-Identifier: MIT
#pragma once

#include "preview/previewengine.h"

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebEngineView>

#include <optional>

namespace tg {

class PreviewPage;
class RemoteImageGuard;
class RequestRedirector;

/// The article as telegra.ph shows it. Loads one page from qrc once, then pushes new content
/// into its DOM (no reload per keystroke, so the scroll position stays). Embeds become
/// placeholders naming their source; relative media URLs resolve against the site.
/// The preview engine of the telegraph-preview module (see PreviewEngine): PreviewPane creates
/// it after the window's first paint; what is pushed into the view before its page has loaded
/// is kept and shown then.
class PreviewView : public QWebEngineView, public PreviewEngine
{
    Q_OBJECT
public:
    explicit PreviewView(QWidget *parent = nullptr);

    QWidget *widget() override { return this; }
    /// Creates the page and loads it (once; later calls do nothing).
    void start(const Hooks &hooks) override;

    /// Shows this article given as the HTML of each top-level block: only the blocks that changed
    /// since the last article shown are sent to the page and replaced in its DOM. Safe before
    /// the page has loaded: the newest content is applied then.
    void showArticle(quint64 serial, const QString &title, const QString &authorName,
                     const QString &authorUrl, const QStringList &blocks) override;
    void setDark(bool dark) override;
    /// Scrolls so the given fraction (0..1) of the article is at the top, following the editor.
    void scrollToFraction(double fraction) override;
    /// Keeps every http(s) request of the page from leaving (the page's request interceptor
    /// refuses them) and shows remote images and videos as boxes naming their address; the
    /// article on show is shown again at once unless `showAgain` is false (another draft's
    /// article is coming). Relative URLs resolve to the site, so they count as remote too.
    void setRemoteImagesBlocked(bool blocked, bool showAgain) override;
    int refusedRemoteRequests() const override;
    /// Site that relative image/video URLs refer to (https://telegra.ph by default).
    void setSiteUrl(const QUrl &url) override { m_siteUrl = url; }
    void setZoomFactor(double factor) override { QWebEngineView::setZoomFactor(factor); }
    void runJavaScript(const QString &script,
                       const std::function<void(const QVariant &)> &done) override;
    QUrl pageUrl() const override;

protected:
    void childEvent(QChildEvent *event) override;

private:
    /// Gives the focus back to where it was when start() was called, if the page's widget
    /// (created later) took it.
    void keepFocus();

    struct Article
    {
        quint64 serial = 0;
        QString title, authorName, authorUrl;
        QStringList blocks;
    };
    void apply(const Article &article);
    void applyTheme();

    Hooks m_hooks;
    PreviewPage *m_page = nullptr;
    RequestRedirector *m_redirector = nullptr;
    RemoteImageGuard *m_guard = nullptr;
    std::optional<Article> m_lastArticle; ///< the newest article sent to the page
    QPointer<QWidget> m_focusAtStart;
    bool m_ready = false;
    bool m_dark = false;
    bool m_applying = false;
    std::optional<Article> m_waiting;
    QStringList m_shownBlocks; ///< blocks in the DOM, when m_blocksShown
    bool m_blocksShown = false;
    quint64 m_shownSerial = 0;
    QUrl m_siteUrl = QUrl(QStringLiteral("https://telegra.ph"));
};

} // namespace tg
