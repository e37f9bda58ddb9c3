// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QUrl>

class QWidget;

namespace tg {

/// Opens links in the system browser for the window's widgets (the page list, the message area,
/// the account panel, the preview): maps a link of the in-app sandbox to the address it listens
/// on now (OriginMap), opens it, and when no browser can be started says so in a dialog naming
/// the link, with Copy Link to put it on the clipboard — never a silent failure.
class LinkOpener
{
    Q_DECLARE_TR_FUNCTIONS(tg::LinkOpener)
public:
    /// The URL open() hands to the browser: `url` mapped by the OriginMap of `context`'s window.
    static QUrl mapped(const QUrl &url, const QObject *context);
    /// Opens the mapped `url`; when that fails, shows the message over `context`'s window (any
    /// widget of it, or null). True when a browser was started.
    static bool open(const QUrl &url, QWidget *context);
    /// Object name of the dialog shown when a link could not be opened.
    static QString failureDialogName() { return QStringLiteral("linkOpenFailed"); }
};

} // namespace tg
