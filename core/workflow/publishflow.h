// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"
#include "api/clientsettings.h"
#include "content/node.h"
#include "storage/draft.h"
#include "workflow/seriesrecord.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

namespace tg {

class ApiJob;
class TelegraphClient;

/// How any publishing operation ended: a draft published or updated, a series, an unpublish or
/// a restore, a page fetched for editing. Every flow ends with exactly one of these.
struct PublishResult
{
    enum class Kind
    {
        Publish,
        Series,
        Unpublish,
        Restore,
        Fetch
    };
    Kind kind = Kind::Publish;
    bool ok = false;
    QString path; ///< the page (the index page for a series)
    QString url;
    QString draftId;      ///< the draft published from, kept for or opened as
    ApiError error;       ///< why it failed (Cancelled after cancel(), Validation when refused)
    QString message;      ///< what the user reads, success or failure (userMessage() inside)
    bool offline = false; ///< the server could not be reached; nothing changed there
    bool tooLong = false; ///< refused as over the page limit (a series can take it)
    /// When refused by a page check: its tg::ValidationIssue::Code and values, so the window can
    /// word message in its own language (-1 otherwise).
    int validationCode = -1;
    QStringList validationArgs;
    SeriesRecord series;   ///< the series' pages as far as they exist (Kind::Series)
    qint64 revisionId = 0; ///< the revision recorded (Publish, Unpublish), 0 when none
    NodeList content;      ///< the converted content (Publish), the kept content (Unpublish)
    Page page;             ///< the server's answer (Publish, Fetch)
    QByteArray resultJson; ///< that answer verbatim (Publish), for scripts
    Draft draft;           ///< the draft made from a fetched page (Fetch)
    /// An existing page was edited (Publish): readers may have seen the old version. False for
    /// a first publish, also when it finishes a private link's title.
    bool updated = false;
    /// A private link's page exists (path and url are set, the draft has them) but its real
    /// title is not set yet: publishing again sets it (Publish, ok false).
    bool titlePending = false;
};

/// The base of every publishing operation: one at a time, one cancel, one result. While it runs
/// it reports steps (progress) and, when the client's scheduler waits out a flood pause before
/// retrying by itself, a countdown for display (floodCountdown, 1 s ticks down to 0). The flow
/// never changes the client's settings: how long flood waits are waited out is the client's
/// FloodPolicy (see appFloodPolicy()).
class PublishFlow : public QObject
{
    Q_OBJECT
public:
    /// The client is not owned and must outlive the flow.
    explicit PublishFlow(TelegraphClient *client, QObject *parent = nullptr);
    ~PublishFlow() override;

    bool isBusy() const { return m_busy; }
    /// Stops the running operation: its request is cancelled, no further step runs, finished()
    /// follows with a Cancelled error. What was done already stays done (and recorded).
    void cancel();
    TelegraphClient *client() const { return m_client; }
    /// What this operation is called in the message area ("Publishing", "Unpublishing", …).
    virtual QString title() const = 0;

    /// The desktop app's flood policy: FLOOD_WAIT up to 10 minutes is waited out and retried.
    static FloodPolicy appFloodPolicy();

Q_SIGNALS:
    /// The operation started (the message area opens its line).
    void started();
    /// A human-readable step ("Publishing…", "Creating part 2 of 5…").
    void progress(const QString &message);
    /// The client waits out a flood pause; seconds left before it retries (counts down to 0).
    void floodCountdown(int secondsLeft);
    /// The operation ended; isBusy() is false again.
    void finished(const tg::PublishResult &result);

protected:
    /// Marks the flow busy and starts listening for flood waits; false while busy.
    bool begin();
    /// Ends the operation with `result` (kind, cancellation and offline are filled in).
    void finish(PublishResult result);
    /// Runs a job: on success `done` runs (unless cancelled meanwhile), on failure `failed`.
    void run(ApiJob *job, std::function<void()> done, std::function<void(const ApiError &)> failed);
    /// A failed result with `error`, its message "`what`: <userMessage(error)>" (what has %1).
    PublishResult failure(const ApiError &error, const QString &what) const;
    /// Cancellation while no job runs (e.g. while converting): the subclass finishes.
    virtual void cancelIdle();
    virtual PublishResult::Kind kind() const = 0;
    /// Bumped on every start and cancel: late callbacks of an earlier run compare it.
    quint64 generation() const { return m_generation; }

private:
    void onFloodWait(const QDateTime &until);
    void tick();

    TelegraphClient *m_client;
    QPointer<ApiJob> m_job;
    QTimer m_countdown;
    QDateTime m_floodUntil;
    QList<QMetaObject::Connection> m_floodConnections;
    bool m_busy = false;
    bool m_cancelled = false;
    quint64 m_generation = 0;
};

/// The path of a page from a URL ("https://telegra.ph/Foo-11-25" → "Foo-11-25") or a path.
QString pagePathFrom(const QString &pathOrUrl);

} // namespace tg

Q_DECLARE_METATYPE(tg::PublishResult)
