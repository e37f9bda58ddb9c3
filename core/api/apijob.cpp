// SPDX-License-Identifier: MIT
#include "api/apijob.h"

#include "api/apilog.h"
#include "api/requestscheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace tg {

ApiJob::ApiJob(const QString &method, QObject *parent)
    : QObject(parent)
    , m_method(method)
{}

ApiJob::~ApiJob()
{
    if (m_scheduler && !isFinished())
        m_scheduler->forget(this);
}

QJsonValue ApiJob::result() const
{
    if (m_result.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson('[' + m_result + ']');
    return doc.array().at(0);
}

bool ApiJob::acceptResult(const QByteArray &, QString *)
{
    return true;
}

void ApiJob::cancel()
{
    if (isFinished())
        return;
    m_cancelRequested = true;
    qCDebug(lcApi) << m_method << "cancelled";
    if (m_scheduler) {
        m_scheduler->cancel(this);
    } else {
        abortWork();
    }
    finishError(ApiError::make(ApiError::Category::Cancelled, tr("Cancelled")));
}

void ApiJob::finishSuccess()
{
    if (isFinished())
        return;
    m_state = State::Finished;
    m_error = {};
    Q_EMIT succeeded();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

void ApiJob::finishError(const ApiError &error)
{
    if (isFinished())
        return;
    m_state = State::Finished;
    m_error = error;
    if (!m_error.isError())
        m_error.category = ApiError::Category::Protocol;
    Q_EMIT failed(m_error);
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

void ApiJob::finishErrorLater(const ApiError &error)
{
    qCDebug(lcApi) << m_method << "not sent:" << redactTokens(error.toString());
    QTimer::singleShot(0, this, [this, error] { finishError(error); });
}

} // namespace tg
