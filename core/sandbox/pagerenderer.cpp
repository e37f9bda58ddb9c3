// SPDX-License-Identifier: MIT
#include "pagerenderer.h"

#include "htmlwriter.h"
#include "node.h"

namespace tg::sandbox {

namespace {

const char Style[] =
    "body{max-width:732px;margin:0 auto;padding:21px;font:18px/1.58 Georgia,serif;color:#000}"
    "h1{font:700 32px/1.2 sans-serif}address{font:15px sans-serif;color:#79828b;font-style:normal}"
    "img,video,iframe{max-width:100%}blockquote{border-left:3px solid #000;padding-left:19px}"
    "pre{background:#f5f5f5;padding:8px;overflow:auto}";

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

QByteArray PageRenderer::render(const StoredPage &page)
{
    const NodeParseResult parsed = nodesFromJson(page.content);
    QString html;
    html += u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(page.title) +
            u"</title><meta name=\"description\" content=\"" + esc(page.description) +
            u"\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>" +
            QLatin1String(Style) + u"</style></head>\n<body><article><h1>" + esc(page.title) +
            u"</h1>";
    if (!page.authorName.isEmpty() || !page.authorUrl.isEmpty()) {
        const QString name = page.authorName.isEmpty() ? page.authorUrl : page.authorName;
        html += u"<address>";
        if (!page.authorUrl.isEmpty())
            html +=
                u"<a rel=\"author\" href=\"" + esc(page.authorUrl) + u"\">" + esc(name) + u"</a>";
        else
            html += esc(name);
        html += u"</address>";
    }
    html += nodesToHtml(parsed.nodes);
    html += u"</article></body></html>\n";
    return html.toUtf8();
}

QByteArray PageRenderer::message(const QString &title, const QString &text)
{
    const QString html = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                         esc(title) + u"</title><style>" + QLatin1String(Style) +
                         u"</style></head>\n<body><h1>" + esc(title) + u"</h1><p>" + esc(text) +
                         u"</p></body></html>\n";
    return html.toUtf8();
}

} // namespace tg::sandbox
