// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkReply;
class QTimer;

namespace tg {

class RequestScheduler;

/// One API request (or upload) with a clear life: queued, running, finished with exactly one
/// outcome. Emits succeeded() or failed() once, then finished() always. Jobs are children of the
/// client that made them; delete them after finished() or call setAutoDelete(true).
class ApiJob : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Queued,
        Running,
        Finished
    };

    ~ApiJob() override;

    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Finished; }
    /// True once finished without error.
    bool isSucceeded() const { return isFinished() && !m_error.isError(); }
    /// The error; category None while running and after success.
    const ApiError &error() const { return m_error; }

    /// The API method name ("createPage", "upload", ...).
    QString method() const { return m_method; }
    /// Raw JSON of the answer's `result` (for API calls), as the server sent it.
    const QByteArray &resultJson() const { return m_result; }
    /// The result as a QJsonValue (keys sorted; use typed accessors when order matters).
    QJsonValue result() const;

    /// How many times the request was sent again (flood waits, retries).
    int attempts() const { return m_attempts; }

    /// Delete the job (deleteLater) once finished() has been emitted.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

public Q_SLOTS:
    /// Stops the job: a queued job never starts, a running one is aborted, a retry wait ends.
    /// The job then fails with Cancelled. Does nothing once finished.
    void cancel();

Q_SIGNALS:
    /// Emitted once when the job ended without error, before finished().
    void succeeded();
    /// Emitted once when the job ended with an error, before finished().
    void failed(const tg::ApiError &error);
    /// Always emitted once, last, whatever the outcome.
    void finished();
    /// Bytes sent so far and in total (uploads); total is -1 when unknown.
    void progress(qint64 done, qint64 total);

protected:
    explicit ApiJob(const QString &method, QObject *parent = nullptr);

    /// Called with the raw `result` before success; return false (with a reason) to turn a bad
    /// body into a Protocol error instead of a success.
    virtual bool acceptResult(const QByteArray &result, QString *why);
    /// Stops the work of a running job that is not driven by the scheduler (uploads).
    virtual void abortWork() {}

    /// Ends the job with success (emits succeeded, finished). No-op once finished.
    void finishSuccess();
    /// Ends the job with an error (emits failed, finished). No-op once finished.
    void finishError(const ApiError &error);
    /// Like finishError, but from the event loop, so callers can connect after creation.
    void finishErrorLater(const ApiError &error);
    void setRunning() { m_state = State::Running; }
    void setResultJson(const QByteArray &raw) { m_result = raw; }

private:
    friend class RequestScheduler;
    friend class TelegraphClient;

    State m_state = State::Queued;
    ApiError m_error;
    QString m_method;
    QByteArray m_result;
    bool m_autoDelete = false;
    int m_attempts = 0;

    // Scheduler bookkeeping.
    QPointer<RequestScheduler> m_scheduler;
    QString m_path;
    QByteArray m_body;
    QString m_token;      ///< the access token used (never logged)
    bool m_write = false; ///< serialized per token, flood-controlled
    bool m_idempotent = false;
    bool m_retrySaveFailed = false;
    bool m_holdsToken = false;
    bool m_cancelRequested = false;
    int m_floodRetries = 0;
    int m_retries = 0;
    int m_managerIndex = -1;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QElapsedTimer m_sent; ///< started when the current attempt was sent, for the log
};

} // namespace tg
