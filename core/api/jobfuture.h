// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QFuture>

namespace tg {

class ApiJob;

/// A QFuture that finishes with the job: its one result is the job's error (category None on
/// success); read typed results from the job itself. Lets code that composes futures
/// (QFuture::then, QFutureWatcher) await jobs. If the job is destroyed before it finishes, the
/// future is cancelled.
QFuture<ApiError> toFuture(ApiJob *job);

} // namespace tg
