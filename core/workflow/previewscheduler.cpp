// SPDX-License-Identifier: MIT
#include "workflow/previewscheduler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace tg {

PreviewScheduler::PreviewScheduler(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ConversionResult>();
    connect(&m_watcher, &QFutureWatcher<ConversionResult>::finished, this,
            &PreviewScheduler::onFinished);
}

PreviewScheduler::~PreviewScheduler()
{
    m_watcher.waitForFinished();
}

void PreviewScheduler::request(const ConversionInput &input)
{
    if (m_running) {
        m_pending = input;
        return;
    }
    start(input);
}

bool PreviewScheduler::isBusy() const
{
    return m_running;
}

void PreviewScheduler::start(const ConversionInput &input)
{
    m_running = true;
    m_watcher.setFuture(QtConcurrent::run([input] { return convertContent(input); }));
}

void PreviewScheduler::onFinished()
{
    m_running = false;
    const ConversionResult result = m_watcher.result();
    if (m_pending) {
        const ConversionInput next = *m_pending;
        m_pending.reset();
        start(next);
    }
    Q_EMIT converted(result);
}

} // namespace tg
