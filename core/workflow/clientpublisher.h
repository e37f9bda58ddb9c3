// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/publisher.h"

#include <QPointer>
#include <QTimer>

#include <optional>

namespace tg {

class ApiJob;
class TelegraphClient;
struct ApiError;

/// Publisher over the Telegraph client: createPage/editPage/getPage with the client's token.
/// A flood wait is counted down second by second (floodWait signal) and the publish is sent
/// again when it ends; network failures come back as a plain offline message.
class ClientPublisher : public Publisher
{
    Q_OBJECT
public:
    /// Uses the client (not owned); its own flood retry is switched off so the wait is shown here.
    explicit ClientPublisher(TelegraphClient *client, QObject *parent = nullptr);

    bool publish(const PublishRequest &request) override;
    bool fetch(const QString &pathOrUrl) override;
    void cancel() override;
    bool isBusy() const override;
    QString siteUrl() const override;

    /// Longest flood wait that is waited out automatically; longer ones fail.
    void setMaxFloodWaitSeconds(int seconds) { m_maxFloodWait = seconds; }

private:
    void send();
    void onPublishFailed(const ApiError &error);
    void tick();
    PublishOutcome errorOutcome(const ApiError &error) const;

    TelegraphClient *m_client;
    std::optional<PublishRequest> m_request;
    QPointer<ApiJob> m_job;
    QTimer m_countdown;
    int m_secondsLeft = 0;
    int m_maxFloodWait = 600;
};

} // namespace tg
