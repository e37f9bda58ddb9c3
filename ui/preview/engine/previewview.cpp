// SPDX-License-Identifier: MIT
#include "preview/engine/previewview.h"

#include "preview/engine/previewlog.h"
#include "preview/engine/previewpage.h"
#include "preview/engine/remoteimageguard.h"
#include "preview/engine/requestredirector.h"

#include <QApplication>
#include <QChildEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebEngineScript>

namespace tg {

namespace {

// Runs in the isolated application world, which shares the DOM but none of the page's scripts.
const char ApplyScript[] = R"JS(
(function (a) {
  document.documentElement.setAttribute('dir', a.dir);
  var t = document.getElementById('title');
  t.textContent = a.title; t.className = a.title ? '' : 'empty';
  t.setAttribute('data-placeholder', a.placeholder);
  t.setAttribute('dir', a.title ? 'auto' : a.dir);
  document.getElementById('author').setAttribute('dir', 'auto');
  var l = document.getElementById('author-link');
  l.textContent = a.author;
  if (a.authorUrl) l.setAttribute('href', a.authorUrl); else l.removeAttribute('href');
  var c = document.getElementById('content');
  var fix = function (root) {
    // Each block, list item and quote takes its direction from its own text, so right-to-left
    // ones put their bullets and quote bar on the right (the style sheet uses logical sides).
    root.childNodes.forEach(function (n) {
      if (n.nodeType === 1 && !n.hasAttribute('dir')) n.setAttribute('dir', 'auto');
    });
    root.querySelectorAll('li, blockquote, figcaption').forEach(function (e) {
      if (!e.hasAttribute('dir')) e.setAttribute('dir', 'auto');
    });
    root.querySelectorAll('img[src], video[src], a[href]').forEach(function (e) {
      var attr = e.tagName === 'A' ? 'href' : 'src';
      var v = e.getAttribute(attr);
      if (v && v.charAt(0) === '/' && v.charAt(1) !== '/') e.setAttribute(attr, a.site + v);
    });
    if (a.blockRemote) {
      // Remote media stay out (the request interceptor refuses them too): a box names each.
      root.querySelectorAll('img, video, audio, source, picture').forEach(function (e) {
        var v = e.getAttribute('src') || '';
        if (!/^(https?:)?\/\//i.test(v) && !e.hasAttribute('srcset')) return;
        if (e.tagName === 'SOURCE') { e.remove(); return; }
        var d = document.createElement('div');
        d.className = 'tg-embed tg-remote';
        d.textContent = a.remoteLabel + ' ' + v;
        e.replaceWith(d);
      });
    }
    root.querySelectorAll('iframe').forEach(function (f) {
      var src = f.getAttribute('src') || '';
      var m = /[?&]url=([^&]*)/.exec(src);
      var shown = m ? decodeURIComponent(m[1]) : src;
      var kind = (/\/embed\/([a-z]+)/.exec(src) || [])[1] || 'embed';
      var d = document.createElement('div');
      d.className = 'tg-embed';
      d.textContent = kind.charAt(0).toUpperCase() + kind.slice(1) + ' embed: ' + shown;
      f.replaceWith(d);
    });
  };
  // Replace only the changed run of top-level blocks; each block keeps its DOM nodes.
  var B = window.tgBlocks;
  if (a.full || !B) { c.textContent = ''; B = window.tgBlocks = []; }
  B.splice(a.start, a.remove).forEach(function (ns) {
    ns.forEach(function (n) { if (n.parentNode === c) c.removeChild(n); });
  });
  var before = null;
  for (var i = a.start; i < B.length && !before; ++i) if (B[i].length) before = B[i][0];
  var added = a.blocks.map(function (h) {
    var t = document.createElement('template');
    t.innerHTML = h;
    fix(t.content);
    var ns = Array.prototype.slice.call(t.content.childNodes);
    ns.forEach(function (n) { c.insertBefore(n, before); });
    return ns;
  });
  Array.prototype.splice.apply(B, [a.start, 0].concat(added));
  document.body.setAttribute('data-serial', String(a.serial));
  return a.serial;
})
)JS";

} // namespace

PreviewView::PreviewView(QWidget *parent)
    : QWebEngineView(parent)
{
    setContextMenuPolicy(Qt::NoContextMenu);
    m_guard = new RemoteImageGuard(this);
}

void PreviewView::setRemoteImagesBlocked(bool blocked, bool showAgain)
{
    if (m_guard->isBlocked() == blocked)
        return;
    m_guard->setBlocked(blocked);
    // Shown again from scratch: the images come back, or their boxes replace them.
    m_blocksShown = false;
    if (!showAgain) {
        // Another draft's article must not be shown under this draft's choice.
        m_waiting.reset();
        m_lastArticle.reset();
        return;
    }
    if (m_waiting || !m_lastArticle)
        return;
    showArticle(m_lastArticle->serial, m_lastArticle->title, m_lastArticle->authorName,
                m_lastArticle->authorUrl, m_lastArticle->blocks);
}

int PreviewView::refusedRemoteRequests() const
{
    return m_guard->refusedCount();
}

void PreviewView::start(const Hooks &hooks)
{
    if (m_page)
        return;
    m_hooks = hooks;
    // Started after the window is up, the page's widget must not take the focus from the editor
    // (or the welcome view) the writer is in.
    m_focusAtStart = window()->focusWidget();
    if (m_focusAtStart && isAncestorOf(m_focusAtStart))
        m_focusAtStart = nullptr;
    m_page = new PreviewPage(this);
    setPage(m_page);
    keepFocus();
    // Remote requests are refused when the draft says so (the guard); requests for the
    // sandbox's stable origin go where it listens now (the pane's OriginMap, via the redirector).
    m_redirector = new RequestRedirector(m_hooks.mapRequest, this);
    m_guard->setNext(m_redirector);
    m_page->setUrlRequestInterceptor(m_guard);
    connect(m_page, &PreviewPage::externalLinkRequested, this, [this](const QUrl &url) {
        if (m_hooks.linkClicked)
            m_hooks.linkClicked(url);
    });
    connect(m_page, &QWebEnginePage::loadStarted, this, [this] {
        if (m_hooks.loadStarted)
            m_hooks.loadStarted();
    });
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!ok)
            qCWarning(lcPreview) << "the preview page failed to load:" << m_page->url().toString();
        if (!ok || m_ready)
            return;
        m_ready = true;
        keepFocus();
        m_focusAtStart = nullptr;
        applyTheme();
        if (m_waiting) {
            const Article a = *m_waiting;
            m_waiting.reset();
            apply(a);
        }
        if (m_hooks.ready)
            m_hooks.ready();
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
                if (status != QWebEnginePage::NormalTerminationStatus)
                    qCWarning(lcPreview) << "the preview's render process ended abnormally: status"
                                         << int(status) << "exit code" << exitCode;
            });
    m_page->setUrl(QUrl(QStringLiteral("qrc:/preview/preview.html")));
}

