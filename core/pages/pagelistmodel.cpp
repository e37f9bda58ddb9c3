// SPDX-License-Identifier: MIT
#include "pages/pagelistmodel.h"

#include "pages/pagecache.h"
#include "pages/pagelistsync.h"

namespace tg {

PageListModel::PageListModel(PageCache *cache, PageListSync *sync, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
    , m_sync(sync)
{
    if (m_sync) {
        connect(m_sync, &PageListSync::batchStored, this, &PageListModel::onBatchStored);
        // A failed batch stops fetching on scroll until the account is set or a batch arrives,
        // so an offline list does not ask again on every repaint.
        connect(m_sync, &PageListSync::batchFailed, this, [this] { m_fetchBlocked = true; });
        connect(m_sync, &PageListSync::refreshFinished, this, [this] {
            if (!m_sync->lastError().isError() && m_sync->accountKey() == m_account &&
                !m_account.isEmpty())
                Q_EMIT listRefreshed();
        });
    }
}

void PageListModel::setAccount(const QString &accountKey)
{
    beginResetModel();
    m_account = accountKey;
    m_pages.clear();
    m_total = -1;
    m_cachedCount = 0;
    m_fetchBlocked = false;
    if (m_cache && !m_account.isEmpty()) {
        m_total = m_cache->totalCount(m_account);
        m_cachedCount = m_cache->cachedCount(m_account);
        m_pages = m_cache->pages(m_account, 0, m_chunk);
    }
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
}

void PageListModel::reload()
{
    if (!m_cache || m_account.isEmpty())
        return;
    const int shown = int(m_pages.size());
    beginResetModel();
    m_total = m_cache->totalCount(m_account);
    m_cachedCount = m_cache->cachedCount(m_account);
    m_pages = m_cache->pages(m_account, 0, qMax(shown, m_chunk));
    endResetModel();
}

void PageListModel::loadAllCached()
{
    if (m_cache && !m_account.isEmpty() && m_pages.size() < m_cachedCount)
        appendFromCache(m_cachedCount - int(m_pages.size()));
}

int PageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pages.size());
}

int PageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_pages.size())
        return {};
    const Page &p = m_pages.at(index.row());
    switch (role) {
    case PathRole:
        return p.path;
    case UrlRole:
        return p.url;
    case Qt::ToolTipRole:
        return p.url;
    case Qt::TextAlignmentRole:
        if (index.column() == ViewsColumn || index.column() == CreatedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case TitleColumn:
            return role == SortRole ? QVariant(p.title.toCaseFolded()) : QVariant(p.title);
        case PathColumn:
            return p.path;
        case ViewsColumn:
            return p.views;
        case CreatedColumn: {
            const qint64 total = qMax<qint64>(m_total, m_pages.size());
            return total - index.row();
        }
        case DescriptionColumn:
            return p.description;
        }
        return {};
    default:
        return {};
    }
}

QVariant PageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case PathColumn:
        return tr("Path");
    case ViewsColumn:
        return tr("Views");
    case CreatedColumn:
        return tr("#", "created order");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

bool PageListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_account.isEmpty())
        return false;
    const int rows = int(m_pages.size());
    return rows < m_cachedCount || (m_sync && !m_fetchBlocked && (m_total < 0 || rows < m_total));
}

void PageListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    const int rows = int(m_pages.size());
    if (rows < m_cachedCount) {
        appendFromCache(m_chunk);
        return;
    }
    if (m_sync && !m_fetchBlocked && (m_total < 0 || rows < m_total))
        m_sync->fetchBatch(rows);
}

void PageListModel::appendFromCache(int limit)
{
    const int rows = int(m_pages.size());
    const QList<Page> more = m_cache->pages(m_account, rows, limit);
    if (more.isEmpty())
        return;
    beginInsertRows({}, rows, rows + int(more.size()) - 1);
    m_pages.append(more);
    endInsertRows();
}

void PageListModel::onBatchStored(int offset, int count, qint64 total)
{
    if (!m_cache || m_sync->accountKey() != m_account)
        return;
    m_fetchBlocked = false;
    const bool totalChanged = total != m_total;
    m_total = total;
    m_cachedCount = m_cache->cachedCount(m_account);
    const int rows = int(m_pages.size());
    if (offset <= rows && count > 0) {
        const QList<Page> fresh = m_cache->pages(m_account, offset, count);
        // Rows already shown are updated in place, the rest appended.
        const int overlap = qMin(rows - offset, int(fresh.size()));
        for (int i = 0; i < overlap; ++i)
            m_pages[offset + i] = fresh.at(i);
        if (overlap > 0)
            Q_EMIT dataChanged(index(offset, 0), index(offset + overlap - 1, ColumnCount - 1));
        if (fresh.size() > overlap) {
            beginInsertRows({}, rows, rows + int(fresh.size()) - overlap - 1);
            m_pages.append(fresh.mid(overlap));
            endInsertRows();
        }
    }
    if (m_pages.size() > m_total && m_total >= 0) {
        beginRemoveRows({}, int(m_total), int(m_pages.size()) - 1);
        m_pages.resize(m_total);
        endRemoveRows();
    }
    if (totalChanged) {
        if (!m_pages.isEmpty())
            Q_EMIT dataChanged(index(0, CreatedColumn),
                               index(int(m_pages.size()) - 1, CreatedColumn));
        Q_EMIT totalCountChanged(m_total);
    }
}

} // namespace tg
