// SPDX-License-Identifier: MIT
#include "workflow/updatechecker.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>

namespace tg {

namespace {

const QString KeyEnabled = QStringLiteral("updates/enabled");
const QString KeyFeed = QStringLiteral("updates/feedUrl");
const QString KeyInterval = QStringLiteral("updates/intervalHours");
const QString KeyLast = QStringLiteral("updates/lastCheck");

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// Compares two digit strings of any length numerically.
int compareNumbers(QStringView a, QStringView b)
{
    while (a.size() > 1 && a.front() == QLatin1Char('0'))
        a = a.mid(1);
    while (b.size() > 1 && b.front() == QLatin1Char('0'))
        b = b.mid(1);
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

struct ParsedVersion
{
    bool valid = false;
    QStringList core;
    QStringList pre;
};

ParsedVersion parseVersion(QString text)
{
    ParsedVersion v;
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('v')) || text.startsWith(QLatin1Char('V')))
        text.remove(0, 1);
    const int plus = text.indexOf(QLatin1Char('+'));
    if (plus >= 0)
        text.truncate(plus);
    const int dash = text.indexOf(QLatin1Char('-'));
    const QString core = dash >= 0 ? text.left(dash) : text;
    v.core = core.split(QLatin1Char('.'));
    for (const QString &part : std::as_const(v.core)) {
        if (!isDigits(part))
            return v;
    }
    if (dash >= 0) {
        v.pre = text.mid(dash + 1).split(QLatin1Char('.'));
        for (const QString &part : std::as_const(v.pre)) {
            if (part.isEmpty())
                return v;
        }
    }
    v.valid = true;
    return v;
}

int sign(int x)
{
    return x < 0 ? -1 : (x > 0 ? 1 : 0);
}

} // namespace

UpdateSettings UpdateSettings::load(const QSettings &settings)
{
    UpdateSettings s;
    s.enabled = settings.value(KeyEnabled, false).toBool();
    s.feedUrl = QUrl(settings.value(KeyFeed).toString());
    s.intervalHours = qBound(1, settings.value(KeyInterval, 24).toInt(), 24 * 365);
    s.lastCheck = settings.value(KeyLast).toDateTime();
    return s;
}

void UpdateSettings::save(QSettings &settings) const
{
    settings.setValue(KeyEnabled, enabled);
    settings.setValue(KeyFeed, feedUrl.toString());
    settings.setValue(KeyInterval, intervalHours);
    if (lastCheck.isValid())
        settings.setValue(KeyLast, lastCheck.toUTC());
    else
        settings.remove(KeyLast);
}

bool UpdateSettings::isDue(const QDateTime &now) const
{
    if (!enabled || !UpdateChecker::isUsableFeedUrl(feedUrl))
        return false;
    if (!lastCheck.isValid() || lastCheck > now)
        return true;
    return lastCheck.secsTo(now) >= qint64(intervalHours) * 3600;
}

