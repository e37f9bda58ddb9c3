// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/contentconverter.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace tg {

/// Runs convertContent() on a worker thread with coalescing: while one conversion runs, newer
/// requests replace each other and only the newest runs when it ends. Stale renders never queue.
class PreviewScheduler : public QObject
{
    Q_OBJECT
public:
    explicit PreviewScheduler(QObject *parent = nullptr);
    ~PreviewScheduler() override;

    /// Asks for a conversion of this snapshot.
    void request(const ConversionInput &input);
    bool isBusy() const;

Q_SIGNALS:
    /// A conversion finished; its serial says which snapshot it belongs to.
    void converted(const tg::ConversionResult &result);

private:
    void start(const ConversionInput &input);
    void onFinished();

    QFutureWatcher<ConversionResult> m_watcher;
    std::optional<ConversionInput> m_pending;
    bool m_running = false;
};

} // namespace tg
