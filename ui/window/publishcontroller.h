// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"
#include "storage/draft.h"

#include <QObject>

#include <memory>

class QSettings;

namespace tg {

class DraftPublishFlow;
class DraftStore;
class MainWindow;
class PageFetchFlow;
class SeriesFlow;
class TelegraphClient;
struct PublishResult;

/// The window's side of publishing: takes a snapshot of the open draft and hands it to the
/// flows (publish, series, opening a page), shows each flow in the message area, asks whether
/// a text too long for one page goes out as a series, and brings the results into the editor
/// (the draft's page, a fetched page opened as a draft). The flows do the work off the GUI
/// thread and record the revisions.
class PublishController : public QObject
{
    Q_OBJECT
public:
    /// None is owned; all outlive the controller.
    PublishController(MainWindow *window, DraftStore *store, QSettings *settings);
    ~PublishController() override;

    /// Publishes through this client (not owned; null: no server, publishing is refused).
    void setClient(TelegraphClient *client);
    TelegraphClient *client() const { return m_client; }

    /// Publishes or updates the open draft (as a series when it was published as one). A draft
    /// with links without an address (empty, or only "https://") is not sent at once: the
    /// message area lists them, with "Publish Anyway" to send it as it is.
    void publish();
    /// The link texts of the links without an address in this content.
    static QStringList emptyLinks(const NodeList &content);
    /// Publishes or updates the open draft as a series.
    void publishAsSeries();
    /// Fetches a page and opens it as a new draft.
    void openPage(const QString &pathOrUrl);
    /// Opens the draft a page was published from, else fetches the page.
    void editPage(const QString &pathOrUrl);

    DraftPublishFlow *publishFlow() const { return m_publish.get(); }
    SeriesFlow *seriesFlow() const { return m_series.get(); }
    PageFetchFlow *fetchFlow() const { return m_fetch.get(); }

Q_SIGNALS:
    /// A publish or update of a page or of a series (Kind::Series) ended (also when it was
    /// refused).
    void publishFinished(const tg::PublishResult &result);
    /// A fetched page was opened as a draft (or could not be).
    void pageOpened(const tg::PublishResult &result);

private:
    /// False (with the reason shown) when there is no server or publishing runs already.
    bool canStart();
    Draft snapshot() const;
    void onPublished(const PublishResult &result);
    void onSeriesFinished(const PublishResult &result);
    void onFetched(const PublishResult &result);
    /// Publishes the snapshot unless it has links without an address (held, with Publish Anyway).
    void publishChecked(const Draft &draft, const QStringList &emptyLinks);

    MainWindow *m_window;
    DraftStore *m_store;
    QSettings *m_settings;
    TelegraphClient *m_client = nullptr;
    Draft m_snapshot;                   ///< the draft as it was handed to the last publish
    bool m_emptyLinksConfirmed = false; ///< the next publish() goes out despite empty links
    /// The snapshot's links are being checked off the GUI thread (the preview was behind).
    bool m_checkingLinks = false;
    std::unique_ptr<DraftPublishFlow> m_publish;
    std::unique_ptr<SeriesFlow> m_series;
    std::unique_ptr<PageFetchFlow> m_fetch;
};

} // namespace tg
