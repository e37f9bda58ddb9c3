// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <functional>

class QWidget;

namespace tg {

/// The web engine behind the preview, as PreviewPane sees it. The implementation (a QtWebEngine
/// view) lives in a module of its own, loaded after the window's first paint, so that the app
/// neither links nor initialises QtWebEngine before its window is up. Only plain C++ and Qt Core
/// types cross this boundary; both sides are built together from this header.
class PreviewEngine
{
public:
    /// Bumped whenever this interface changes: a module of another version is refused.
    static constexpr int InterfaceVersion = 1;

    /// What the engine tells the pane; every hook is called on the GUI thread.
    struct Hooks
    {
        std::function<void()> ready;                   ///< the page loaded and takes content
        std::function<void(quint64)> articleShown;     ///< the DOM shows this serial now
        std::function<void()> loadStarted;             ///< the page (re)started loading
        std::function<void(const QUrl &)> linkClicked; ///< a link the reader clicked
        /// Where a request of the page goes instead (the sandbox's stable origin); `url` itself
        /// when it is not redirected.
        std::function<QUrl(const QUrl &)> mapRequest;
    };

    virtual ~PreviewEngine() = default;

    /// The view to put in the window; owned by the parent given at creation.
    virtual QWidget *widget() = 0;
    /// Creates the page and loads it (once).
    virtual void start(const Hooks &hooks) = 0;
    /// See PreviewPane::showArticle.
    virtual void showArticle(quint64 serial, const QString &title, const QString &authorName,
                             const QString &authorUrl, const QStringList &blocks) = 0;
    virtual void setDark(bool dark) = 0;
    virtual void scrollToFraction(double fraction) = 0;
    virtual void setSiteUrl(const QUrl &url) = 0;
    virtual void setZoomFactor(double factor) = 0;
    /// See PreviewPane::setRemoteImagesBlocked.
    virtual void setRemoteImagesBlocked(bool blocked, bool showAgain) = 0;
    /// Remote requests of the page refused so far while blocked.
    virtual int refusedRemoteRequests() const = 0;
    /// Runs `script` in the page's isolated world; `done` gets its value (never called when the
    /// page goes away first).
    virtual void runJavaScript(const QString &script,
                               const std::function<void(const QVariant &)> &done) = 0;
    /// The URL of the page's main frame (empty before start()).
    virtual QUrl pageUrl() const = 0;
};

/// The module's one exported function: a new engine whose widget is a child of `parent`, or null
/// when `interfaceVersion` is not the module's.
using CreatePreviewEngine = PreviewEngine *(*)(QWidget *parent, int interfaceVersion);

/// The exported name of CreatePreviewEngine in the module.
inline constexpr char CreatePreviewEngineSymbol[] = "tg_create_preview_engine";

} // namespace tg
