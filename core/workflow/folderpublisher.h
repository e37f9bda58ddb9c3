// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequests.h"
#include "workflow/folderplan.h"
#include "workflow/publishflow.h"

#include <QSet>

#include <functional>

namespace tg {

class ImageHost;

/// Choices of a folder publication beyond the plan.
struct FolderPublishOptions
{
    bool force = false;            ///< edit every selected page, even when nothing changed
    bool unpublishRemoved = false; ///< pages of deleted files get a short "removed" notice
};

/// What a folder publication did, counted per file (images per upload).
struct FolderPublishSummary
{
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    int imagesUploaded = 0;
    int writes = 0;       ///< createPage and editPage calls that succeeded
    QStringList failures; ///< "file: reason" of files refused before sending
};

/// Publishes a folder by its plan (FolderPlanner): uploads the local images the mapping does not
/// know yet (once per content hash), creates the pages of new files (links to pages not created
/// yet are left as written; a file too big for one page gets its contents page first), then
/// edits every page whose content, with every link now resolved to a page URL, differs from
/// what the mapping says it holds (so creation order and cycles do not matter, and a second run
/// sends nothing), a series as its parts and contents page (SeriesSplitter). The mapping file is
/// written atomically after every page, so a run that is cancelled or killed resumes without
/// duplicates. Flood waits are waited out by the client (the flow's floodCountdown shows them).
class FolderPublisher : public PublishFlow
{
    Q_OBJECT
public:
    /// `images` uploads local images (may be null: then a file with a new local image fails);
    /// neither is owned.
    FolderPublisher(TelegraphClient *client, ImageHost *images, QObject *parent = nullptr);
    ~FolderPublisher() override;

    /// Starts publishing `plan` (it must be ok()); finished() follows. False while busy.
    bool publish(const FolderPlan &plan, const FolderPublishOptions &options = {});
    /// The mapping as written so far.
    const FolderMapping &mapping() const { return m_mapping; }
    const FolderPublishSummary &summary() const { return m_summary; }
    QString title() const override;

Q_SIGNALS:
    /// Steps done of the steps planned (images, pages to create, pages to check, removals).
    void stepProgress(int done, int total);
    /// A file's page was created or edited; `url` is the page (the contents page of a series).
    void pagePublished(const QString &file, const QString &url);

protected:
    PublishResult::Kind kind() const override { return PublishResult::Kind::Publish; }
    void cancelIdle() override;

private:
    void planSteps();
    void next();
    void stepDone();
    void end(bool ok, const ApiError &error);
    bool saveMapping();
    /// Sends a page request; `done` gets the page; a request refused before sending counts as
    /// the file's failure and the run goes on.
    void sendPage(const QString &file, bool edit, const PageRequest &request,
                  std::function<void(const Page &)> done);
    PageRequest request(const FolderSource &source, const QString &path, const QString &title,
                        const NodeList &content) const;
    void uploadImage(const FolderImage &image);
    void createPage(int source);
    void checkPage(int source);
    void publishSeries(int source, const NodeList &content, const QString &hash);
    void unpublish(const QString &file);
    /// Takes over the pages an interrupted run made for `pending` files (same title, made on
    /// the day it was sent or the next, not in the mapping).
    void adopt(const QList<Page> &pages, const QStringList &pending);

    ImageHost *m_images;
    FolderPlan m_plan;
    FolderMapping m_mapping;
    FolderPublishOptions m_options;
    FolderPublishSummary m_summary;
    QSet<QString> m_created; ///< files whose page this run created
    QSet<QString> m_updated;
    QString m_accountAuthor;
    QString m_accountAuthorUrl;
    /// One step of the run; the sub-steps of a series name their file.
    struct Step
    {
        QString subOf;
        std::function<void()> run;
    };
    QList<Step> m_steps;
    int m_done = 0;
    int m_total = 0;
};

} // namespace tg
