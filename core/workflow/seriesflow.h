// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/contentconverter.h"
#include "workflow/publishflow.h"

#include <QFutureWatcher>

#include <functional>
#include <optional>

class QSettings;

namespace tg {

class DraftStore;

/// Publishes a draft too long for one page as a series: converts it once off the calling
/// thread (unless given the content), splits it (SeriesSplitter), creates the parts that do
/// not exist yet, then creates or edits the index, then edits every part so it links to the
/// index, the previous and the next part. The pages are kept per draft (SeriesRecord in the
/// settings), so a later run edits the same pages; a run that fails or is cancelled keeps what
/// it created in that record.
class SeriesFlow : public PublishFlow
{
    Q_OBJECT
public:
    /// `settings` keeps the records, `store` gets the draft saved; either may be null.
    SeriesFlow(TelegraphClient *client, QSettings *settings, DraftStore *store,
               QObject *parent = nullptr);
    ~SeriesFlow() override;

    /// Starts publishing `draft` (its content when given, else converted from its body);
    /// finished() follows. False while busy.
    bool publish(const Draft &draft, const std::optional<NodeList> &content = std::nullopt);
    /// The pages as far as they are known (complete after a successful run).
    const SeriesRecord &record() const { return m_record; }
    QString title() const override;

protected:
    PublishResult::Kind kind() const override { return PublishResult::Kind::Series; }
    void cancelIdle() override;

private:
    void start(const NodeList &content);
    void buildSteps();
    void next();
    void end(bool ok, const ApiError &error);

    QSettings *m_settings;
    DraftStore *m_store;
    Draft m_draft;
    QList<NodeList> m_parts;
    SeriesRecord m_record;
    QList<std::function<void()>> m_steps;
    QFutureWatcher<ConversionResult> m_watcher;
};

} // namespace tg
