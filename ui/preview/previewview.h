// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebEngineView>

#include <optional>

namespace tg {

class OriginMap;
class PreviewPage;
class RemoteImageGuard;

/// The article as telegra.ph shows it. Loads one page from qrc once, then pushes new content
/// into its DOM (no reload per keystroke, so the scroll position stays). Embeds become
/// placeholders naming their source; relative media URLs resolve against the site.
/// WebEngine starts only with start() (the window calls it after its first paint, so the editor
/// shows without waiting for it); what is pushed into the view before is kept and shown then.
class PreviewView : public QWebEngineView
{
    Q_OBJECT
public:
    explicit PreviewView(QWidget *parent = nullptr);

    /// Creates the page and loads it (once; later calls do nothing).
    void start();
    /// Whether start() was called: before it no WebEngine page exists.
    bool isStarted() const { return m_page != nullptr; }

    /// Shows this article given as the HTML of each top-level block: only the blocks that changed
    /// since the last article shown are sent to the page and replaced in its DOM. Safe before
    /// the page has loaded: the newest content is applied then.
    void showArticle(quint64 serial, const QString &title, const QString &authorName,
                     const QString &authorUrl, const QStringList &blocks);
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    /// Scrolls so the given fraction (0..1) of the article is at the top, following the editor.
    void scrollToFraction(double fraction);
    /// Keeps every http(s) request of the page from leaving (the page's request interceptor
    /// refuses them) and shows remote images and videos as boxes naming their address; the
    /// article on show is shown again at once unless `showAgain` is false (another draft's
    /// article is coming). Relative URLs resolve to the site, so they count as remote too.
    void setRemoteImagesBlocked(bool blocked, bool showAgain = true);
    bool remoteImagesBlocked() const;
    /// The interceptor that refuses remote requests while blocked.
    RemoteImageGuard *remoteImageGuard() const { return m_guard; }
    /// Site that relative image/video URLs refer to (https://telegra.ph by default).
    void setSiteUrl(const QUrl &url) { m_siteUrl = url; }
    bool isReady() const { return m_ready; }
    /// Serial of the article shown in the DOM right now (0 before the first).
    quint64 shownSerial() const { return m_shownSerial; }
    /// The page; null before start().
    PreviewPage *previewPage() const { return m_page; }

Q_SIGNALS:
    /// The page has loaded and accepts content.
    void ready();
    /// The DOM now shows the article with this serial.
    void articleShown(quint64 serial);

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

    PreviewPage *m_page = nullptr;
    OriginMap *m_originMap = nullptr;
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
