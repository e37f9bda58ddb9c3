// SPDX-License-Identifier: MIT
#include "preview/previewpane.h"

#include "preview/originmap.h"
#include "preview/previewengine.h"
#include "window/linkopener.h"
#include "window/uilog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLibrary>
#include <QOpenGLContext>
#include <QVBoxLayout>

// QtWebEngine renders through OpenGL contexts shared with one global context, which Qt makes
// only when Qt::AA_ShareOpenGLContexts is set before the application object exists. Making it
// there costs a GL start-up (about 90 ms under Xvfb) before the first window; the preview makes
// the same context itself, just before it loads WebEngine, with the function QtGui exports for
// this (the one QGuiApplication calls).
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);

// Resources of a static library must be registered explicitly (outside any namespace).
static void initPreviewResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace tg {

namespace {

/// The module's entry point, resolved once per process; the module is never unloaded (WebEngine
/// cannot be). Empty with `error` set when it cannot be loaded.
CreatePreviewEngine loadModule(QString *error)
{
    static CreatePreviewEngine create = nullptr;
    static QString failure;
    static bool tried = false;
    if (!tried) {
        tried = true;
        if (!QOpenGLContext::globalShareContext()) {
            auto *context = new QOpenGLContext; // lives as long as the process, as Qt's own
            context->setFormat(QSurfaceFormat::defaultFormat());
            if (!context->create())
                qCWarning(lcUi) << "no OpenGL context for the preview; WebEngine renders without";
            qt_gl_set_global_share_context(context);
        }
        QStringList problems;
        for (const QString &path : PreviewPane::moduleCandidates()) {
            if (!QFileInfo::exists(path))
                continue;
            auto *library = new QLibrary(path); // never unloaded
            auto fn =
                reinterpret_cast<CreatePreviewEngine>(library->resolve(CreatePreviewEngineSymbol));
            if (fn) {
                create = fn;
                qCDebug(lcUi) << "preview module:" << path;
                break;
            }
            problems << QDir::toNativeSeparators(path) + QStringLiteral(": ") +
                            library->errorString();
            delete library;
        }
        if (!create) {
            failure =
                problems.isEmpty()
                    ? QCoreApplication::translate("tg::PreviewPane",
                                                  "The preview module is not installed "
                                                  "(looked for %1).")
                          .arg(QDir::toNativeSeparators(PreviewPane::moduleCandidates().value(0)))
                    : problems.join(QLatin1Char('\n'));
            qCWarning(lcUi).noquote() << "the preview cannot start:" << failure;
        }
    }
    if (!create && error)
        *error = failure;
    return create;
}

} // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_placeholder(new QLabel(this))
    // Made now, so the app can fill it before the engine exists.
    , m_originMap(new OriginMap(this))
{
    initPreviewResources();
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAutoFillBackground(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_placeholder);
    setFocusPolicy(Qt::NoFocus);
    updatePlaceholder();
}

PreviewPane::~PreviewPane() = default;

QStringList PreviewPane::moduleCandidates()
{
    QStringList out;
    const QString given = qEnvironmentVariable("TELEGRAPH_PREVIEW_MODULE");
    if (!given.isEmpty())
        return {given}; // exactly this one, so a test can point it at nothing
    const QString appDir = QCoreApplication::applicationDirPath();
    // Installed: relative to the executable (/usr/bin → /usr/lib/<arch>/telegraph-desktop).
    out << QDir::cleanPath(appDir + QLatin1Char('/') + QStringLiteral(TG_PREVIEW_MODULE_RELATIVE));
    // Next to the executable (Windows, macOS bundles' MacOS folder).
    out << QDir(appDir).filePath(QFileInfo(QStringLiteral(TG_PREVIEW_MODULE_BUILD)).fileName());
    // The build tree: the app and the tests run from there.
    out << QStringLiteral(TG_PREVIEW_MODULE_BUILD);
    out.removeDuplicates();
    return out;
}

void PreviewPane::start()
{
    if (m_started)
        return;
    m_started = true;
    const CreatePreviewEngine create = loadModule(&m_startError);
    if (create)
        m_engine = create(this, PreviewEngine::InterfaceVersion);
    if (!m_engine) {
        if (m_startError.isEmpty())
            m_startError = tr("The preview module is of another version than the app.");
        updatePlaceholder();
        return;
    }
    QWidget *view = m_engine->widget();
    m_layout->addWidget(view);
    m_placeholder->hide();
    m_engine->setSiteUrl(m_siteUrl);
    m_engine->setDark(m_dark);
    m_engine->setZoomFactor(m_zoom);
    m_engine->setRemoteImagesBlocked(m_remoteBlocked, false);
    PreviewEngine::Hooks hooks;
    hooks.ready = [this] {
        m_ready = true;
        Q_EMIT ready();
    };
    hooks.articleShown = [this](quint64 serial) {
        m_shownSerial = serial;
        Q_EMIT articleShown(serial);
    };
    hooks.loadStarted = [this] {
        Q_EMIT loadStarted();
    };
    hooks.linkClicked = [this](const QUrl &url) {
        Q_EMIT linkClicked(url);
        if (!qEnvironmentVariableIsSet("TG_PREVIEW_NO_EXTERNAL_OPEN"))
            LinkOpener::open(url, this);
    };
    hooks.mapRequest = [map = m_originMap](const QUrl &url) {
        return map->map(url);
    };
    m_engine->start(hooks);
    if (m_pending) {
        const Article a = *m_pending;
        m_pending.reset();
        m_engine->showArticle(a.serial, a.title, a.authorName, a.authorUrl, a.blocks);
    }
}

void PreviewPane::showArticle(quint64 serial, const QString &title, const QString &authorName,
                              const QString &authorUrl, const QStringList &blocks)
{
    if (m_engine) {
        m_engine->showArticle(serial, title, authorName, authorUrl, blocks);
        return;
    }
    m_pending = Article{serial, title, authorName, authorUrl, blocks};
}

void PreviewPane::setDark(bool dark)
{
    m_dark = dark;
    if (m_engine)
        m_engine->setDark(dark);
    updatePlaceholder();
}

void PreviewPane::scrollToFraction(double fraction)
{
    if (m_engine)
        m_engine->scrollToFraction(fraction);
}

void PreviewPane::setSiteUrl(const QUrl &url)
{
    m_siteUrl = url;
    if (m_engine)
        m_engine->setSiteUrl(url);
}

void PreviewPane::setZoomFactor(double factor)
{
    m_zoom = qBound(0.25, factor, 5.0);
    if (m_engine)
        m_engine->setZoomFactor(m_zoom);
}

void PreviewPane::setRemoteImagesBlocked(bool blocked, bool showAgain)
{
    if (m_remoteBlocked == blocked)
        return;
    m_remoteBlocked = blocked;
    if (m_engine)
        m_engine->setRemoteImagesBlocked(blocked, showAgain);
    else if (!showAgain)
        m_pending.reset(); // another draft's article is coming
}

int PreviewPane::refusedRemoteRequests() const
{
    return m_engine ? m_engine->refusedRemoteRequests() : 0;
}

void PreviewPane::runJavaScript(const QString &script,
                                const std::function<void(const QVariant &)> &done)
{
    if (m_engine)
        m_engine->runJavaScript(script, done);
}

QUrl PreviewPane::pageUrl() const
{
    return m_engine ? m_engine->pageUrl() : QUrl();
}

QWidget *PreviewPane::engineWidget() const
{
    return m_engine ? m_engine->widget() : nullptr;
}

void PreviewPane::updatePlaceholder()
{
    // The page's own colours, so the switch to the view does not flash.
    QPalette p = m_placeholder->palette();
    p.setColor(QPalette::Window, m_dark ? QColor(0x1c, 0x1d, 0x1f) : QColor(Qt::white));
    p.setColor(QPalette::WindowText, m_dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x79, 0x82, 0x8b));
    m_placeholder->setPalette(p);
    m_placeholder->setText(m_startError.isEmpty()
                               ? tr("The preview starts in a moment…")
                               : tr("The preview could not start.\n%1").arg(m_startError));
}

} // namespace tg
