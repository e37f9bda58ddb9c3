// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QString>

class QSettings;

namespace tg {

/// Editor preferences: font and how soon after typing stops a draft is saved.
struct EditorSettings
{
    QFont font;
    int autosaveMs = 1000; ///< saved this long after typing stops (and at least every 2 s)

    static EditorSettings load(const QSettings &s);
    void save(QSettings &s) const;
};

/// Preview preferences.
struct PreviewSettings
{
    bool dark = false;
    bool visible = true;

    static PreviewSettings load(const QSettings &s);
    void save(QSettings &s) const;
};

/// Which Telegraph server to publish to.
struct ServerChoice
{
    /// "telegra.ph", "graph.org", "te.legra.ph", "custom" or "sandbox".
    QString server = QStringLiteral("telegra.ph");
    QString customUrl;   ///< API base URL when server is "custom"
    QString proxy;       ///< "system", "none" or "http://host:port" / "socks5://host:port"
    bool chosen = false; ///< the first-start choice has been made

    static ServerChoice load(const QSettings &s);
    void save(QSettings &s) const;
};

/// Author name and URL put into every new draft.
struct AuthorDefaults
{
    QString name;
    QString url;

    static AuthorDefaults load(const QSettings &s);
    void save(QSettings &s) const;
};

} // namespace tg
