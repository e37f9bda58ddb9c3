// SPDX-License-Identifier: MIT
#include "pages/pagelistwidget.h"

#include "pages/csvexport.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistsync.h"
#include "window/linkopener.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace tg {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

PageListWidget::PageListWidget(PageListModel *model, PageListSync *sync, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_sync(sync)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_refresh(new QAction(tr("&Refresh"), this))
    , m_cancel(new QAction(tr("&Cancel"), this))
    , m_openEditor(new QAction(tr("Open in &Editor"), this))
    , m_openBrowser(new QAction(tr("Open in &Browser"), this))
    , m_copyUrl(new QAction(tr("&Copy URL"), this))
    , m_unpublish(new QAction(tr("&Unpublish…"), this))
    , m_exportCsv(new QAction(tr("Export &CSV…"), this))
    , m_openUrl([this](const QUrl &url) { LinkOpener::open(url, this); })
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PageListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setDynamicSortFilter(true);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PageListModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAlternatingRowColors(true);

    m_filter->setPlaceholderText(tr("Filter by title, path or description"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter pages"));
    m_view->setAccessibleName(tr("Pages"));
    m_progress->setAccessibleName(tr("Page list refresh progress"));
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    m_cancel->setEnabled(false);
    m_openEditor->setShortcut(Qt::Key_Return);
    m_copyUrl->setShortcut(QKeySequence::Copy);
    m_copyUrl->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_openEditor->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *a : {m_openEditor, m_openBrowser, m_copyUrl, m_unpublish})
        m_view->addAction(a);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(toolButton(m_refresh, this));
    top->addWidget(toolButton(m_exportCsv, this));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(toolButton(m_cancel, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    connect(m_filter, &QLineEdit::textChanged, this, &PageListWidget::setFilterText);
    connect(m_refresh, &QAction::triggered, this, &PageListWidget::refresh);
    connect(m_cancel, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->cancel();
    });
    connect(m_openEditor, &QAction::triggered, this, [this] {
        if (const auto p = currentPage())
            Q_EMIT openInEditorRequested(*p);
    });
    connect(m_openBrowser, &QAction::triggered, this, [this] {
        if (const auto p = currentPage())
            m_openUrl(QUrl(p->url));
    });
    connect(m_copyUrl, &QAction::triggered, this, [this] {
        if (const auto p = currentPage())
            QApplication::clipboard()->setText(p->url);
    });
    connect(m_unpublish, &QAction::triggered, this, [this] {
        if (const auto p = currentPage())
            Q_EMIT unpublishRequested(*p);
    });
    connect(m_exportCsv, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Export Pages"), QStringLiteral("pages.csv"), tr("CSV files (*.csv)"));
        if (file.isEmpty())
            return;
        QString error;
        if (!exportCsv(file, &error))
            m_status->setText(error);
    });
    connect(m_view, &QTableView::doubleClicked, m_openEditor, &QAction::trigger);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addActions({m_openEditor, m_openBrowser, m_copyUrl});
        menu.addSeparator();
        menu.addAction(m_unpublish);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PageListWidget::onCurrentRowChanged);
    // Rows move when the list changes (a refresh, a new page on top): the selection follows
    // the page, not the row.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &PageListWidget::keepSelection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PageListWidget::keepSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &PageListWidget::keepSelection);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PageListWidget::keepSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PageListWidget::keepSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PageListWidget::updateActions);
    connect(m_model, &PageListModel::totalCountChanged, this, [this](qint64 total) {
        m_status->setText(total >= 0 ? tr("%n page(s)", nullptr, int(total)) : QString());
    });
    if (m_sync) {
        connect(m_sync, &PageListSync::progress, this, &PageListWidget::onProgress);
        connect(m_sync, &PageListSync::refreshFinished, this, &PageListWidget::onRefreshFinished);
    } else {
        m_refresh->setEnabled(false);
    }
    updateActions();
}

std::optional<Page> PageListWidget::currentPage() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(current);
    if (!source.isValid() || source.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->page(source.row());
}

void PageListWidget::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    if (!text.isEmpty())
        m_model->loadAllCached();
    m_proxy->setFilterFixedString(text);
}

bool PageListWidget::exportCsv(const QString &filePath, QString *error) const
{
    QList<Page> pages;
    pages.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        pages.append(m_model->page(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    QSaveFile f(filePath);
    const QByteArray data = csv::pages(pages);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(filePath, f.errorString());
        return false;
    }
    return true;
}

void PageListWidget::refresh()
{
    if (!m_sync || m_sync->isRefreshing())
        return;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setEnabled(true);
    m_refresh->setEnabled(false);
    m_status->setText(tr("Refreshing…"));
    m_sync->refresh();
}

void PageListWidget::onProgress(int done, int total)
{
    m_progress->setVisible(true);
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void PageListWidget::onRefreshFinished()
{
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_refresh->setEnabled(true);
    const ApiError &e = m_sync->lastError();
    if (e.category == ApiError::Category::Cancelled)
        m_status->setText(tr("Refresh cancelled."));
    else if (e.isError())
        m_status->setText(tr("Refresh failed: %1").arg(e.message));
    else
        m_status->setText(tr("%n page(s)", nullptr, int(m_model->totalCount())));
}

void PageListWidget::onCurrentRowChanged()
{
    updateActions();
    if (m_restoring)
        return;
    const Page page = currentPage().value_or(Page());
    if (page.path == m_currentPath)
        return;
    m_currentPath = page.path;
    Q_EMIT currentPageChanged(page);
}

void PageListWidget::keepSelection()
{
    if (m_currentPath.isEmpty())
        return;
    const std::optional<Page> shown = currentPage();
    if (shown && shown->path == m_currentPath)
        return;
    QModelIndex target;
    const QList<Page> &pages = m_model->pages();
    for (int row = 0; row < pages.size(); ++row) {
        if (pages.at(row).path == m_currentPath) {
            target = m_proxy->mapFromSource(m_model->index(row, 0));
            break;
        }
    }
    if (!target.isValid()) {
        // The page is gone from the rows shown (filtered out, another account): say what is
        // selected now.
        onCurrentRowChanged();
        return;
    }
    m_restoring = true;
    m_view->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_restoring = false;
    m_view->scrollTo(target);
    updateActions();
}

void PageListWidget::updateActions()
{
    const bool has = currentPage().has_value();
    for (QAction *a : {m_openEditor, m_openBrowser, m_copyUrl, m_unpublish})
        a->setEnabled(has);
}

} // namespace tg
