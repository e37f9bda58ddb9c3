// SPDX-License-Identifier: MIT
#include "workflow/htmlsourceconverter.h"

#include "content/htmlimport.h"
#include "content/htmlwriter.h"
#include "content/markdownwriter.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace tg {

qsizetype HtmlSourceConverter::syncLimit()
{
    return 32 * 1024;
}

HtmlSource HtmlSourceConverter::convert(const QString &html, DraftFormat format)
{
    const HtmlImportResult imported = importHtml(html);
    return {format == DraftFormat::Markdown ? nodesToMarkdown(imported.nodes)
                                            : nodesToHtml(imported.nodes),
            imported.warnings};
}

void HtmlSourceConverter::convertAsync(const QString &html, DraftFormat format, QObject *context,
                                       std::function<void(const HtmlSource &)> done)
{
    auto *watcher = new QFutureWatcher<HtmlSource>(context);
    QObject::connect(watcher, &QFutureWatcher<HtmlSource>::finished, context,
                     [watcher, done = std::move(done)] {
                         const HtmlSource result = watcher->result();
                         watcher->deleteLater();
                         done(result);
                     });
    watcher->setFuture(QtConcurrent::run([html, format] { return convert(html, format); }));
}

HtmlSource HtmlSourceConverter::convertKeepingEventsFlowing(const QString &html, DraftFormat format)
{
    if (html.size() <= syncLimit())
        return convert(html, format);
    QFutureWatcher<HtmlSource> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<HtmlSource>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([html, format] { return convert(html, format); }));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return watcher.result();
}

} // namespace tg
