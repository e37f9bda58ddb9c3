// SPDX-License-Identifier: MIT
#include "window/publishfolderdialog.h"

#include "api/imagehost.h"
#include "storage/draftstore.h"
#include "window/dialogsize.h"
#include "window/draftsourcefiles.h"
#include "workflow/draftfiles.h"
#include "workflow/folderpublisher.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tg {

PublishFolderDialog::PublishFolderDialog(TelegraphClient *client, ImageHost *images,
                                         DraftStore *store, QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_images(images)
    , m_store(store)
    , m_settings(settings)
    , m_folder(new QLineEdit(this))
    , m_choose(new QPushButton(tr("C&hoose…"), this))
    , m_force(new QCheckBox(tr("&Republish every page, even unchanged ones"), this))
    , m_unpublishRemoved(new QCheckBox(tr("&Mark the pages of deleted files as removed"), this))
    , m_table(new QTableWidget(0, 4, this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_publish(new QPushButton(tr("&Publish"), this))
    , m_cancel(new QPushButton(tr("&Stop"), this))
    , m_close(new QPushButton(tr("&Close"), this))
{
    setWindowTitle(tr("Publish Folder"));
    auto *intro = new QLabel(
        tr("Every Markdown and HTML file of the folder becomes a page; links between the files "
           "become links between the pages and local images are uploaded once. The folder's "
           ".telegraph.json remembers the pages, so publishing again updates only what changed."),
        this);
    intro->setWordWrap(true);
    m_folder->setAccessibleName(tr("Folder to publish"));
    m_table->setObjectName(QStringLiteral("folderPlanTable"));
    m_table->setAccessibleName(tr("What publishing does with each file"));
    m_table->setHorizontalHeaderLabels({tr("File"), tr("Page"), tr("Action"), tr("Size")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PageColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_progress->setAccessibleName(tr("Publishing progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_publish->setEnabled(false);
    m_publish->setDefault(true);
    m_cancel->setEnabled(false);

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);
    auto *form = new QFormLayout;
    form->addRow(tr("&Folder:"), folderRow);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_publish);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_force);
    layout->addWidget(m_unpublishRemoved);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    fitDialogToText(this, 90);

    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder to Publish"), m_folder->text());
        if (!dir.isEmpty())
            setFolder(dir);
    });
    connect(m_folder, &QLineEdit::editingFinished, this, &PublishFolderDialog::replan);
    connect(m_force, &QCheckBox::toggled, this, &PublishFolderDialog::replan);
    connect(m_unpublishRemoved, &QCheckBox::toggled, this, &PublishFolderDialog::showPlan);
    connect(m_publish, &QPushButton::clicked, this, &PublishFolderDialog::publish);
    connect(m_cancel, &QPushButton::clicked, this, &PublishFolderDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<FolderPlan>::finished, this, [this] {
        m_plan = m_watcher.result();
        if (m_replanQueued) {
            m_replanQueued = false;
            replan();
            return;
        }
        showPlan();
        Q_EMIT planReady();
    });
}

PublishFolderDialog::~PublishFolderDialog()
{
    // The publication (and its upload) ends before the image host it uses goes.
    if (m_publisher) {
        m_publisher->cancel();
        delete m_publisher.data();
    }
    m_watcher.waitForFinished();
}

void PublishFolderDialog::adoptImageHost(std::unique_ptr<ImageHost> host)
{
    m_ownedImages = std::move(host);
    m_images = m_ownedImages.get();
}

void PublishFolderDialog::setFolder(const QString &folder)
{
    m_folder->setText(folder);
    replan();
}

QString PublishFolderDialog::folder() const
{
    return m_folder->text().trimmed();
}

void PublishFolderDialog::replan()
{
    if (m_publisher && m_publisher->isBusy())
        return;
    if (m_watcher.isRunning()) {
        m_replanQueued = true;
        return;
    }
    if (folder().isEmpty()) {
        m_status->setText(tr("Choose a folder of Markdown or HTML files."));
        return;
    }
    m_publish->setEnabled(false);
    m_status->setText(tr("Reading the folder…"));
    FolderPlanOptions options;
    options.force = m_force->isChecked();
    const QString dir = folder();
    // Reading and converting grow with the folder: never on the GUI thread.
    m_watcher.setFuture(
        QtConcurrent::run([dir, options] { return FolderPlanner::build(dir, options); }));
}

void PublishFolderDialog::showPlan()
{
    m_table->setRowCount(0);
    if (!m_plan.ok()) {
        m_status->setText(m_plan.error);
        m_publish->setEnabled(false);
        return;
    }
    const QLocale locale;
    m_table->setRowCount(int(m_plan.items.size()));
    for (int row = 0; row < m_plan.items.size(); ++row) {
        const FolderPlanItem &item = m_plan.items.at(row);
        auto cell = [this, row](int column, const QString &text, const QString &tip = {}) {
            auto *c = new QTableWidgetItem(text);
            c->setToolTip(tip.isEmpty() ? text : tip);
            m_table->setItem(row, column, c);
        };
        cell(FileColumn, item.file);
        cell(PageColumn, item.pageUrl);
        cell(ActionColumn, FolderPlan::actionText(item.action), item.reason);
        cell(SizeColumn, item.size > 0 ? locale.formattedDataSize(item.size) : QString());
        m_table->item(row, ActionColumn)
            ->setData(Qt::UserRole, FolderPlan::actionName(item.action));
    }
    const int create = m_plan.count(FolderAction::Create);
    const int update = m_plan.count(FolderAction::Update);
    const int series = m_plan.count(FolderAction::Series);
    const int removed = m_plan.count(FolderAction::Removed);
    QStringList parts;
    parts << tr("%n to create", nullptr, create) << tr("%n to update", nullptr, update)
          << tr("%n too big, as a series", nullptr, series)
          << tr("%n unchanged", nullptr, m_plan.count(FolderAction::Unchanged));
    if (removed > 0)
        parts << tr("%n removed", nullptr, removed);
    if (m_plan.count(FolderAction::Skipped) > 0)
        parts << tr("%n skipped", nullptr, m_plan.count(FolderAction::Skipped));
    QString text = parts.join(QStringLiteral(", ")) + u'.';
    if (!m_resultMessage.isEmpty())
        text = m_resultMessage + u'\n' + text;
    if (!m_plan.warnings.isEmpty())
        text += u' ' + tr("%n warning(s): %1", nullptr, int(m_plan.warnings.size()))
                           .arg(m_plan.warnings.mid(0, 5).join(QStringLiteral("; ")));
    m_status->setText(text);
    const bool work =
        create + update + series > 0 || (removed > 0 && m_unpublishRemoved->isChecked());
    m_publish->setEnabled(work && m_client);
}

void PublishFolderDialog::publish()
{
    if (!m_client || !m_plan.ok() || (m_publisher && m_publisher->isBusy()) ||
        m_watcher.isRunning())
        return;
    if (m_publisher)
        m_publisher->deleteLater();
    m_publisher = new FolderPublisher(m_client, m_images, this);
    connect(m_publisher, &PublishFlow::progress, m_status, &QLabel::setText);
    connect(m_publisher, &FolderPublisher::stepProgress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_publisher, &PublishFlow::floodCountdown, this, [this](int seconds) {
        if (seconds > 0)
            m_status->setText(tr("Flood control: retrying in %n second(s)…", nullptr, seconds));
    });
    connect(m_publisher, &FolderPublisher::pagePublished, this, &PublishFolderDialog::onPublished);
    connect(m_publisher, &PublishFlow::finished, this, &PublishFolderDialog::onFinished);
    FolderPublishOptions options;
    options.force = m_force->isChecked();
    options.unpublishRemoved = m_unpublishRemoved->isChecked();
    setRunning(true);
    m_resultMessage.clear();
    m_publisher->publish(m_plan, options);
}

void PublishFolderDialog::cancel()
{
    if (m_publisher && m_publisher->isBusy())
        m_publisher->cancel();
}

void PublishFolderDialog::setRunning(bool running)
{
    m_publish->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_folder->setEnabled(!running);
    m_choose->setEnabled(!running);
    m_force->setEnabled(!running);
    m_unpublishRemoved->setEnabled(!running);
}

void PublishFolderDialog::onPublished(const QString &file, const QString &url)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, FileColumn);
        if (item && item->text() == file) {
            m_table->item(row, PageColumn)->setText(url);
            m_table->item(row, PageColumn)->setToolTip(url);
            break;
        }
    }
    linkDraft(file);
}

