// SPDX-License-Identifier: MIT
#pragma once

#include "api/apitypes.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace tg {

class PageCache;
class PageListSync;

/// The current account's pages as a table (title, path, views, created order, description),
/// read from the PageCache at once and grown page by page as the view scrolls: fetchMore()
/// takes further rows from the cache and, past its end, asks the PageListSync for the next
/// getPageList batch. Batches stored by a background refresh update the rows in place.
class PageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        PathColumn,
        ViewsColumn,
        CreatedColumn, ///< 1 for the oldest page; the list is newest first
        DescriptionColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1, ///< the page path (any column)
        UrlRole,                     ///< the page URL (any column)
        SortRole,                    ///< numbers as numbers, text folded for sorting
    };

    /// Neither is owned; `sync` may be null (then only the cache is shown).
    PageListModel(PageCache *cache, PageListSync *sync, QObject *parent = nullptr);

    /// Rows read from the cache per fetchMore() (default 500).
    void setCacheChunk(int rows) { m_chunk = qMax(1, rows); }

    /// Shows an account's cached pages (the first chunk at once); empty key clears the list.
    void setAccount(const QString &accountKey);
    QString accountKey() const { return m_account; }
    /// Re-reads the rows shown so far from the cache.
    void reload();
    /// Loads every cached row (before filtering or sorting the whole list).
    void loadAllCached();

    /// The page of a row (without content).
    const Page &page(int row) const { return m_pages.at(row); }
    /// All rows loaded so far.
    const QList<Page> &pages() const { return m_pages; }
    /// The server's page count as last seen (-1 when never fetched).
    qint64 totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// The server's page count changed (after a batch arrived).
    void totalCountChanged(qint64 total);
    /// A full refresh of this account's list from the server succeeded: the rows now show the
    /// server's numbers (views), so what is derived from them may be fetched again.
    void listRefreshed();

private:
    void onBatchStored(int offset, int count, qint64 total);
    void appendFromCache(int limit);

    PageCache *m_cache;
    PageListSync *m_sync;
    QString m_account;
    QList<Page> m_pages;
    qint64 m_total = -1;
    int m_cachedCount = 0;
    int m_chunk = 500;
    bool m_fetchBlocked = false;
};

} // namespace tg
