// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/store.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

namespace tg::sandbox {

/// The readable HTML page the sandbox serves at `/<path>`: title, author, body, all escaped and
/// without anything that runs script (see tg::nodesToDisplayHtml()).
class PageRenderer
{
public:
    static QByteArray render(const StoredPage &page);
    /// The Content-Security-Policy header value for rendered pages: no script, plugins, forms or
    /// base URL; the page's own style sheet only; images and video from anywhere (pages link them
    /// from image hosts); frames only from the site's `/embed/` proxy. The site is each of sites
    /// and, when it is a plain `host[:port]`, the Host the request was sent to.
    static QByteArray contentSecurityPolicy(const QList<QUrl> &sites,
                                            const QByteArray &requestHost = {});
    /// A small HTML page with a heading and a message (index, 404, auth links).
    static QByteArray message(const QString &title, const QString &text);
};

} // namespace tg::sandbox
