// SPDX-License-Identifier: MIT
#include "sandbox/pagerenderer.h"

#include "content/htmlwriter.h"
#include "content/node.h"

#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>

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
        if (!page.authorUrl.isEmpty() && !isScriptUrl(page.authorUrl))
            html +=
                u"<a rel=\"author\" href=\"" + esc(page.authorUrl) + u"\">" + esc(name) + u"</a>";
        else
            html += esc(name);
        html += u"</address>";
    }
    html += nodesToDisplayHtml(parsed.nodes);
    html += u"</article></body></html>\n";
    return html.toUtf8();
}

QByteArray PageRenderer::contentSecurityPolicy(const QList<QUrl> &sites,
                                               const QByteArray &requestHost)
{
    QList<QUrl> all = sites;
    const bool plainHost = !requestHost.isEmpty() && requestHost.size() <= 255 &&
                           std::all_of(requestHost.begin(), requestHost.end(), [](char c) {
                               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                      (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
                                      c == '[' || c == ']';
                           });
    if (plainHost) {
        const QString scheme = sites.isEmpty() ? QStringLiteral("http") : sites.first().scheme();
        all.append(QUrl(scheme + QStringLiteral("://") + QString::fromLatin1(requestHost),
                        QUrl::StrictMode));
    }
    QStringList frames;
    for (const QUrl &site : std::as_const(all)) {
        if (!site.isValid() || site.host().isEmpty() ||
            (site.scheme() != u"http" && site.scheme() != u"https"))
            continue;
        const QString source = site.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                             QUrl::RemoveQuery | QUrl::RemoveFragment)
                                   .toString(QUrl::FullyEncoded) +
                               QStringLiteral("/embed/");
        if (!frames.contains(source))
            frames.append(source);
    }
    static const QByteArray styleHash =
        QCryptographicHash::hash(QByteArray(Style), QCryptographicHash::Sha256).toBase64();
    return "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
           "form-action 'none'; style-src 'sha256-" +
           styleHash + "'; img-src *; media-src *; frame-src " +
           (frames.isEmpty() ? QByteArray("'none'") : frames.join(u' ').toUtf8());
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
