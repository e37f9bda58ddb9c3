// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

namespace tg {

/// Maps a server's stable origin to the address it listens on right now. The in-app sandbox
/// keeps the origin of its first start in every page URL and image `src`; when that port is
/// taken at a later start it listens on another one, and nothing the user wrote is rewritten:
/// instead the preview's requests for the stable origin are redirected to the live one (the
/// preview engine asks map() for each request) and links are mapped before they are opened (see
/// LinkOpener). The preview pane creates one; the connection fills it (see of()).
class OriginMap : public QObject
{
    Q_OBJECT
public:
    explicit OriginMap(QObject *parent = nullptr);

    /// From now on URLs of `stable`'s origin (scheme, host and port) go to `live`'s origin; equal
    /// origins or an empty `live` remove the mapping of `stable`.
    void setMapping(const QUrl &stable, const QUrl &live);
    void clear();
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// `url` with its origin replaced by the live one when it is mapped, else `url` itself.
    QUrl map(const QUrl &url) const;

    /// The map of the window `context` belongs to (the preview's), or null when it has none.
    static OriginMap *of(const QObject *context);

private:
    struct Entry
    {
        QUrl stable; ///< scheme://host:port only
        QUrl live;   ///< scheme://host:port only
    };
    /// scheme://host:port of `url` with the scheme's default port filled in.
    static QUrl originOf(const QUrl &url);

    QList<Entry> m_entries;
};

} // namespace tg
