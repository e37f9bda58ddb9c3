// SPDX-License-Identifier: MIT
#include "workflow/draftfiles.h"

#include "content/htmldecode.h"
#include "content/markdownwriter.h"
#include "content/node.h"
#include "workflow/contentconverter.h"
#include "workflow/htmlsourceconverter.h"
#include "workflow/workflowlog.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tg {

ImportResult DraftFiles::importFile(const QString &path, const BusyCallback &busy)
{
    ImportResult result;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot import %1: %2").arg(path, f.errorString());
        qCDebug(lcWorkflow) << "import of" << path << "failed:" << f.errorString();
        return result;
    }
    const QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError) {
        result.error = tr("Cannot import %1: %2").arg(path, f.errorString());
        qCDebug(lcWorkflow) << "import of" << path << "failed:" << f.errorString();
        return result;
    }
    const QFileInfo info(path);
    Draft d = Draft::create();
    d.title = info.completeBaseName();
    const QString suffix = info.suffix().toLower();
    const bool isHtml = suffix == QLatin1String("html") || suffix == QLatin1String("htm");
    QString text;
    if (isHtml) {
        // HTML names its own encoding (BOM, <meta charset>); a browser's fallbacks otherwise.
        const HtmlDecodeResult decoded = decodeHtml(bytes);
        text = decoded.text;
        result.warnings = decoded.warnings;
        qCDebug(lcWorkflow) << "read" << path << "as" << decoded.encodingName;
    } else {
        text = QString::fromUtf8(bytes);
    }
    if (isHtml) {
        const bool large = text.size() > HtmlSourceConverter::syncLimit();
        if (large && busy)
            busy(true);
        const HtmlSource imported =
            HtmlSourceConverter::convertKeepingEventsFlowing(text, DraftFormat::Html);
        if (large && busy)
            busy(false);
        d.format = DraftFormat::Html;
        d.body = imported.source;
        result.warnings += imported.warnings;
    } else {
        d.format = DraftFormat::Markdown;
        d.body = text;
    }
    qCDebug(lcWorkflow) << "imported" << path << "as"
                        << (d.format == DraftFormat::Html ? "HTML" : "Markdown") << "with"
                        << result.warnings.size() << "changes";
    result.draft = d;
    result.ok = true;
    return result;
}

QByteArray DraftFiles::exportData(const Draft &draft, const QString &path)
{
    const ConversionResult r = convertContent(
        {0, draft.title, draft.authorName, draft.authorUrl, draft.body, draft.format});
    if (path.endsWith(QLatin1String(".json")))
        return toJson(r.nodes);
    if (path.endsWith(QLatin1String(".html")) || path.endsWith(QLatin1String(".htm")))
        return r.html.toUtf8();
    return nodesToMarkdown(r.nodes).toUtf8();
}

QString DraftFiles::exportDraft(const Draft &draft, const QString &path)
{
    const QByteArray data = exportData(draft, path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        qCDebug(lcWorkflow) << "export to" << path << "failed:" << f.errorString();
        return tr("Cannot export to %1: %2").arg(path, f.errorString());
    }
    return {};
}

} // namespace tg