void PreviewView::childEvent(QChildEvent *event)
{
    QWebEngineView::childEvent(event);
    if (event->added() && m_focusAtStart && event->child()->isWidgetType())
        QMetaObject::invokeMethod(this, &PreviewView::keepFocus, Qt::QueuedConnection);
}

void PreviewView::keepFocus()
{
    if (!m_focusAtStart)
        return;
    QWidget *now = QApplication::focusWidget();
    if (!now || isAncestorOf(now) || now == this)
        m_focusAtStart->setFocus(Qt::OtherFocusReason);
}

void PreviewView::showArticle(quint64 serial, const QString &title, const QString &authorName,
                              const QString &authorUrl, const QStringList &blocks)
{
    Article a;
    a.serial = serial;
    a.title = title;
    a.authorName = authorName;
    a.authorUrl = authorUrl;
    a.blocks = blocks;
    // One update in flight at a time; a newer article replaces any waiting one.
    if (!m_ready || m_applying) {
        m_waiting = a;
        return;
    }
    apply(a);
}

void PreviewView::apply(const Article &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("serial"), static_cast<double>(a.serial));
    o.insert(QStringLiteral("title"), a.title);
    o.insert(QStringLiteral("author"), a.authorName);
    o.insert(QStringLiteral("authorUrl"), a.authorUrl);
    // The page's own words are the UI's: the empty title's placeholder and the base direction.
    o.insert(QStringLiteral("placeholder"), tr("Title"));
    o.insert(QStringLiteral("dir"),
             layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr"));
    // Send only the run of blocks between the unchanged head and tail.
    const QStringList &old = m_shownBlocks;
    const qsizetype n = a.blocks.size();
    qsizetype head = 0;
    qsizetype tail = 0;
    if (m_blocksShown) {
        while (head < n && head < old.size() && a.blocks[head] == old[head])
            ++head;
        while (tail < n - head && tail < old.size() - head &&
               a.blocks[n - 1 - tail] == old[old.size() - 1 - tail])
            ++tail;
    }
    o.insert(QStringLiteral("full"), !m_blocksShown);
    o.insert(QStringLiteral("start"), double(head));
    o.insert(QStringLiteral("remove"), double(m_blocksShown ? old.size() - head - tail : 0));
    o.insert(QStringLiteral("blocks"),
             QJsonArray::fromStringList(a.blocks.mid(head, n - head - tail)));
    m_shownBlocks = a.blocks;
    m_blocksShown = true;
    QString site = m_siteUrl.toString();
    while (site.endsWith(QLatin1Char('/')))
        site.chop(1);
    o.insert(QStringLiteral("site"), site);
    o.insert(QStringLiteral("blockRemote"), m_guard->isBlocked());
    o.insert(QStringLiteral("remoteLabel"), tr("Remote image not loaded:"));
    m_lastArticle = a;
    const QString script = QString::fromUtf8(ApplyScript) + QLatin1Char('(') +
                           QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) +
                           QStringLiteral(");");
    m_applying = true;
    const quint64 serial = a.serial;
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                          [this, serial](const QVariant &) {
                              m_applying = false;
                              m_shownSerial = serial;
                              if (m_hooks.articleShown)
                                  m_hooks.articleShown(serial);
                              if (m_waiting) {
                                  const Article next = *m_waiting;
                                  m_waiting.reset();
                                  apply(next);
                              }
                          });
}

void PreviewView::setDark(bool dark)
{
    m_dark = dark;
    applyTheme();
}

void PreviewView::applyTheme()
{
    if (!m_ready)
        return;
    m_page->runJavaScript(m_dark ? QStringLiteral("document.documentElement.className='dark';")
                                 : QStringLiteral("document.documentElement.className='';"),
                          QWebEngineScript::ApplicationWorld);
    m_page->setBackgroundColor(m_dark ? QColor(0x1c, 0x1d, 0x1f) : QColor(Qt::white));
}

void PreviewView::runJavaScript(const QString &script,
                                const std::function<void(const QVariant &)> &done)
{
    if (!m_page)
        return;
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, done);
}

QUrl PreviewView::pageUrl() const
{
    return m_page ? m_page->url() : QUrl();
}

void PreviewView::scrollToFraction(double fraction)
{
    if (!m_ready)
        return;
    fraction = qBound(0.0, fraction, 1.0);
    m_page->runJavaScript(
        QStringLiteral("window.scrollTo(0, %1 * Math.max(0, document.documentElement.scrollHeight"
                       " - window.innerHeight));")
            .arg(fraction),
        QWebEngineScript::ApplicationWorld);
}

} // namespace tg
