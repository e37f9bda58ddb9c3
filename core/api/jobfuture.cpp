// SPDX-License-Identifier: MIT
#include "api/jobfuture.h"

#include "api/apijob.h"

#include <QPromise>

#include <memory>

namespace tg {

QFuture<ApiError> toFuture(ApiJob *job)
{
    auto promise = std::make_shared<QPromise<ApiError>>();
    QFuture<ApiError> future = promise->future();
    promise->start();
    if (job->isFinished()) {
        promise->addResult(job->error());
        promise->finish();
        return future;
    }
    QObject::connect(job, &ApiJob::finished, job, [promise, job] {
        promise->addResult(job->error());
        promise->finish();
    });
    return future;
}

} // namespace tg
