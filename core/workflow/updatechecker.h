// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QSettings;

namespace tg {

/// Settings of the update check: off by default; when on, a JSON feed is fetched at most once per
/// interval. Nothing is ever downloaded or installed: the app only tells the user.
struct UpdateSettings
{
    bool enabled = false;
    QUrl feedUrl;
    int intervalHours = 24;
    QDateTime lastCheck; ///< UTC; invalid when never checked

    static UpdateSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    /// True when enabled, the feed is usable and the last check is older than the interval.
    bool isDue(const QDateTime &now) const;
};

/// One release announced by the feed.
struct UpdateInfo
{
    QString version; ///< as the feed spells it ("1.2.0", "v1.3.0-beta.1")
    QUrl url;        ///< release page to show the user (http/https only; may be empty)
    QString notes;   ///< short plain-text release notes (may be empty)
};

/// Notify-only update check. Fetches the feed (a JSON object such as
/// {"version":"1.2.0","url":"https://…","notes":"…"}), compares the version with the running one
/// and reports the outcome; it never downloads or installs anything.
class UpdateChecker : public QObject
{
    Q_OBJECT
public:
    /// Largest feed accepted, in bytes.
    static constexpr qint64 MaxFeedSize = 64 * 1024;

    UpdateChecker(QNetworkAccessManager *network, const QString &currentVersion,
                  QObject *parent = nullptr);
    ~UpdateChecker() override;

    QString currentVersion() const { return m_currentVersion; }
    /// Time limit of one request (default 15 s).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    bool isRunning() const { return !m_reply.isNull(); }

    /// Checks the feed now. Returns false (and emits nothing) when a check is already running or
    /// the URL is unusable (see isUsableFeedUrl()).
    bool check(const QUrl &feedUrl);
    /// Checks when the settings say the check is on and due; updates lastCheck when it starts.
    bool checkIfDue(UpdateSettings &settings, const QDateTime &now);
    /// Stops a running check; finished() and checkFailed() are still emitted once.
    void cancel();

    /// Feeds must be https (plain http only on a loopback host, for local testing).
    static bool isUsableFeedUrl(const QUrl &url);
    /// Compares two versions: <0, 0, >0. Numeric dotted parts, an optional leading 'v', a
    /// pre-release after '-' sorts before the release ("1.2.0-rc.1" < "1.2.0"), build metadata
    /// after '+' is ignored. Unparseable versions compare as lowest.
    static int compareVersions(const QString &a, const QString &b);
    /// Parses a feed document; nullopt with a reason for anything malformed.
    static std::optional<UpdateInfo> parseFeed(const QByteArray &json, QString *error = nullptr);

Q_SIGNALS:
    /// The feed announces a newer version than the running one.
    void updateAvailable(const tg::UpdateInfo &info);
    /// The running version is the newest (or newer than the feed's).
    void upToDate(const QString &latestVersion);
    /// The check failed (network, HTTP status, malformed feed, cancelled); a user-facing message.
    void checkFailed(const QString &message);
    /// Every started check ends with exactly one finished(), after its outcome signal.
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void fail(const QString &message);

    QNetworkAccessManager *m_network;
    QString m_currentVersion;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    bool m_tooLarge = false;
    bool m_cancelled = false;
    int m_timeoutMs = 15000;
};

} // namespace tg

Q_DECLARE_METATYPE(tg::UpdateInfo)
