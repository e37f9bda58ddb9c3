// SPDX-License-Identifier: MIT
#pragma once

#include "store.h"

#include <QByteArray>

namespace tg::sandbox {

/// The readable HTML page the sandbox serves at `/<path>`: title, author, body, all escaped.
class PageRenderer
{
public:
    static QByteArray render(const StoredPage &page);
    /// A small HTML page with a heading and a message (index, 404, auth links).
    static QByteArray message(const QString &title, const QString &text);
};

} // namespace tg::sandbox
