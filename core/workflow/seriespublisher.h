// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class QSettings;

namespace tg {

class TelegraphClient;

/// The pages of a published series: its index and its parts, in order.
struct SeriesRecord
{
    QString indexPath;
    QString indexUrl;
    QStringList partPaths;
    QStringList partUrls;

    bool isEmpty() const { return indexPath.isEmpty() && partPaths.isEmpty(); }
    /// The series published from this draft, so a later update edits the same pages.
    static SeriesRecord load(const QSettings &settings, const QString &draftId);
    void save(QSettings &settings, const QString &draftId) const;
};

/// Publishes content too long for one page as a series: splits it (SeriesSplitter), creates the
/// parts that do not exist yet, then creates or edits the index, then edits every part so it
/// links to the index, the previous and the next part. Given the record of an earlier run, the
/// same pages are edited instead of new ones created.
class SeriesPublisher : public QObject
{
    Q_OBJECT
public:
    /// What to publish.
    struct Request
    {
        QString title;
        QString authorName;
        QString authorUrl;
        NodeList content;
        SeriesRecord previous; ///< pages of an earlier publication, if any
    };

    explicit SeriesPublisher(TelegraphClient *client, QObject *parent = nullptr);

    /// Starts publishing; finished() follows. Refused (false) while a run is going on.
    bool publish(const Request &request);
    bool isBusy() const { return m_busy; }
    /// The pages as far as they are known (complete after a successful run).
    const SeriesRecord &record() const { return m_record; }

Q_SIGNALS:
    /// The run ended; on success record() holds every page, on failure error says why.
    void finished(bool ok, const QString &error);
    /// Progress text for the status bar ("Creating part 2 of 5…").
    void progress(const QString &message);
    /// Telegraph asked to wait; seconds left before the run goes on by itself (counts down to 0).
    void floodWait(int secondsLeft);

private:
    void next();
    void fail(const QString &error);
    void waitThenRetry(int seconds);
    void tick();

    TelegraphClient *m_client;
    Request m_request;
    QList<NodeList> m_parts;
    SeriesRecord m_record;
    QList<std::function<void()>> m_steps;
    bool m_busy = false;
    std::function<void()> m_current; ///< the step running, repeated after a flood wait
    QTimer m_countdown;
    int m_waitLeft = 0;
    int m_maxFloodWait = 600; ///< longer waits end the run (what is done stays recorded)
};

} // namespace tg
