// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QVBoxLayout;

namespace tg {

class OriginMap;
class PreviewEngine;

/// The article as telegra.ph shows it, in the window. A placeholder until start() (the window
/// calls it after its first paint); start() loads the telegraph-preview module, which brings
/// QtWebEngine with it, and puts its view here, so the app shows its window without loading or
/// initialising WebEngine first. The view loads one page from qrc once, then pushes new content
/// into its DOM (no reload per keystroke, so the scroll position stays). What is pushed before
/// the page is ready is kept and shown then. When the module cannot be loaded the placeholder
/// says why, and everything else works.
class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget *parent = nullptr);
    ~PreviewPane() override;

    /// Loads the engine and its page (once; later calls do nothing).
    void start();
    /// Whether start() made an engine: before it no WebEngine page exists.
    bool isStarted() const { return m_engine != nullptr; }
    /// Why start() made no engine (empty when it did, or before start()).
    QString startError() const { return m_startError; }
    /// The page has loaded and accepts content.
    bool isReady() const { return m_ready; }

    /// Shows this article given as the HTML of each top-level block: only the blocks that changed
    /// since the last article shown are sent to the page and replaced in its DOM.
    void showArticle(quint64 serial, const QString &title, const QString &authorName,
                     const QString &authorUrl, const QStringList &blocks);
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    /// Scrolls so the given fraction (0..1) of the article is at the top, following the editor.
    void scrollToFraction(double fraction);
    /// Site that relative image/video URLs refer to (https://telegra.ph by default).
    void setSiteUrl(const QUrl &url);
    /// The preview's zoom (1 = 100 %), kept for the engine when it starts later.
    void setZoomFactor(double factor);
    double zoomFactor() const { return m_zoom; }
    /// Keeps every http(s) request of the page from leaving and shows remote images and videos
    /// as boxes naming their address; the article on show is shown again at once unless
    /// `showAgain` is false (another draft's article is coming). Relative URLs resolve to the
    /// site, so they count as remote too. Kept for the engine when it starts later.
    void setRemoteImagesBlocked(bool blocked, bool showAgain = true);
    bool remoteImagesBlocked() const { return m_remoteBlocked; }
    /// Remote requests of the page refused so far (0 before start()).
    int refusedRemoteRequests() const;
    /// Serial of the article shown in the DOM right now (0 before the first).
    quint64 shownSerial() const { return m_shownSerial; }

    /// Runs `script` in the page's isolated world; `done` gets its value. Does nothing before
    /// start() made an engine.
    void runJavaScript(const QString &script, const std::function<void(const QVariant &)> &done);
    /// The URL of the page's main frame (empty before start()).
    QUrl pageUrl() const;
    /// The engine's view (null before start()).
    QWidget *engineWidget() const;
    /// Where start() looks for the module, in order.
    static QStringList moduleCandidates();

Q_SIGNALS:
    /// The page has loaded and accepts content.
    void ready();
    /// The DOM now shows the article with this serial.
    void articleShown(quint64 serial);
    /// The page started loading (once per start, unless it had to reload).
    void loadStarted();
    /// The reader clicked a link in the preview; it is opened in the system browser (unless
    /// TG_PREVIEW_NO_EXTERNAL_OPEN is set, for tests).
    void linkClicked(const QUrl &url);

private:
    struct Article
    {
        quint64 serial = 0;
        QString title, authorName, authorUrl;
        QStringList blocks;
    };
    void updatePlaceholder();

    QVBoxLayout *m_layout = nullptr;
    QLabel *m_placeholder = nullptr;
    OriginMap *m_originMap = nullptr;
    PreviewEngine *m_engine = nullptr; ///< its widget is our child
    std::optional<Article> m_pending;  ///< shown before start()
    QString m_startError;
    QUrl m_siteUrl = QUrl(QStringLiteral("https://telegra.ph"));
    bool m_started = false;
    bool m_ready = false;
    bool m_dark = false;
    double m_zoom = 1.0;
    bool m_remoteBlocked = false;
    quint64 m_shownSerial = 0;
};

} // namespace tg