UpdateChecker::UpdateChecker(QNetworkAccessManager *network, const QString &currentVersion,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_currentVersion(currentVersion)
{
    qRegisterMetaType<tg::UpdateInfo>();
}

UpdateChecker::~UpdateChecker()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool UpdateChecker::isUsableFeedUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return false;
    if (url.host() == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    return address.setAddress(url.host()) && address.isLoopback();
}

int UpdateChecker::compareVersions(const QString &a, const QString &b)
{
    const ParsedVersion va = parseVersion(a);
    const ParsedVersion vb = parseVersion(b);
    if (!va.valid || !vb.valid)
        return int(va.valid) - int(vb.valid);
    const qsizetype n = qMax(va.core.size(), vb.core.size());
    const QString zero = QStringLiteral("0");
    for (qsizetype i = 0; i < n; ++i) {
        const int c = compareNumbers(i < va.core.size() ? va.core.at(i) : zero,
                                     i < vb.core.size() ? vb.core.at(i) : zero);
        if (c != 0)
            return sign(c);
    }
    if (va.pre.isEmpty() || vb.pre.isEmpty())
        return int(va.pre.isEmpty()) - int(vb.pre.isEmpty());
    const qsizetype m = qMin(va.pre.size(), vb.pre.size());
    for (qsizetype i = 0; i < m; ++i) {
        const QString &x = va.pre.at(i);
        const QString &y = vb.pre.at(i);
        const bool xn = isDigits(x);
        const bool yn = isDigits(y);
        int c = 0;
        if (xn && yn)
            c = compareNumbers(x, y);
        else if (xn != yn)
            c = xn ? -1 : 1; // numeric identifiers sort before alphanumeric ones
        else
            c = x.compare(y);
        if (c != 0)
            return sign(c);
    }
    return sign(int(va.pre.size() - vb.pre.size()));
}

std::optional<UpdateInfo> UpdateChecker::parseFeed(const QByteArray &json, QString *error)
{
    auto bad = [error](const QString &why) -> std::optional<UpdateInfo> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return bad(tr("The update feed is not valid JSON: %1").arg(parseError.errorString()));
    if (!doc.isObject())
        return bad(tr("The update feed is not a JSON object."));
    const QJsonObject obj = doc.object();
    UpdateInfo info;
    info.version = obj.value(QLatin1String("version")).toString().trimmed();
    if (info.version.isEmpty() || !parseVersion(info.version).valid)
        return bad(tr("The update feed has no valid version."));
    const QJsonValue url = obj.value(QLatin1String("url"));
    if (!url.isUndefined() && !url.isNull()) {
        info.url = QUrl(url.toString(), QUrl::StrictMode);
        const QString scheme = info.url.scheme().toLower();
        if (!info.url.isValid() || info.url.host().isEmpty() ||
            (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            return bad(tr("The update feed has an invalid release address."));
    }
    info.notes = obj.value(QLatin1String("notes")).toString().left(4000);
    return info;
}

bool UpdateChecker::check(const QUrl &feedUrl)
{
    if (isRunning() || !isUsableFeedUrl(feedUrl))
        return false;
    QNetworkRequest request(feedUrl);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("telegraph-desktop/%1").arg(m_currentVersion));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    m_body.clear();
    m_tooLarge = false;
    m_cancelled = false;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &UpdateChecker::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &UpdateChecker::onFinished);
    return true;
}

bool UpdateChecker::checkIfDue(UpdateSettings &settings, const QDateTime &now)
{
    if (!settings.isDue(now) || !check(settings.feedUrl))
        return false;
    settings.lastCheck = now.toUTC();
    return true;
}

void UpdateChecker::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort();
}

void UpdateChecker::onReadyRead()
{
    if (!m_reply)
        return;
    m_body += m_reply->readAll();
    if (m_body.size() > MaxFeedSize) {
        m_tooLarge = true;
        m_body.clear();
        m_reply->abort();
    }
}

void UpdateChecker::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply.clear();
    reply->deleteLater();
    if (!m_tooLarge && reply->isOpen())
        m_body += reply->readAll();

    if (m_cancelled)
        return fail(tr("The update check was cancelled."));
    if (m_tooLarge || m_body.size() > MaxFeedSize)
        return fail(tr("The update feed is too large."));
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0)
            return fail(tr("The update feed answered with HTTP status %1.").arg(status));
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return fail(tr("The update feed did not answer in time."));
        return fail(tr("The update feed could not be reached: %1").arg(reply->errorString()));
    }
    QString error;
    const std::optional<UpdateInfo> info = parseFeed(m_body, &error);
    m_body.clear();
    if (!info)
        return fail(error);
    if (compareVersions(info->version, m_currentVersion) > 0)
        Q_EMIT updateAvailable(*info);
    else
        Q_EMIT upToDate(info->version);
    Q_EMIT finished();
}

void UpdateChecker::fail(const QString &message)
{
    m_body.clear();
    Q_EMIT checkFailed(message);
    Q_EMIT finished();
}

} // namespace tg