void PublishFolderDialog::linkDraft(const QString &file)
{
    if (!m_store || !m_settings || !m_publisher)
        return;
    const FolderPageRecord record = m_publisher->mapping().pages.value(file);
    const QString path = QFileInfo(QDir(m_plan.directory).filePath(file)).absoluteFilePath();
    // The draft opened from this file, if any (DraftSourceFiles keeps them by draft id).
    std::optional<Draft> draft;
    DraftSourceFiles sources(m_settings);
    m_settings->beginGroup(QStringLiteral("drafts/sourceFiles"));
    const QStringList ids = m_settings->childKeys();
    m_settings->endGroup();
    for (const QString &id : ids) {
        if (sources.path(id) == path) {
            draft = m_store->draft(id);
            if (draft && !draft->trashed)
                break;
            draft.reset();
        }
    }
    if (!draft) {
        const ImportResult imported = DraftFiles::importFile(path);
        if (!imported.ok)
            return;
        draft = imported.draft;
        const int index = m_plan.sourceIndex.value(file, -1);
        if (index >= 0)
            draft->title = m_plan.sources.at(index).title;
        sources.set(draft->id, path);
    }
    if (draft->pagePath == record.path && draft->pageUrl == record.url)
        return;
    draft->pagePath = record.path;
    draft->pageUrl = record.url;
    m_store->save(*draft);
    ++m_linkedDrafts;
    Q_EMIT draftLinked(draft->id, record.path, record.url);
}

void PublishFolderDialog::onFinished(const PublishResult &result)
{
    setRunning(false);
    m_resultMessage = result.message;
    m_status->setText(result.message);
    Q_EMIT publishFinished(result);
    replan();
}

void PublishFolderDialog::done(int result)
{
    cancel();
    QDialog::done(result);
}

} // namespace tg
