// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/folderpublisher.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QTableWidget;

namespace tg {

class DraftStore;
class ImageHost;
class TelegraphClient;
struct PublishResult;

/// File → Publish Folder…: choose a folder, see its plan as a table (file, page, action, size),
/// publish it (FolderPublisher) with progress, a flood-wait countdown and cancel. Each file
/// published leaves its draft linked to its page: the draft opened from that file (it keeps the
/// page's path and URL), or a new draft imported from it. The plan is made off the GUI thread.
class PublishFolderDialog : public QDialog
{
    Q_OBJECT
public:
    /// Columns of the plan table.
    enum Column
    {
        FileColumn,
        PageColumn,
        ActionColumn,
        SizeColumn
    };

    /// None is owned; `images` (may be null), `store` and `settings` (may be null: no drafts
    /// are linked) must outlive the dialog.
    PublishFolderDialog(TelegraphClient *client, ImageHost *images, DraftStore *store,
                        QSettings *settings, QWidget *parent = nullptr);
    ~PublishFolderDialog() override;

    /// Gives the dialog an image host to own (e.g. one made from the settings) and uses it.
    void adoptImageHost(std::unique_ptr<ImageHost> host);

    /// Shows `folder` and plans it (planReady() follows).
    void setFolder(const QString &folder);
    QString folder() const;

    QLineEdit *folderEdit() const { return m_folder; }
    QCheckBox *forceBox() const { return m_force; }
    QCheckBox *unpublishRemovedBox() const { return m_unpublishRemoved; }
    QTableWidget *planTable() const { return m_table; }
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    /// The plan shown (empty before the first planReady()).
    const FolderPlan &plan() const { return m_plan; }
    /// The running publication, or null.
    FolderPublisher *publisher() const { return m_publisher; }
    /// Drafts linked to their pages so far.
    int linkedDrafts() const { return m_linkedDrafts; }

public Q_SLOTS:
    /// Plans the folder again (after a change on disk or of the options).
    void replan();
    /// Publishes the plan shown.
    void publish();
    /// Stops the publication; what was published stays (and is in the mapping file).
    void cancel();

Q_SIGNALS:
    /// The plan of the folder is in the table (or the error in the status line).
    void planReady();
    /// The publication ended (ok, failed or cancelled).
    void publishFinished(const tg::PublishResult &result);
    /// The draft `id` now names its page; the window reloads it when it is open.
    void draftLinked(const QString &id, const QString &pagePath, const QString &pageUrl);

protected:
    void done(int result) override;

private:
    void showPlan();
    void onPublished(const QString &file, const QString &url);
    void onFinished(const PublishResult &result);
    void setRunning(bool running);
    void linkDraft(const QString &file);

    TelegraphClient *m_client;
    ImageHost *m_images;
    std::unique_ptr<ImageHost> m_ownedImages;
    QString m_resultMessage;
    DraftStore *m_store;
    QSettings *m_settings;
    FolderPlan m_plan;
    QFutureWatcher<FolderPlan> m_watcher;
    QPointer<FolderPublisher> m_publisher;
    bool m_replanQueued = false;
    int m_linkedDrafts = 0;
    QLineEdit *m_folder;
    QPushButton *m_choose;
    QCheckBox *m_force;
    QCheckBox *m_unpublishRemoved;
    QTableWidget *m_table;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_publish;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace tg
