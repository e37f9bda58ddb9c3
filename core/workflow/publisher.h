// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QObject>
#include <QString>

namespace tg {

/// What to publish: a new page (empty path) or an update of an existing one.
struct PublishRequest
{
    QString path; ///< empty: createPage; otherwise editPage of this path
    QString title;
    QString authorName;
    QString authorUrl;
    NodeList content;
};

/// How a publish, update or fetch ended.
struct PublishOutcome
{
    bool ok = false;
    QString path;
    QString url;
    QString title;
    QString authorName;
    QString authorUrl;
    NodeList content;     ///< for fetches
    QString error;        ///< user-facing message when !ok
    QString errorCode;    ///< the server's code verbatim, when it answered
    bool offline = false; ///< the server could not be reached
};

/// Publishes drafts and fetches pages for the UI, hiding the client and the network. Emits
/// progress, a flood-wait countdown (then retries by itself), and exactly one outcome per call.
class Publisher : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Starts createPage/editPage. Ignored (false) while another operation runs.
    virtual bool publish(const PublishRequest &request) = 0;
    /// Starts getPage with content for a path or a page URL. Ignored (false) while busy.
    virtual bool fetch(const QString &pathOrUrl) = 0;
    /// Stops the running operation; it ends with a "cancelled" outcome.
    virtual void cancel() = 0;
    virtual bool isBusy() const = 0;
    /// The site pages live on (for links and the preview's relative URLs).
    virtual QString siteUrl() const = 0;

Q_SIGNALS:
    /// A human-readable step ("Publishing…", "Retrying…").
    void progress(const QString &message);
    /// The server asked to wait; seconds left before the automatic retry (counts down to 0).
    void floodWait(int secondsLeft);
    /// The publish or update ended.
    void published(const tg::PublishOutcome &outcome);
    /// The fetch ended.
    void fetched(const tg::PublishOutcome &outcome);
};

/// The path of a page from a URL ("https://telegra.ph/Foo-11-25" → "Foo-11-25") or a path.
QString pagePathFrom(const QString &pathOrUrl);

} // namespace tg

Q_DECLARE_METATYPE(tg::PublishOutcome)
